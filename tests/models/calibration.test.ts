import { describe, expect, it } from "vitest";
import { applyCalibration, fitCalibration, fitIsotonic, fitPlatt } from "../../src/models/calibration";
import { createStream } from "../../src/random/createStream";
import { calibrationCurve } from "../../src/models/metrics/calibrationCurve";

/* Reference: scikit-learn 1.2.1, `_sigmoid_calibration(logit(p), y)` and
 * `IsotonicRegression(out_of_bounds="clip").fit(p, y).predict(q)`, computed
 * once with /usr/bin/python3 on these 40 rows. */
const p = [
  0.2, 0.1, 0.05, 0.5, 0.6, 0.2, 0.4, 0.6, 0.7, 0.1, 0.05, 0.05, 0.3, 0.95, 0.7, 0.1, 0.95, 0.3, 0.3, 0.7, 0.2, 0.2, 0.3, 0.4, 0.2, 0.8, 0.2, 0.05, 0.2, 0.6,
  0.5, 0.1, 0.05, 0.05, 0.2, 0.05, 0.5, 0.5, 0.3, 0.9,
];
const y = [1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1];
const q = [0.0, 0.05, 0.12, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.99];
const sklearnIsotonic = [
  0.0, 0.0, 0.024999999999999988, 0.13392857142857142, 0.14285714285714285, 0.2857142857142857, 0.42857142857142855, 0.7142857142857146, 1.0, 1.0, 1.0,
];

describe("fitPlatt", () => {
  it("matches scikit-learn's sigmoid calibration (a = −1.2532, b = 0.2715)", () => {
    const c = fitPlatt(p, y);
    if (c.method !== "platt") throw new Error("expected platt");
    // sklearn minimises with BFGS to ~1e-5; Newton here converges further
    expect(c.a).toBeCloseTo(-1.253216216395928, 4);
    expect(c.b).toBeCloseTo(0.271544286570078, 4);
  });
  it("recovers a known miscalibration: probabilities squashed toward 0.5", () => {
    const rng = createStream(11, "platt");
    const raw: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const z = 4 * (rng() - 0.5) * 2;
      const truth = 1 / (1 + Math.exp(-z));
      raw.push(1 / (1 + Math.exp(-z / 3))); // the model is 3x too timid
      labels.push(rng() < truth ? 1 : 0);
    }
    const c = fitPlatt(raw, labels);
    if (c.method !== "platt") throw new Error("expected platt");
    expect(c.a).toBeCloseTo(-3, 0);
    expect(calibrationCurve(applyCalibration(c, raw), labels).ece).toBeLessThan(calibrationCurve(raw, labels).ece / 3);
  });
  it("rejects empty or mismatched input", () => {
    expect(() => fitPlatt([], [])).toThrow(RangeError);
    expect(() => fitPlatt([0.5], [1, 0])).toThrow(RangeError);
  });
});

describe("fitIsotonic", () => {
  it("matches scikit-learn's IsotonicRegression (clip) at query points", () => {
    const out = applyCalibration(fitIsotonic(p, y), q);
    q.forEach((_, k) => {
      expect(out[k]).toBeCloseTo(sklearnIsotonic[k] as number, 12);
    });
  });
  it("is non-decreasing and pools violators", () => {
    const c = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
    expect(c).toEqual({ method: "isotonic", x: [0.1, 0.2, 0.3, 0.4], y: [0, 0.5, 0.5, 1] });
  });
  it("fitCalibration('none') is the identity", () => {
    expect(Array.from(applyCalibration(fitCalibration("none", p, y), [0.3, 0.9]))).toEqual([0.3, 0.9]);
  });
});
