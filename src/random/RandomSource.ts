/**
 * A source of uniform random numbers on [0, 1): the one argument every
 * stochastic function in churnlab takes, so no randomness is hidden.
 *
 * Any zero-argument function returning numbers uniform on [0, 1) qualifies:
 * a named seedrandom stream from {@link createStream}, the bound
 * `uniform` of a {@link FastRng}, or a test double such as `() => 0.5`.
 * Samplers never call `Math.random`. Inversion samplers (uniform, normal,
 * lognormal, triangular) turn a constant double into a fixed quantile; the
 * rejection samplers (gamma, beta, PERT, large binomial and Poisson) may
 * need a genuinely random source and throw a RangeError after 10,000
 * rejections in a row rather than loop forever.
 *
 * @example
 * const rng: RandomSource = createStream(42, "demand");
 * rng(); // a number in [0, 1), the same on every run for (42, "demand")
 */
export type RandomSource = () => number;
