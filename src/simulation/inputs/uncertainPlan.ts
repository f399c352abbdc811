import { z } from "zod";
import { InputError, type InputProblem } from "../../io/InputError";
import { readJsonFile } from "../../io/readJson";
import { jsonPath, parsePlan, type Plan } from "../../plan/index";
import { compileDistribution, distributionSchema, type CompiledDistribution, type Distribution } from "./distributions";
import { cholesky, rankToPearson } from "./correlation";
import { type AssumptionSource, type ProgrammeSettings, programmeSettingsFor, programmeSettingsShape } from "../programme/programmeSettings";

/**
 * Benefit model of the engine: "programme", the programme model (flows of
 * newly high-risk customers through capacity-limited channels, saves with a
 * duration, cash as well as lifetime value: src/simulation/programme), or
 * "as-stated", the plan's own top-down arithmetic (retained = customers ×
 * (churnBefore − churnAfter); it ignores save rates, timing and capacity).
 */
export type BenefitModel = "programme" | "as-stated";
/** Cost view: the stated cost lines, or tier lines recomputed as customers × share × budget (as `recomputed`). */
export type CostView = "stated" | "recomputed";
/** Sampling design: plain Monte Carlo or Latin hypercube (stratified per block of trials). */
export type SamplingMethod = "random" | "latin-hypercube";

/** Simulation assumptions that are not part of the plan itself, with their values at base. */
export interface SimulationAssumptions {
  /** Benefit model (default "programme"). */
  model: BenefitModel;
  /** The programme model's settings (defaults and their sources: programmeSettingsFor). */
  programme: ProgrammeSettings;
  /** Where each programme setting comes from. */
  programmeSources: AssumptionSource[];
  /** Things in the file's simulation section that the chosen model does not use, in words (printed as warnings). */
  warnings: string[];
  /** Cost view (default "stated"). */
  costs: CostView;
  /** Annual discount rate for the NPV, fraction (default 0.08). */
  discountRate: number;
  /** Scale the as-stated benefits and tier costs by the rollout's customer coverage over the year (default false). */
  coverageRamp: boolean;
}

/** One uncertain number of a plan: where it is, its distribution and why. */
export interface UncertainInput {
  /** Readable name: the JSON path with array indices replaced by element ids, e.g. "tiers.very-high.saveRate". */
  name: string;
  /** JSON path in the file, e.g. "$.tiers[0].saveRate". */
  path: string;
  distribution: Distribution;
  compiled: CompiledDistribution;
  /** The one-line justification, when given. */
  why?: string;
}

/** A declared rank correlation between two inputs (indices into `inputs`). */
export interface InputCorrelation {
  a: number;
  b: number;
  /** Spearman rank correlation, −1..1. */
  rankCorrelation: number;
}

