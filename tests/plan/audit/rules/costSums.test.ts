import { describe, expect, it } from "vitest";
import { annualSubtotalRule, firstYearTotalRule, oneTimeSubtotalRule } from "../../../../src/plan/audit/rules/costSums";
import { seed, variant } from "../seedVariant";

// Provenance: the article's cost table (data/plans/seed-plan.json): one-time 50 + 80 + 120 + 30 = 280万,
// annual 40 + 20 + 144 + 480 + 120 = 804万, first year 280 + 804 = 1,084万; all three stated sums add up.
describe("cost.oneTime.subtotal", () => {
  it("passes the seed plan: 500,000 + 800,000 + 1,200,000 + 300,000 = 2,800,000 as stated", () => {
    expect(oneTimeSubtotalRule.check(seed)).toEqual([]);
  });

  it("fires (error) when model development costs 900,000: the lines add up to 2,900,000, not the stated 2,800,000", () => {
    const plan = variant((p) => {
      p.costs.oneTime[1]!.amountYuan = 900_000;
    });
    const [f, ...rest] = oneTimeSubtotalRule.check(plan);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      id: "cost.oneTime.subtotal",
      severity: "error",
      subject: { kind: "field", path: "costs.oneTimeSubtotalStated" },
      path: "$.costs.oneTimeSubtotalStated",
      stated: 2_800_000,
      recomputed: 2_900_000,
    });
    expect(f?.message).toContain("500,000 + 900,000 + 1,200,000 + 300,000 = 2,900,000 yuan (290万)");
  });
});

describe("cost.annual.subtotal", () => {
  it("passes the seed plan: 400,000 + 200,000 + 1,440,000 + 4,800,000 + 1,200,000 = 8,040,000 as stated", () => {
    expect(annualSubtotalRule.check(seed)).toEqual([]);
  });

  it("fires (error) when the subtotal is stated as 8,000,000", () => {
    const plan = variant((p) => {
      p.costs.annualSubtotalStated = 8_000_000;
    });
    expect(annualSubtotalRule.check(plan)).toMatchObject([{ id: "cost.annual.subtotal", severity: "error", stated: 8_000_000, recomputed: 8_040_000 }]);
    expect(annualSubtotalRule.check(plan)[0]?.message).toContain("= 8,040,000 yuan (804万)");
  });
});

describe("cost.firstYear.total", () => {
  it("passes the seed plan: 2,800,000 + 8,040,000 = 10,840,000 as stated", () => {
    expect(firstYearTotalRule.check(seed)).toEqual([]);
  });

  it("fires (error) when the first-year total is stated as 10,800,000", () => {
    const plan = variant((p) => {
      p.costs.firstYearTotalStated = 10_800_000;
    });
    const out = firstYearTotalRule.check(plan);
    expect(out).toMatchObject([
      { id: "cost.firstYear.total", severity: "error", path: "$.costs.firstYearTotalStated", stated: 10_800_000, recomputed: 10_840_000 },
    ]);
    expect(out[0]?.message).toContain("2,800,000 + 8,040,000 = 10,840,000 yuan (1,084万)");
  });
});
