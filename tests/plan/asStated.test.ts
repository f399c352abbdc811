import { describe, expect, it } from "vitest";
import { asStated, loadPlan, planFigureKeys } from "../../src/plan";

// Provenance: every expected number below is the article's (data/plans/seed-plan.json,
// /work/shared/plan/README.md sections 6-7) or plain arithmetic on it, written out.
const seed = loadPlan("data/plans/seed-plan.json");

describe("asStated reproduces the article's ROI case (section 6)", () => {
  const f = asStated(seed);

  it("has exactly the ten contract keys, in order", () => {
    expect(Object.keys(f)).toEqual([...planFigureKeys]);
  });

  it("costs: one-time 50 + 80 + 120 + 30 = 280万, annual 40 + 20 + 144 + 480 + 120 = 804万, first year 1084万", () => {
    expect(f.oneTimeCost).toBe(2_800_000);
    expect(f.annualCost).toBe(8_040_000);
    expect(f.firstYearCost).toBe(10_840_000);
  });

  it("benefits: 12,000 retained × 4,000 = 4,800万; 2,160 referred × 800 = 1,728,000 (the article rounds to 173万); total 49,728,000", () => {
    expect(f.retainedCustomers).toBe(12_000);
    expect(f.retainedValue).toBe(48_000_000);
    expect(f.referralCustomers).toBe(2_160);
    expect(f.referralValue).toBe(1_728_000);
    expect(f.totalBenefit).toBe(49_728_000);
  });

  it("ROI (49,728,000 − 10,840,000) / 10,840,000 = 3.5875 (359%); payback 10,840,000 / (49,728,000 / 12) = 2.6158 months", () => {
    expect(f.roi).toBeCloseTo(3.5875, 4);
    expect(f.roi).toBeCloseTo(38_888_000 / 10_840_000, 12);
    expect(Math.round(f.roi * 100)).toBe(359);
    expect(f.paybackMonths).toBeCloseTo(2.6158, 4);
    expect(f.paybackMonths).toBeCloseTo(10_840_000 / (49_728_000 / 12), 12);
  });
});
