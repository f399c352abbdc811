import type { RandomSource } from "../../random/RandomSource";
import { averagePrecision } from "./averagePrecision";
import { clusterBootstrap, type ClusterBootstrapIntervals } from "./clusterBootstrap";
import { calibrationCurve } from "./calibrationCurve";
import { brierScore, ksStatistic, logLoss } from "./probabilityScores";
import { aucWithDeLongInterval } from "./rocAuc";

/** The headline metrics of a churn model on held-out data. */
export interface Evaluation {
  rows: number;
  positives: number;
  /** ROC-AUC and its 95% interval: DeLong's, or the cluster bootstrap's when rows repeat a customer (see `intervals`). */
  auc: number;
  aucLow: number;
  aucHigh: number;
  prAuc: number;
  brier: number;
  logLoss: number;
  ks: number;
  /** Expected calibration error over 10 equal-width bins. */
  ece: number;
  /** Cluster-bootstrap intervals over customers, present when the rows repeat a customer (then aucLow/aucHigh are its). */
  intervals?: ClusterBootstrapIntervals;
}

/** Options of {@link evaluate}: the customer of each row, to resample customers rather than rows. */
export interface EvaluateOptions {
  /** Customer code per row (see `groupCodes`); when some customer has several rows, intervals come from a cluster bootstrap. */
  clusters?: Int32Array;
  /** Uniform source of the bootstrap (required with clusters that repeat). */
  random?: RandomSource;
  /** Bootstrap resamples (default 1,000). */
  resamples?: number;
}

/**
 * Every headline metric at once (see each function for its definition):
 * ROC-AUC with DeLong 95% CI, average precision, Brier, log loss, KS, ECE.
 * When `options.clusters` shows rows repeating a customer, DeLong's interval
 * (which takes rows as independent) is replaced by a cluster bootstrap over
 * customers, which also gives intervals of PR-AUC, Brier and log loss.
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @throws RangeError on bad inputs, or repeating clusters without `random`.
 * @example
 * evaluate([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]).auc; // 1
 */
export function evaluate(probabilities: ArrayLike<number>, labels: ArrayLike<number>, options: EvaluateOptions = {}): Evaluation {
  const auc = aucWithDeLongInterval(probabilities, labels);
  const clusters = options.clusters;
  const repeats = clusters !== undefined && new Set(clusters).size < clusters.length;
  if (repeats && options.random === undefined) throw new RangeError("evaluate: clusters that repeat need a random source for the bootstrap");
  const intervals =
    repeats && options.random !== undefined
      ? clusterBootstrap(probabilities, labels, clusters, {
          random: options.random,
          ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
        })
      : undefined;
  return {
    rows: probabilities.length,
    positives: auc.positives,
    auc: auc.auc,
    aucLow: intervals?.auc[0] ?? auc.low,
    aucHigh: intervals?.auc[1] ?? auc.high,
    prAuc: averagePrecision(probabilities, labels),
    brier: brierScore(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    ks: ksStatistic(probabilities, labels),
    ece: calibrationCurve(probabilities, labels, 10).ece,
    ...(intervals === undefined ? {} : { intervals }),
  };
}
