import { checkScoresAndLabels } from "./checkInputs";
import { normalQuantile } from "../../random/index";

/**
 * Mid-ranks (1-based, ties share the average rank) of a vector: the
 * building block of the Mann–Whitney form of the AUC.
 *
 * @example
 * midranks([10, 20, 20, 5]); // Float64Array [2, 3.5, 3.5, 1]
 */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[order[i] as number] as number;
    while (j + 1 < n && values[order[j + 1] as number] === v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k] as number] = rank;
    i = j + 1;
  }
  return ranks;
}

/**
 * Area under the ROC curve: the probability that a random positive scores
 * above a random negative, ties counting one half (Mann–Whitney U / (n1·n0),
 * Hanley & McNeil 1982). Equals scikit-learn's `roc_auc_score`.
 *
 * @param scores finite ranking scores (higher = more likely positive).
 * @param labels 0/1, same length.
 * @returns AUC in [0, 1]; NaN when either class is absent (including empty input).
 * @throws RangeError on length mismatch, non-finite scores or labels other than 0/1.
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const positives = checkScoresAndLabels("rocAuc", scores, labels);
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  const ranks = midranks(scores);
  let rankSum = 0;
  for (let i = 0; i < ranks.length; i++) if (labels[i] === 1) rankSum += ranks[i] as number;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** An AUC with its DeLong standard error and confidence interval. */
export interface AucInterval {
  /** ROC-AUC, 0..1. */
  auc: number;
  /** DeLong standard error of the AUC. */
  standardError: number;
  /** Lower and upper bounds of the two-sided interval, clipped to [0, 1]. */
  low: number;
  high: number;
  /** Confidence level of the interval (e.g. 0.95). */
  level: number;
  positives: number;
  negatives: number;
}

/**
 * ROC-AUC with DeLong's variance and a normal-approximation confidence
 * interval (DeLong, DeLong & Clarke-Pearson 1988, "Comparing the areas under
 * two or more correlated ROC curves"; computed with mid-ranks as in Sun & Xu
 * 2014, "Fast implementation of DeLong's algorithm", O(n log n)).
 *
 * @param scores finite ranking scores; labels 0/1 of the same length.
 * @param level confidence level in (0, 1), default 0.95.
 * @returns the AUC, its standard error and [low, high]; all NaN when a class is absent.
 *   With one positive or one negative the variance term of that class is 0.
 * @throws RangeError on bad inputs (see {@link rocAuc}) or a level outside (0, 1).
 * @example
 * aucWithDeLongInterval([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).standardError; // 0.3535533905932738 (numpy O(mn) DeLong, see tests)
 */
export function aucWithDeLongInterval(scores: ArrayLike<number>, labels: ArrayLike<number>, level = 0.95): AucInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`aucWithDeLongInterval: level must be in (0, 1), got ${level}`);
  const positives = checkScoresAndLabels("aucWithDeLongInterval", scores, labels);
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) {
    return { auc: NaN, standardError: NaN, low: NaN, high: NaN, level, positives, negatives };
  }
  const pos = new Float64Array(positives);
  const neg = new Float64Array(negatives);
  for (let i = 0, p = 0, q = 0; i < scores.length; i++) {
    if (labels[i] === 1) pos[p++] = scores[i] as number;
    else neg[q++] = scores[i] as number;
  }
  const all = new Float64Array(scores.length);
  all.set(pos, 0);
  all.set(neg, positives);
  const rAll = midranks(all);
  const rPos = midranks(pos);
  const rNeg = midranks(neg);
  // Structural components: v10[i] = share of negatives below positive i (ties 1/2), v01[j] = share of positives above negative j.
  const v10 = new Float64Array(positives);
  const v01 = new Float64Array(negatives);
  let auc = 0;
  for (let i = 0; i < positives; i++) {
    v10[i] = ((rAll[i] as number) - (rPos[i] as number)) / negatives;
    auc += v10[i] as number;
  }
  auc /= positives;
  for (let j = 0; j < negatives; j++) v01[j] = 1 - ((rAll[positives + j] as number) - (rNeg[j] as number)) / positives;
  const variance = (values: Float64Array): number => {
    if (values.length < 2) return 0;
    let mean = 0;
    for (const v of values) mean += v;
    mean /= values.length;
    let ss = 0;
    for (const v of values) ss += (v - mean) * (v - mean);
    return ss / (values.length - 1);
  };
  const se = Math.sqrt(variance(v10) / positives + variance(v01) / negatives);
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    auc,
    standardError: se,
    low: Math.max(0, auc - z * se),
    high: Math.min(1, auc + z * se),
    level,
    positives,
    negatives,
  };
}

/** Points of a ROC curve, one per distinct score threshold (highest first), starting at (0, 0). */
export interface RocCurve {
  falsePositiveRate: Float64Array;
  truePositiveRate: Float64Array;
  /** Threshold of each point (score >= threshold is called positive); the first is +Infinity. */
  thresholds: Float64Array;
}

/**
 * The ROC curve: false- and true-positive rates at each distinct score
 * threshold, as scikit-learn's `roc_curve(drop_intermediate=False)`.
 *
 * @throws RangeError on bad inputs, or when either class is absent.
 * @example
 * rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]).truePositiveRate; // [0, 0.5, 0.5, 1, 1]
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): RocCurve {
  const positives = checkScoresAndLabels("rocCurve", scores, labels);
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) throw new RangeError("rocCurve: needs both classes");
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Infinity];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      fpr.push(fp / negatives);
      tpr.push(tp / positives);
      thresholds.push(scores[i] as number);
    }
  }
  return { falsePositiveRate: Float64Array.from(fpr), truePositiveRate: Float64Array.from(tpr), thresholds: Float64Array.from(thresholds) };
}
