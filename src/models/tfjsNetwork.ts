import * as tf from "@tensorflow/tfjs";
import { chooseBackend } from "./backend";
import { balancedClassWeights } from "./classWeights";
import { fitLogisticNewton, type LogisticFit } from "./fitLogisticNewton";
import { fitAdam } from "./networkAdam";
import { predictNetwork } from "./networkPredict";
import type { ChurnModel, FitHistory, FitOptions, LabelledData, ModelFiles, ModelKind } from "./ChurnModel";

/** Architecture and training settings of a tfjs network. */
export interface NetworkOptions extends FitOptions {
  /** Hidden layer sizes; [] is logistic regression. */
  hidden: readonly number[];
  /** L2 penalty on kernels, added to the mean loss as l2·Σw² (default 1e-4). */
  l2?: number;
  /** Adam learning rate (default 0.01). */
  learningRate?: number;
  /** Rows per gradient step (default: rows / 20, clamped to 32..2048, so every epoch takes about 20 steps). */
  batchSize?: number;
  /** Epochs without a validation-loss improvement of at least 1e-4 before stopping (default 4). */
  patience?: number;
  /**
   * How the weights are found: "newton" (full-batch Newton steps, see `fitLogisticNewton`; logistic
   * regression only, its default) or "adam" (mini-batches with early stopping on the validation loss;
   * the MLP's only solver). With "newton", maxEpochs caps the Newton steps and learningRate, batchSize
   * and patience are unused.
   */
  solver?: "newton" | "adam";
  /** Newton convergence tolerance on half the squared Newton decrement (default 1e-10; see `fitLogisticNewton`). */
  tolerance?: number;
}

/** Builds the tfjs layers model: dense ReLU layers then one linear output (the logit). */
function buildNetwork(inputs: number, hidden: readonly number[], l2: number, seed: number): tf.Sequential {
  const model = tf.sequential();
  let seedOffset = 0;
  hidden.forEach((units, k) => {
    model.add(
      tf.layers.dense({
        units,
        activation: "relu",
        ...(k === 0 ? { inputShape: [inputs] } : {}),
        kernelInitializer: tf.initializers.heNormal({ seed: seed + seedOffset++ }),
        biasInitializer: "zeros",
        kernelRegularizer: tf.regularizers.l2({ l2 }),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: 1,
      activation: "linear",
      ...(hidden.length === 0 ? { inputShape: [inputs] } : {}),
      kernelInitializer: hidden.length === 0 ? "zeros" : tf.initializers.glorotUniform({ seed: seed + seedOffset++ }),
      biasInitializer: "zeros",
      kernelRegularizer: tf.regularizers.l2({ l2 }),
    }),
  );
  return model;
}

/** Class weights of an unweighted fit: churners and stayers count the same. */
const equalClassWeights = (): [number, number] => [1, 1];

/** Saves a layers model to in-memory files (model.json + weights.bin) through a custom IOHandler. */
async function saveNetwork(model: tf.LayersModel, kind: ModelKind): Promise<ModelFiles> {
  let files: ModelFiles = {};
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = artifacts.weightData;
      const bytes =
        weightData === undefined ? new Uint8Array(0) : new Uint8Array(Array.isArray(weightData) ? tf.io.concatenateArrayBuffers(weightData) : weightData);
      const modelJson = {
        format: "layers-model",
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        churnlabKind: kind,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ["weights.bin"], weights: artifacts.weightSpecs }],
      };
      files = { "model.json": JSON.stringify(modelJson), "weights.bin": bytes };
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: "JSON" } };
    }),
  );
  return files;
}

/** Wraps a tfjs layers model as a {@link ChurnModel}. */
function networkModel(model: tf.LayersModel, kind: ModelKind, inputs: number): ChurnModel {
  return {
    kind,
    inputs,
    predictProba: (x) => {
      if (x.cols !== inputs) throw new RangeError(`${kind}: expected ${inputs} columns, got ${x.cols}`);
      return predictNetwork(model, x);
    },
    save: () => saveNetwork(model, kind),
    dispose: () => model.dispose(),
  };
}

/**
 * Trains a tfjs network. Logistic regression (`hidden` empty) is fitted by
 * default with full-batch Newton steps ({@link fitLogisticNewton}: the heavy
 * Hessian product with `tf.matMul`, the step by Cholesky), which reaches the
 * exact L2-penalised optimum in 5–9 steps; as the problem is convex, early
 * stopping is convergence of the training objective, the L2 penalty being the
 * regulariser, and the validation loss is recorded after each step. The
 * fitted coefficients are set into a one-layer tfjs model, so scoring, saving
 * and loading are those of any network.
 *
 * The MLP (and logistic regression with `solver: "adam"`) uses a custom loop:
 * Adam, one `optimizer.minimize` per mini-batch (about twice as fast as
 * `model.fit` here), weighted sigmoid cross-entropy plus L2 on the kernels,
 * rows shuffled each epoch with the `train/shuffle` stream of the seed, and
 * early stopping on the validation loss with the best epoch's weights
 * restored. Kernels are initialised with seeded initialisers, so the same
 * seed and data give the same model on the same backend (Newton needs no seed).
 *
 * @param train training rows (at least one of each class); valid: validation rows for early stopping.
 * @throws RangeError when train is empty, shapes disagree or options are out of range (e.g. Newton with hidden layers),
 * or (Newton) the training rows hold one class.
 * @example
 * const { model, history } = await trainNetwork("logistic", train, valid, { hidden: [] });
 * history.epochs; // Newton steps, e.g. 5
 * model.predictProba(valid.x); // Float64Array of probabilities
 */
