import { z } from "zod";
import type { InputProblem } from "../../io/InputError";
import { cholesky, rankToPearson } from "./correlation";
import { zodProblems } from "./inputProblems";
import type { UncertainInput } from "./uncertainInputs";

/** A declared rank correlation between two inputs (indices into `inputs`). */
export interface InputCorrelation {
  a: number;
  b: number;
  /** Spearman rank correlation, −1..1. */
  rankCorrelation: number;
}

const correlationSchema = z.strictObject({
  a: z.string().min(1),
  b: z.string().min(1),
  rankCorrelation: z.number().min(-1, "must be a rank correlation from -1 to 1").max(1, "must be a rank correlation from -1 to 1"),
  why: z.string().optional(),
});
type CorrelationEntry = z.infer<typeof correlationSchema>;

function entriesOf(correlations: unknown, problems: InputProblem[]): Array<CorrelationEntry | undefined> {
  if (correlations !== undefined && !Array.isArray(correlations))
    problems.push({ where: "$.correlations", message: "must be an array of {a, b, rankCorrelation}" });
  const list: unknown[] = Array.isArray(correlations) ? correlations : [];
  return list.map((entry, i) => {
    const r = correlationSchema.safeParse(entry);
    if (!r.success) for (const p of zodProblems(r.error, ["correlations", i])) problems.push(p);
    return r.success ? r.data : undefined;
  });
}

function pairsOf(entries: ReadonlyArray<CorrelationEntry | undefined>, inputs: readonly UncertainInput[], problems: InputProblem[]): InputCorrelation[] {
  const find = (ref: string): number => inputs.findIndex((x) => x.path === ref || x.name === ref);
  const seen = new Set<string>();
  const pairs: InputCorrelation[] = [];
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
  return pairs;
}

/**
 * The declared rank correlations of an uncertain plan (`[{a, b,
 * rankCorrelation, why?}]`, inputs named by JSON path or readable name) as
 * pairs of input indices. Problems are appended to `problems`: a bad entry,
 * an unknown, fixed or identical input, a pair given twice, and (only when
 * there is no other problem) a matrix that is not positive definite.
 *
 * @example
 * // with inputs 0 and 1 named "benefits.churnBefore" and "benefits.churnAfter":
 * parseCorrelations([{ a: "benefits.churnBefore", b: "benefits.churnAfter", rankCorrelation: 0.6 }], inputs, []) // [{ a: 0, b: 1, rankCorrelation: 0.6 }]
 */
export function parseCorrelations(correlations: unknown, inputs: readonly UncertainInput[], problems: InputProblem[]): InputCorrelation[] {
  const pairs = pairsOf(entriesOf(correlations, problems), inputs, problems);
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
  return pairs;
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
