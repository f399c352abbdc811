import { describe, expect, it } from "vitest";
import { asStated, loadPlan, recomputed, tierCosts, type Plan } from "../../src/plan";

// Provenance: every expected number below is the article's (data/plans/seed-plan.json,
// /work/shared/plan/README.md sections 6-7) or plain arithmetic on it, written out.
const seed = loadPlan("data/plans/seed-plan.json");

describe("recomputed derives every line from its drivers", () => {
  const f = recomputed(seed);

  it("tier costs are customers × share × budget for every tier, including tier 4 the article leaves out", () => {
    // 200,000 × 3% × 800; × 8% × 300; × 12% × 50; × 77% × 10
    expect(tierCosts(seed).map((t) => [t.tierId, t.count, t.costYuan])).toEqual([
      ["very-high", 6_000, 4_800_000],
      ["high", 16_000, 4_800_000],
      ["medium", 24_000, 1_200_000],
      ["low", 154_000, 1_540_000],
    ]);
  });

  it("annual cost 400,000 + 200,000 + 4,800,000 + 4,800,000 + 1,200,000 + 1,540,000 = 12,940,000; first year 2,800,000 + 12,940,000 = 15,740,000", () => {
    expect(f.oneTimeCost).toBe(2_800_000);
    expect(f.annualCost).toBe(12_940_000);
    expect(f.firstYearCost).toBe(15_740_000);
  });

  it("benefits from the drivers: 200,000 × (18% − 12%) = 12,000; × 15% × 1.2 = 2,160 referrals", () => {
    expect(f.retainedCustomers).toBe(12_000);
    expect(f.retainedValue).toBe(48_000_000);
    expect(f.referralCustomers).toBe(2_160);
    expect(f.referralValue).toBe(1_728_000);
    expect(f.totalBenefit).toBe(49_728_000);
  });

  it("ROI (49,728,000 − 15,740,000) / 15,740,000 ≈ 2.1593; payback 15,740,000 / (49,728,000 / 12) ≈ 3.7983 months", () => {
    expect(f.roi).toBeCloseTo(2.1593, 4);
    expect(f.paybackMonths).toBeCloseTo(3.7983, 4);
  });

  it("does not mutate the plan", () => {
    const copy = structuredClone(seed);
    recomputed(seed);
    asStated(seed);
    expect(seed).toEqual(copy);
  });
});

describe("a different plan gives different numbers (general case)", () => {
  const half: Plan = { ...seed, customers: 100_000 };

  it("recomputed scales every driver-based line with 100,000 customers", () => {
    const f = recomputed(half);
    // tiers: 3,000 × 800 + 8,000 × 300 + 12,000 × 50 + 77,000 × 10 = 2,400,000 + 2,400,000 + 600,000 + 770,000 = 6,170,000
    expect(f.annualCost).toBe(600_000 + 6_170_000);
    expect(f.firstYearCost).toBe(2_800_000 + 6_770_000);
    // 100,000 × 6% = 6,000 retained; × 15% × 1.2 = 1,080 referrals
    expect(f.retainedCustomers).toBe(6_000);
    expect(f.referralCustomers).toBe(1_080);
    expect(f.totalBenefit).toBe(6_000 * 4_000 + 1_080 * 800);
    expect(f.roi).toBeCloseTo((24_864_000 - 9_570_000) / 9_570_000, 12);
  });

  it("asStated keeps the stated line items whatever the customer count", () => {
    expect(asStated(half).firstYearCost).toBe(10_840_000);
  });

  it("zero cost gives NaN ROI; zero benefit gives infinite payback", () => {
    const free: Plan = {
      ...seed,
      costs: { ...seed.costs, oneTime: [], annual: [] },
      tiers: seed.tiers.map((t) => ({ ...t, budgetYuanPerPerson: 0 })),
    };
    expect(recomputed(free).firstYearCost).toBe(0);
    expect(recomputed(free).roi).toBeNaN();
    const useless: Plan = { ...seed, benefits: { ...seed.benefits, churnAfter: seed.benefits.churnBefore } };
    expect(recomputed(useless).totalBenefit).toBe(0);
    expect(recomputed(useless).paybackMonths).toBe(Number.POSITIVE_INFINITY);
    expect(recomputed(useless).roi).toBe(-1);
  });
});

describe("a plan whose programme raises churn (churnAfter 0.25 > churnBefore 0.18)", () => {
  const worse = structuredClone(seed) as Plan;
  worse.benefits.churnAfter = 0.25;
  const f = recomputed(worse);

  it("has a negative benefit, 200,000 × (0.18 − 0.25) = −14,000 customers, and an ROI below −1", () => {
    expect(f.retainedCustomers).toBe(-14_000);
    expect(f.totalBenefit).toBe(-14_000 * 4000 - 14_000 * 0.15 * 1.2 * 800);
    expect(f.roi).toBeLessThan(-1);
  });
  it("never pays back: payback is Infinity, not a negative number of months", () => {
    expect(f.paybackMonths).toBe(Number.POSITIVE_INFINITY);
  });
});
