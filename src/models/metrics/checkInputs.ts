/**
 * Checks a score vector and a 0/1 label vector for the metric functions.
 *
 * @param what the calling metric's name, used in the error message.
 * @param scores finite numbers (probabilities or any ranking score).
 * @param labels 0 or 1, same length as scores.
 * @returns the number of positives.
 * @throws RangeError when lengths differ, a score is NaN/infinite or a label is not 0/1.
 * @example
 * checkScoresAndLabels("rocAuc", [0.2, 0.9], [0, 1]); // 1
 */
export function checkScoresAndLabels(what: string, scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (scores.length !== labels.length) {
    throw new RangeError(`${what}: ${scores.length} scores but ${labels.length} labels`);
  }
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    const y = labels[i] as number;
    if (!Number.isFinite(s)) throw new RangeError(`${what}: score ${i} is ${s}`);
    if (y !== 0 && y !== 1) throw new RangeError(`${what}: label ${i} is ${y}, expected 0 or 1`);
    positives += y;
  }
  return positives;
}

/**
 * Checks that probabilities lie in [0, 1] (after {@link checkScoresAndLabels}).
 * @throws RangeError naming the first probability outside [0, 1].
 * @example
 * checkProbabilities("brierScore", [0, 0.5, 1]); // no error
 */
export function checkProbabilities(what: string, probabilities: ArrayLike<number>): void {
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${what}: probability ${i} is ${p}, expected 0..1`);
  }
}
