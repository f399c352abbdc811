import { InputError, type InputProblem } from "../../io/InputError";
import { jsonPath, parsePlan } from "../../plan/index";
import { compileDistribution, distributionSchema, type CompiledDistribution, type Distribution } from "./distributions";
import { isJsonRecord, type JsonRecord, zodProblems } from "./inputProblems";

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

/** Which value of each distribution to put in the plan: its base value, or the lowest or highest it can take. */
type At = "base" | "low" | "high";

function extreme(c: CompiledDistribution, at: At): number {
  if (at === "base") return c.base;
  const [lo, hi] = c.support;
  if (at === "low") return Number.isFinite(lo) ? lo : c.quantile(1e-9);
  return Number.isFinite(hi) ? hi : c.quantile(1 - 1e-9);
}

interface Walk {
  at: At;
  inputs: UncertainInput[];
  problems: InputProblem[];
}

function distributionValue(value: JsonRecord, path: Array<string | number>, names: string[], walk: Walk): number {
  const parsed = distributionSchema.safeParse(value);
  if (walk.at !== "base") return parsed.success ? extreme(compileDistribution(parsed.data), walk.at) : 0;
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error, path)) walk.problems.push(p);
    return 0;
  }
  const compiled = compileDistribution(parsed.data);
  const input: UncertainInput = { name: names.join("."), path: jsonPath(path), distribution: parsed.data, compiled };
  if (parsed.data.why !== undefined) input.why = parsed.data.why;
  walk.inputs.push(input);
  return compiled.base;
}

/** Replaces every distribution object (an object with `dist`) by a value; at base, collects the inputs (in document order) and the problems. */
function substitute(value: unknown, path: Array<string | number>, names: string[], walk: Walk): unknown {
  if (Array.isArray(value)) {
    return value.map((item, i) => {
      const id = isJsonRecord(item) && typeof item["id"] === "string" ? item["id"] : String(i);
      return substitute(item, [...path, i], [...names, id], walk);
    });
  }
  if (!isJsonRecord(value)) return value;
  if ("dist" in value) return distributionValue(value, path, names, walk);
  const out: JsonRecord = {};
  for (const [key, item] of Object.entries(value)) out[key] = substitute(item, [...path, key], [...names, key], walk);
  return out;
}

/**
 * The plan JSON with every distribution at its base value, the uncertain
 * inputs in document order (named by readable path: array elements by their
 * `id`, else their index) and the problems of bad distribution parameters.
 *
 * @example
 * withBaseValues({ customers: { dist: "uniform", min: 1, max: 3 } }).json // { customers: 2 }
 */
export function withBaseValues(json: JsonRecord): { json: JsonRecord; inputs: UncertainInput[]; problems: InputProblem[] } {
  const walk: Walk = { at: "base", inputs: [], problems: [] };
  const substituted = substitute(json, [], [], walk) as JsonRecord;
  return { json: substituted, inputs: walk.inputs, problems: walk.problems };
}

/**
 * Every value a distribution can take must make a valid plan too: the plan
 * with each distribution at its lowest, then its highest value, is checked,
 * and the problems at an uncertain input's path are returned (once each).
 *
 * @param json the uncertain plan (distributions valid, base plan valid)
 * @param planPart drops the sections that are not part of the plan (simulation, correlations, sampling)
 * @example
 * const json = { ...seedPlan, customers: { dist: "uniform", min: -1, max: 3 } };
 * extremeValueProblems(json, withBaseValues(json).inputs, "x.json", planPart)[0].where // "$.customers"
 */
export function extremeValueProblems(
  json: JsonRecord,
  inputs: readonly UncertainInput[],
  source: string,
  planPart: (j: JsonRecord) => JsonRecord,
): InputProblem[] {
  const paths = new Set(inputs.map((x) => x.path));
  const problems: InputProblem[] = [];
  for (const at of ["low", "high"] as const) {
    const extremePlan = planPart(substitute(json, [], [], { at, inputs: [], problems: [] }) as JsonRecord);
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
  return problems;
}
