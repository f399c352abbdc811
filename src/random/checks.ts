/*
 * Parameter checks shared by the samplers and distribution functions.
 * Internal to src/random: each throws a terse RangeError naming the function,
 * the parameter and the offending value, and every check rejects NaN.
 */

/** Throws unless `value` is a finite number. */
export function requireFinite(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${fn}: ${name} must be finite, got ${value}`);
}

/** Throws unless `value` is finite and > 0. */
export function requirePositive(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${fn}: ${name} must be finite and > 0, got ${value}`);
}

/** Throws unless `value` is finite and >= 0. */
export function requireNonNegative(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${fn}: ${name} must be finite and >= 0, got ${value}`);
}

/** Throws unless `value` is a probability in [0, 1]. */
export function requireProbability(fn: string, name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1], got ${value}`);
}

/** Throws unless `value` is an integer in [0, 2^53). */
export function requireCount(fn: string, name: string, value: number): void {
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new RangeError(`${fn}: ${name} must be an integer >= 0, got ${value}`);
}

/** Throws unless min <= mode <= max, all finite. */
export function requireOrdered(fn: string, min: number, mode: number, max: number): void {
  requireFinite(fn, "min", min);
  requireFinite(fn, "mode", mode);
  requireFinite(fn, "max", max);
  if (!(min <= max)) throw new RangeError(`${fn}: min must be <= max, got min ${min} > max ${max}`);
  if (!(min <= mode && mode <= max)) throw new RangeError(`${fn}: mode must be in [min, max], got ${mode} outside [${min}, ${max}]`);
}

/**
 * A uniform draw on the open interval (0, 1): redraws the (probability
 * <= 2^-32 per call) exact zero, so logarithms and inverse CDFs stay finite.
 * Throws when the source returns 0 nine times in a row (a constant test double).
 */
export function openUniform(rng: () => number): number {
  let u = rng();
  for (let i = 0; u === 0; i++) {
    if (i === 8) throw new RangeError("RandomSource returned 0 nine times in a row: is it a constant?");
    u = rng();
  }
  return u;
}

/**
 * Rejection loops give up after this many attempts: every sampler here
 * accepts with probability > 0.1, so a genuine source never gets near it, but
 * a constant test double would otherwise loop forever.
 */
export const MAX_REJECTIONS = 10_000;

/** The error thrown when a rejection loop exceeds {@link MAX_REJECTIONS}. */
export function tooManyRejections(fn: string): RangeError {
  return new RangeError(`${fn}: ${MAX_REJECTIONS} rejections in a row: is the RandomSource constant?`);
}