export async function trainNetwork(
  kind: ModelKind,
  train: LabelledData,
  valid: LabelledData,
  options: NetworkOptions,
): Promise<{ model: ChurnModel; history: FitHistory }> {
  const started = performance.now();
  await chooseBackend();
  const { x, y } = train;
  if (x.rows === 0) throw new RangeError(`${kind}: no training rows`);
  if (y.length !== x.rows || valid.y.length !== valid.x.rows || valid.x.cols !== x.cols) throw new RangeError(`${kind}: shapes of data and labels disagree`);
  const seed = options.seed ?? 42;
  const l2 = options.l2 ?? 1e-4;
  const learningRate = options.learningRate ?? 0.01;
  const batchSize = options.batchSize ?? Math.min(2048, Math.max(32, Math.ceil(x.rows / 20)));
  const maxEpochs = options.maxEpochs ?? 60;
  const patience = options.patience ?? 4;
  if (!(l2 >= 0) || !(learningRate > 0) || !(batchSize >= 1) || !(maxEpochs >= 1) || !(patience >= 1)) throw new RangeError(`${kind}: options out of range`);
  const weights = options.classWeight === "balanced" ? balancedClassWeights(y) : equalClassWeights();
  const validX = valid.x.rows > 0 ? valid : train;
  const solver = options.solver ?? (options.hidden.length === 0 ? "newton" : "adam");
  if (solver === "newton") {
    if (options.hidden.length > 0) throw new RangeError(`${kind}: the Newton solver fits logistic regression only (hidden: [])`);
    const fit = fitLogisticNewton(train, {
      l2,
      classWeights: weights,
      maxIterations: maxEpochs,
      ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
      validation: validX,
      ...(options.onEpoch !== undefined ? { onIteration: options.onEpoch } : {}),
    });
    const model = logisticNetwork(x.cols, fit, l2, seed);
    const history = { epochs: fit.iterations, bestEpoch: fit.iterations, trainLoss: fit.trainLoss, validLoss: fit.validLoss };
    return { model: networkModel(model, kind, x.cols), history: { ...history, fitSeconds: (performance.now() - started) / 1000 } };
  }
  const model = buildNetwork(x.cols, options.hidden, l2, Math.floor(seed) % 2147483647);
  const history = fitAdam(model, train, validX, { seed, kind, l2, learningRate, batchSize, maxEpochs, patience, weights, onEpoch: options.onEpoch });
  return { model: networkModel(model, kind, x.cols), history: { ...history, fitSeconds: (performance.now() - started) / 1000 } };
}

/** A one-layer tfjs model holding Newton-fitted logistic coefficients (kernel in float32). */
function logisticNetwork(inputs: number, fit: LogisticFit, l2: number, seed: number): tf.Sequential {
  const model = buildNetwork(inputs, [], l2, Math.floor(seed) % 2147483647);
  const kernel = tf.tensor2d(Float32Array.from(fit.coefficients), [inputs, 1]);
  const bias = tf.tensor1d([fit.intercept]);
  model.setWeights([kernel, bias]);
  tf.dispose([kernel, bias]);
  return model;
}

/**
 * Loads a network saved by {@link trainNetwork} from its files
 * (model.json + weights.bin) through a custom in-memory IOHandler
 * (tfjs outside tfjs-node has no file:// handler).
 *
 * @throws Error when the files are missing or not a tfjs layers model.
 * @example
 * const model = await loadNetwork("mlp", { "model.json": text, "weights.bin": bytes });
 */
export async function loadNetwork(kind: ModelKind, files: ModelFiles): Promise<ChurnModel> {
  await chooseBackend();
  const json = files["model.json"];
  const bin = files["weights.bin"];
  if (typeof json !== "string" || !(bin instanceof Uint8Array)) throw new Error(`${kind}: model.json and weights.bin are required`);
  const parsed = JSON.parse(json) as { modelTopology: object; weightsManifest: Array<{ weights: tf.io.WeightsManifestEntry[] }> };
  const weightSpecs = parsed.weightsManifest.flatMap((g) => g.weights);
  const buffer = bin.slice().buffer;
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: parsed.modelTopology, weightSpecs, weightData: buffer }));
  const inputShape = model.inputs[0]?.shape;
  const inputs = inputShape?.[1] ?? 0;
  return networkModel(model, kind, typeof inputs === "number" ? inputs : 0);
}
