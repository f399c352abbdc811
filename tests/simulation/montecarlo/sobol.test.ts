import { describe, expect, it } from "vitest";
import { sobolIndices } from "../../../src/simulation/montecarlo/sobol";
import { ishigami } from "../../helpers/ishigami";

// Analytic indices of the Ishigami function (a = 7, b = 0.1): Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, §4.7.
const a = 7;
const b = 0.1;
const V1 = 0.5 * (1 + (b * Math.PI ** 4) / 5) ** 2;
const V2 = a ** 2 / 8;
const V13 = (b ** 2 * Math.PI ** 8 * 8) / 225;
const V = V1 + V2 + V13;

describe("sobolIndices", () => {
  it("recovers the Ishigami indices S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437) within their bootstrap intervals", () => {
    expect(V1 / V).toBeCloseTo(0.3139, 4);
    expect(V2 / V).toBeCloseTo(0.4424, 4);
    expect((V1 + V13) / V).toBeCloseTo(0.5576, 4);
    const r = sobolIndices(ishigami, 3, { samples: 8192, seed: 3, bootstrap: 300 });
    const first = [V1 / V, V2 / V, 0];
    const total = [(V1 + V13) / V, V2 / V, V13 / V];
    for (let i = 0; i < 3; i += 1) {
      expect(Math.abs(r.first[i]! - first[i]!)).toBeLessThan(0.04);
      expect(Math.abs(r.total[i]! - total[i]!)).toBeLessThan(0.04);
      expect(r.firstCi[i]![0]).toBeLessThan(first[i]! + 0.01);
      expect(r.firstCi[i]![1]).toBeGreaterThan(first[i]! - 0.01);
    }
    expect(r.variance).toBeCloseTo(V, 0);
    expect(r.evaluations).toBe(8192 * 5);
  });
  it("an additive linear model f = Σ cᵢuᵢ has Sᵢ = STᵢ = cᵢ² / Σ c²", () => {
    const c = [1, 2, 3];
    const r = sobolIndices((u) => c[0]! * u[0]! + c[1]! * u[1]! + c[2]! * u[2]!, 3, { samples: 4096, seed: 1, bootstrap: 0 });
    const sum = 1 + 4 + 9;
    c.forEach((ci, i) => {
      expect(r.first[i]).toBeCloseTo((ci * ci) / sum, 1);
      // Jansen's total estimator is exact for additive models up to sampling error of a smaller variance
      expect(r.total[i]).toBeCloseTo((ci * ci) / sum, 1);
    });
    expect(r.firstCi[0]).toEqual([Number.NaN, Number.NaN]);
  });
  it("is deterministic for a seed", () => {
    const x = sobolIndices(ishigami, 3, { samples: 256, seed: 9, bootstrap: 10 });
    const y = sobolIndices(ishigami, 3, { samples: 256, seed: 9, bootstrap: 10 });
    expect(x).toEqual(y);
  });
  it("gives NaN indices for a constant function (zero variance)", () => {
    const r = sobolIndices(() => 5, 2, { samples: 64, bootstrap: 0 });
    expect(r.first.every(Number.isNaN)).toBe(true);
    expect(r.variance).toBe(0);
  });
  it("rejects bad dimensions, sample sizes and confidence levels", () => {
    expect(() => sobolIndices(ishigami, 0)).toThrow(RangeError);
    expect(() => sobolIndices(ishigami, 3, { samples: 1 })).toThrow(RangeError);
    expect(() => sobolIndices(ishigami, 3, { confidence: 1 })).toThrow(RangeError);
  });
  it("ishigami(π/2, π/2, 0) = 1 + 7 = 8", () => {
    expect(ishigami([0.75, 0.75, 0.5])).toBeCloseTo(8, 12);
  });
});
