import { describe, expect, it } from "vitest";
import { headlinePaybackRule, headlineRoiRule } from "../../../../src/plan/audit/rules/headline";
import { seed, variant } from "../seedVariant";

// Provenance: recomputed from the drivers (src/plan/recomputed): cost 2,800,000 + 12,940,000 = 15,740,000, benefit
// 48,000,000 + 1,728,000 = 49,728,000; ROI (49,728,000 − 15,740,000) / 15,740,000 = 2.1593; payback
// 15,740,000 / (49,728,000 / 12) = 3.7983 months.
describe("headline.roi", () => {
  it("fires on the seed plan (error): the stated 3.59 falls to 2.1593", () => {
    const out = headlineRoiRule.check(seed);
    expect(out).toMatchObject([{ id: "headline.roi", severity: "error", subject: { kind: "field", path: "benefits.roiStated" }, stated: 3.59 }]);
    expect(out[0]?.recomputed).toBeCloseTo(33_988_000 / 15_740_000, 12);
    expect(out[0]?.message).toContain("(49,728,000 − 15,740,000) / 15,740,000 = 2.1593");
  });

  it("passes a stated 2.16, the recomputed ROI as rounded", () => {
    expect(
      headlineRoiRule.check(
        variant((p) => {
          p.benefits.roiStated = 2.16;
        }),
      ),
    ).toEqual([]);
  });
});

describe("headline.payback", () => {
  it("fires on the seed plan (error): the stated 2.6 months become 3.8", () => {
    const out = headlinePaybackRule.check(seed);
    expect(out).toMatchObject([{ id: "headline.payback", severity: "error", path: "$.benefits.paybackMonthsStated", stated: 2.6 }]);
    expect(out[0]?.recomputed).toBeCloseTo((15_740_000 * 12) / 49_728_000, 12);
  });

  it("passes a stated 3.8 months, the recomputed payback as rounded", () => {
    expect(
      headlinePaybackRule.check(
        variant((p) => {
          p.benefits.paybackMonthsStated = 3.8;
        }),
      ),
    ).toEqual([]);
  });
});
