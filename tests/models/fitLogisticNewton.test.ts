import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { chooseBackend } from "../../src/models/backend";
import type { LabelledData } from "../../src/models/ChurnModel";
import { balancedClassWeights } from "../../src/models/classWeights";
import { fitLogisticNewton } from "../../src/models/fitLogisticNewton";
import { trainNetwork } from "../../src/models/tfjsNetwork";

/**
 * A fixed 2,000-row data set built from integer hashes only, so that
 * tests/models/fixtures/sklearn_logistic_reference.py rebuilds the same float32
 * values and labels: logit = −2 + 1.5·x0 − x1 + 0.8·x2 (x2 a 0/1 column, x3 noise).
 */
function fixedLogisticData(): LabelledData {
  const n = 2000;
  const data = new Float32Array(n * 4);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    data[i * 4] = (((i * 2654435761) % 1009) / 1009) * 4 - 2;
    data[i * 4 + 1] = (((i * 40503) % 997) / 997) * 4 - 2;
    data[i * 4 + 2] = i % 7 === 0 ? 1 : 0;
    data[i * 4 + 3] = ((i * 7919) % 101) / 101 - 0.5;
    const logit = -2 + 1.5 * (data[i * 4] as number) - (data[i * 4 + 1] as number) + 0.8 * (data[i * 4 + 2] as number);
    const u = ((i * 16807 + 12345) % 65537) / 65537;
    y[i] = u < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { x: { data, rows: n, cols: 4 }, y };
}

/**
 * scikit-learn 1.2.1 LogisticRegression(solver="newton-cholesky", tol=1e-12) on the same rows, printed by
 * tests/models/fixtures/sklearn_logistic_reference.py, with C = 1 / (2·l2·Σ row weights) = 0.25 for l2 = 1e-3
 * (lbfgs agrees to 3e-6).
 */
const sklearn = {
  penalised: { coefficients: [1.4770963573509026, -0.9659897844814139, 0.7929092849315472, 0.09856728752866142], intercept: -1.9377850798738652 },
  balanced: { coefficients: [1.496962929789777, -0.991920736566128, 0.8324159610221938, 0.118824683266014], intercept: -0.9154465982366808 },
  unpenalised: { coefficients: [1.5284980597005715, -0.9997814658862924, 0.9129717360285241, 0.12288767873787973], intercept: -1.998857680563859 },
};

function expectCoefficients(
  fit: { coefficients: Float64Array; intercept: number },
  reference: { coefficients: number[]; intercept: number },
  digits: number,
): void {
  reference.coefficients.forEach((c, j) => {
    expect(fit.coefficients[j]).toBeCloseTo(c, digits);
  });
  expect(fit.intercept).toBeCloseTo(reference.intercept, digits);
}

beforeAll(async () => {
  await chooseBackend();
});

