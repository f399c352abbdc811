import * as tf from "@tensorflow/tfjs";
import type { LabelledData } from "./ChurnModel";
import type { Matrix } from "./Matrix";
import { solveSymmetricPositive } from "./solveSymmetricPositive";

/** Options of {@link fitLogisticNewton}. */
export interface NewtonOptions {
  /** L2 penalty on the coefficients (not the intercept), added to the mean loss as l2·Σβ² (default 1e-5, ≥ 0). */
  l2?: number;
  /** Loss weight of a row of class [0, 1] (default [1, 1]; see `balancedClassWeights`). */
  classWeights?: readonly [number, number];
  /** Most Newton steps (default 50). */
  maxIterations?: number;
  /**
   * Convergence: stop when half the squared Newton decrement gᵀH⁻¹g/2, which estimates how far the
   * objective is above its minimum, is at most this (default 1e-10, in units of the mean log loss).
   */
  tolerance?: number;
  /** Rows whose weighted mean log loss is recorded after each step (default: none). */
  validation?: LabelledData;
  /** Called after each step with its number (1-based), the training objective and the validation loss. */
  onIteration?: (iteration: number, trainObjective: number, validLoss: number) => void;
}

/** A fitted L2 logistic regression and how the solver got there. */
export interface LogisticFit {
  /** One coefficient per matrix column (logit per unit of the column). */
  coefficients: Float64Array;
  intercept: number;
  /** Newton steps taken. */
  iterations: number;
  /** Whether the tolerance was met (or no step could lower the objective further) before maxIterations. */
  converged: boolean;
  /** Training objective (weighted mean log loss + l2·Σβ²) after each step. */
  trainLoss: number[];
  /** Weighted mean log loss of the validation rows after each step (NaN without validation rows). */
  validLoss: number[];
}

/** log(1 + e^η) − y·η, the log loss of a logit, without overflow. */
function logLossOfLogit(eta: number, y: number): number {
  const softplus = eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  return softplus - y * eta;
}

/**
 * One pass over the rows at coefficients beta (intercept last), in float64: returns the weighted log-loss
 * sum, adds each row's weighted residual s·(p − y)·xᵢ into gradient, and writes its curvature s·p·(1 − p)
 * (the Hessian's row weight). A module-level function with local arrays, so V8 optimises it once.
 */
function passOverRows(
  data: Float32Array,
  y: Uint8Array,
  d: number,
  w0: number,
  w1: number,
  beta: Float64Array,
  gradient: Float64Array,
  curvature: Float32Array,
): number {
  const n = y.length;
  const intercept = beta[d] as number;
  let loss = 0;
  let interceptGradient = 0;
  for (let i = 0; i < n; i++) {
    const offset = i * d;
    let eta = intercept;
    for (let j = 0; j < d; j++) eta += (data[offset + j] as number) * (beta[j] as number);
    const label = y[i] as number;
    const w = label === 1 ? w1 : w0;
    const e = Math.exp(-Math.abs(eta));
    const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    loss += w * (Math.max(eta, 0) + Math.log1p(e) - label * eta);
    const r = w * (p - label);
    curvature[i] = w * p * (1 - p);
    for (let j = 0; j < d; j++) gradient[j] = (gradient[j] as number) + r * (data[offset + j] as number);
    interceptGradient += r;
  }
  gradient[d] = (gradient[d] as number) + interceptGradient;
  return loss;
}

/** The Newton step −H⁻¹g and the squared Newton decrement gᵀH⁻¹g. */
function newtonDecrement(hessian: Float64Array, gradient: Float64Array, width: number): { step: Float64Array; decrement: number } {
  const step = solveSymmetricPositive(hessian, gradient, width);
  let decrement = 0;
  for (let j = 0; j < width; j++) {
    decrement += (gradient[j] as number) * (step[j] as number);
    step[j] = -(step[j] as number);
  }
  return { step, decrement };
}

