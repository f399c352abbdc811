import { describe, expect, it } from "vitest";
import { coverageAtMonth, customerMonthsCovered, loadPlan, paybackMonthsWithRollout, rolloutCoverage, type Plan } from "../../src/plan";

const seed = loadPlan("data/plans/seed-plan.json");

describe("rolloutCoverage", () => {
  it("is (20,000 × 3 + 100,000 × 3 + 200,000 × 6) / (200,000 × 12) = 1,560,000 / 2,400,000 = 65% for the article's rollout", () => {
    expect(customerMonthsCovered(seed)).toBe(1_560_000);
    expect(rolloutCoverage(seed)).toBeCloseTo(0.65, 12);
  });

  it("is 100% when one stage covers everyone from month 0 to 12", () => {
    const plan: Plan = { ...seed, rollout: [{ ...seed.rollout[2]!, monthStart: 0, monthEnd: 12 }] };
    expect(rolloutCoverage(plan)).toBe(1);
  });

  it("ignores months after 12 and caps stage customers at the base", () => {
    const plan: Plan = { ...seed, rollout: [{ ...seed.rollout[2]!, monthStart: 6, monthEnd: 18, customers: 400_000 }] };
    expect(rolloutCoverage(plan)).toBe(0.5);
  });

  it("coverageAtMonth follows the stages and continues the last one", () => {
    expect([0, 2.9, 3, 5, 6, 11, 30].map((m) => coverageAtMonth(seed, m))).toEqual([0.1, 0.1, 0.5, 0.5, 1, 1, 1]);
  });
});

describe("paybackMonthsWithRollout", () => {
  it("is 6 + 3,380,800 / 4,144,000 = 6.8158 months for the stated cost and benefit", () => {
    // months 0-3: 3 × 4,144,000 × 10% = 1,243,200; months 3-6: 3 × 4,144,000 × 50% = 6,216,000
    expect(paybackMonthsWithRollout(seed, 10_840_000, 49_728_000)).toBeCloseTo(6 + (10_840_000 - 7_459_200) / 4_144_000, 10);
  });

  it("equals cost / (benefit / 12) when the rollout covers everyone from month 0", () => {
    const plan: Plan = { ...seed, rollout: [{ ...seed.rollout[2]!, monthStart: 0, monthEnd: 12 }] };
    expect(paybackMonthsWithRollout(plan, 10_840_000, 49_728_000)).toBeCloseTo(10_840_000 / (49_728_000 / 12), 10);
  });

  it("is 0 for no cost, Infinity for no or a negative benefit, and rejects a negative cost or non-finite money", () => {
    expect(paybackMonthsWithRollout(seed, 0, 1)).toBe(0);
    expect(paybackMonthsWithRollout(seed, 1, 0)).toBe(Number.POSITIVE_INFINITY);
    // churn after the programme above churn before: the benefit is negative and the plan never pays back
    expect(paybackMonthsWithRollout(seed, 10_840_000, -58_016_000)).toBe(Number.POSITIVE_INFINITY);
    expect(() => paybackMonthsWithRollout(seed, -1, 1)).toThrow(RangeError);
    expect(() => paybackMonthsWithRollout(seed, 1, Number.NaN)).toThrow(RangeError);
  });
});
