/**
 * The mini-batch Adam loop of {@link trainNetwork} (MLP, and logistic
 * regression with `solver: "adam"`), one epoch at a time. Internal to `models/`.
 */
import * as tf from "@tensorflow/tfjs";
import { createStream } from "../random/createStream";
import type { FitHistory, LabelledData } from "./ChurnModel";
import { predictNetwork } from "./networkPredict";

/** The resolved Adam settings of {@link fitAdam}. */
export interface AdamSettings {
  seed: number;
  /** Stream name suffix: the model kind. */
  kind: string;
  l2: number;
  learningRate: number;
  batchSize: number;
  maxEpochs: number;
  patience: number;
  /** Loss weight of a row of class [0, 1]. */
  weights: [number, number];
  onEpoch?: ((epoch: number, trainLoss: number, validLoss: number) => void) | undefined;
}

/** Weighted mean log loss of probabilities (for early stopping). */
function weightedLogLoss(p: Float64Array, y: Uint8Array, w: [number, number]): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(1 - 1e-7, Math.max(1e-7, p[i] as number));
    const wi = y[i] === 1 ? w[1] : w[0];
    sum -= wi * (y[i] === 1 ? Math.log(q) : Math.log(1 - q));
    total += wi;
  }
  return sum / total;
}

/** Fisher–Yates shuffle of order in place, drawing from shuffle. */
function shuffleOrder(order: Int32Array, shuffle: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/** What one epoch needs besides the model: the optimiser, its variables and kernels, and reusable batch buffers. */
interface EpochParts {
  optimizer: tf.Optimizer;
  variables: tf.Variable[];
  kernels: tf.Tensor[];
  batchX: Float32Array;
  batchY: Float32Array;
  batchW: Float32Array;
}

/** One pass over the rows in `order`, one `optimizer.minimize` per mini-batch; returns the mean batch objective. */
function adamEpoch(model: tf.Sequential, train: LabelledData, order: Int32Array, s: AdamSettings, parts: EpochParts): number {
  const { x, y } = train;
  const { batchX, batchY, batchW, kernels } = parts;
  const { batchSize, weights, l2 } = s;
  let lossSum = 0;
  let batches = 0;
  for (let start = 0; start < x.rows; start += batchSize) {
    const m = Math.min(batchSize, x.rows - start);
    for (let k = 0; k < m; k++) {
      const row = order[start + k] as number;
      batchX.set(x.data.subarray(row * x.cols, (row + 1) * x.cols), k * x.cols);
      const label = y[row] as number;
      batchY[k] = label;
      batchW[k] = label === 1 ? weights[1] : weights[0];
    }
    const xb = tf.tensor2d(batchX.subarray(0, m * x.cols), [m, x.cols]);
    const yb = tf.tensor2d(batchY.subarray(0, m), [m, 1]);
    const wb = tf.tensor2d(batchW.subarray(0, m), [m, 1]);
    let weightSum = 0;
    for (let k = 0; k < m; k++) weightSum += batchW[k] as number;
    const cost = parts.optimizer.minimize(
      () => {
        const logits = model.apply(xb, { training: true }) as tf.Tensor;
        const data = tf.losses.sigmoidCrossEntropy(yb, logits, wb, 0, tf.Reduction.SUM).div(weightSum);
        let penalty: tf.Scalar = tf.scalar(0);
        for (const k of kernels) penalty = penalty.add(k.square().sum()) as tf.Scalar;
        return data.add(penalty.mul(l2)) as tf.Scalar;
      },
      true,
      parts.variables,
    );
    if (cost !== null) {
      lossSum += cost.dataSync()[0] as number;
      cost.dispose();
    }
    batches++;
    tf.dispose([xb, yb, wb]);
  }
  return lossSum / batches;
}

/**
 * Trains `model` in place with Adam: rows shuffled each epoch with the `train/shuffle/<kind>` stream of the seed,
 * early stopping on the validation loss (improvement of at least 1e-4 within `patience` epochs), and the best
 * epoch's weights restored. Returns the history without its fit time.
 */
export function fitAdam(model: tf.Sequential, train: LabelledData, validX: LabelledData, s: AdamSettings): Omit<FitHistory, "fitSeconds"> {
  const { x } = train;
  const optimizer = tf.train.adam(s.learningRate);
  const parts: EpochParts = {
    optimizer,
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    kernels: model.trainableWeights.filter((w) => w.name.includes("kernel")).map((w) => w.read()),
    batchX: new Float32Array(s.batchSize * x.cols),
    batchY: new Float32Array(s.batchSize),
    batchW: new Float32Array(s.batchSize),
  };
  const shuffle = createStream(s.seed, `train/shuffle/${s.kind}`);
  const order = Int32Array.from({ length: x.rows }, (_, i) => i);
  const trainLoss: number[] = [];
  const validLoss: number[] = [];
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: tf.Tensor[] = model.getWeights().map((t) => t.clone());
  let stale = 0;
  for (let epoch = 1; epoch <= s.maxEpochs; epoch++) {
    shuffleOrder(order, shuffle);
    const meanLoss = adamEpoch(model, train, order, s, parts);
    const vLoss = weightedLogLoss(predictNetwork(model, validX.x), validX.y, s.weights);
    trainLoss.push(meanLoss);
    validLoss.push(vLoss);
    s.onEpoch?.(epoch, meanLoss, vLoss);
    if (vLoss < best - 1e-4) {
      best = vLoss;
      bestEpoch = epoch;
      tf.dispose(bestWeights);
      bestWeights = model.getWeights().map((t) => t.clone());
      stale = 0;
    } else if (++stale >= s.patience) break;
  }
  model.setWeights(bestWeights);
  tf.dispose(bestWeights);
  optimizer.dispose();
  return { epochs: trainLoss.length, bestEpoch, trainLoss, validLoss };
}
