import { z } from "zod";
import { betaCdf, betaQuantile, standardNormalCdf as normalCdf, standardNormalQuantile as normalQuantile } from "../../random/index";
import { betaTable, tableLookup } from "./betaTables";

export { exportBetaTables, importBetaTables } from "./betaTables";

/*
 * Distributions an uncertain plan may put in place of any number. JSON shape:
 * `{"dist": "pert", "min": 0.3, "mode": 0.45, "max": 0.6, "why": "..."}`.
 * Every distribution may carry `base` (the value used for the base plan and
 * the tornado's "others at base"; default below) and `why` (a one-line
 * justification).
 */

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const common = { why: z.string().min(1, "must be a non-empty string").optional(), base: finite.optional() };

/** zod schema of one distribution object (`dist` is the discriminator). */
export const distributionSchema = z
  .discriminatedUnion("dist", [
    z.strictObject({ dist: z.literal("fixed"), value: finite, ...common }),
    z.strictObject({ dist: z.literal("uniform"), min: finite, max: finite, ...common }),
    z.strictObject({ dist: z.literal("triangular"), min: finite, mode: finite, max: finite, ...common }),
    z.strictObject({ dist: z.literal("pert"), min: finite, mode: finite, max: finite, lambda: z.number().positive("must be > 0").optional(), ...common }),
    z.strictObject({
      dist: z.literal("normal"),
      mean: finite,
      sd: z.number().positive("must be > 0"),
      min: finite.optional(),
      max: finite.optional(),
      ...common,
    }),
    z.strictObject({ dist: z.literal("lognormal"), median: z.number().positive("must be > 0"), sigmaLog: z.number().positive("must be > 0"), ...common }),
    z.strictObject({
      dist: z.literal("beta"),
      mean: z.number().gt(0, "must be strictly between 0 and 1").lt(1, "must be strictly between 0 and 1"),
      concentration: z.number().positive("must be > 0 (alpha + beta)"),
      ...common,
    }),
    z.strictObject({
      dist: z.literal("discrete"),
      scenarios: z
        .array(z.strictObject({ name: z.string().min(1).optional(), value: finite, weight: z.number().positive("must be > 0") }))
        .min(1, "must list at least one scenario"),
      ...common,
    }),
  ])
  .superRefine((d, ctx) => {
    const bad = (path: string, message: string): void => {
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    if ((d.dist === "uniform" || d.dist === "triangular" || d.dist === "pert") && !(d.min < d.max)) bad("max", `must be above min (${d.min}), got ${d.max}`);
    if ((d.dist === "triangular" || d.dist === "pert") && (d.mode < d.min || d.mode > d.max))
      bad("mode", `must lie within [min, max] = [${d.min}, ${d.max}], got ${d.mode}`);
    if (d.dist === "normal" && d.min !== undefined && d.max !== undefined && !(d.min < d.max)) bad("max", `must be above min (${d.min}), got ${d.max}`);
    if (d.dist === "normal" && (d.min !== undefined || d.max !== undefined)) {
      const mass = normalCdf(((d.max ?? Infinity) - d.mean) / d.sd) - normalCdf(((d.min ?? -Infinity) - d.mean) / d.sd);
      if (!(mass > 1e-12)) bad("min", "the truncation interval holds no probability mass of this normal");
    }
    if (d.base !== undefined) {
      const range = supportOf(d);
      if (d.base < range[0] || d.base > range[1]) bad("base", `must lie in the distribution's support [${range[0]}, ${range[1]}], got ${d.base}`);
    }
  });

/** One distribution as written in a plan file. */
export type Distribution = z.infer<typeof distributionSchema>;

/** The names of the supported distributions. */
export const distributionKinds = ["fixed", "uniform", "triangular", "pert", "normal", "lognormal", "beta", "discrete"] as const;

function supportOf(d: Distribution): [number, number] {
  switch (d.dist) {
    case "fixed":
      return [d.value, d.value];
    case "uniform":
    case "triangular":
    case "pert":
      return [d.min, d.max];
    case "normal":
      return [d.min ?? -Infinity, d.max ?? Infinity];
    case "lognormal":
      return [0, Infinity];
    case "beta":
      return [0, 1];
    case "discrete":
      return d.scenarios.reduce<[number, number]>(([lo, hi], s) => [Math.min(lo, s.value), Math.max(hi, s.value)], [Infinity, -Infinity]);
  }
}

/**
 * A distribution ready for sampling: quantile and CDF functions, its base
 * value, mean and support.
 */
export interface CompiledDistribution {
  readonly kind: Distribution["dist"];
  /** Inverse CDF: u in [0, 1] → value. Beta and PERT use a 4,096-interval table with linear interpolation inside and exact inversion in the two outer intervals. */
  quantile(u: number): number;
  /** CDF at x, 0..1 (right-continuous for discrete scenarios). */
  cdf(x: number): number;
  /** Value used in the base plan. */
  readonly base: number;
  /** Expected value. */
  readonly mean: number;
  /** Smallest and largest possible values (may be infinite). */
  readonly support: readonly [number, number];
}

/**
 * Compiles a distribution into quantile/CDF functions, its base value (given
 * `base`, else: fixed → value, uniform → midpoint, triangular/PERT → mode,
 * normal → mean (clamped to the truncation), lognormal → median, beta → mean,
 * discrete → the heaviest scenario, first on ties) and mean.
 *
 * References: PERT as Beta(1 + λ(mode−min)/(max−min), 1 + λ(max−mode)/(max−min))
 * on [min, max] with λ = 4 (Vose, Risk Analysis, 3rd ed., §9.1.2); truncated
 * normal by inverse transform of the restricted CDF; beta by mean m and
 * concentration κ: α = mκ, β = (1−m)κ.
 *
 * @throws RangeError for parameters the schema would reject (min >= max, ...)
 * @example
 * compileDistribution({ dist: "triangular", min: 0, mode: 0, max: 1 }).quantile(0.75) // 0.5
 */
export function compileDistribution(d: Distribution): CompiledDistribution {
  const support = supportOf(d);
  const [lo, hi] = support;
  if (d.dist !== "fixed" && d.dist !== "discrete" && !(lo < hi)) throw new RangeError(`${d.dist}: min must be below max`);
  const parts = compiledParts(d, support);
  return { kind: d.dist, quantile: parts.quantile, cdf: parts.cdf, base: d.base ?? parts.base, mean: parts.mean, support };
}

/** A compiled distribution's functions and its default base value (before the file's `base`). */
interface Parts {
  base: number;
  mean: number;
  quantile(u: number): number;
  cdf(x: number): number;
}

function compiledParts(d: Distribution, [lo, hi]: readonly [number, number]): Parts {
  switch (d.dist) {
    case "fixed":
      return { base: d.value, mean: d.value, quantile: () => d.value, cdf: (x) => (x >= d.value ? 1 : 0) };
    case "uniform": {
      const w = d.max - d.min;
      const middle = (d.min + d.max) / 2;
      return { base: middle, mean: middle, quantile: (u) => d.min + u * w, cdf: (x) => Math.min(1, Math.max(0, (x - d.min) / w)) };
    }
    case "triangular":
      return triangular(d.min, d.mode, d.max);
    case "pert":
      return pert(d.min, d.mode, d.max, d.lambda ?? 4);
    case "normal":
      return d.min === undefined && d.max === undefined ? normal(d.mean, d.sd) : truncatedNormal(d.mean, d.sd, lo, hi);
    case "lognormal": {
      const mu = Math.log(d.median);
      const s = d.sigmaLog;
      return {
        base: d.median,
        mean: Math.exp(mu + (s * s) / 2),
        quantile: (u) => Math.exp(mu + s * normalQuantile(u)),
        cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / s)),
      };
    }
    case "beta": {
      const a = d.mean * d.concentration;
      const b = (1 - d.mean) * d.concentration;
      const table = betaTable(a, b);
      return { base: d.mean, mean: d.mean, quantile: (u) => tableLookup(table, u, (v) => betaQuantile(v, a, b)), cdf: (x) => betaCdf(x, a, b) };
    }
    case "discrete":
      return discrete(d.scenarios);
  }
}

