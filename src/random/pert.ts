import type { RandomSource } from "./RandomSource";
import { requireOrdered, requirePositive, requireProbability } from "./checks";
import { betaQuantileUnchecked, sampleBetaUnchecked } from "./beta";
import { incompleteBetaUnchecked } from "./specialFunctions";

/**
 * The Beta shapes of a PERT(min, mode, max, lambda) distribution:
 * alpha = 1 + lambda (mode - min)/(max - min), beta = 1 + lambda (max - mode)/(max - min),
 * so the mean is (min + lambda·mode + max) / (lambda + 2) (Malcolm et al.,
 * "Application of a technique for research and development program
 * evaluation", Operations Research 7, 1959; lambda = 4 is the classic PERT,
 * Vose, Risk Analysis, 2008, gives the "modified PERT" with other lambda).
 *
 * @param min lower bound; mode most likely value; max upper bound:
 *   finite with min <= mode <= max and min < max.
 * @param lambda weight of the mode, finite and > 0 (default 4).
 * @throws RangeError when the bounds are out of order or equal, lambda <= 0, or any is NaN.
 * @example
 * pertShapes(0, 2, 10);  // { alpha: 1.8, beta: 4.2 }
 */
export function pertShapes(min: number, mode: number, max: number, lambda = 4): { alpha: number; beta: number } {
  requireOrdered("pertShapes", min, mode, max);
  requirePositive("pertShapes", "lambda", lambda);
  if (!(min < max)) throw new RangeError(`pertShapes: min must be < max, got ${min} = ${max}`);
  const width = max - min;
  return { alpha: 1 + (lambda * (mode - min)) / width, beta: 1 + (lambda * (max - mode)) / width };
}

function checkPert(fn: string, min: number, mode: number, max: number, lambda: number): void {
  requireOrdered(fn, min, mode, max);
  requirePositive(fn, "lambda", lambda);
}

/**
 * One draw from PERT(min, mode, max, lambda): min + (max - min)·B with
 * B ~ Beta({@link pertShapes}). A smoother three-point estimate than the
 * triangular, with less weight in the tails. min = max returns min.
 *
 * @param rng uniform source on [0, 1).
 * @param min lower bound; mode most likely value; max upper bound (min <= mode <= max).
 * @param lambda weight of the mode, > 0 (default 4).
 * @throws RangeError when min > max, the mode is outside [min, max], lambda <= 0, or any is NaN.
 * @example
 * samplePert(createStream(42, "cost"), 800, 1000, 1500); // mean (800 + 4000 + 1500) / 6 = 1050
 */
export function samplePert(rng: RandomSource, min: number, mode: number, max: number, lambda = 4): number {
  checkPert("samplePert", min, mode, max, lambda);
  if (min === max) return min;
  const { alpha, beta } = pertShapes(min, mode, max, lambda);
  return min + (max - min) * sampleBetaUnchecked(rng, alpha, beta);
}

/**
 * The PERT(min, mode, max, lambda) quantile: min + (max - min)·betaQuantile(p, alpha, beta).
 *
 * @param p probability in [0, 1].
 * @param min lower bound; mode most likely value; max upper bound (min <= mode <= max).
 * @param lambda weight of the mode, > 0 (default 4).
 * @throws RangeError when p is outside [0, 1], the bounds are out of order, lambda <= 0, or any is NaN.
 * @example
 * pertQuantile(0.5, 0, 5, 10); // 5.0000000000000036 (5 by symmetry)
 */
export function pertQuantile(p: number, min: number, mode: number, max: number, lambda = 4): number {
  requireProbability("pertQuantile", "p", p);
  checkPert("pertQuantile", min, mode, max, lambda);
  if (min === max) return min;
  const { alpha, beta } = pertShapes(min, mode, max, lambda);
  return min + (max - min) * betaQuantileUnchecked(p, alpha, beta);
}

/**
 * The PERT(min, mode, max, lambda) CDF: I_{(x - min)/(max - min)}(alpha, beta).
 *
 * @param x point (any number but NaN).
 * @param min lower bound; mode most likely value; max upper bound (min <= mode <= max).
 * @param lambda weight of the mode, > 0 (default 4).
 * @throws RangeError when the bounds are out of order, lambda <= 0, or any is NaN.
 * @example
 * pertCdf(5, 0, 5, 10); // 0.5 (to 1e-15)
 */
export function pertCdf(x: number, min: number, mode: number, max: number, lambda = 4): number {
  if (Number.isNaN(x)) throw new RangeError("pertCdf: x must not be NaN");
  checkPert("pertCdf", min, mode, max, lambda);
  if (x < min) return 0;
  if (x >= max) return 1;
  const { alpha, beta } = pertShapes(min, mode, max, lambda);
  return incompleteBetaUnchecked((x - min) / (max - min), alpha, beta);
}
