import { seedPlan } from "../../plan/seedPlan";
import { tierNumberOf, tierThresholds } from "../../plan/tiers";
import { checkProbabilities, checkScoresAndLabels } from "./checkInputs";

/** The confusion matrix of "probability > threshold" against the outcome. */
export interface ThresholdConfusion {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
  /** TP / (TP + FP); NaN when nothing is flagged. */
  precision: number;
  /** TP / (TP + FN); NaN when there are no positives. */
  recall: number;
  /** Share of rows flagged (probability > threshold). */
  flaggedShare: number;
}

/** The seed plan's tier cut-offs, ascending (`tierThresholds` in src/plan): the default of the functions below. */
const seedThresholds = (): number[] => tierThresholds(seedPlan());

/**
 * Confusion matrices at probability thresholds: a row is flagged when its
 * probability is strictly above the threshold, as the plan's tiers
 * ("> 70%" is tier 1).
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @param thresholds in [0, 1] (default the seed plan's tier cut-offs, 0.3, 0.5, 0.7).
 * @throws RangeError on bad inputs or thresholds outside [0, 1].
 * @example
 * confusionAtThresholds([0.2, 0.6, 0.8], [0, 0, 1], [0.5])[0].falsePositives; // 1
 */
export function confusionAtThresholds(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  thresholds: readonly number[] = seedThresholds(),
): ThresholdConfusion[] {
  const positives = checkScoresAndLabels("confusionAtThresholds", probabilities, labels);
  checkProbabilities("confusionAtThresholds", probabilities);
  const n = probabilities.length;
  return thresholds.map((threshold) => {
    if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`confusionAtThresholds: threshold ${threshold} outside 0..1`);
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < n; i++) {
      if ((probabilities[i] as number) > threshold) {
        if (labels[i] === 1) tp++;
        else fp++;
      }
    }
    const fn = positives - tp;
    const tn = n - positives - fp;
    return {
      threshold,
      truePositives: tp,
      falsePositives: fp,
      trueNegatives: tn,
      falseNegatives: fn,
      precision: tp + fp === 0 ? NaN : tp / (tp + fp),
      recall: positives === 0 ? NaN : tp / positives,
      flaggedShare: n === 0 ? NaN : (tp + fp) / n,
    };
  });
}

/** Rows of one risk tier: how many, how they were scored and how many churned. */
export interface TierRow {
  /** 1 = highest risk .. N = lowest, with the plan's tier cut-offs. */
  tier: number;
  count: number;
  share: number;
  meanProbability: number;
  observedRate: number;
}

/**
 * Tier of each probability given ascending thresholds: tier 1 is above the
 * highest threshold, the last tier at or below the lowest (plan section 5.1).
 *
 * @param thresholds ascending, in [0, 1] (default the seed plan's tier cut-offs, 0.3, 0.5, 0.7 → tiers 1..4).
 * @throws RangeError when thresholds are not ascending within [0, 1] or a probability is outside [0, 1].
 * @example
 * riskTiers([0.75, 0.5, 0.31, 0.3]); // Uint8Array [1, 3, 3, 4]
 */
export function riskTiers(probabilities: ArrayLike<number>, thresholds: readonly number[] = seedThresholds()): Uint8Array {
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k] as number;
    if (!(t >= 0 && t <= 1) || (k > 0 && !(t > (thresholds[k - 1] as number)))) throw new RangeError("riskTiers: thresholds must be ascending within 0..1");
  }
  checkProbabilities("riskTiers", probabilities);
  const out = new Uint8Array(probabilities.length);
  for (let i = 0; i < probabilities.length; i++) {
    out[i] = tierNumberOf(probabilities[i] as number, thresholds);
  }
  return out;
}

/**
 * Count, share, mean probability and observed churn per risk tier.
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @throws RangeError on bad inputs (see {@link riskTiers}).
 * @example
 * tierSummary([0.9, 0.1], [1, 0])[0]; // { tier: 1, count: 1, share: 0.5, meanProbability: 0.9, observedRate: 1 }
 */
export function tierSummary(probabilities: ArrayLike<number>, labels: ArrayLike<number>, thresholds: readonly number[] = seedThresholds()): TierRow[] {
  checkScoresAndLabels("tierSummary", probabilities, labels);
  const tiers = riskTiers(probabilities, thresholds);
  const k = thresholds.length + 1;
  const count = new Float64Array(k + 1);
  const sumP = new Float64Array(k + 1);
  const sumY = new Float64Array(k + 1);
  for (let i = 0; i < tiers.length; i++) {
    const t = tiers[i] as number;
    count[t] = (count[t] as number) + 1;
    sumP[t] = (sumP[t] as number) + (probabilities[i] as number);
    sumY[t] = (sumY[t] as number) + (labels[i] as number);
  }
  const rows: TierRow[] = [];
  for (let t = 1; t <= k; t++) {
    const c = count[t] as number;
    rows.push({
      tier: t,
      count: c,
      share: tiers.length === 0 ? NaN : c / tiers.length,
      meanProbability: c === 0 ? NaN : (sumP[t] as number) / c,
      observedRate: c === 0 ? NaN : (sumY[t] as number) / c,
    });
  }
  return rows;
}
