import { describe, expect, it } from "vitest";
import { jStat } from "../random/reference";
import { parsePlan } from "../../src/plan";
import {
  aucSampleSizeForPower,
  aucStandardError,
  gateCriteriaFor,
  gateDecision,
  isTrulyGood,
  saveRateSampleSizeForPower,
} from "../../src/simulation/rolloutGates";
import { varianceDecomposition, spread } from "../../src/simulation/rolloutSummary";
import { seedPlanJson } from "./fixtures";

const plan = parsePlan(seedPlanJson(), "seed-plan.json");
// Article section 7 (MVP success: AUC > 0.85, save rate > 50%, ROI > 200%) and section 8 (stop-loss: AUC < 0.80, save rate < 40%).
const criteria = gateCriteriaFor(plan, 0);

describe("gate criteria", () => {
  it("are the MVP's success criteria and the plan's stop-loss lines", () => {
    expect(criteria).toEqual({ aucMin: 0.85, saveRateMin: 0.5, roiMin: 2, aucPause: 0.8, saveRateRedesign: 0.4 });
  });
  it("carry the MVP's criteria to later stages that state none", () => {
    expect(gateCriteriaFor(plan, 1)).toEqual(criteria);
  });
  it("reject a stage index out of range", () => {
    expect(() => gateCriteriaFor(plan, 3)).toThrow(RangeError);
    expect(() => gateCriteriaFor(plan, -1)).toThrow(RangeError);
  });
});

describe("gateDecision", () => {
  it("goes when every success criterion is met", () => {
    expect(gateDecision({ auc: 0.87, saveRate: 0.55, projectedRoi: 3 }, criteria)).toBe("go");
  });
  it("pauses below the AUC stop-loss line, checked first", () => {
    expect(gateDecision({ auc: 0.79, saveRate: 0.3, projectedRoi: 3 }, criteria)).toBe("pause");
  });
  it("redesigns below the save-rate stop-loss line", () => {
    expect(gateDecision({ auc: 0.86, saveRate: 0.39, projectedRoi: 3 }, criteria)).toBe("redesign");
  });
  it("holds between the lines, at the thresholds themselves (strict >) and on missing measurements", () => {
    expect(gateDecision({ auc: 0.83, saveRate: 0.45, projectedRoi: 3 }, criteria)).toBe("hold");
    expect(gateDecision({ auc: 0.85, saveRate: 0.55, projectedRoi: 3 }, criteria)).toBe("hold");
    expect(gateDecision({ auc: 0.9, saveRate: 0.6, projectedRoi: 2 }, criteria)).toBe("hold");
    expect(gateDecision({ auc: Number.NaN, saveRate: Number.NaN, projectedRoi: Number.NaN }, criteria)).toBe("hold");
  });
  it("truly good means the true values meet every success criterion", () => {
    expect(isTrulyGood({ auc: 0.86, saveRate: 0.52, projectedRoi: 2.5 }, criteria)).toBe(true);
    expect(isTrulyGood({ auc: 0.84, saveRate: 0.52, projectedRoi: 2.5 }, criteria)).toBe(false);
    expect(isTrulyGood({ auc: 0.86, saveRate: Number.NaN, projectedRoi: 2.5 }, criteria)).toBe(false);
  });
});

