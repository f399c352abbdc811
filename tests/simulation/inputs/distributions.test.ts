import { describe, expect, it } from "vitest";
import { compileDistribution, distributionSchema, type Distribution } from "../../../src/simulation/inputs/distributions";
import { normalQuantile } from "../../../src/random/index";

/** Mean by midpoint integration of the quantile function over 200,000 strata: E[X] = ∫ Q(u) du. */
function meanByQuantile(d: Distribution): number {
  const c = compileDistribution(d);
  const n = 200_000;
  let s = 0;
  for (let i = 0; i < n; i += 1) s += c.quantile((i + 0.5) / n);
  return s / n;
}

describe("compileDistribution", () => {
  it("uniform(2, 6): quantile 2 + 4u, mean and base 4", () => {
    const c = compileDistribution({ dist: "uniform", min: 2, max: 6 });
    expect(c.quantile(0.25)).toBe(3);
    expect(c.mean).toBe(4);
    expect(c.base).toBe(4);
    expect(c.cdf(5)).toBe(0.75);
  });
  it("triangular(0, 0, 1) has quantile 1 − √(1 − u) (closed form)", () => {
    const c = compileDistribution({ dist: "triangular", min: 0, mode: 0, max: 1 });
    expect(c.quantile(0.75)).toBeCloseTo(0.5, 14);
    expect(c.cdf(0.5)).toBeCloseTo(0.75, 14);
    expect(meanByQuantile({ dist: "triangular", min: 1, mode: 2, max: 6 })).toBeCloseTo(3, 4);
  });
  it("PERT(0.3, 0.45, 0.6) has mean (min + 4 mode + max) / 6 = 0.45 and base = mode", () => {
    const d: Distribution = { dist: "pert", min: 0.3, mode: 0.4, max: 0.8 };
    const c = compileDistribution(d);
    expect(c.mean).toBeCloseTo((0.3 + 4 * 0.4 + 0.8) / 6, 14);
    expect(meanByQuantile(d)).toBeCloseTo(c.mean, 5);
    expect(c.base).toBe(0.4);
    expect(c.quantile(0)).toBe(0.3);
    expect(c.quantile(1)).toBe(0.8);
    expect(c.cdf(c.quantile(0.3))).toBeCloseTo(0.3, 5);
  });
  it("normal(10, 2) quantile is 10 + 2 Φ⁻¹(u); truncated to [9, ∞) its mean is μ + σφ(α)/(1 − Φ(α))", () => {
    expect(compileDistribution({ dist: "normal", mean: 10, sd: 2 }).quantile(0.975)).toBeCloseTo(10 + 2 * 1.959963984540054, 8);
    const t = compileDistribution({ dist: "normal", mean: 10, sd: 2, min: 9 });
    const alpha = -0.5;
    const phi = Math.exp((-alpha * alpha) / 2) / Math.sqrt(2 * Math.PI);
    // 1 − Φ(−0.5) = 0.6914624612740131 (R: pnorm(0.5))
    expect(t.mean).toBeCloseTo(10 + (2 * phi) / 0.6914624612740131, 10);
    expect(meanByQuantile({ dist: "normal", mean: 10, sd: 2, min: 9 })).toBeCloseTo(t.mean, 4);
    expect(t.quantile(0)).toBe(9);
  });
  it("lognormal(median 4000, σ 0.25): median at u = 0.5, mean m·exp(σ²/2)", () => {
    const c = compileDistribution({ dist: "lognormal", median: 4000, sigmaLog: 0.25 });
    expect(c.quantile(0.5)).toBeCloseTo(4000, 8);
    expect(c.mean).toBeCloseTo(4000 * Math.exp(0.03125), 8);
    // samplers use the unrefined Acklam quantile: relative error below 1.15e-9
    expect(Math.abs(c.quantile(0.9) / (4000 * Math.exp(0.25 * normalQuantile(0.9))) - 1)).toBeLessThan(1e-9);
  });
  it("beta by mean 0.45 and concentration 150 has mean 0.45 (α = 67.5, β = 82.5)", () => {
    expect(meanByQuantile({ dist: "beta", mean: 0.45, concentration: 150 })).toBeCloseTo(0.45, 5);
  });
  it("discrete scenarios: steps at cumulative weights; base is the heaviest scenario unless given", () => {
    const d: Distribution = {
      dist: "discrete",
      scenarios: [
        { value: 1, weight: 1 },
        { value: 5, weight: 3 },
      ],
    };
    const c = compileDistribution(d);
    expect(c.quantile(0.2)).toBe(1);
    expect(c.quantile(0.3)).toBe(5);
    expect(c.mean).toBe(4);
    expect(c.base).toBe(5);
    expect(compileDistribution({ ...d, base: 1 }).base).toBe(1);
    expect(c.cdf(1)).toBe(0.25);
  });
  it("fixed: always its value", () => {
    const c = compileDistribution({ dist: "fixed", value: 7 });
    expect([c.quantile(0), c.quantile(0.5), c.mean, c.base]).toEqual([7, 7, 7, 7]);
  });
});

describe("distributionSchema", () => {
  it("checks the base of a discrete distribution with 300,000 scenarios without overflowing the call stack", () => {
    const scenarios = Array.from({ length: 300_000 }, (_, i) => ({ value: i, weight: 1 }));
    expect(distributionSchema.safeParse({ dist: "discrete", scenarios, base: 299_999 }).success).toBe(true);
    const outside = distributionSchema.safeParse({ dist: "discrete", scenarios, base: 300_000 });
    expect(outside.success).toBe(false);
    expect(outside.error?.issues[0]?.message).toBe("must lie in the distribution's support [0, 299999], got 300000");
  });
  it("reports each bad parameter at its key", () => {
    const r = distributionSchema.safeParse({ dist: "pert", min: 3, mode: 1, max: 2 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("max");
    expect(paths).toContain("mode");
  });
  it("rejects unknown kinds, unknown keys, sd <= 0 and a base outside the support", () => {
    expect(distributionSchema.safeParse({ dist: "gamma", shape: 2 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: "uniform", min: 0, max: 1, typo: 1 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: "normal", mean: 0, sd: 0 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: "uniform", min: 0, max: 1, base: 2 }).success).toBe(false);
    expect(distributionSchema.safeParse({ dist: "uniform", min: 0, max: Number.NaN }).success).toBe(false);
  });
  it("rejects a truncated normal with no mass in its interval", () => {
    expect(distributionSchema.safeParse({ dist: "normal", mean: 0, sd: 1, min: 50, max: 60 }).success).toBe(false);
  });
});
