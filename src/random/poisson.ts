import type { RandomSource } from "./RandomSource";
import { MAX_REJECTIONS, openUniform, requireNonNegative, requireProbability, tooManyRejections } from "./checks";
import { stepToQuantile } from "./discreteQuantile";
import { standardNormalQuantile } from "./normal";
import { logGammaUnchecked, regularizedLowerGamma } from "./specialFunctions";

/** Poisson by inversion (sequential search from 0), for lambda < 10 (internal). */
function poissonInversion(rng: RandomSource, lambda: number): number {
  const start = Math.exp(-lambda);
  const bound = lambda + 10 * Math.sqrt(lambda) + 10;
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    let u = rng();
    let k = 0;
    let mass = start;
    while (u > mass) {
      u -= mass;
      k += 1;
      if (k > bound) break;
      mass *= lambda / k;
    }
    if (k <= bound) return k;
  }
  throw tooManyRejections("samplePoisson");
}

/** Poisson by PTRS, transformed rejection with squeeze, for lambda >= 10 (internal). */
function poissonPtrs(rng: RandomSource, lambda: number): number {
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vR = 0.9277 - 3.6224 / (b - 2);
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const u = openUniform(rng) - 0.5;
    const v = openUniform(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vR) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logGammaUnchecked(k + 1)) {
      return k;
    }
  }
  throw tooManyRejections("samplePoisson");
}

/**
 * One draw from Poisson(lambda): a count with mean and variance lambda
 * (e.g. referrals per promoter, workshop visits per year).
 *
 * For lambda < 10, inversion by sequential search from 0: exact, one
 * uniform per draw (Knuth's product-of-uniforms method gives the same
 * distribution but spends lambda + 1 uniforms); restarts beyond
 * lambda + 10 sqrt(lambda) + 10 guard against round-off. For lambda >= 10,
 * PTRS, Hörmann, "The transformed rejection method for generating Poisson
 * random variables", Insurance: Mathematics and Economics 12, 1993 (the
 * method numpy uses): exact, ~1.13 uniform pairs per draw whatever lambda.
 *
 * @param rng uniform source on [0, 1).
 * @param lambda mean, finite and >= 0 (0 returns 0).
 * @throws RangeError when lambda < 0, NaN or infinite.
 * @example
 * samplePoisson(() => 0.5, 0); // 0
 * samplePoisson(createStream(42, "referrals"), 3.2); // a count of mean 3.2
 */
export function samplePoisson(rng: RandomSource, lambda: number): number {
  requireNonNegative("samplePoisson", "lambda", lambda);
  if (lambda === 0) return 0;
  return lambda < 10 ? poissonInversion(rng, lambda) : poissonPtrs(rng, lambda);
}

/**
 * The Poisson(lambda) CDF: P(X <= k) = Q(floor(k) + 1, lambda), the upper
 * regularized incomplete gamma function (Abramowitz & Stegun 6.5.2 and 26.4.21).
 *
 * @param k point (any number but NaN; non-integers are floored, below 0 gives 0).
 * @param lambda mean, finite and >= 0.
 * @throws RangeError when lambda < 0 or either is NaN.
 * @example
 * poissonCdf(3, 3.2); // 0.6025197244055572 (scipy 1.10.1 poisson.cdf: 0.6025197244055571)
 */
export function poissonCdf(k: number, lambda: number): number {
  if (Number.isNaN(k)) throw new RangeError("poissonCdf: k must not be NaN");
  requireNonNegative("poissonCdf", "lambda", lambda);
  if (k < 0) return 0;
  if (lambda === 0 || k === Infinity) return 1;
  return 1 - regularizedLowerGamma(Math.floor(k) + 1, lambda);
}

/**
 * The Poisson(lambda) quantile: the smallest integer k with
 * poissonCdf(k) >= p. Starts from the Cornish–Fisher normal approximation
 * and steps to the exact answer.
 *
 * @param p probability in [0, 1] (1 gives Infinity, unless lambda is 0).
 * @param lambda mean, finite and >= 0.
 * @throws RangeError when p is outside [0, 1], lambda < 0, or either is NaN.
 * @example
 * poissonQuantile(0.5, 3.2); // 3
 * poissonQuantile(0.9, 50);  // 59 (scipy 1.10.1 poisson.ppf)
 */
export function poissonQuantile(p: number, lambda: number): number {
  requireProbability("poissonQuantile", "p", p);
  requireNonNegative("poissonQuantile", "lambda", lambda);
  if (lambda === 0 || p === 0) return 0;
  if (p === 1) return Infinity;
  const z = standardNormalQuantile(p);
  const sd = Math.sqrt(lambda);
  const start = Math.max(0, Math.round(lambda + sd * z + (z * z - 1) / 6));
  return stepToQuantile(start, p, (j) => poissonCdf(j, lambda), Infinity);
}