/** A plan with uncertain inputs, validated: its base plan, inputs, correlations and sampling design. */
export interface UncertainPlan {
  source: string;
  /** The plan with every distribution at its base value (validates against the plan schema). */
  base: Plan;
  assumptions: SimulationAssumptions;
  inputs: UncertainInput[];
  correlations: InputCorrelation[];
  sampling: SamplingMethod;
  /** The JSON the plan was parsed from (plain data: worker threads re-parse it). */
  json: unknown;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const simulationSchema = z.strictObject({
  model: z.enum(["programme", "as-stated", "bottom-up"]).optional(),
  costs: z.enum(["stated", "recomputed"]).optional(),
  discountRate: finite.min(0, "must be a rate >= 0").max(1, "must be a rate from 0 to 1").optional(),
  coverageRamp: z.boolean().optional(),
  ...programmeSettingsShape,
  // Settings of the former bottom-up model, superseded by the programme model: accepted, ignored with a warning.
  contactDelayDays: finite.min(0, "must be a number of days >= 0").optional(),
  tierChurnProbability: z.record(z.string(), finite.min(0, "must be a fraction from 0 to 1").max(1, "must be a fraction from 0 to 1")).optional(),
  interveneTiers: z.array(z.string()).optional(),
  $comment: z.string().optional(),
});

/** Warnings for settings of the former bottom-up model, which the programme model replaces. */
function legacyWarnings(s: z.infer<typeof simulationSchema>): string[] {
  const out: string[] = [];
  if (s.model === "bottom-up")
    out.push('$.simulation.model: "bottom-up" is replaced by "programme" (flows of newly high-risk customers, not tier stocks); simulated as "programme"');
  const replaced: Record<string, string> = {
    contactDelayDays: "contact delays come from the channels' capacity and the queue rule ($.simulation.minContactDelayDays sets a minimum)",
    tierChurnProbability:
      "who churns after a flag comes from the calibrated population (annual churn $.benefits.churnBefore, tier shares), not from the tier bands",
    interveneTiers: "each rollout stage's interveneTiers say which tiers are contacted",
  };
  for (const [key, why] of Object.entries(replaced)) if (s[key as keyof typeof s] !== undefined) out.push(`$.simulation.${key} is ignored: ${why}`);
  return out;
}
const correlationSchema = z.strictObject({
  a: z.string().min(1),
  b: z.string().min(1),
  rankCorrelation: z.number().min(-1, "must be a rank correlation from -1 to 1").max(1, "must be a rank correlation from -1 to 1"),
  why: z.string().optional(),
});
const samplingSchema = z.strictObject({ method: z.enum(["random", "latin-hypercube"]) });

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

function zodProblems(error: z.ZodError, prefix: ReadonlyArray<PropertyKey>): InputProblem[] {
  return error.issues.map((issue) => ({ where: jsonPath([...prefix, ...issue.path]), message: issue.message }));
}

/** Replaces every distribution object by its base value; collects the inputs and the problems. */
type At = "base" | "low" | "high";

function extreme(c: CompiledDistribution, at: At): number {
  if (at === "base") return c.base;
  const [lo, hi] = c.support;
  if (at === "low") return Number.isFinite(lo) ? lo : c.quantile(1e-9);
  return Number.isFinite(hi) ? hi : c.quantile(1 - 1e-9);
}

function substitute(
  value: unknown,
  path: Array<string | number>,
  names: string[],
  inputs: UncertainInput[],
  problems: InputProblem[],
  at: At = "base",
): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      const id = isRec(item) && typeof item["id"] === "string" ? item["id"] : String(i);
      return substitute(item, [...path, i], [...names, id], inputs, problems, at);
    });
  }
  if (!isRec(value)) return value;
  if ("dist" in value) {
    if (at !== "base") {
      const again = distributionSchema.safeParse(value);
      return again.success ? extreme(compileDistribution(again.data), at) : 0;
    }
    const parsed = distributionSchema.safeParse(value);
    if (!parsed.success) {
      for (const p of zodProblems(parsed.error, path)) problems.push(p);
      return 0;
    }
    const compiled = compileDistribution(parsed.data);
    const input: UncertainInput = { name: names.join("."), path: jsonPath(path), distribution: parsed.data, compiled };
    if (parsed.data.why !== undefined) input.why = parsed.data.why;
    inputs.push(input);
    return compiled.base;
  }
  const out: Rec = {};
  for (const [key, item] of Object.entries(value)) out[key] = substitute(item, [...path, key], [...names, key], inputs, problems, at);
  return out;
}

/**
 * Validates an uncertain plan: a plan JSON in which any number may be a
 * distribution object, plus optional top-level sections `simulation`
 * (assumptions, see {@link SimulationAssumptions}; its numbers may be
 * distributions too), `correlations` (`[{a, b, rankCorrelation}]`, inputs
 * named by JSON path or readable name) and `sampling` (`{method}`).
 *
 * Collects every problem with its JSON path: bad distribution parameters, a
 * base plan breaking the plan schema, correlations naming unknown or fixed
 * inputs, and a correlation matrix that is not positive definite.
 *
 * @param json the value from JSON.parse
 * @param source file name to cite in errors
 * @throws InputError(source, problems)
 * @example
 * parseUncertainPlan({ ...seedPlan, customers: { dist: "uniform", min: 1e5, max: 3e5 } }, "x.json").inputs[0].name // "customers"
 */
