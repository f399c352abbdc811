import { describe, expect, it } from "vitest";
import { rolloutBudgetRule, rolloutCoverageRule, rolloutScopeRule } from "../../../../src/plan/audit/rules/rollout";
import { corrected, seed, variant } from "../seedVariant";

// Provenance: the article's rollout (data/plans/seed-plan.json): MVP months 0-3, 20,000 customers, tiers 1-2, "~600"
// interventions, 100万; regional months 3-6, 100,000, 300万; national months 6-12, 200,000, 684万.
describe("rollout.budget", () => {
  it("warns on the seed plan: 1,000,000 + 3,000,000 + 6,840,000 = 10,840,000 match the stated cost but are 4,900,000 short of 15,740,000", () => {
    const out = rolloutBudgetRule.check(seed);
    expect(out).toMatchObject([
      { id: "rollout.budget", severity: "warning", subject: { kind: "field", path: "rollout" }, stated: 10_840_000, recomputed: 15_740_000 },
    ]);
    expect(out[0]?.message).toContain("4,900,000 yuan (490万) short");
  });

  it("is an error when the stages add up to 10,000,000 against the stated 10,840,000", () => {
    const plan = variant((p) => {
      p.rollout[2]!.budgetYuan = 6_000_000;
    });
    expect(rolloutBudgetRule.check(plan)).toMatchObject([{ id: "rollout.budget", severity: "error", stated: 10_840_000, recomputed: 10_000_000 }]);
  });

  it("passes the corrected plan: 1,000,000 + 3,000,000 + 11,740,000 = 15,740,000, stated and recomputed", () => {
    expect(rolloutBudgetRule.check(corrected)).toEqual([]);
  });
});

describe("rollout.scope", () => {
  it("fires on the seed plan (error): MVP's tiers 1-2 (3% + 8% = 11%) of 20,000 are 2,200 people, not ~600", () => {
    const out = rolloutScopeRule.check(seed);
    expect(out).toMatchObject([
      {
        id: "rollout.scope",
        severity: "error",
        subject: { kind: "stage", stage: "mvp", index: 0, field: "interveneCountStated" },
        path: "$.rollout[0].interveneCountStated",
        stated: 600,
        recomputed: 2_200,
      },
    ]);
    expect(out[0]?.message).toContain("600 is 3% of 20,000, the share of the very high risk tier alone");
  });

  it("passes 2,200 and 2,100 (within 10% of 2,200)", () => {
    expect(rolloutScopeRule.check(corrected)).toEqual([]);
    expect(
      rolloutScopeRule.check(
        variant((p) => {
          p.rollout[0]!.interveneCountStated = 2_100;
        }),
      ),
    ).toEqual([]);
  });
});

describe("rollout.coverage", () => {
  it("warns on the seed plan: 20,000 × 3 + 100,000 × 3 + 200,000 × 6 = 1,560,000 of 2,400,000 customer-months, 65%", () => {
    const out = rolloutCoverageRule.check(seed);
    expect(out).toMatchObject([{ id: "rollout.coverage", severity: "warning", stated: 1 }]);
    expect(out[0]?.recomputed).toBeCloseTo(0.65, 12);
    expect(out[0]?.message).toContain("49,728,000 × 65% = 32,323,200 yuan (3,232.32万)");
  });

  it("passes one stage reaching all 200,000 customers from month 0 to 12", () => {
    const plan = variant((p) => {
      p.rollout = [{ ...p.rollout[2]!, monthStart: 0, monthEnd: 12 }];
    });
    expect(rolloutCoverageRule.check(plan)).toEqual([]);
  });
});
