import { applyCalibration, type Calibrator } from "./calibration";
import type { ChurnModel, ModelKind } from "./ChurnModel";
import type { SplitDescription } from "./chooseSplit";
import type { FeatureProfile } from "./featureDrift";
import type { Evaluation } from "./metrics/evaluate";
import { transform, type Preprocessor, type RawColumns } from "./preprocess";

/** What a saved model records about itself (metadata.json). */
export interface ModelMetadata {
  /** churnlab package version that trained it. */
  churnlabVersion: string;
  kind: ModelKind;
  /** TensorFlow.js backend used for training ("wasm", "cpu", "tensorflow"; "n/a" for trees). */
  backend: string;
  /** Raw input columns the model needs. */
  features: string[];
  /** Matrix columns after preprocessing. */
  encodedFeatures: string[];
  target: string;
  /** Target value counted as churn (as text). */
  positive: string;
  idColumn: string | null;
  seed: number;
  /** First and last snapshot day (YYYY-MM-DD) of the training rows, when the data are a time panel. */
  trainingWindow: { from: string; to: string } | null;
  rows: { train: number; validation: number; test: number };
  /** How the rows were split (absent in folders saved before churnlab recorded it: a random row split). */
  split?: SplitDescription;
  calibration: Calibrator["method"];
  /** Metrics of the calibrated model on the held-out test rows. */
  testMetrics: Evaluation;
  /** Validation AUC of each model tried (for `auto`). */
  validationAuc: Partial<Record<ModelKind, number>>;
  /** Warnings of the training run (see `TrainResult.warnings`); absent in folders saved before churnlab recorded them. */
  warnings?: string[];
  /** Distribution of each input feature on the training rows, for drift warnings when scoring (absent in older folders). */
  trainingProfile?: FeatureProfile[];
  /** Set by `savePipeline`: the folder's manifest of checksums; a folder whose metadata names it cannot load without it. */
  manifest?: "manifest.json";
}

/** A trained model with everything needed to score raw data: preprocessing, model, calibration and metadata. */
export interface ChurnPipeline {
  preprocessor: Preprocessor;
  model: ChurnModel;
  calibrator: Calibrator;
  metadata: ModelMetadata;
}

/**
 * Calibrated churn probabilities of raw rows: preprocess with the training
 * fit, score with the model, apply the calibration.
 *
 * @param source name of the data for errors (e.g. the CSV path).
 * @throws InputError when the data lack columns the model was trained with.
 * @example
 * scoreWithPipeline(pipeline, { tenure: ["3"], contract: ["Month"] }); // Float64Array [0.41]
 */
export function scoreWithPipeline(pipeline: ChurnPipeline, columns: RawColumns, source = "data"): Float64Array {
  const x = transform(pipeline.preprocessor, columns, source);
  return applyCalibration(pipeline.calibrator, pipeline.model.predictProba(x));
}
