/* Model evaluation metrics: ranking, probability quality, calibration, lift, tiers, importance. */
export { checkScoresAndLabels, checkProbabilities } from "./checkInputs";
export { midranks, rocAuc, aucWithDeLongInterval, rocCurve, type AucInterval, type RocCurve } from "./rocAuc";
export { averagePrecision, precisionRecallCurve, type PrecisionRecallCurve } from "./averagePrecision";
export { brierScore, logLoss, ksStatistic } from "./probabilityScores";
export { calibrationCurve, type CalibrationBin, type CalibrationCurve } from "./calibrationCurve";
export { liftTable, type LiftRow } from "./liftTable";
export { confusionAtThresholds, riskTiers, tierSummary, type ThresholdConfusion, type TierRow } from "./tierConfusion";
export { permutationImportance, type FeatureImportance, type PermutationImportanceOptions } from "./permutationImportance";
export { clusterBootstrap, type ClusterBootstrapIntervals } from "./clusterBootstrap";
export { evaluate, type Evaluation, type EvaluateOptions } from "./evaluate";
