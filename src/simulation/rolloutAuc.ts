/**
 * The AUC (area under the ROC curve) of scores for a binary outcome: the
 * probability that a random positive scores above a random negative, ties
 * counting one half. Computed as the Mann–Whitney U statistic from mid-ranks
 * (Hanley & McNeil, "The meaning and use of the area under a ROC curve",
 * Radiology 143, 1982). Entries whose score is NaN are skipped. O(n log n).
 *
 * @param scores scores, higher = more likely positive.
 * @param positive 1 for a positive outcome (e.g. churned within 30 days), 0 otherwise; same length.
 * @returns the AUC in [0, 1]; NaN when there is no positive or no negative.
 * @throws RangeError when the lengths differ.
 * @example
 * binaryAuc(Float64Array.from([0.1, 0.4, 0.35, 0.8]), Uint8Array.from([0, 0, 1, 1])) // 0.75
 */
export function binaryAuc(scores: ArrayLike<number>, positive: ArrayLike<number>): number {
  if (scores.length !== positive.length) throw new RangeError(`scores and outcomes differ in length: ${scores.length} vs ${positive.length}`);
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i += 1) if (!Number.isNaN(scores[i]!)) idx.push(i);
  const order = Int32Array.from(idx);
  const key = new Float64Array(order.length);
  for (let j = 0; j < order.length; j += 1) key[j] = scores[order[j]!]!;
  // Sort indices by score through a packed sort of (score, position).
  const perm = Int32Array.from({ length: order.length }, (_, j) => j);
  perm.sort((x, y) => key[x]! - key[y]!);
  let rankSumPositive = 0;
  let positives = 0;
  let j = 0;
  while (j < perm.length) {
    let k = j + 1;
    while (k < perm.length && key[perm[k]!] === key[perm[j]!]) k += 1;
    const midRank = (j + 1 + k) / 2;
    for (let m = j; m < k; m += 1) {
      if (positive[order[perm[m]!]!] === 1) {
        rankSumPositive += midRank;
        positives += 1;
      }
    }
    j = k;
  }
  const negatives = perm.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}