export function parseUncertainPlan(json: unknown, source: string): UncertainPlan {
  const problems: InputProblem[] = [];
  if (!isRec(json)) throw new InputError(source, [{ where: "$", message: "must be a JSON object (a plan)" }]);
  const inputs: UncertainInput[] = [];
  const substituted = substitute(json, [], [], inputs, problems) as Rec;
  const { simulation, correlations, sampling, ...planPart } = substituted;

  let base: Plan | undefined;
  try {
    base = parsePlan(planPart, source);
  } catch (err) {
    if (err instanceof InputError) for (const p of err.problems) problems.push(p);
    else throw err;
  }
  // Every value a distribution can take must make a valid plan too: check its lowest and highest values.
  if (base !== undefined && inputs.length > 0 && problems.length === 0) {
    const paths = new Set(inputs.map((x) => x.path));
    for (const at of ["low", "high"] as const) {
      const { simulation: _s, correlations: _c, sampling: _m, ...extremePlan } = substitute(json, [], [], [], [], at) as Rec;
      try {
        parsePlan(extremePlan, source);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        for (const p of err.problems) {
          if (!paths.has(p.where)) continue;
          const message = `the distribution reaches values the plan does not allow: at its ${at === "low" ? "lowest" : "highest"} value, ${p.message}`;
          if (!problems.some((q) => q.where === p.where && q.message === message)) problems.push({ where: p.where, message });
        }
      }
    }
  }

  const sim = simulationSchema.safeParse(simulation ?? {});
  if (!sim.success) for (const p of zodProblems(sim.error, ["simulation"])) problems.push(p);
  const entries: Array<z.infer<typeof correlationSchema> | undefined> = [];
  if (correlations !== undefined && !Array.isArray(correlations))
    problems.push({ where: "$.correlations", message: "must be an array of {a, b, rankCorrelation}" });
  const correlationList: unknown[] = Array.isArray(correlations) ? correlations : [];
  correlationList.forEach((entry: unknown, i: number) => {
    const r = correlationSchema.safeParse(entry);
    if (!r.success) for (const p of zodProblems(r.error, ["correlations", i])) problems.push(p);
    entries.push(r.success ? r.data : undefined);
  });
  const samp = samplingSchema.safeParse(sampling ?? { method: "random" });
  if (!samp.success) for (const p of zodProblems(samp.error, ["sampling"])) problems.push(p);

  const pairs: InputCorrelation[] = [];
  {
    const find = (ref: string): number => inputs.findIndex((x) => x.path === ref || x.name === ref);
    const seen = new Set<string>();
    entries.forEach((c, i) => {
      if (c === undefined) return;
      const a = find(c.a);
      const b = find(c.b);
      if (a < 0)
        problems.push({
          where: `$.correlations[${i}].a`,
          message: `"${c.a}" is not an uncertain input (give its JSON path, e.g. "$.tiers[0].saveRate", or its name)`,
        });
      if (b < 0) problems.push({ where: `$.correlations[${i}].b`, message: `"${c.b}" is not an uncertain input` });
      if (a < 0 || b < 0) return;
      if (a === b) problems.push({ where: `$.correlations[${i}]`, message: "an input cannot be correlated with itself" });
      else if (inputs[a]!.distribution.dist === "fixed" || inputs[b]!.distribution.dist === "fixed")
        problems.push({ where: `$.correlations[${i}]`, message: "a fixed input cannot be correlated" });
      else {
        const key = a < b ? `${a}:${b}` : `${b}:${a}`;
        if (seen.has(key)) problems.push({ where: `$.correlations[${i}]`, message: "this pair is correlated twice" });
        seen.add(key);
        pairs.push({ a, b, rankCorrelation: c.rankCorrelation });
      }
    });
    if (pairs.length > 0 && problems.length === 0) {
      try {
        cholesky(inputCorrelationMatrix(inputs.length, pairs));
      } catch (err) {
        problems.push({
          where: "$.correlations",
          message: `the correlation matrix is impossible (not positive definite): ${(err as Error).message}; weaken or remove some correlations`,
        });
      }
    }
  }

  if (problems.length > 0 || base === undefined || !sim.success || !samp.success)
    throw new InputError(source, problems.length > 0 ? problems : [{ where: "$", message: "not a valid uncertain plan" }]);

  const s = sim.data;
  const extra: InputProblem[] = [];
  for (const [stageId, byTier] of Object.entries(s.stageCapacityPerWeek ?? {})) {
    if (!base.rollout.some((st) => st.id === stageId))
      extra.push({
        where: jsonPath(["simulation", "stageCapacityPerWeek", stageId]),
        message: `unknown stage "${stageId}" (stages: ${base.rollout.map((st) => st.id).join(", ")})`,
      });
    for (const tierId of Object.keys(byTier))
      if (!base.tiers.some((t) => t.id === tierId))
        extra.push({ where: jsonPath(["simulation", "stageCapacityPerWeek", stageId, tierId]), message: `unknown tier "${tierId}"` });
  }
  for (const tierId of Object.keys(s.capacityPerWeek ?? {}))
    if (!base.tiers.some((t) => t.id === tierId))
      extra.push({
        where: jsonPath(["simulation", "capacityPerWeek", tierId]),
        message: `unknown tier "${tierId}" (tiers: ${base.tiers.map((t) => t.id).join(", ")})`,
      });
  if (extra.length > 0) throw new InputError(source, extra);
  const { settings, sources } = programmeSettingsFor(base, s);

  return {
    source,
    base,
    assumptions: {
      model: s.model === "as-stated" ? "as-stated" : "programme",
      programme: settings,
      programmeSources: sources,
      warnings: legacyWarnings(s),
      costs: s.costs ?? "stated",
      discountRate: s.discountRate ?? 0.08,
      coverageRamp: s.coverageRamp ?? false,
    },
    inputs,
    correlations: pairs,
    sampling: samp.data.method,
    json,
  };
}