/** Weighted mean log loss of the rows of x at coefficients beta (intercept last), in float64. */
function weightedLossAt(x: Matrix, y: Uint8Array, beta: Float64Array, weights: readonly [number, number]): number {
  const d = x.cols;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < x.rows; i++) {
    let eta = beta[d] as number;
    const offset = i * d;
    for (let j = 0; j < d; j++) eta += (x.data[offset + j] as number) * (beta[j] as number);
    const w = y[i] === 1 ? weights[1] : weights[0];
    sum += w * logLossOfLogit(eta, y[i] as number);
    total += w;
  }
  return total > 0 ? sum / total : NaN;
}

/**
 * Fits an L2-penalised logistic regression by Newton's method (iteratively
 * reweighted least squares; Hastie, Tibshirani & Friedman, The Elements of
 * Statistical Learning, 2nd ed., §4.4.1), minimising
 *
 *   J(β, b) = Σᵢ sᵢ·[log(1 + e^ηᵢ) − yᵢ·ηᵢ] / Σᵢ sᵢ + l2·‖β‖²,  ηᵢ = xᵢ·β + b,
 *
 * with sᵢ the class weight of row i; the intercept b is not penalised. This is
 * scikit-learn's `LogisticRegression(C)` objective divided by C·Σsᵢ, so
 * `C = 1 / (2·l2·Σsᵢ)` gives the same coefficients. The start is β = 0 with b
 * at the weighted log-odds (the optimum of the intercept alone). Each step
 * forms the Hessian Xᵀ·diag(s∘p∘(1 − p))·X, the heavy product, with
 * `tf.matMul` on the current TensorFlow.js backend (float32: about 6 ms for
 * 100,000 × 29 on wasm, against 73 ms for the same sums in a float64 loop
 * here), solves for the step by Cholesky in float64, and halves it until the
 * objective falls by at
 * least 1e-4 of the predicted decrease (Armijo; Nocedal & Wright, Numerical
 * Optimization, §3.1). The objective is convex, so the result does not depend
 * on a seed; it typically converges in 5–9 steps. The objective and gradient
 * Xᵀ(s∘(p − y)), which fix the optimum, are summed in float64 in one pass over
 * the rows per trial step (the gradient has d + 1 sums, not (d + 1)², so this
 * costs little). Convergence is first tested
 * with the previous step's Hessian (near the optimum it hardly changes), so
 * the last, converged pass costs a gradient but no new Hessian.
 *
 * Runs on the backend already set (call `chooseBackend()` first).
 *
 * @param train rows and 0/1 labels, with both classes present.
 * @throws RangeError when train is empty, has one class or a non-finite value, shapes disagree, or an option is out of range.
 * @example
 * const fit = fitLogisticNewton({ x: matrix(new Float32Array([-2, -1, 1, 2]), 4, 1), y: new Uint8Array([0, 1, 0, 1]) }, { l2: 0.01 });
 * fit.coefficients; // Float64Array [0.40473] (scikit-learn LogisticRegression(C = 12.5): 0.404729); fit.intercept ≈ 0
 */
