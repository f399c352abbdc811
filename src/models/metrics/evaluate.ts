import { averagePrecision } from "./averagePrecision";
import { calibrationCurve } from "./calibrationCurve";
import { brierScore, ksStatistic, logLoss } from "./probabilityScores";
import { aucWithDeLongInterval } from "./rocAuc";

/** The headline metrics of a churn model on held-out data. */
export interface Evaluation {
  rows: number;
  positives: number;
  /** ROC-AUC and its DeLong 95% interval. */
  auc: number;
  aucLow: number;
  aucHigh: number;
  prAuc: number;
  brier: number;
  logLoss: number;
  ks: number;
  /** Expected calibration error over 10 equal-width bins. */
  ece: number;
}

/**
 * Every headline metric at once (see each function for its definition):
 * ROC-AUC with DeLong 95% CI, average precision, Brier, log loss, KS, ECE.
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @throws RangeError on bad inputs.
 * @example
 * evaluate([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]).auc; // 1
 */
export function evaluate(probabilities: ArrayLike<number>, labels: ArrayLike<number>): Evaluation {
  const auc = aucWithDeLongInterval(probabilities, labels);
  return {
    rows: probabilities.length,
    positives: auc.positives,
    auc: auc.auc,
    aucLow: auc.low,
    aucHigh: auc.high,
    prAuc: averagePrecision(probabilities, labels),
    brier: brierScore(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    ks: ksStatistic(probabilities, labels),
    ece: calibrationCurve(probabilities, labels, 10).ece,
  };
}