function triangular(min: number, mode: number, max: number): Parts {
  if (mode < min || mode > max) throw new RangeError("triangular: mode must lie in [min, max]");
  const w = max - min;
  const fc = (mode - min) / w;
  return {
    base: mode,
    mean: (min + mode + max) / 3,
    quantile: (u) => (u < fc ? min + Math.sqrt(u * w * (mode - min)) : max - Math.sqrt((1 - u) * w * (max - mode))),
    cdf: (x) => (x <= min ? 0 : x >= max ? 1 : x <= mode ? ((x - min) * (x - min)) / (w * (mode - min)) : 1 - ((max - x) * (max - x)) / (w * (max - mode))),
  };
}

function pert(min: number, mode: number, max: number, lambda: number): Parts {
  if (mode < min || mode > max) throw new RangeError("pert: mode must lie in [min, max]");
  const w = max - min;
  const a = 1 + (lambda * (mode - min)) / w;
  const b = 1 + (lambda * (max - mode)) / w;
  const table = betaTable(a, b);
  return {
    base: mode,
    mean: (min + lambda * mode + max) / (lambda + 2),
    quantile: (u) => min + w * tableLookup(table, u, (v) => betaQuantile(v, a, b)),
    cdf: (x) => betaCdf((x - min) / w, a, b),
  };
}