export function fitLogisticNewton(train: LabelledData, options: NewtonOptions = {}): LogisticFit {
  const { x, y } = train;
  const n = x.rows;
  const d = x.cols;
  const width = d + 1;
  const l2 = options.l2 ?? 1e-5;
  const weights = options.classWeights ?? [1, 1];
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-10;
  if (n === 0) throw new RangeError("fitLogisticNewton: no training rows");
  if (y.length !== n || x.data.length !== n * d) throw new RangeError("fitLogisticNewton: shapes of data and labels disagree");
  if (!(l2 >= 0) || !(weights[0] > 0) || !(weights[1] > 0) || !(maxIterations >= 0) || !(tolerance >= 0))
    throw new RangeError("fitLogisticNewton: options out of range");
  const validation = options.validation;
  if (validation !== undefined && (validation.x.cols !== d || validation.y.length !== validation.x.rows))
    throw new RangeError("fitLogisticNewton: validation shape disagrees");

  let weightSum = 0;
  let positiveWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = y[i] === 1 ? weights[1] : weights[0];
    weightSum += w;
    if (y[i] === 1) positiveWeight += w;
  }
  if (positiveWeight === 0 || positiveWeight === weightSum) throw new RangeError("fitLogisticNewton: the training rows hold only one class");

  // X with a column of ones (n × (d+1)) and its transpose, each built once in JS and uploaded once.
  const withOnes = new Float32Array(n * width);
  for (let i = 0; i < n; i++) {
    withOnes.set(x.data.subarray(i * d, (i + 1) * d), i * width);
    withOnes[i * width + d] = 1;
  }
  // transposed in blocks of 64 rows, so the reads of a block stay in cache
  const transposed = new Float32Array(width * n);
  for (let start = 0; start < n; start += 64) {
    const end = Math.min(n, start + 64);
    for (let j = 0; j < width; j++) {
      const to = j * n;
      for (let i = start; i < end; i++) {
        const v = withOnes[i * width + j] as number;
        if (v - v !== 0) throw new RangeError(`fitLogisticNewton: value ${v} at row ${i}, column ${j}`);
        transposed[to + i] = v;
      }
    }
  }
  const xTensor = tf.tensor2d(withOnes, [n, width]);
  const xtTensor = tf.tensor2d(transposed, [width, n]);

  const curvature = new Float32Array(n);
  const evaluate = (betaAt: Float64Array): { objective: number; gradient: Float64Array } => {
    const gradient = new Float64Array(width);
    const loss = passOverRows(x.data, y, d, weights[0], weights[1], betaAt, gradient, curvature);
    let penalty = 0;
    for (let j = 0; j < width; j++) gradient[j] = (gradient[j] as number) / weightSum;
    for (let j = 0; j < d; j++) {
      const b = betaAt[j] as number;
      penalty += b * b;
      gradient[j] = (gradient[j] as number) + 2 * l2 * b;
    }
    return { objective: loss / weightSum + l2 * penalty, gradient };
  };

  const beta = new Float64Array(width);
  const meanY = positiveWeight / weightSum;
  beta[d] = Math.log(meanY / (1 - meanY));
  let state = evaluate(beta);
  const trainLoss: number[] = [];
  const validLoss: number[] = [];
  let converged = false;
  let iterations = 0;
  let previousHessian: Float64Array | undefined;
  try {
    while (iterations < maxIterations) {
      // Near the optimum the Hessian hardly moves: test convergence with the last step's one before forming a new one.
      if (previousHessian !== undefined && !(newtonDecrement(previousHessian, state.gradient, width).decrement / 2 > tolerance)) {
        converged = true;
        break;
      }
      // the Hessian in float32 with tf.matMul (it only sets the step, not the optimum)
      const hessianTensor = tf.tidy(() => tf.matMul(xtTensor.mul(tf.tensor2d(curvature, [1, n])), xTensor));
      const hessian = Float64Array.from(hessianTensor.dataSync() as Float32Array, (v) => v / weightSum);
      hessianTensor.dispose();
      for (let j = 0; j < d; j++) hessian[j * width + j] = (hessian[j * width + j] as number) + 2 * l2;
      previousHessian = hessian;
      const { step, decrement } = newtonDecrement(hessian, state.gradient, width);
      if (!(decrement / 2 > tolerance)) {
        converged = true;
        break;
      }
      // Armijo halving; the full step is nearly always taken, and each trial is one pass that also gives the next gradient
      let size = 1;
      let accepted = false;
      const nextBeta = new Float64Array(width);
      for (let halvings = 0; halvings < 30; halvings++, size /= 2) {
        for (let j = 0; j < width; j++) nextBeta[j] = (beta[j] as number) + size * (step[j] as number);
        const next = evaluate(nextBeta);
        if (next.objective <= state.objective - 1e-4 * size * decrement) {
          state = next;
          accepted = true;
          break;
        }
      }
      if (!accepted) {
        // no step lowers the objective: its float64 rounding sets the floor
        converged = true;
        break;
      }
      beta.set(nextBeta);
      iterations++;
      const vLoss = validation === undefined || validation.x.rows === 0 ? NaN : weightedLossAt(validation.x, validation.y, beta, weights);
      trainLoss.push(state.objective);
      validLoss.push(vLoss);
      options.onIteration?.(iterations, state.objective, vLoss);
    }
  } finally {
    tf.dispose([xTensor, xtTensor]);
  }
  return { coefficients: beta.slice(0, d), intercept: beta[d] as number, iterations, converged, trainLoss, validLoss };
}
