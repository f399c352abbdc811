/** Standard errors of a summary's statistics (Monte Carlo error, same units). */
export interface SummaryErrors {
  mean: number;
  sd: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/** Summary of one simulated output: moments, quantiles and their Monte Carlo standard errors. */
export interface OutputSummary {
  mean: number;
  sd: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
  /** Trials with a finite value (payback is infinite when the benefit is <= 0). */
  finite: number;
  se: SummaryErrors;
}

/** A probability estimated from trials with its binomial standard error √(p(1−p)/n). */
export interface ProbabilityEstimate {
  value: number;
  se: number;
}

/**
 * Quantile of an ascending sorted sample, linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and NumPy). NaN for an empty sample.
 *
 * @throws RangeError when q is outside [0, 1]
 * @example
 * sortedQuantile(Float64Array.from([1, 2, 3, 4]), 0.5) // 2.5
 */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a === b ? a : a + (h - lo) * (b - a);
}

/**
 * Distribution-free standard error of the q-quantile: half the distance
 * between the order statistics at ranks nq ∓ √(nq(1−q)) (the ±1 sd band of
 * the binomial rank of the quantile; Conover, Practical Nonparametric
 * Statistics, §3.2).
 *
 * @example
 * quantileStandardError(Float64Array.from({ length: 101 }, (_, i) => i), 0.5) // 5
 */
export function quantileStandardError(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n < 2) return Number.NaN;
  const d = Math.sqrt(n * q * (1 - q));
  const at = (rank: number): number => sorted[Math.min(n - 1, Math.max(0, Math.round(rank)))]!;
  const lo = at(q * (n - 1) - d);
  const hi = at(q * (n - 1) + d);
  return lo === hi ? 0 : (hi - lo) / 2;
}

/**
 * Summarises an output from its exact moments (mean, M2 over the `finite`
 * finite values) and an accessor of its order statistics `at(rank)` (rank
 * 0..n−1 of all n values sorted ascending, non-finite values last).
 *
 * Quantiles: type 7 (as {@link sortedQuantile}). Standard errors: mean
 * sd/√n; sd sd/√(2(n−1)) (normal approximation); quantiles as
 * {@link quantileStandardError}. Under Latin hypercube sampling they are
 * conservative (LHS variance is at most the plain MC variance plus O(1/n);
 * McKay, Beckman & Conover 1979).
 *
 * @example
 * summarizeOrdered(2.5, 5, 4, 4, (r) => r + 1).p50 // 2.5
 */
export function summarizeOrdered(mean: number, m2: number, finite: number, n: number, at: (rank: number) => number): OutputSummary {
  const q = (p: number): number => {
    if (n === 0) return Number.NaN;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = at(lo);
    if (lo + 1 >= n || h === lo) return a;
    const b = at(lo + 1);
    return a === b ? a : a + (h - lo) * (b - a);
  };
  const qse = (p: number): number => {
    if (n < 2) return Number.NaN;
    const d = Math.sqrt(n * p * (1 - p));
    const rank = (r: number): number => Math.min(n - 1, Math.max(0, Math.round(r)));
    const lo = at(rank(p * (n - 1) - d));
    const hi = at(rank(p * (n - 1) + d));
    return lo === hi ? 0 : (hi - lo) / 2;
  };
  const sd = finite > 1 ? Math.sqrt(m2 / (finite - 1)) : finite === 1 ? 0 : Number.NaN;
  return {
    mean: finite > 0 ? mean : Number.NaN,
    sd,
    p5: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    min: n > 0 ? at(0) : Number.NaN,
    max: n > 0 ? at(n - 1) : Number.NaN,
    finite,
    se: {
      mean: finite > 0 ? sd / Math.sqrt(finite) : Number.NaN,
      sd: finite > 1 ? sd / Math.sqrt(2 * (finite - 1)) : Number.NaN,
      p5: qse(0.05),
      p25: qse(0.25),
      p50: qse(0.5),
      p75: qse(0.75),
      p95: qse(0.95),
    },
  };
}

/**
 * Summarises an output from its exact moments (mean, M2 over the finite
 * values) and its values sorted ascending (non-finite values last): see
 * {@link summarizeOrdered}.
 *
 * @example
 * summarizeSorted(2.5, 5, Float64Array.from([1, 2, 3, 4])).sd // 1.2909944487358056
 */
export function summarizeSorted(mean: number, m2: number, sorted: ArrayLike<number>): OutputSummary {
  let finite = 0;
  for (let i = 0; i < sorted.length; i += 1) if (Number.isFinite(sorted[i]!)) finite += 1;
  return summarizeOrdered(mean, m2, finite, sorted.length, (r) => sorted[r]!);
}

/** Checkpoints of the convergence trace for n trials: 100, 200, 500, 1,000, ... below n, then n. */
export function convergenceCheckpoints(n: number): number[] {
  const checkpoints: number[] = [];
  for (let decade = 100; decade < n; decade *= 10) for (const m of [1, 2, 5]) if (decade * m < n) checkpoints.push(decade * m);
  checkpoints.push(n);
  return checkpoints;
}

/**
 * A probability from a count of trials, with its binomial standard error.
 *
 * @example
 * probabilityEstimate(25, 100) // { value: 0.25, se: 0.04330127018922193 }
 */
export function probabilityEstimate(hits: number, trials: number): ProbabilityEstimate {
  if (trials <= 0) return { value: Number.NaN, se: Number.NaN };
  const p = hits / trials;
  return { value: p, se: Math.sqrt((p * (1 - p)) / trials) };
}

/** Running estimates at increasing trial counts (1-2-5 steps from 100, and the total). */
export interface ConvergenceTrace {
  trials: number[];
  roiMean: number[];
  roiMeanSe: number[];
  probLoss: number[];
  probRoiAbove200: number[];
}

/**
 * Convergence trace of the ROI in trial order: mean with its standard error,
 * P(ROI < 0) and P(ROI > 200%) after 100, 200, 500, 1,000, ... trials and at the end.
 *
 * @example
 * convergenceTrace(Float32Array.from([1, -1, 3])).trials // [3]
 */
export function convergenceTrace(roi: ArrayLike<number>): ConvergenceTrace {
  const n = roi.length;
  const checkpoints = convergenceCheckpoints(n);
  const trace: ConvergenceTrace = { trials: [], roiMean: [], roiMeanSe: [], probLoss: [], probRoiAbove200: [] };
  let mean = 0;
  let m2 = 0;
  let k = 0;
  let loss = 0;
  let above = 0;
  let next = 0;
  for (let i = 0; i < n; i += 1) {
    const x = roi[i]!;
    if (Number.isFinite(x)) {
      k += 1;
      const d = x - mean;
      mean += d / k;
      m2 += d * (x - mean);
    }
    if (x < 0) loss += 1;
    if (x > 2) above += 1;
    if (i + 1 === checkpoints[next]) {
      trace.trials.push(i + 1);
      trace.roiMean.push(mean);
      trace.roiMeanSe.push(k > 1 ? Math.sqrt(m2 / (k - 1) / k) : Number.NaN);
      trace.probLoss.push(loss / (i + 1));
      trace.probRoiAbove200.push(above / (i + 1));
      next += 1;
    }
  }
  return trace;
}
