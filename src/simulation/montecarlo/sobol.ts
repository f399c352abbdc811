import { FastRng } from "../../random/FastRng";

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Base sample size N (the function is evaluated N × (dims + 2) times); default 4096. */
  samples?: number;
  /** Master seed of the A and B matrices (stream "sobol") and the bootstrap (stream "sobol-bootstrap"); default 1. */
  seed?: number;
  /** Bootstrap resamples for the confidence intervals; default 200 (0: no intervals). */
  bootstrap?: number;
  /** Confidence level of the percentile intervals, 0..1; default 0.95. */
  confidence?: number;
}

/** First-order and total Sobol indices with bootstrap percentile intervals. */
export interface SobolResult {
  /** First-order index S_i of each input (share of output variance explained by input i alone), 0..1 up to sampling error. */
  first: number[];
  /** Total index ST_i (share involving input i, interactions included). */
  total: number[];
  firstCi: Array<[number, number]>;
  totalCi: Array<[number, number]>;
  /** Output variance estimated from the A and B samples. */
  variance: number;
  /** Function evaluations used. */
  evaluations: number;
}

/** The model evaluated on the Saltelli design: f(A), f(B) and f(A_B^i) (row j, input i at j·dims + i). */
interface SaltelliRuns {
  n: number;
  dims: number;
  fa: Float64Array;
  fb: Float64Array;
  fab: Float64Array;
}

function runSaltelliDesign(f: (u: Float64Array) => number, dims: number, n: number, seed: number): SaltelliRuns {
  const rng = new FastRng(seed, "sobol");
  const a = rng.fill(new Float64Array(n * dims));
  const b = rng.fill(new Float64Array(n * dims));
  const fa = new Float64Array(n);
  const fb = new Float64Array(n);
  const fab = new Float64Array(n * dims);
  const point = new Float64Array(dims);
  for (let j = 0; j < n; j += 1) {
    point.set(a.subarray(j * dims, (j + 1) * dims));
    fa[j] = f(point);
    point.set(b.subarray(j * dims, (j + 1) * dims));
    fb[j] = f(point);
    for (let i = 0; i < dims; i += 1) {
      point.set(a.subarray(j * dims, (j + 1) * dims));
      point[i] = b[j * dims + i]!;
      fab[j * dims + i] = f(point);
    }
  }
  return { n, dims, fa, fb, fab };
}

/** Saltelli first-order and Jansen total indices over the rows (all N rows in order when `rows` is null). */
function estimateIndices(runs: SaltelliRuns, rows: Int32Array | null): { first: number[]; total: number[]; variance: number } {
  const { n, dims, fa, fb, fab } = runs;
  let mean = 0;
  for (let k = 0; k < n; k += 1) {
    const j = rows === null ? k : rows[k]!;
    mean += fa[j]! + fb[j]!;
  }
  mean /= 2 * n;
  let v = 0;
  for (let k = 0; k < n; k += 1) {
    const j = rows === null ? k : rows[k]!;
    v += (fa[j]! - mean) ** 2 + (fb[j]! - mean) ** 2;
  }
  v /= 2 * n - 1;
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < dims; i += 1) {
    let s = 0;
    let t = 0;
    for (let k = 0; k < n; k += 1) {
      const j = rows === null ? k : rows[k]!;
      const d = fab[j * dims + i]! - fa[j]!;
      s += (fb[j]! - mean) * d;
      t += d * d;
    }
    first.push(v > 0 ? s / n / v : Number.NaN);
    total.push(v > 0 ? t / (2 * n) / v : Number.NaN);
  }
  return { first, total, variance: v };
}

/** Percentile bootstrap intervals of the indices over `reps` resamples of the N rows (stream "sobol-bootstrap"); NaN with no resamples. */
function bootstrapIntervals(
  runs: SaltelliRuns,
  reps: number,
  level: number,
  seed: number,
): { firstCi: Array<[number, number]>; totalCi: Array<[number, number]> } {
  const { n, dims } = runs;
  const firstCi: Array<[number, number]> = [];
  const totalCi: Array<[number, number]> = [];
  if (reps <= 0) {
    for (let i = 0; i < dims; i += 1) {
      firstCi.push([Number.NaN, Number.NaN]);
      totalCi.push([Number.NaN, Number.NaN]);
    }
    return { firstCi, totalCi };
  }
  const boot = new FastRng(seed, "sobol-bootstrap");
  const rows = new Int32Array(n);
  const firsts: number[][] = Array.from({ length: dims }, () => []);
  const totals: number[][] = Array.from({ length: dims }, () => []);
  for (let r = 0; r < reps; r += 1) {
    for (let k = 0; k < n; k += 1) rows[k] = Math.floor(boot.next() * n);
    const e = estimateIndices(runs, rows);
    for (let i = 0; i < dims; i += 1) {
      firsts[i]!.push(e.first[i]!);
      totals[i]!.push(e.total[i]!);
    }
  }
  const pct = (xs: number[]): [number, number] => {
    const s = [...xs].sort((x, y) => x - y);
    const lo = s[Math.floor(((1 - level) / 2) * (s.length - 1))]!;
    const hi = s[Math.ceil((1 - (1 - level) / 2) * (s.length - 1))]!;
    return [lo, hi];
  };
  for (let i = 0; i < dims; i += 1) {
    firstCi.push(pct(firsts[i]!));
    totalCi.push(pct(totals[i]!));
  }
  return { firstCi, totalCi };
}

/**
 * Variance-based sensitivity indices of a function of independent uniform
 * inputs on [0, 1)^d, by the Saltelli (2010) first-order estimator
 * S_i = mean((f(B) − f̄)·(f(A_B^i) − f(A))) / V (outputs centred on their mean f̄,
 * which leaves the expectation unchanged and cuts the variance when the output
 * has a large mean) and the Jansen (1999) total-effect
 * estimator ST_i = mean((f(A) − f(A_B^i))²) / (2V), where A_B^i is A with
 * column i taken from B; V is the variance of f over A and B together.
 * Intervals: percentile bootstrap over the N rows.
 *
 * Reference: A. Saltelli et al., "Variance based sensitivity analysis of
 * model output", Computer Physics Communications 181 (2010) 259-270, table 2.
 *
 * @param f the model on a point u of the unit hypercube (must not keep `u`)
 * @param dims number of inputs d >= 1
 * @throws RangeError when dims < 1, samples < 2 or confidence is outside (0, 1)
 * @example
 * // Ishigami function (a = 7, b = 0.1): S1 ≈ 0.314, S2 ≈ 0.442, S3 ≈ 0
 * sobolIndices((u) => ishigami(u), 3, { samples: 8192 }).first // ≈ [0.31, 0.44, 0.00]
 */
export function sobolIndices(f: (u: Float64Array) => number, dims: number, options: SobolOptions = {}): SobolResult {
  const n = options.samples ?? 4096;
  const reps = options.bootstrap ?? 200;
  const level = options.confidence ?? 0.95;
  if (!(Number.isInteger(dims) && dims >= 1)) throw new RangeError(`sobolIndices: dims must be an integer >= 1, got ${dims}`);
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`sobolIndices: samples must be an integer >= 2, got ${n}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`sobolIndices: confidence must be in (0, 1), got ${level}`);
  const runs = runSaltelliDesign(f, dims, n, options.seed ?? 1);
  const point0 = estimateIndices(runs, null);
  const { firstCi, totalCi } = bootstrapIntervals(runs, reps, level, options.seed ?? 1);
  return { first: point0.first, total: point0.total, firstCi, totalCi, variance: point0.variance, evaluations: n * (dims + 2) };
}
