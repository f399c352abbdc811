import { describe, expect, it } from "vitest";
import { tierCountRule, tierSharesRule } from "../../../../src/plan/audit/rules/tiers";
import { seed, variant } from "../seedVariant";

// Provenance: the article's tiers (data/plans/seed-plan.json): 3% + 8% + 12% + 77% = 100% of 200,000 customers.
describe("tiers.shares", () => {
  it("passes the seed plan: 3% + 8% + 12% + 77% = 100%", () => {
    expect(tierSharesRule.check(seed)).toEqual([]);
  });

  it("fires (error) with tier 4 at 75%: 98%, 4,000 customers in no tier; at 79%: 102%, 4,000 counted twice", () => {
    const low = (share: number) =>
      tierSharesRule.check(
        variant((p) => {
          p.tiers[3]!.shareStated = share;
        }),
      );
    const [under] = low(0.75);
    expect(under).toMatchObject({ id: "tiers.shares", severity: "error", subject: { kind: "field", path: "tiers" }, path: "$.tiers", recomputed: 1 });
    expect(under?.stated).toBeCloseTo(0.98, 12);
    expect(under?.message).toContain("3% + 8% + 12% + 75% = 98%, not 100%: 4,000 customers are in no tier");
    expect(low(0.79)[0]?.message).toContain("4,000 customers are counted twice");
  });
});

describe("tiers.count", () => {
  it("passes the seed plan (no stated counts) and a stated 6,000 for tier 1 (200,000 × 3%)", () => {
    expect(tierCountRule.check(seed)).toEqual([]);
    expect(
      tierCountRule.check(
        variant((p) => {
          p.tiers[0]!.countStated = 6_000;
        }),
      ),
    ).toEqual([]);
  });

  it("fires (error) for a stated 5,000 in tier 1: 200,000 × 3% = 6,000", () => {
    const plan = variant((p) => {
      p.tiers[0]!.countStated = 5_000;
    });
    expect(tierCountRule.check(plan)).toMatchObject([
      { id: "tiers.count", severity: "error", subject: { kind: "tier", tier: "very-high", index: 0, field: "countStated" }, stated: 5_000, recomputed: 6_000 },
    ]);
  });
});