describe("fitLogisticNewton", () => {
  const data = fixedLogisticData();
  it("the fixed data set is the one the scikit-learn script saw (513 churners of 2,000)", () => {
    expect(data.y.reduce((a, b) => a + b, 0)).toBe(513);
  });
  it("matches scikit-learn's LogisticRegression with C = 1 / (2·l2·rows) to 5 decimals", () => {
    const fit = fitLogisticNewton(data, { l2: 1e-3, tolerance: 1e-14 });
    expectCoefficients(fit, sklearn.penalised, 5);
    expect(fit.converged).toBe(true);
  });
  it("matches scikit-learn with class_weight='balanced' (the weights sum to the row count, so C is the same)", () => {
    const weights = balancedClassWeights(data.y);
    const fit = fitLogisticNewton(data, { l2: 1e-3, classWeights: weights, tolerance: 1e-14 });
    expectCoefficients(fit, sklearn.balanced, 5);
  });
  it("with l2 = 0 is the maximum-likelihood fit (scikit-learn penalty=None)", () => {
    const fit = fitLogisticNewton(data, { l2: 0, tolerance: 1e-14 });
    expectCoefficients(fit, sklearn.unpenalised, 5);
  });
  it("converges in a few Newton steps, each lowering the objective, and records the validation loss", () => {
    const steps: number[] = [];
    const fit = fitLogisticNewton(data, { l2: 1e-3, validation: data, onIteration: (k) => steps.push(k) });
    expect(fit.iterations).toBeGreaterThanOrEqual(3);
    expect(fit.iterations).toBeLessThanOrEqual(8);
    expect(steps).toEqual(Array.from({ length: fit.iterations }, (_, k) => k + 1));
    for (let k = 1; k < fit.trainLoss.length; k++) expect(fit.trainLoss[k]).toBeLessThan(fit.trainLoss[k - 1] as number);
    // validation = training rows: the validation loss is the objective without the penalty
    const last = fit.iterations - 1;
    const penalty = 1e-3 * Array.from(fit.coefficients).reduce((a, b) => a + b * b, 0);
    expect(fit.validLoss[last]).toBeCloseTo((fit.trainLoss[last] as number) - penalty, 10);
  });
  it("maxIterations 0 returns the intercept-only start: the log-odds of churn", () => {
    const fit = fitLogisticNewton(data, { maxIterations: 0 });
    expect(Array.from(fit.coefficients)).toEqual([0, 0, 0, 0]);
    expect(fit.intercept).toBeCloseTo(Math.log(513 / 1487), 12);
    expect(fit.converged).toBe(false);
  });
  it("is deterministic and leaks no tensors", () => {
    const before = tf.memory().numTensors;
    const a = fitLogisticNewton(data, { l2: 1e-4 });
    const b = fitLogisticNewton(data, { l2: 1e-4 });
    expect(Array.from(a.coefficients)).toEqual(Array.from(b.coefficients));
    expect(tf.memory().numTensors).toBe(before);
  });
  it("stays finite on separable data without a penalty (a ridge keeps the Hessian factorable)", () => {
    const x = new Float32Array([-2, -1, 1, 2]);
    const fit = fitLogisticNewton({ x: { data: x, rows: 4, cols: 1 }, y: new Uint8Array([0, 0, 1, 1]) }, { l2: 0, maxIterations: 30 });
    expect(Number.isFinite(fit.coefficients[0])).toBe(true);
    expect(fit.coefficients[0]).toBeGreaterThan(5);
  });
  it("the documented example: x = [−2, −1, 1, 2], y = [0, 1, 0, 1], l2 = 0.01 (scikit-learn C = 12.5: 0.40473, intercept 0)", () => {
    const fit = fitLogisticNewton(
      { x: { data: new Float32Array([-2, -1, 1, 2]), rows: 4, cols: 1 }, y: new Uint8Array([0, 1, 0, 1]) },
      { l2: 0.01, tolerance: 1e-14 },
    );
    expect(fit.coefficients[0]).toBeCloseTo(0.40473, 5);
    expect(fit.intercept).toBeCloseTo(0, 10);
  });
  it("rejects empty data, one class, NaN or infinite values, mismatched shapes and bad options", () => {
    const empty: LabelledData = { x: { data: new Float32Array(0), rows: 0, cols: 2 }, y: new Uint8Array(0) };
    expect(() => fitLogisticNewton(empty)).toThrow(RangeError);
    const oneClass: LabelledData = { x: { data: new Float32Array([1, 2]), rows: 2, cols: 1 }, y: new Uint8Array([1, 1]) };
    expect(() => fitLogisticNewton(oneClass)).toThrow(/one class/);
    expect(() => fitLogisticNewton({ x: data.x, y: data.y.subarray(1) })).toThrow(RangeError);
    const withNaN = Float32Array.from(data.x.data);
    withNaN[4 * 10 + 2] = NaN;
    expect(() => fitLogisticNewton({ x: { data: withNaN, rows: 2000, cols: 4 }, y: data.y })).toThrow(/NaN at row 10, column 2/);
    withNaN[4 * 10 + 2] = Infinity;
    expect(() => fitLogisticNewton({ x: { data: withNaN, rows: 2000, cols: 4 }, y: data.y })).toThrow(/Infinity at row 10/);
    expect(() => fitLogisticNewton(data, { l2: -1 })).toThrow(RangeError);
    expect(() => fitLogisticNewton(data, { l2: NaN })).toThrow(RangeError);
    expect(() => fitLogisticNewton(data, { classWeights: [0, 1] })).toThrow(RangeError);
    expect(() => fitLogisticNewton(data, { validation: { x: { data: new Float32Array(3), rows: 1, cols: 3 }, y: new Uint8Array(1) } })).toThrow(RangeError);
  });
});

describe("trainNetwork with the Newton solver", () => {
  const data = fixedLogisticData();
  it("is the default for logistic regression, and the saved tfjs weights are scikit-learn's coefficients (float32)", async () => {
    const { model, history } = await trainNetwork("logistic", data, data, { hidden: [], l2: 1e-3, tolerance: 1e-14 });
    const files = await model.save();
    const weights = new Float32Array((files["weights.bin"] as Uint8Array).slice().buffer);
    expectCoefficients({ coefficients: Float64Array.from(weights.subarray(0, 4)), intercept: weights[4] as number }, sklearn.penalised, 5);
    expect(history.bestEpoch).toBe(history.epochs);
    model.dispose();
  });
  it("and Adam mini-batches (solver 'adam') reach nearly the same model", async () => {
    const { model } = await trainNetwork("logistic", data, data, { hidden: [], l2: 1e-3, solver: "adam", learningRate: 0.05, maxEpochs: 60, seed: 1 });
    const weights = new Float32Array(((await model.save())["weights.bin"] as Uint8Array).slice().buffer);
    sklearn.penalised.coefficients.forEach((c, j) => {
      expect(Math.abs((weights[j] as number) - c)).toBeLessThan(0.1);
    });
    model.dispose();
  });
  it("refuses hidden layers", async () => {
    await expect(trainNetwork("mlp", data, data, { hidden: [4], solver: "newton" })).rejects.toThrow(/Newton solver fits logistic regression only/);
  });
});
