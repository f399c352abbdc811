import { z } from "zod";
import { InputError, type InputProblem } from "../../io/InputError";
import { readJsonFile } from "../../io/readJson";
import { parsePlan, type Plan } from "../../plan/index";
import { type InputCorrelation, parseCorrelations } from "./inputCorrelations";
import { isJsonRecord, type JsonRecord, zodProblems } from "./inputProblems";
import { isPlanOverlay, resolvePlanOverlay } from "./planOverlay";
import { capacityProblems, type SimulationAssumptions, simulationAssumptions, simulationSchema } from "./simulationSection";
import { extremeValueProblems, type UncertainInput, withBaseValues } from "./uncertainInputs";

export { inputCorrelationMatrix, type InputCorrelation } from "./inputCorrelations";
export type { BenefitModel, CostView, SimulationAssumptions } from "./simulationSection";
export type { UncertainInput } from "./uncertainInputs";
export { isPlanOverlay, resolvePlanOverlay } from "./planOverlay";

/** Sampling design: plain Monte Carlo or Latin hypercube (stratified per block of trials). */
export type SamplingMethod = "random" | "latin-hypercube";

/** A plan with uncertain inputs, validated: its base plan, inputs, correlations and sampling design. */
export interface UncertainPlan {
  source: string;
  /** The plan with every distribution at its base value (validates against the plan schema). */
  base: Plan;
  assumptions: SimulationAssumptions;
  inputs: UncertainInput[];
  correlations: InputCorrelation[];
  sampling: SamplingMethod;
  /** Whether the file is more than a plain plan: it has distributions, or a simulation, correlations or sampling section. */
  uncertain: boolean;
  /** The JSON of the plan in full form (an overlay resolved onto its base; plain data: worker threads re-parse it). */
  json: unknown;
}

const samplingSchema = z.strictObject({ method: z.enum(["random", "latin-hypercube"]) });

/** The sections of the full form that are not part of the plan itself. */
const planPart = ({ simulation: _s, correlations: _c, sampling: _m, ...plan }: JsonRecord): JsonRecord => plan;

function basePlan(planJson: JsonRecord, source: string, problems: InputProblem[]): Plan | undefined {
  try {
    return parsePlan(planJson, source);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems) problems.push(p);
    return undefined;
  }
}

/** Validates the full form: a plan JSON in which any number may be a distribution, plus the optional sections. */
function parseFullForm(json: unknown, source: string): UncertainPlan {
  if (!isJsonRecord(json)) throw new InputError(source, [{ where: "$", message: "must be a JSON object (a plan)" }]);
  const { json: substituted, inputs, problems } = withBaseValues(json);
  const base = basePlan(planPart(substituted), source, problems);
  if (base !== undefined && inputs.length > 0 && problems.length === 0) problems.push(...extremeValueProblems(json, inputs, source, planPart));
  const sim = simulationSchema.safeParse(substituted["simulation"] ?? {});
  if (!sim.success) problems.push(...zodProblems(sim.error, ["simulation"]));
  const samp = samplingSchema.safeParse(substituted["sampling"] ?? { method: "random" });
  if (!samp.success) problems.push(...zodProblems(samp.error, ["sampling"]));
  const correlations = parseCorrelations(substituted["correlations"], inputs, problems);
  if (problems.length > 0 || base === undefined || !sim.success || !samp.success)
    throw new InputError(source, problems.length > 0 ? problems : [{ where: "$", message: "not a valid uncertain plan" }]);
  const capacity = capacityProblems(base, sim.data);
  if (capacity.length > 0) throw new InputError(source, capacity);
  const sectionGiven = ["simulation", "correlations", "sampling"].some((key) => key in json);
  return {
    source,
    base,
    assumptions: simulationAssumptions(base, sim.data),
    inputs,
    correlations,
    sampling: samp.data.method,
    uncertain: inputs.length > 0 || sectionGiven,
    json,
  };
}

/**
 * Validates an uncertain plan, in either of its two forms:
 *
 * - an overlay: `{ "base": "seed-plan.json", "overlay": { "benefits.churnBefore": {"dist": "pert", ...}, ... },
 *   "simulation"?, "correlations"?, "sampling"? }`, the base plan read relative to `source` (see
 *   `resolvePlanOverlay`; data/plans/README.md);
 * - the full form: a plan JSON in which any number may be a distribution object, plus the optional
 *   top-level sections `simulation` (assumptions, see {@link SimulationAssumptions}; its numbers may be
 *   distributions too), `correlations` (`[{a, b, rankCorrelation}]`, inputs named by JSON path or
 *   readable name) and `sampling` (`{method}`). A plain plan is an uncertain plan with no inputs.
 *
 * Collects every problem with its JSON path: bad distribution parameters, a
 * base plan breaking the plan schema, correlations naming unknown or fixed
 * inputs, and a correlation matrix that is not positive definite. For an
 * overlay, a problem is named where it was written: `$.overlay["key"]` in the
 * overlay file, or the base file and its path.
 *
 * @param json the value from JSON.parse
 * @param source file name to cite in errors (an overlay's base is resolved next to it)
 * @throws InputError(source, problems)
 * @example
 * parseUncertainPlan({ ...seedPlan, customers: { dist: "uniform", min: 1e5, max: 3e5 } }, "x.json").inputs[0].name // "customers"
 */
export function parseUncertainPlan(json: unknown, source: string): UncertainPlan {
  if (!isPlanOverlay(json)) return parseFullForm(json, source);
  const overlay = resolvePlanOverlay(json, source);
  try {
    return parseFullForm(overlay.json, source);
  } catch (err) {
    if (err instanceof InputError && err.source === source) throw new InputError(source, err.problems.map(overlay.relocate));
    throw err;
  }
}

/**
 * Reads and validates a plan file, plain or uncertain, full form or overlay
 * (see {@link parseUncertainPlan}): THE plan loader of the command line.
 * `.base` is the plan every command uses; `.uncertain` says whether the file
 * is more than a plain plan. Read once by `readJsonFile` (size and depth
 * limits, duplicate keys, UTF-8; `-` is standard input).
 *
 * @throws InputError(file, problems) when unreadable, not JSON or invalid
 * @example
 * loadUncertainPlan("data/plans/seed-plan-uncertain.json").inputs.length // 24
 */
export function loadUncertainPlan(file: string): UncertainPlan {
  return parseUncertainPlan(readJsonFile(file, { what: "plan file" }), file === "-" ? "standard input" : file);
}
