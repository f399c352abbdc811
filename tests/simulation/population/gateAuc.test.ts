import { describe, expect, it } from "vitest";
import { gateAuc } from "../../../src/simulation/population/gateAuc";
import { rocAuc } from "../../../src/models/metrics/rocAuc";
import { FastRng } from "../../../src/random/FastRng";

describe("gateAuc", () => {
  it("is the Mann–Whitney AUC: the rocAuc docstring case gives 0.75", () => {
    expect(gateAuc(Float64Array.from([0.1, 0.4, 0.35, 0.8]), Uint8Array.from([0, 0, 1, 1]))).toBe(0.75);
  });

  it("counts ties as one half, -0 tying with +0 (one positive tied with one of two negatives: 0.5 + 0.5·0.5 = 0.75)", () => {
    expect(gateAuc(Float64Array.from([-0, 0, -1]), Uint8Array.from([1, 0, 0]))).toBe(0.75);
  });

  it("is NaN when a class is absent or the input is empty", () => {
    expect(gateAuc(new Float64Array(0), new Uint8Array(0))).toBeNaN();
    expect(gateAuc(Float64Array.from([1, 2]), Uint8Array.from([1, 1]))).toBeNaN();
    expect(gateAuc(Float64Array.from([1, 2]), Uint8Array.from([0, 0]))).toBeNaN();
  });

  it("throws a RangeError on a length mismatch", () => {
    expect(() => gateAuc(Float64Array.from([1, 2]), Uint8Array.from([1]))).toThrow(RangeError);
  });

  it("equals src/models' rocAuc bit for bit (reference implementation: mid-ranks), with heavy ties, negatives and extremes", () => {
    const rng = new FastRng(7, "gate-auc-test");
    for (let c = 0; c < 60; c += 1) {
      const n = 1 + Math.floor(rng.next() * 3000);
      const grid = [2, 50, 1e6][c % 3]!; // coarse grids give many ties
      const scores = new Float64Array(n);
      const labels = new Uint8Array(n);
      for (let i = 0; i < n; i += 1) {
        labels[i] = rng.next() < 0.2 ? 1 : 0;
        scores[i] = Math.round((rng.next() - 0.5 + 0.3 * labels[i]!) * grid) / grid;
        if (c % 7 === 0 && i % 13 === 0) scores[i] = i % 2 ? 1e300 : -1e300;
      }
      expect(gateAuc(scores, labels)).toBe(rocAuc(scores, labels));
    }
  });

  it("equals rocAuc on a gate-sized sample (40,000 scores: the radix-sort path), signed zeros and negatives included", () => {
    const rng = new FastRng(8, "gate-auc-large");
    const n = 40_000;
    const scores = new Float64Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      labels[i] = rng.next() < 0.3 ? 1 : 0;
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      scores[i] = i % 17 === 0 ? (i % 2 ? -0 : 0) : z + 0.8 * labels[i]!;
    }
    const expected = rocAuc(scores, labels);
    expect(expected).toBeGreaterThan(0.7); // a binormal AUC of Φ(0.8/√2) ≈ 0.71, diluted by the zeros
    expect(gateAuc(scores, labels)).toBe(expected);
  });
});
