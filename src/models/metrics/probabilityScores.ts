import { checkProbabilities, checkScoresAndLabels } from "./checkInputs";

/**
 * Brier score: the mean squared difference between predicted probability and
 * outcome (Brier 1950), as scikit-learn's `brier_score_loss`. 0 is perfect;
 * always predicting the base rate π gives π(1 − π).
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @returns the score in [0, 1]; NaN for empty input.
 * @throws RangeError on length mismatch, labels other than 0/1 or probabilities outside [0, 1].
 * @example
 * brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); // 0.0375
 */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkScoresAndLabels("brierScore", probabilities, labels);
  checkProbabilities("brierScore", probabilities);
  if (probabilities.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const d = (probabilities[i] as number) - (labels[i] as number);
    sum += d * d;
  }
  return sum / probabilities.length;
}

/**
 * Mean log loss (binary cross-entropy, natural log), as scikit-learn's
 * `log_loss`: −mean(y·ln p + (1 − y)·ln(1 − p)), with p clipped to
 * [ε, 1 − ε] (ε = 1e-15) so a confident mistake costs about 34.5, not infinity.
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @returns loss ≥ 0 in nats; NaN for empty input.
 * @throws RangeError on bad inputs (see {@link brierScore}).
 * @example
 * logLoss([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]); // 0.19763488164214868
 */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkScoresAndLabels("logLoss", probabilities, labels);
  checkProbabilities("logLoss", probabilities);
  if (probabilities.length === 0) return NaN;
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i] as number));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}

/**
 * Kolmogorov–Smirnov statistic of a scorecard: the largest gap between the
 * score distributions of positives and negatives, max over thresholds of
 * |TPR − FPR| (equals scipy's `ks_2samp(scores[y==1], scores[y==0]).statistic`).
 *
 * @param scores finite ranking scores; labels 0/1 of the same length.
 * @returns KS in [0, 1]; NaN when a class is absent.
 * @throws RangeError on bad inputs.
 * @example
 * ksStatistic([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.5
 */
export function ksStatistic(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const positives = checkScoresAndLabels("ksStatistic", scores, labels);
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let tp = 0;
  let fp = 0;
  let best = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) best = Math.max(best, Math.abs(tp / positives - fp / negatives));
  }
  return best;
}
