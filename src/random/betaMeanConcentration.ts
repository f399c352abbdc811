import type { RandomSource } from "./RandomSource";
import { requirePositive } from "./checks";
import { sampleBetaUnchecked } from "./beta";

/**
 * Beta shapes from a mean and a concentration (prior sample size):
 * alpha = mean·concentration, beta = (1 - mean)·concentration. The variance
 * is mean(1 - mean) / (concentration + 1), so a larger concentration means
 * a tighter rate (e.g. a save rate of 0.35 known from ~200 past cases).
 *
 * @param mean the distribution's mean, strictly between 0 and 1.
 * @param concentration alpha + beta, finite and > 0.
 * @throws RangeError when mean is outside (0, 1), concentration <= 0, or either is NaN.
 * @example
 * betaFromMeanConcentration(0.35, 200); // { alpha: 70, beta: 130 }
 */
export function betaFromMeanConcentration(mean: number, concentration: number): { alpha: number; beta: number } {
  if (!(mean > 0 && mean < 1)) throw new RangeError(`betaFromMeanConcentration: mean must be in (0, 1), got ${mean}`);
  requirePositive("betaFromMeanConcentration", "concentration", concentration);
  return { alpha: mean * concentration, beta: (1 - mean) * concentration };
}

/**
 * One draw from a Beta distribution given by its mean and concentration
 * (see {@link betaFromMeanConcentration}); the natural way to put
 * uncertainty on a rate such as a save rate or a churn rate.
 *
 * @param rng uniform source on [0, 1).
 * @param mean the rate's mean, strictly between 0 and 1.
 * @param concentration alpha + beta, finite and > 0.
 * @throws RangeError when mean is outside (0, 1), concentration <= 0, or either is NaN.
 * @example
 * const rng = createStream(42, "save-rate");
 * sampleBetaMeanConcentration(rng, 0.35, 200); // a rate near 0.35 (sd ~0.0337)
 */
export function sampleBetaMeanConcentration(rng: RandomSource, mean: number, concentration: number): number {
  const { alpha, beta } = betaFromMeanConcentration(mean, concentration);
  return sampleBetaUnchecked(rng, alpha, beta);
}