/**
 * The Pearson correlation matrix of the Gaussian copula for declared rank
 * correlations: r = 2 sin(π ρ_s / 6) (Pearson's 1907 relation for normals),
 * identity elsewhere; row-major, n × n.
 *
 * @example
 * inputCorrelationMatrix(2, [{ a: 0, b: 1, rankCorrelation: 1 }]) // Float64Array [1, 1, 1, 1]
 */
export function inputCorrelationMatrix(n: number, pairs: readonly InputCorrelation[]): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) m[i * n + i] = 1;
  for (const p of pairs) {
    const r = rankToPearson(p.rankCorrelation);
    m[p.a * n + p.b] = r;
    m[p.b * n + p.a] = r;
  }
  return m;
}

/**
 * Reads and validates an uncertain plan file (see {@link parseUncertainPlan}):
 * THE plan loader of the command line. A plain plan (no distributions) is an
 * uncertain plan with no inputs, and `.base` is the plan every command uses.
 * Read once by `readJsonFile` (size and depth limits, duplicate keys, UTF-8; `-` is standard input).
 *
 * @throws InputError(file, problems) when unreadable, not JSON or invalid
 * @example
 * loadUncertainPlan("data/plans/seed-plan-uncertain.json").inputs.length // > 10
 */
export function loadUncertainPlan(file: string): UncertainPlan {
  return parseUncertainPlan(readJsonFile(file, { what: "plan file" }), file === "-" ? "standard input" : file);
}