describe("pilot sample sizes", () => {
  it("aucStandardError is Hanley & McNeil's formula (their Table 1 example: A = 0.9, 50 + 50 gives about 0.03)", () => {
    // Q1 = 0.9 / 1.1 = 0.81818, Q2 = 1.62 / 1.9 = 0.85263; Var = [0.09 + 49 × 0.00818 + 49 × 0.04263] / 2500 = 0.0010317.
    expect(aucStandardError(0.9, 50, 50)).toBeCloseTo(Math.sqrt((0.09 + 49 * (0.9 / 1.1 - 0.81) + 49 * (1.62 / 1.9 - 0.81)) / 2500), 12);
    expect(aucStandardError(0.9, 50, 50)).toBeCloseTo(0.0321, 3);
    expect(() => aucStandardError(1, 10, 10)).toThrow(RangeError);
    expect(() => aucStandardError(0.8, 0, 10)).toThrow(RangeError);
  });

  it("saveRateSampleSizeForPower is the normal-approximation formula: n = (z_0.8 √(p(1−p)) / (p − p0))²", () => {
    const z = jStat.normal.inv(0.8, 0, 1); // 0.8416
    expect(saveRateSampleSizeForPower(0.6, 0.5, 0.8)).toBe(Math.ceil(((z * Math.sqrt(0.24)) / 0.1) ** 2)); // 16.998 → 17
    expect(saveRateSampleSizeForPower(0.55, 0.5, 0.9)).toBeGreaterThan(saveRateSampleSizeForPower(0.6, 0.5, 0.9));
    expect(() => saveRateSampleSizeForPower(0.5, 0.5, 0.8)).toThrow(RangeError);
    expect(() => saveRateSampleSizeForPower(0.6, 0.5, 0.4)).toThrow(RangeError);
  });

  it("aucSampleSizeForPower is the smallest n whose Hanley-McNeil z reaches z_power", () => {
    const n = aucSampleSizeForPower(0.88, 0.85, 0.8, 0.015);
    const z = jStat.normal.inv(0.8, 0, 1);
    const zAt = (m: number): number => 0.03 / aucStandardError(0.88, 0.015 * m, m - 0.015 * m);
    expect(zAt(n)).toBeGreaterThanOrEqual(z);
    expect(zAt(n - 1)).toBeLessThan(z);
    expect(aucSampleSizeForPower(0.9, 0.85, 0.8, 0.015)).toBeLessThan(n);
    expect(() => aucSampleSizeForPower(0.85, 0.85, 0.8, 0.015)).toThrow(RangeError);
    expect(() => aucSampleSizeForPower(0.9, 0.85, 0.8, 0)).toThrow(RangeError);
  });
});

describe("summaries", () => {
  it("varianceDecomposition takes 300,000 trials without overflowing the call stack (Math.min(...lengths) did)", () => {
    const byTrial = Array.from({ length: 300_000 }, (_, i) => [i % 2, (i % 2) + 2]);
    const v = varianceDecomposition(byTrial);
    // within each trial: values 2 apart, variance 2; trial means alternate 1 and 2: variance 0.25 (n/(n-1) ≈ 1), minus within/R = 1
    expect(v?.withinTrials).toBeCloseTo(2, 12);
    expect(v?.betweenTrials).toBe(0);
  });
  it("varianceDecomposition applies the law of total variance to a nested design", () => {
    // Trials [1, 3] and [5, 7]: within = mean(2, 2) = 2; trial means 2 and 6 have variance 8; between = 8 − 2 / 2 = 7.
    const v = varianceDecomposition([
      [1, 3],
      [5, 7],
    ])!;
    expect(v.withinTrials).toBe(2);
    expect(v.betweenTrials).toBe(7);
    expect(v.total).toBe(9);
    expect(v.parameterShare).toBeCloseTo(7 / 9, 12);
  });
  it("varianceDecomposition needs two trials of two replicates", () => {
    expect(varianceDecomposition([[1, 2]])).toBeNull();
    expect(varianceDecomposition([[1], [2]])).toBeNull();
    expect(varianceDecomposition([])).toBeNull();
  });
  it("floors the between part at 0 when trial means vary less than replicate noise implies", () => {
    const v = varianceDecomposition([
      [0, 10],
      [10, 0],
    ])!;
    expect(v.betweenTrials).toBe(0);
    expect(v.customerShare).toBe(1);
  });
  it("spread skips non-finite values and is NaN when empty", () => {
    expect(spread([1, 2, 3, Number.POSITIVE_INFINITY, Number.NaN]).mean).toBe(2);
    expect(spread([]).mean).toBeNaN();
  });
});
