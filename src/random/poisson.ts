import type { RandomSource } from "./RandomSource";
import { openUniform, requireNonNegative } from "./checks";
import { logGammaUnchecked } from "./specialFunctions";

/** Poisson by inversion (sequential search from 0), for lambda < 10 (internal). */
function poissonInversion(rng: RandomSource, lambda: number): number {
  const start = Math.exp(-lambda);
  const bound = lambda + 10 * Math.sqrt(lambda) + 10;
  for (;;) {
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
}

/** Poisson by PTRS, transformed rejection with squeeze, for lambda >= 10 (internal). */
function poissonPtrs(rng: RandomSource, lambda: number): number {
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vR = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
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
