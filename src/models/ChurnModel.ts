import type { Matrix } from "./Matrix";

/** The model families churnlab trains. */
export type ModelKind = "logistic" | "mlp" | "gbdt";

/** The model kinds, in the order `auto` tries them. */
export const modelKinds: readonly ModelKind[] = ["logistic", "mlp", "gbdt"];

/** Rows and 0/1 labels for training or validation. */
export interface LabelledData {
  x: Matrix;
  /** 0/1 outcome per row. */
  y: Uint8Array;
}

/** Options shared by every model's fit. */
export interface FitOptions {
  /** Seed of initialisation and shuffling (default 42): the same seed and data give the same model. */
  seed?: number;
  /** Reweight classes so each carries half the loss ("balanced") or not ("none", default). */
  classWeight?: "balanced" | "none";
  /** Most passes over the training data (default per model). */
  maxEpochs?: number;
  /** Called after each epoch / boosting stage with the losses (for a progress bar). */
  onEpoch?: (epoch: number, trainLoss: number, validLoss: number) => void;
}

/** What a fit did: epochs run, the epoch kept, and its losses. */
export interface FitHistory {
  epochs: number;
  bestEpoch: number;
  trainLoss: number[];
  validLoss: number[];
  fitSeconds: number;
}

/** A file of a saved model: its name in the model folder and its bytes or text. */
export type ModelFiles = Record<string, Uint8Array | string>;

/**
 * A trained churn model: scores rows of a preprocessed matrix, and serialises
 * itself to files. Implemented by the tfjs logistic regression and MLP and by
 * the XGBoost trees; the calibrator and preprocessing wrap it (see `ChurnPipeline`).
 */
export interface ChurnModel {
  readonly kind: ModelKind;
  /** Number of matrix columns the model expects. */
  readonly inputs: number;
  /** Uncalibrated churn probability of each row, 0..1. */
  predictProba(x: Matrix): Float64Array;
  /** The model's files (e.g. model.json + weights.bin, or xgboost.json). */
  save(): Promise<ModelFiles>;
  /** Frees tensors / WebAssembly memory. */
  dispose(): void;
}
