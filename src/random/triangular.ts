import type { RandomSource } from "./RandomSource";
import { requireOrdered, requireProbability } from "./checks";

/** Triangular quantile without checks (internal). */
function triangularQuantileUnchecked(p: number, min: number, mode: number, max: number): number {
  const width = max - min;
  if (width === 0) return min;
  const modeShare = (mode - min) / width;
  if (p < modeShare) return min + Math.sqrt(p * width * (mode - min));
  return max - Math.sqrt((1 - p) * width * (max - mode));
}

/**
 * The Triangular(min, mode, max) quantile (inverse CDF):
 * min + sqrt(p (max - min)(mode - min)) for p < F(mode), else
 * max - sqrt((1 - p)(max - min)(max - mode)), where F(mode) = (mode - min)/(max - min)
 * (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions, vol. 2).
 *
 * @param p probability in [0, 1].
 * @param min lower bound; mode most likely value; max upper bound:
 *   finite with min <= mode <= max (all equal gives that value).
 * @throws RangeError when p is outside [0, 1], the bounds are out of order, or any is NaN.
 * @example
 * triangularQuantile(0.5, 0, 0, 1); // 0.2928932188134524 = 1 - 1/√2
 */
export function triangularQuantile(p: number, min: number, mode: number, max: number): number {
  requireProbability("triangularQuantile", "p", p);
  requireOrdered("triangularQuantile", min, mode, max);
  return triangularQuantileUnchecked(p, min, mode, max);
}

/**
 * The Triangular(min, mode, max) CDF: (x - min)² / ((max - min)(mode - min))
 * up to the mode, 1 - (max - x)² / ((max - min)(max - mode)) after it.
 *
 * @param x point (any number but NaN).
 * @param min lower bound; mode most likely value; max upper bound (min <= mode <= max).
 * @throws RangeError when the bounds are out of order or any is NaN.
 * @example
 * triangularCdf(5, 0, 5, 10); // 0.5
 */
export function triangularCdf(x: number, min: number, mode: number, max: number): number {
  if (Number.isNaN(x)) throw new RangeError("triangularCdf: x must not be NaN");
  requireOrdered("triangularCdf", min, mode, max);
  if (x < min) return 0;
  if (x >= max) return 1;
  const width = max - min;
  if (x <= mode) return ((x - min) * (x - min)) / (width * (mode - min));
  return 1 - ((max - x) * (max - x)) / (width * (max - mode));
}

/**
 * One draw from Triangular(min, mode, max) by inversion (one uniform; see
 * {@link triangularQuantile}): the three-point estimate "at least, most
 * likely, at most" of a plan figure. Mean (min + mode + max) / 3.
 *
 * @param rng uniform source on [0, 1).
 * @param min lower bound; mode most likely value; max upper bound:
 *   finite with min <= mode <= max.
 * @throws RangeError when min > max, the mode is outside [min, max], or any is NaN.
 * @example
 * sampleTriangular(() => 0.5, 0, 5, 10); // 5
 */
export function sampleTriangular(rng: RandomSource, min: number, mode: number, max: number): number {
  requireOrdered("sampleTriangular", min, mode, max);
  return triangularQuantileUnchecked(rng(), min, mode, max);
}
