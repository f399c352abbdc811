/*
 * Test helpers for tests/random: the jstat reference distributions (typed
 * here, as jstat ships no types) and goodness-of-fit statistics.
 */
// @ts-expect-error jstat has no type declarations; the subset used is typed below.
import * as jstatModule from "jstat";

interface ContinuousReference {
  cdf(x: number, ...params: number[]): number;
  inv(p: number, ...params: number[]): number;
}
interface DiscreteReference {
  pdf(k: number, ...params: number[]): number;
  cdf(k: number, ...params: number[]): number;
}
interface JStatSubset {
  gammaln(x: number): number;
  normal: ContinuousReference;
  lognormal: ContinuousReference;
  gamma: ContinuousReference;
  beta: ContinuousReference;
  uniform: ContinuousReference;
  triangular: ContinuousReference;
  chisquare: ContinuousReference;
  binomial: DiscreteReference;
  poisson: DiscreteReference;
}

const loaded = jstatModule as unknown as { jStat?: JStatSubset; default?: { jStat: JStatSubset } };
/** jStat 1.9.6, the reference implementation of CDFs and pmfs. */
export const jStat: JStatSubset = (loaded.jStat ?? loaded.default?.jStat)!;

/** n draws from a sampler. */
export function draws(n: number, sample: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample();
  return out;
}

/** Sample mean and variance, with the standard errors of both (the latter from the 4th central moment). */
export function moments(xs: Float64Array): { mean: number; variance: number; meanSe: number; varianceSe: number } {
  const n = xs.length;
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = (x - mean) * (x - mean);
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  return { mean, variance: (m2 * n) / (n - 1), meanSe: Math.sqrt(m2 / n), varianceSe: Math.sqrt(Math.max(m4 - m2 * m2, 0) / n) };
}

/**
 * Kolmogorov–Smirnov statistic D_n = sup |F_n(x) - F(x)| for a continuous CDF
 * (Kolmogorov 1933).
 */
export function ksStatistic(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** The asymptotic 1% critical value of D_n: K_{0.99} / sqrt(n), K_{0.99} = 1.6276 (Kolmogorov distribution). */
export function ksCritical1Percent(n: number): number {
  return 1.6276 / Math.sqrt(n);
}

/**
 * Pearson chi-square statistic of integer draws against a pmf, with the
 * upper and lower tails pooled so every cell expects >= 5 draws, and the
 * 1% critical value of chi-square with (cells - 1) degrees of freedom.
 */
export function chiSquareTest(xs: Float64Array, pmf: (k: number) => number): { statistic: number; critical: number; cells: number } {
  const n = xs.length;
  const counts = new Map<number, number>();
  let max = 0;
  for (const x of xs) {
    counts.set(x, (counts.get(x) ?? 0) + 1);
    max = Math.max(max, x);
  }
  // Cells: [0..lo] pooled, lo+1 .. hi-1 single, [hi..∞) pooled.
  let lo = 0;
  let below = pmf(0);
  while (below * n < 5) below += pmf(++lo);
  let hi = Math.max(max, lo + 2);
  let above = 1 - below;
  for (let k = lo + 1; k < hi; k++) above -= pmf(k);
  while (above * n < 5 && hi > lo + 1) above += pmf(--hi);
  const cellsExpected: number[] = [below];
  const cellsObserved: number[] = [0];
  for (let k = lo + 1; k < hi; k++) {
    cellsExpected.push(pmf(k));
    cellsObserved.push(0);
  }
  cellsExpected.push(Math.max(above, 0));
  cellsObserved.push(0);
  for (const [k, c] of counts) {
    const cell = k <= lo ? 0 : k >= hi ? cellsObserved.length - 1 : k - lo;
    cellsObserved[cell]! += c;
  }
  let statistic = 0;
  for (let i = 0; i < cellsExpected.length; i++) {
    const e = cellsExpected[i]! * n;
    if (e === 0) continue;
    statistic += (cellsObserved[i]! - e) ** 2 / e;
  }
  const cells = cellsExpected.length;
  return { statistic, critical: jStat.chisquare.inv(0.99, cells - 1), cells };
}
