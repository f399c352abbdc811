import { describe, expect, it } from "vitest";
import { annualLineTierRule, annualProductRule, firstYearRecomputedRule, tierMissingRule } from "../../../../src/plan/audit/rules/costLines";
import { corrected, seed, variant } from "../seedVariant";

// Provenance: the article's plan (data/plans/seed-plan.json): tier 1's line states 144万 for "6,000 people × 800 yuan"
// (= 480万); 200,000 customers × 3% / 8% / 12% = 6,000 / 16,000 / 24,000 people at 800 / 300 / 50 yuan; tier 4
// (77%, 10 yuan) has no line.
describe("cost.annual.product", () => {
  it("fires once on the seed plan (error): line 2 states 1,440,000 but 6,000 × 800 = 4,800,000", () => {
    const out = annualProductRule.check(seed);
    expect(out).toMatchObject([
      {
        id: "cost.annual.product",
        severity: "error",
        subject: { kind: "costLine", list: "annual", index: 2, field: "amountYuan" },
        path: "$.costs.annual[2].amountYuan",
        stated: 1_440_000,
        recomputed: 4_800_000,
      },
    ]);
    expect(out[0]?.message).toContain("(the stated amount is 0.3 × the product); the difference is 3,360,000 yuan (336万)");
  });

  it("passes when line 2 states 4,800,000", () => {
    expect(annualProductRule.check(corrected)).toEqual([]);
  });
});

describe("cost.annual.tier (cost.annual.people, cost.annual.budget)", () => {
  it("passes the seed plan: 6,000 / 16,000 / 24,000 people at 800 / 300 / 50 yuan are the tiers' counts and budgets", () => {
    expect(annualLineTierRule.check(seed)).toEqual([]);
  });

  it("with 100,000 customers and 350 yuan stated for tier 2: people warnings on lines 2-4 (3,000 / 8,000 / 12,000), the budget one after line 3's", () => {
    const plan = variant((p) => {
      p.customers = 100_000;
      p.costs.annual[3]!.yuanPerPersonStated = 350;
    });
    const out = annualLineTierRule.check(plan);
    expect(out.map((f) => [f.id, f.severity, f.path, f.stated, f.recomputed])).toEqual([
      ["cost.annual.people", "warning", "$.costs.annual[2].peopleStated", 6_000, 3_000],
      ["cost.annual.people", "warning", "$.costs.annual[3].peopleStated", 16_000, 8_000],
      ["cost.annual.budget", "warning", "$.costs.annual[3].yuanPerPersonStated", 350, 300],
      ["cost.annual.people", "warning", "$.costs.annual[4].peopleStated", 24_000, 12_000],
    ]);
    expect(out[0]?.message).toContain('tier "very high risk" holds 100,000 customers × 3% = 3,000');
    expect(out[2]?.subject).toEqual({ kind: "costLine", list: "annual", index: 3, field: "yuanPerPersonStated" });
  });
});

describe("cost.tier.missing", () => {
  it("fires on the seed plan (error): tier 4 budgets 10 yuan × 154,000 = 1,540,000 with no cost line", () => {
    const out = tierMissingRule.check(seed);
    expect(out).toMatchObject([
      {
        id: "cost.tier.missing",
        severity: "error",
        subject: { kind: "tier", tier: "low", index: 3, field: "budgetYuanPerPerson" },
        stated: 0,
        recomputed: 1_540_000,
      },
    ]);
    expect(out[0]?.message).toContain("200,000 × 77% = 154,000 people × 10 yuan = 1,540,000 yuan (154万)");
  });

  it("passes when tier 4 has a line, or when its budget is 0", () => {
    expect(tierMissingRule.check(corrected)).toEqual([]);
    expect(
      tierMissingRule.check(
        variant((p) => {
          p.tiers[3]!.budgetYuanPerPerson = 0;
        }),
      ),
    ).toEqual([]);
  });
});

describe("cost.firstYear.recomputed", () => {
  it("fires on the seed plan (error): 10,840,000 stated vs 2,800,000 + 12,940,000 = 15,740,000, +4,900,000 (+45.2%)", () => {
    const out = firstYearRecomputedRule.check(seed);
    expect(out).toMatchObject([
      { id: "cost.firstYear.recomputed", severity: "error", path: "$.costs.firstYearTotalStated", stated: 10_840_000, recomputed: 15_740_000 },
    ]);
    expect(out[0]?.message).toContain("+4,900,000 yuan (490万) (+45.2%)");
    expect(out[0]?.message).toContain("very high risk 4,800,000 instead of 1,440,000 (+3,360,000); low risk +1,540,000 (no cost line)");
  });

  it("passes the corrected plan, whose stated 15,740,000 is the recomputed total", () => {
    expect(firstYearRecomputedRule.check(corrected)).toEqual([]);
  });
});
