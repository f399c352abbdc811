import { checkScoresAndLabels } from "./checkInputs";

/**
 * Area under the precision–recall curve as average precision:
 * AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over distinct score thresholds, highest first
 * (the step-wise definition of scikit-learn's `average_precision_score`;
 * no interpolation, so it does not overstate the area).
 *
 * @param scores finite ranking scores; labels 0/1 of the same length.
 * @returns AP in [0, 1]; NaN when there are no positives (including empty input).
 *   A random ranking gives about the positive share.
 * @throws RangeError on length mismatch, non-finite scores or labels other than 0/1.
 * @example
 * averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.8333333333333333
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const positives = checkScoresAndLabels("averagePrecision", scores, labels);
  if (positives === 0) return NaN;
  const curve = precisionRecallCurve(scores, labels);
  let ap = 0;
  for (let k = 1; k < curve.recall.length; k++) {
    ap += ((curve.recall[k] as number) - (curve.recall[k - 1] as number)) * (curve.precision[k] as number);
  }
  return ap;
}

/** Points of a precision–recall curve, one per distinct threshold (highest first), starting at recall 0. */
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  /** Threshold of each point (score >= threshold is called positive); the first is +Infinity. */
  thresholds: Float64Array;
}

/**
 * Precision and recall at every distinct score threshold, highest threshold
 * first; the first point is (recall 0, precision 1) as in scikit-learn.
 *
 * @throws RangeError on bad inputs or when there are no positives.
 * @example
 * precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).precision; // [1, 1, 0.5, 0.6666666666666666, 0.5]
 */
export function precisionRecallCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): PrecisionRecallCurve {
  const positives = checkScoresAndLabels("precisionRecallCurve", scores, labels);
  if (positives === 0) throw new RangeError("precisionRecallCurve: needs at least one positive");
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const precision = [1];
  const recall = [0];
  const thresholds = [Infinity];
  let tp = 0;
  let flagged = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    flagged++;
    if (labels[i] === 1) tp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      precision.push(tp / flagged);
      recall.push(tp / positives);
      thresholds.push(scores[i] as number);
    }
  }
  return { precision: Float64Array.from(precision), recall: Float64Array.from(recall), thresholds: Float64Array.from(thresholds) };
}
