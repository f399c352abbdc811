import { describe, expect, it } from "vitest";
import {
  lowTierSaveRateRule,
  ltvRule,
  npsUnusedRule,
  paybackRampRule,
  saveRatesUnusedRule,
  tierProbabilitiesRule,
  timingReferenceRule,
} from "../../../../src/plan/audit/rules/model";
import { seed, variant } from "../seedVariant";

// Provenance: the article's plan (data/plans/seed-plan.json) and the arithmetic in each test name.
describe("model.ltv", () => {
  it("warns on the seed plan: 4,000 yuan lifetime value vs a break-even first-year value of (15,740,000 − 1,728,000) / 12,000 = 1,168 yuan", () => {
    const out = ltvRule.check(seed);
    expect(out).toMatchObject([{ id: "model.ltv", severity: "warning", subject: { kind: "field", path: "benefits.ltvYuan" }, stated: 4_000 }]);
    expect(out[0]?.recomputed).toBeCloseTo(14_012_000 / 12_000, 9);
  });

  it("passes a plan with no lifetime value", () => {
    expect(
      ltvRule.check(
        variant((p) => {
          p.benefits.ltvYuan = 0;
        }),
      ),
    ).toEqual([]);
  });
});

describe("model.payback", () => {
  it("warns on the seed plan: with benefits following the rollout, payback is 6 + 3,380,800 / 4,144,000 = 6.82 months", () => {
    const out = paybackRampRule.check(seed);
    expect(out).toMatchObject([{ id: "model.payback", severity: "warning", stated: 2.6 }]);
    expect(out[0]?.recomputed).toBeCloseTo(6 + 3_380_800 / 4_144_000, 9);
  });

  it("passes one stage reaching everyone from month 0 (benefits do accrue from month 0)", () => {
    const plan = variant((p) => {
      p.rollout = [{ ...p.rollout[2]!, monthStart: 0, monthEnd: 12 }];
    });
    expect(paybackRampRule.check(plan)).toEqual([]);
  });
});

describe("model.tierProbabilities", () => {
  it("warns on the seed plan: 6,000 × 70% + 16,000 × 50% + 24,000 × 30% = 19,400 churners per 30 days vs about 3,236 (18% a year)", () => {
    const out = tierProbabilitiesRule.check(seed);
    expect(out).toMatchObject([{ id: "model.tierProbabilities", severity: "warning", path: "$.tiers", stated: 36_000, recomputed: 19_400 }]);
    expect(out[0]?.message).toContain("about 3,236 per 30 days");
  });

  it("passes when the probabilities are annual (365-day horizon): 19,400 ≤ 1.5 × 36,000", () => {
    expect(
      tierProbabilitiesRule.check(
        variant((p) => {
          p.predictionHorizonDays = 365;
        }),
      ),
    ).toEqual([]);
  });
});

describe("model.lowTierSaveRate", () => {
  it("warns on the seed plan: the low tier's 95% is above 1 − 30% = 70%, a stay rate", () => {
    const out = lowTierSaveRateRule.check(seed);
    expect(out).toMatchObject([
      {
        id: "model.lowTierSaveRate",
        severity: "warning",
        subject: { kind: "tier", tier: "low", index: 3, field: "saveRate" },
        path: "$.tiers[3].saveRate",
        stated: 0.95,
        recomputed: null,
      },
    ]);
    expect(out[0]?.message).toContain("at least 70% of these customers stay without any action");
  });

  it("passes a 50% save rate on the low tier (below 70%)", () => {
    expect(
      lowTierSaveRateRule.check(
        variant((p) => {
          p.tiers[3]!.saveRate = 0.5;
        }),
      ),
    ).toEqual([]);
  });
});

describe("model.saveRatesUnused", () => {
  it("notes on the seed plan (info) that retained customers are 200,000 × (18% − 12%) = 12,000, not from the save rates", () => {
    const out = saveRatesUnusedRule.check(seed);
    expect(out).toMatchObject([{ id: "model.saveRatesUnused", severity: "info", stated: null, recomputed: null }]);
    expect(out[0]?.message).toContain("very high risk 45%, high risk 60%, medium risk 70%, low risk 95%");
    expect(out[0]?.message).toContain("200,000 × (18% − 12%) = 12,000");
  });

  it("passes when no tier states a save rate", () => {
    expect(
      saveRatesUnusedRule.check(
        variant((p) => {
          for (const t of p.tiers) t.saveRate = 0;
        }),
      ),
    ).toEqual([]);
  });
});

describe("timing.reference", () => {
  it("warns on the seed plan: A/B 62% at 7 days … 22% at 30; medium (70%) and low (95%) exceed the best A/B result", () => {
    const out = timingReferenceRule.check(seed);
    expect(out).toMatchObject([{ id: "timing.reference", severity: "warning", subject: { kind: "field", path: "timing.abTest" }, stated: 0.62 }]);
    expect(out[0]?.message).toContain("medium risk (70%), low risk (95%) exceed even the best A/B result");
  });

  it("is info when no tier beats 62%, and silent with no A/B test", () => {
    const modest = variant((p) => {
      p.tiers[2]!.saveRate = 0.6;
      p.tiers[3]!.saveRate = 0.5;
    });
    expect(timingReferenceRule.check(modest)).toMatchObject([{ severity: "info", stated: 0.62 }]);
    expect(
      timingReferenceRule.check(
        variant((p) => {
          p.timing.abTest = [];
        }),
      ),
    ).toEqual([]);
  });
});

describe("model.npsUnused", () => {
  it("notes on the seed plan (info) that NPS 38 → 65 enters no figure", () => {
    expect(npsUnusedRule.check(seed)).toMatchObject([{ id: "model.npsUnused", severity: "info", path: "$.benefits.npsAfter", stated: 65 }]);
  });

  it("passes when NPS does not change", () => {
    expect(
      npsUnusedRule.check(
        variant((p) => {
          p.benefits.npsAfter = 38;
        }),
      ),
    ).toEqual([]);
  });
});