function normal(mean: number, sd: number): Parts {
  return { base: mean, mean, quantile: (u) => mean + sd * normalQuantile(u), cdf: (x) => normalCdf((x - mean) / sd) };
}

function truncatedNormal(mean: number, sd: number, lo: number, hi: number): Parts {
  const pa = normalCdf((lo - mean) / sd);
  const pb = normalCdf((hi - mean) / sd);
  const mass = pb - pa;
  if (!(mass > 1e-12)) throw new RangeError("normal: the truncation interval holds no probability mass");
  const za = (lo - mean) / sd;
  const zb = (hi - mean) / sd;
  const phi = (z: number): number => (Number.isFinite(z) ? Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI) : 0);
  return {
    base: Math.min(hi, Math.max(lo, mean)),
    mean: mean + (sd * (phi(za) - phi(zb))) / mass,
    quantile: (u) => Math.min(hi, Math.max(lo, mean + sd * normalQuantile(Math.min(1, Math.max(0, pa + u * mass))))),
    cdf: (x) => (x <= lo ? 0 : x >= hi ? 1 : (normalCdf((x - mean) / sd) - pa) / mass),
  };
}

function discrete(scenarios: ReadonlyArray<{ value: number; weight: number }>): Parts {
  const total = scenarios.reduce((s, x) => s + x.weight, 0);
  const cum = new Float64Array(scenarios.length);
  const values = Float64Array.from(scenarios.map((s) => s.value));
  let acc = 0;
  scenarios.forEach((s, i) => {
    acc += s.weight / total;
    cum[i] = acc;
  });
  cum[cum.length - 1] = 1;
  let heaviest = scenarios[0]!;
  for (const s of scenarios) if (s.weight > heaviest.weight) heaviest = s;
  return {
    base: heaviest.value,
    mean: scenarios.reduce((s, x) => s + (x.value * x.weight) / total, 0),
    quantile: (u) => {
      for (let i = 0; i < cum.length; i += 1) if (u < cum[i]!) return values[i]!;
      return values[values.length - 1]!;
    },
    cdf: (x) => scenarios.reduce((s, sc) => s + (sc.value <= x ? sc.weight / total : 0), 0),
  };
}
