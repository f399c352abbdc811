import type { RandomSource } from "./RandomSource";
import { MAX_REJECTIONS, openUniform, requireCount, requireProbability, tooManyRejections } from "./checks";
import { stepToQuantile } from "./discreteQuantile";
import { standardNormalQuantile } from "./normal";
import { incompleteBetaUnchecked } from "./specialFunctions";

/** Stirling-series remainder ln k! - [(k + ½) ln(k + 1) - (k + 1) + ½ ln 2π], tabulated for k <= 9. */
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917,
  0.010411265261972, 0.00925546218271273, 0.00833056343336287,
] as const;

/** Stirling remainder (internal; Hörmann 1993, BTRS `fc`). */
function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k]!;
  const kp1 = k + 1;
  const kp1sq = kp1 * kp1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / kp1;
}

/** Binomial by inversion (sequential search from 0), for n·p < 10 (internal). */
function binomialInversion(rng: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const start = Math.exp(n * Math.log1p(-p));
  const mean = n * p;
  const bound = Math.min(n, mean + 10 * Math.sqrt(mean * q + 1));
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    let u = rng();
    let k = 0;
    let mass = start;
    while (u > mass) {
      u -= mass;
      k += 1;
      if (k > bound) break;
      mass *= ((n - k + 1) * p) / (k * q);
    }
    if (k <= bound) return k;
  }
  throw tooManyRejections("sampleBinomial");
}

/** Binomial by BTRS, transformed rejection with squeeze, for n·p >= 10, p <= ½ (internal). */
function binomialBtrs(rng: RandomSource, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vR = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = stirlingTail(m) + stirlingTail(n - m);
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const u = openUniform(rng) - 0.5;
    let v = openUniform(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vR) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    // ln[f(k) / f(m)] through Stirling's formula with remainders (Hörmann 1993, step 3.3).
    const bound =
      (m + 0.5) * Math.log((m + 1) / (n - m + 1)) +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((n - k + 1) / (k + 1)) +
      (k - m) * lpq +
      h -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
  throw tooManyRejections("sampleBinomial");
}

/**
 * One draw from Binomial(n, p): the number of successes in n independent
 * trials of probability p (e.g. how many of n contacted customers are saved).
 *
 * Exact methods (no normal approximation), on min(p, 1 - p) with
 * symmetry: for n·p < 10, inversion by sequential search from 0 (one
 * uniform per draw; Kachitvichyanukul & Schmeiser 1988, BINV, with numpy's
 * restart beyond mean + 10 sd against round-off); for n·p >= 10, BTRS,
 * Hörmann, "The generation of binomial random variates", J. Statist.
 * Comput. Simul. 46, 1993: transformed rejection with squeeze, ~1.15
 * uniform pairs per draw whatever n.
 *
 * @param rng uniform source on [0, 1).
 * @param n number of trials, an integer >= 0.
 * @param p success probability in [0, 1].
 * @throws RangeError when n is not an integer >= 0 or p is outside [0, 1] or NaN.
 * @example
 * sampleBinomial(createStream(42, "saves"), 10_000, 0.35); // an integer near 3500 (sd ~47.7)
 * sampleBinomial(() => 0.5, 10, 0); // 0
 */
export function sampleBinomial(rng: RandomSource, n: number, p: number): number {
  requireCount("sampleBinomial", "n", n);
  requireProbability("sampleBinomial", "p", p);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const k = n * pp < 10 ? binomialInversion(rng, n, pp) : binomialBtrs(rng, n, pp);
  return flip ? n - k : k;
}

/**
 * The Binomial(n, p) CDF: P(X <= k) = I_{1-p}(n - k, k + 1) for 0 <= k < n,
 * the regularized incomplete beta function (Abramowitz & Stegun 26.5.24).
 *
 * @param k point (any number but NaN; non-integers are floored).
 * @param n number of trials, an integer >= 0.
 * @param p success probability in [0, 1].
 * @throws RangeError when n is not an integer >= 0, p is outside [0, 1], or any is NaN.
 * @example
 * binomialCdf(5, 20, 0.3); // 0.41637082944748416 (scipy 1.10.1 binom.cdf: 0.4163708294474809)
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (Number.isNaN(k)) throw new RangeError("binomialCdf: k must not be NaN");
  requireCount("binomialCdf", "n", n);
  requireProbability("binomialCdf", "p", p);
  if (k < 0) return 0;
  const j = Math.floor(k);
  if (j >= n) return 1;
  if (p === 0) return 1;
  if (p === 1) return 0;
  return incompleteBetaUnchecked(1 - p, n - j, j + 1);
}

/**
 * The Binomial(n, p) quantile: the smallest integer k with
 * binomialCdf(k) >= p. Starts from the Cornish–Fisher normal approximation
 * and steps to the exact answer.
 *
 * @param q probability in [0, 1].
 * @param n number of trials, an integer >= 0.
 * @param p success probability in [0, 1].
 * @throws RangeError when q or p is outside [0, 1], n is not an integer >= 0, or any is NaN.
 * @example
 * binomialQuantile(0.5, 20, 0.3);       // 6
 * binomialQuantile(0.9, 10_000, 0.35);  // 3561 (scipy 1.10.1 binom.ppf)
 */
export function binomialQuantile(q: number, n: number, p: number): number {
  requireProbability("binomialQuantile", "q", q);
  requireCount("binomialQuantile", "n", n);
  requireProbability("binomialQuantile", "p", p);
  if (q === 0 || n === 0 || p === 0) return 0;
  if (p === 1 || q === 1) return n;
  const z = standardNormalQuantile(q);
  const mean = n * p;
  const sd = Math.sqrt(mean * (1 - p));
  const start = Math.round(mean + sd * z + ((z * z - 1) * (1 - 2 * p)) / 6);
  return stepToQuantile(start, q, (j) => binomialCdf(j, n, p), n);
}
