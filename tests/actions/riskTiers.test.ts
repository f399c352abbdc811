import { describe, expect, it } from "vitest";
import { assignTiers, summarizeTiers } from "../../src/actions";
import { loadPlan, rankTiers, tierOf } from "../../src/plan";

const plan = loadPlan("data/plans/seed-plan.json");
const ranked = rankTiers(plan);

describe("rankTiers", () => {
  it("ranks the seed plan's tiers from very high (1) to low (4), as the article's 一级..四级", () => {
    expect(ranked.map((r) => [r.tierNumber, r.tier.id])).toEqual([
      [1, "very-high"],
      [2, "high"],
      [3, "medium"],
      [4, "low"],
    ]);
  });
});

describe("tierOf: bands are min < p <= max (the lowest tier also holds 0)", () => {
  it("puts 0.70 in tier 2 and anything above in tier 1 (article: tier 1 is '> 70%')", () => {
    expect(tierOf(0.7, ranked).tierNumber).toBe(2);
    expect(tierOf(0.7 + 1e-12, ranked).tierNumber).toBe(1);
    expect(tierOf(1, ranked).tierNumber).toBe(1);
  });
  it("puts 0.50 in tier 3, so 'tier 1 or 2' is exactly the plan's trigger p > 0.5", () => {
    expect(tierOf(0.5, ranked).tierNumber).toBe(3);
    expect(tierOf(0.5000001, ranked).tierNumber).toBe(2);
  });
  it("puts 0.30 and 0 in tier 4", () => {
    expect(tierOf(0.3, ranked).tierNumber).toBe(4);
    expect(tierOf(0.30001, ranked).tierNumber).toBe(3);
    expect(tierOf(0, ranked).tierNumber).toBe(4);
  });
  it("rejects NaN and probabilities outside 0..1, naming the customer", () => {
    expect(() => tierOf(NaN, ranked, "C42")).toThrow(/customer C42: churn probability must be a number from 0 to 1, got NaN/);
    expect(() => tierOf(1.01, ranked, "C7")).toThrow(/customer C7/);
    expect(() => tierOf(-0.1, ranked, "C8")).toThrow(RangeError);
  });
});

describe("assignTiers", () => {
  it("adds tier number and id without changing the input", () => {
    const input = [
      { customerId: "a", probability: 0.8 },
      { customerId: "b", probability: 0.2 },
    ];
    const out = assignTiers(input, plan);
    expect(out).toEqual([
      { customerId: "a", probability: 0.8, tierNumber: 1, tierId: "very-high" },
      { customerId: "b", probability: 0.2, tierNumber: 4, tierId: "low" },
    ]);
    expect(input[0]).toEqual({ customerId: "a", probability: 0.8 });
  });
  it("is empty for no customers and names a bad one", () => {
    expect(assignTiers([], plan)).toEqual([]);
    expect(() => assignTiers([{ customerId: "x9", probability: Number.NaN }], plan)).toThrow(/x9/);
  });
});

describe("summarizeTiers", () => {
  it("counts, shares, expected churners, budget and saves per tier (hand-computed)", () => {
    const s = summarizeTiers(
      [
        { customerId: "a", probability: 0.9 },
        { customerId: "b", probability: 0.6 },
        { customerId: "c", probability: 0.1 },
        { customerId: "d", probability: 0.2 },
      ],
      plan,
    );
    expect(s.rows[0]).toMatchObject({ tierNumber: 1, count: 1, share: 0.25, shareStated: 0.03, budgetYuan: 800, expectedChurners: 0.9 });
    expect(s.rows[0]?.expectedSaved).toBeCloseTo(0.9 * 0.45, 12);
    expect(s.rows[1]).toMatchObject({ tierNumber: 2, count: 1, budgetYuan: 300, band: "0.5 < p <= 0.7" });
    expect(s.rows[2]).toMatchObject({ count: 0, share: 0 });
    expect(Number.isNaN(s.rows[2]?.meanProbability)).toBe(true);
    expect(s.rows[3]).toMatchObject({ count: 2, share: 0.5, budgetYuan: 20, band: "p <= 0.3" });
    expect(s.rows[3]?.meanProbability).toBeCloseTo(0.15, 12);
    expect(s.total).toMatchObject({ count: 4, budgetYuan: 1120 });
    expect(s.differences).toEqual([
      "tier 1 very high risk: 25.0% of customers vs 3.0% stated (+22.0 points)",
      "tier 2 high risk: 25.0% of customers vs 8.0% stated (+17.0 points)",
      "tier 3 medium risk: 0.0% of customers vs 12.0% stated (−12.0 points)",
      "tier 4 low risk: 50.0% of customers vs 77.0% stated (−27.0 points)",
    ]);
  });
  it("reproduces the plan's shares exactly with no difference called out", () => {
    const customers = [
      ...Array.from({ length: 3 }, (_, i) => ({ customerId: `t1-${i}`, probability: 0.8 })),
      ...Array.from({ length: 8 }, (_, i) => ({ customerId: `t2-${i}`, probability: 0.6 })),
      ...Array.from({ length: 12 }, (_, i) => ({ customerId: `t3-${i}`, probability: 0.4 })),
      ...Array.from({ length: 77 }, (_, i) => ({ customerId: `t4-${i}`, probability: 0.1 })),
    ];
    const s = summarizeTiers(customers, plan);
    expect(s.rows.map((r) => r.share)).toEqual([0.03, 0.08, 0.12, 0.77]);
    expect(s.differences).toEqual([]);
  });
  it("gives NaN shares for an empty population and rejects a negative tolerance", () => {
    const s = summarizeTiers([], plan);
    expect(s.rows.every((r) => Number.isNaN(r.share) && r.count === 0)).toBe(true);
    expect(s.differences).toEqual([]);
    expect(() => summarizeTiers([], plan, { tolerance: -1 })).toThrow(RangeError);
  });
});
