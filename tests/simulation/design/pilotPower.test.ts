import { describe, expect, it } from "vitest";
import { createStream, sampleBinomial, standardNormalCdf, standardNormalQuantile } from "../../../src/random/index";
import {
  pooledSaveRate,
  probSaveRateAbove,
  saveRateErrorRates,
  simulateSaveRateErrors,
  twoProportionSampleSize,
  upliftInterval,
} from "../../../src/simulation/design/pilotPower";

describe("twoProportionSampleSize (Fleiss, Levin & Paik 2003, eq. 4.14 and 4.19)", () => {
  it("needs 294 per group for 20% vs 30% at α = 0.05 two-sided and 80% power, 313 with the continuity correction", () => {
    // By hand: p̄ = 0.25; [1.95996 √(2 · 0.25 · 0.75) + 0.84162 √(0.16 + 0.21)]² / 0.01 = 293.15 → 294 (R power.prop.test: 293.0).
    const za = standardNormalQuantile(0.975);
    const zb = standardNormalQuantile(0.8);
    const byHand = (za * Math.sqrt(2 * 0.25 * 0.75) + zb * Math.sqrt(0.2 * 0.8 + 0.3 * 0.7)) ** 2 / 0.01;
    expect(byHand).toBeCloseTo(293.15, 1);
    expect(twoProportionSampleSize(0.2, 0.3, 0.05, 0.8)).toBe(294);
    expect(twoProportionSampleSize(0.3, 0.2, 0.05, 0.8)).toBe(294);
    expect(twoProportionSampleSize(0.2, 0.3, 0.05, 0.8, { continuityCorrection: true })).toBe(313);
    expect(twoProportionSampleSize(0.2, 0.3, 0.05, 0.8, { sides: 1 })).toBeLessThan(294);
    expect(() => twoProportionSampleSize(0.2, 0.2, 0.05, 0.8)).toThrow(RangeError);
    expect(() => twoProportionSampleSize(0, 0.2, 0.05, 0.8)).toThrow(RangeError);
  });
  it("gives 80% power by simulation: a pooled two-proportion z test at n = 294 rejects in 80% ± 1.5% of 8,000 seeded trials", () => {
    const rng = createStream(16, "two-proportion");
    const n = 294;
    const z = standardNormalQuantile(0.975);
    let rejected = 0;
    const trials = 8000;
    for (let i = 0; i < trials; i += 1) {
      const a = sampleBinomial(rng, n, 0.2) / n;
      const b = sampleBinomial(rng, n, 0.3) / n;
      const p = (a + b) / 2;
      if (Math.abs(a - b) / Math.sqrt((2 * p * (1 - p)) / n) > z) rejected += 1;
    }
    // Binomial sd of the share at 8,000 trials: 0.0045.
    expect(Math.abs(rejected / trials - 0.8)).toBeLessThan(0.015);
  });
});

describe("the save rate a pilot with a hold-out measures", () => {
  it("pooledSaveRate: 1 − treated churn / hold-out churn, delta-method standard error (hand case)", () => {
    // c = 0.2, t = 0.1: Var(log t/c) = 0.9 / (1000 · 0.1) + 0.8 / (1000 · 0.2) = 0.013; se = 0.5 √0.013.
    const r = pooledSaveRate([{ treated: 1000, control: 1000, controlChurn: 0.2, saveRate: 0.5 }]);
    expect(r.saveRate).toBeCloseTo(0.5, 12);
    expect(r.se).toBeCloseTo(0.5 * Math.sqrt(0.013), 12);
    // Two strata pool by their flagged customers: 1 − Σ w t / Σ w c.
    const two = pooledSaveRate([
      { treated: 500, control: 500, controlChurn: 0.4, saveRate: 0.45 },
      { treated: 1500, control: 1500, controlChurn: 0.1, saveRate: 0.6 },
    ]);
    expect(two.saveRate).toBeCloseTo(1 - (0.25 * 0.4 * 0.55 + 0.75 * 0.1 * 0.4) / (0.25 * 0.4 + 0.75 * 0.1), 12);
    expect(() => pooledSaveRate([{ treated: 0, control: 10, controlChurn: 0.2, saveRate: 0.5 }])).toThrow(RangeError);
  });
  it("upliftInterval: c − t ± 1.96 √(c(1 − c)/n_C + t(1 − t)/n_T) (hand case)", () => {
    const u = upliftInterval({ treated: 400, control: 400, controlChurn: 0.3, saveRate: 0.5 });
    const se = Math.sqrt((0.3 * 0.7) / 400 + (0.15 * 0.85) / 400);
    expect(u.uplift).toBeCloseTo(0.15, 12);
    expect(u.se).toBeCloseTo(se, 12);
    expect(u.upper - u.lower).toBeCloseTo(2 * standardNormalQuantile(0.975) * se, 12);
  });
  const cases = [
    [{ treated: 400, control: 400, controlChurn: 0.2, saveRate: 0.5 }],
    [
      { treated: 300, control: 600, controlChurn: 0.34, saveRate: 0.45 },
      { treated: 800, control: 5000, controlChurn: 0.13, saveRate: 0.6 },
    ],
    [
      { treated: 150, control: 600, controlChurn: 0.34, saveRate: 0.45 },
      { treated: 400, control: 3700, controlChurn: 0.13, saveRate: 0.6 },
    ],
  ];
  it("the false-go and false-stop rates agree with binomial simulation of the pilot within 1.5 points (20,000 pilots each)", () => {
    const lines = { goLine: 0.5, stopLine: 0.4 };
    cases.forEach((strata, i) => {
      const formula = saveRateErrorRates(strata, lines, 0.4, 0.6);
      const sim = simulateSaveRateErrors(createStream(16, `pilot-${i}`), strata, lines, 0.4, 0.6, 20_000);
      expect(Math.abs(formula.falseGo - sim.falseGo.value)).toBeLessThan(0.015);
      expect(Math.abs(formula.falseStop - sim.falseStop.value)).toBeLessThan(0.015);
    });
  });
  it("probSaveRateAbove is ½ when the truth sits on the line and tends to 0 / 1 with the sample", () => {
    const one = (n: number, rate: number) => probSaveRateAbove([{ treated: n, control: n, controlChurn: 0.2, saveRate: rate }], undefined, 0.5);
    expect(one(1000, 0.5)).toBeGreaterThan(0.45);
    expect(one(1000, 0.5)).toBeLessThan(0.55);
    expect(one(100_000, 0.4)).toBeLessThan(1e-6);
    expect(one(100_000, 0.6)).toBeGreaterThan(1 - 1e-6);
    expect(standardNormalCdf(0)).toBe(0.5);
  });
});
