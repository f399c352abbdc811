/**
 * The float64 passes over the rows behind {@link fitLogisticNewton}: loss,
 * gradient and curvature in one pass, the Newton step, and the weighted loss
 * of held-out rows. Internal to `models/`.
 */
import type { Matrix } from "./Matrix";
import { solveSymmetricPositive } from "./solveSymmetricPositive";

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
export function passOverRows(
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
export function newtonDecrement(hessian: Float64Array, gradient: Float64Array, width: number): { step: Float64Array; decrement: number } {
  const step = solveSymmetricPositive(hessian, gradient, width);
  let decrement = 0;
  for (let j = 0; j < width; j++) {
    decrement += (gradient[j] as number) * (step[j] as number);
    step[j] = -(step[j] as number);
  }
  return { step, decrement };
}

/** Weighted mean log loss of the rows of x at coefficients beta (intercept last), in float64. */
export function weightedLossAt(x: Matrix, y: Uint8Array, beta: Float64Array, weights: readonly [number, number]): number {
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
