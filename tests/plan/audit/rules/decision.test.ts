import { describe, expect, it } from "vitest";
import { ceoReturnRule, stopLossGapRule } from "../../../../src/plan/audit/rules/decision";
import { seed, variant } from "../seedVariant";

// Provenance: the article's plan (data/plans/seed-plan.json): MVP success at AUC > 0.85 and save rate > 50%; stop-loss
// at AUC < 0.80 and save rate < 40%; the CEO page's "1 yuan returns 3.59 yuan".
describe("stopLoss.gap", () => {
  it("notes on the seed plan (info) the undecided zones: AUC 0.8-0.85 and save rate 40%-50%", () => {
    const out = stopLossGapRule.check(seed);
    expect(out).toMatchObject([{ id: "stopLoss.gap", severity: "info", subject: { kind: "field", path: "stopLoss" }, stated: null, recomputed: null }]);
    expect(out[0]?.message).toBe(
      "The plan says neither go nor stop for MVP results with AUC between 0.8 (pause) and 0.85 (success), or save rate between 40% (redesign) and 50% (success): the decision rule for that zone is unstated.",
    );
  });

  it("passes when the stop-loss lines meet the success criteria (pause below 0.85, redesign below 50%)", () => {
    const plan = variant((p) => {
      p.stopLoss.aucPause = 0.85;
      p.stopLoss.saveRateRedesign = 0.5;
    });
    expect(stopLossGapRule.check(plan)).toEqual([]);
  });
});

describe("ceo.returnPerYuan", () => {
  it("notes on the seed plan (info) that 3.59 is the net return: 49,728,000 / 10,840,000 = 4.59 gross; 2.16 recomputed", () => {
    const out = ceoReturnRule.check(seed);
    expect(out).toMatchObject([{ id: "ceo.returnPerYuan", severity: "info", path: "$.ceoPage.returnPerYuanStated", stated: 3.59 }]);
    expect(out[0]?.recomputed).toBeCloseTo(33_988_000 / 15_740_000, 12);
    expect(out[0]?.message).toContain("4.59 yuan of benefit, a net return of 3.59 yuan (so 3.59 is the net figure, easily read as gross)");
  });

  it("passes a plan with no CEO page", () => {
    const plan = variant((p) => {
      delete p.ceoPage;
    });
    expect(ceoReturnRule.check(plan)).toEqual([]);
  });
});
