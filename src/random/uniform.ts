import type { RandomSource } from "./RandomSource";
import { requireFinite, requireProbability } from "./checks";

function checkBounds(fn: string, min: number, max: number): void {
  requireFinite(fn, "min", min);
  requireFinite(fn, "max", max);
  if (!(min <= max)) throw new RangeError(`${fn}: min must be <= max, got min ${min} > max ${max}`);
}

/**
 * One draw from Uniform(min, max): min + (max - min) u for one uniform u.
 *
 * @param rng uniform source on [0, 1).
 * @param min lower bound, finite.
 * @param max upper bound, finite, >= min (min = max returns min).
 * @throws RangeError when min > max or either is NaN or infinite.
 * @example
 * sampleUniform(() => 0.25, 10, 20); // 12.5
 */
export function sampleUniform(rng: RandomSource, min: number, max: number): number {
  checkBounds("sampleUniform", min, max);
  return min + (max - min) * rng();
}

/**
 * The Uniform(min, max) quantile: min + p (max - min).
 *
 * @param p probability in [0, 1].
 * @param min lower bound, finite.
 * @param max upper bound, finite, >= min.
 * @throws RangeError when p is outside [0, 1], min > max, or any is NaN.
 * @example
 * uniformQuantile(0.9, 0, 200); // 180
 */
export function uniformQuantile(p: number, min: number, max: number): number {
  requireProbability("uniformQuantile", "p", p);
  checkBounds("uniformQuantile", min, max);
  return min + p * (max - min);
}
