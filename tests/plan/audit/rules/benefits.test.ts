import { describe, expect, it } from "vitest";
import {
  benefitPaybackRule,
  benefitRoiRule,
  referralCustomersRule,
  referralValueRule,
  retainedRule,
  retainedValueRule,
  totalBenefitRule,
} from "../../../../src/plan/audit/rules/benefits";
import { seed, variant } from "../seedVariant";

// Provenance: the article's benefits (data/plans/seed-plan.json): 200,000 × (18% − 12%) = 12,000 retained × 4,000 yuan
// = 48,000,000; 12,000 × 15% × 1.2 = 2,160 referred × 800 yuan = 1,728,000, stated 173万; total 49,730,000;
// ROI (49,730,000 − 10,840,000) / 10,840,000 = 3.5876 stated 3.59; payback 10,840,000 / (49,730,000 / 12) = 2.6157 stated 2.6.
describe("benefit.retained", () => {
  it("passes the seed plan: 200,000 × (18% − 12%) = 12,000 as stated", () => {
    expect(retainedRule.check(seed)).toEqual([]);
  });

  it("is info for a figure rounded as written (churn after 11.995%: 12,010 stated as 12,000) and an error for 11,000", () => {
    const rounded = retainedRule.check(
      variant((p) => {
        p.benefits.churnAfter = 0.11995;
      }),
    );
    expect(rounded).toMatchObject([{ id: "benefit.retained", severity: "info", subject: { kind: "field", path: "benefits.retainedStated" }, stated: 12_000 }]);
    expect(rounded[0]?.recomputed).toBeCloseTo(12_010, 6);
    expect(rounded[0]?.message).toContain("rounded as written");
    const wrong = retainedRule.check(
      variant((p) => {
        p.benefits.retainedStated = 11_000;
      }),
    );
    expect(wrong).toMatchObject([{ id: "benefit.retained", severity: "error", stated: 11_000, recomputed: 12_000 }]);
    expect(wrong[0]?.message).toBe("Retained customers stated as 11,000 but 200,000 customers × (18% − 12%) = 12,000.");
  });
});

describe("benefit.retainedValue", () => {
  it("passes the seed plan: 12,000 × 4,000 = 48,000,000", () => {
    expect(retainedValueRule.check(seed)).toEqual([]);
  });

  it("fires (error) for a stated 49,000,000 (1,000,000 off, beyond its millions); a stated 50,000,000 is 48,000,000 to its ten millions (info)", () => {
    const stated = (yuan: number) =>
      retainedValueRule.check(
        variant((p) => {
          p.benefits.retainedValueStated = yuan;
        }),
      );
    const out = stated(49_000_000);
    expect(out).toMatchObject([
      { id: "benefit.retainedValue", severity: "error", path: "$.benefits.retainedValueStated", stated: 49_000_000, recomputed: 48_000_000 },
    ]);
    expect(stated(50_000_000)).toMatchObject([{ severity: "info", stated: 50_000_000, recomputed: 48_000_000 }]);
    expect(out[0]?.message).toContain("12,000 × 4,000 yuan = 48,000,000 yuan (4,800万)");
  });
});

describe("benefit.referralCustomers", () => {
  it("passes the seed plan: 12,000 × 15% × 1.2 = 2,160", () => {
    expect(referralCustomersRule.check(seed)).toEqual([]);
  });

  it("fires (error) with a 20% referral rate: 12,000 × 20% × 1.2 = 2,880, not 2,160", () => {
    const out = referralCustomersRule.check(
      variant((p) => {
        p.benefits.referralRate = 0.2;
      }),
    );
    expect(out).toMatchObject([{ id: "benefit.referralCustomers", severity: "error", stated: 2_160 }]);
    expect(out[0]?.recomputed).toBeCloseTo(2_880, 9);
  });
});

describe("benefit.referralValue", () => {
  it("is info on the seed plan: 173万 is 2,160 × 800 = 1,728,000 rounded", () => {
    expect(referralValueRule.check(seed)).toMatchObject([{ id: "benefit.referralValue", severity: "info", stated: 1_730_000, recomputed: 1_728_000 }]);
  });

  it("passes when 1,728,000 is stated", () => {
    expect(
      referralValueRule.check(
        variant((p) => {
          p.benefits.referralValueStated = 1_728_000;
        }),
      ),
    ).toEqual([]);
  });
});

describe("benefit.total", () => {
  it("passes the seed plan: 48,000,000 + 1,730,000 = 49,730,000", () => {
    expect(totalBenefitRule.check(seed)).toEqual([]);
  });

  it("fires (error) for a stated 49,728,000 (2,000 off, beyond its thousands)", () => {
    const plan = variant((p) => {
      p.benefits.totalBenefitStated = 49_728_000;
    });
    expect(totalBenefitRule.check(plan)).toMatchObject([{ id: "benefit.total", severity: "error", stated: 49_728_000, recomputed: 49_730_000 }]);
  });
});

describe("benefit.roi", () => {
  it("is info on the seed plan: 3.59 is (49,730,000 − 10,840,000) / 10,840,000 = 3.5876 rounded", () => {
    const out = benefitRoiRule.check(seed);
    expect(out).toMatchObject([{ id: "benefit.roi", severity: "info", stated: 3.59 }]);
    expect(out[0]?.recomputed).toBeCloseTo(38_890_000 / 10_840_000, 12);
  });

  it("passes when the stated ROI is exact, and when the stated first-year cost is 0 (no ROI to check)", () => {
    expect(
      benefitRoiRule.check(
        variant((p) => {
          p.benefits.roiStated = 38_890_000 / 10_840_000;
        }),
      ),
    ).toEqual([]);
    expect(
      benefitRoiRule.check(
        variant((p) => {
          p.costs.firstYearTotalStated = 0;
        }),
      ),
    ).toEqual([]);
  });
});

describe("benefit.payback", () => {
  it("is info on the seed plan: 2.6 is 10,840,000 / (49,730,000 / 12) = 2.6157 months rounded", () => {
    const out = benefitPaybackRule.check(seed);
    expect(out).toMatchObject([{ id: "benefit.payback", severity: "info", stated: 2.6 }]);
    expect(out[0]?.recomputed).toBeCloseTo((10_840_000 * 12) / 49_730_000, 12);
  });

  it("fires (error) for a stated 2 months, and passes with no stated benefit (no payback to check)", () => {
    expect(
      benefitPaybackRule.check(
        variant((p) => {
          p.benefits.paybackMonthsStated = 2;
        }),
      )[0]?.severity,
    ).toBe("error");
    expect(
      benefitPaybackRule.check(
        variant((p) => {
          p.benefits.totalBenefitStated = 0;
        }),
      ),
    ).toEqual([]);
  });
});
