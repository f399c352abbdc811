import type { RandomSource } from "./RandomSource";
import { openUniform, requireFinite, requireNonNegative, requirePositive, requireProbability } from "./checks";
import { standardNormalCdf, standardNormalQuantile } from "./normal";

/**
 * The log-scale parameters (mu, sigma) of the lognormal distribution with a
 * given mean and standard deviation on the natural scale.
 *
 * sigma² = ln(1 + sd²/mean²), mu = ln(mean) - sigma²/2 (moments of the
 * lognormal: E = e^{mu + sigma²/2}, Var = (e^{sigma²} - 1) E²).
 *
 * @param mean natural-scale mean, finite and > 0 (e.g. a repair bill in yuan).
 * @param sd natural-scale standard deviation, finite and >= 0.
 * @throws RangeError when mean <= 0, sd < 0, or either is NaN.
 * @example
 * lognormalFromMeanSd(1000, 500); // { mu: 6.7961835033250315, sigma: 0.47238072707743883 }
 */
export function lognormalFromMeanSd(mean: number, sd: number): { mu: number; sigma: number } {
  requirePositive("lognormalFromMeanSd", "mean", mean);
  requireNonNegative("lognormalFromMeanSd", "sd", sd);
  const ratio = sd / mean;
  const variance = Math.log1p(ratio * ratio);
  return { mu: Math.log(mean) - variance / 2, sigma: Math.sqrt(variance) };
}

/**
 * One draw from Lognormal(mu, sigma): exp(mu + sigma Φ⁻¹(u)) for one
 * uniform u (inversion, AS 241). Use {@link lognormalFromMeanSd} to set it
 * by natural-scale mean and sd.
 *
 * @param rng uniform source on [0, 1).
 * @param mu mean of ln X, finite.
 * @param sigma standard deviation of ln X, finite and >= 0.
 * @throws RangeError when sigma < 0 or mu/sigma is NaN or infinite.
 * @example
 * sampleLognormal(() => 0.5, Math.log(1000), 0.5); // 999.9999999999998 (the median e^mu = 1000)
 */
export function sampleLognormal(rng: RandomSource, mu: number, sigma: number): number {
  requireFinite("sampleLognormal", "mu", mu);
  requireNonNegative("sampleLognormal", "sigma", sigma);
  return Math.exp(mu + sigma * standardNormalQuantile(openUniform(rng)));
}

/**
 * The Lognormal(mu, sigma) quantile: exp(mu + sigma Φ⁻¹(p)).
 *
 * @param p probability in [0, 1] (0 gives 0, 1 gives Infinity).
 * @param mu mean of ln X, finite.
 * @param sigma standard deviation of ln X, finite and >= 0.
 * @throws RangeError when p is outside [0, 1], sigma < 0, or any is NaN.
 * @example
 * lognormalQuantile(0.9, 0, 1); // 3.602224479279159 (scipy lognorm.ppf(0.9, 1) = 3.6022244792791573)
 */
export function lognormalQuantile(p: number, mu: number, sigma: number): number {
  requireProbability("lognormalQuantile", "p", p);
  requireFinite("lognormalQuantile", "mu", mu);
  requireNonNegative("lognormalQuantile", "sigma", sigma);
  if (sigma === 0) return Math.exp(mu);
  return Math.exp(mu + sigma * standardNormalQuantile(p));
}

/**
 * The Lognormal(mu, sigma) CDF: Φ((ln x - mu) / sigma) for x > 0, 0 for x <= 0.
 *
 * @param x point (any number but NaN).
 * @param mu mean of ln X, finite.
 * @param sigma standard deviation of ln X, finite and > 0.
 * @throws RangeError when sigma <= 0 or any is NaN.
 * @example
 * lognormalCdf(1, 0, 1); // 0.5
 */
export function lognormalCdf(x: number, mu: number, sigma: number): number {
  if (Number.isNaN(x)) throw new RangeError("lognormalCdf: x must not be NaN");
  requireFinite("lognormalCdf", "mu", mu);
  requirePositive("lognormalCdf", "sigma", sigma);
  if (x <= 0) return 0;
  return standardNormalCdf((Math.log(x) - mu) / sigma);
}
