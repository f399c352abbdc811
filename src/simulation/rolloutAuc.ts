/**
 * The AUC (area under the ROC curve) of scores for a binary outcome: the
 * probability that a random positive scores above a random negative, ties
 * counting one half (the Mann–Whitney U statistic divided by n₁n₀; Hanley &
 * McNeil, "The meaning and use of the area under a ROC curve", Radiology
 * 143, 1982). Entries whose score is NaN are skipped. Sorts the positives'
 * and the negatives' scores (native typed-array sorts) and merges: O(n log n).
 *
 * @param scores scores, higher = more likely positive.
 * @param positive 1 for a positive outcome (e.g. churned within 30 days), 0 otherwise; same length.
 * @returns the AUC in [0, 1]; NaN when there is no positive or no negative.
 * @throws RangeError when the lengths differ.
 * @example
 * binaryAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) // 0.75
 */
export function binaryAuc(scores: ArrayLike<number>, positive: ArrayLike<number>): number {
  if (scores.length !== positive.length) throw new RangeError(`scores and outcomes differ in length: ${scores.length} vs ${positive.length}`);
  let n1 = 0;
  let n0 = 0;
  for (let i = 0; i < scores.length; i += 1) {
    if (Number.isNaN(scores[i]!)) continue;
    if (positive[i] === 1) n1 += 1;
    else n0 += 1;
  }
  if (n1 === 0 || n0 === 0) return Number.NaN;
  const pos = new Float64Array(n1);
  const neg = new Float64Array(n0);
  n1 = 0;
  n0 = 0;
  for (let i = 0; i < scores.length; i += 1) {
    const s = scores[i]!;
    if (Number.isNaN(s)) continue;
    if (positive[i] === 1) pos[n1++] = s;
    else neg[n0++] = s;
  }
  pos.sort();
  neg.sort();
  // For each positive (ascending): negatives strictly below count 1, equal count 1/2.
  let below = 0;
  let upTo = 0;
  let u = 0;
  for (let j = 0; j < n1; j += 1) {
    const s = pos[j]!;
    while (below < n0 && neg[below]! < s) below += 1;
    if (upTo < below) upTo = below;
    while (upTo < n0 && neg[upTo]! <= s) upTo += 1;
    u += below + (upTo - below) / 2;
  }
  return u / (n1 * n0);
}
