import { describe, expect, it } from "vitest";
import type { ProgrammeBasis } from "../../../src/simulation/programme/programmeBasis";
import { evaluateProgramme, programmeFlowsFor, programmeOutputs, type ProgrammeEconomics } from "../../../src/simulation/programme/programmeCash";

/** A hand-sized basis: two tiers (tier 1 contacted), one age, two years; per unit save probability 100 customers kept from week 0 on. */
function tinyBasis(): ProgrammeBasis {
  const K = 2;
  const A = 1;
  const H = 104;
  const retained = new Float64Array((K + 1) * A * H);
  for (let w = 0; w < H; w += 1) retained[1 * A * H + w] = 100;
  const months = 24;
  return {
    tiers: K,
    ages: A,
    horizonWeeks: H,
    retained,
    retainedFirstYear: retained.slice(),
    contactsByMonth: new Float64Array((K + 1) * months),
    months,
    flags: new Float64Array(K + 1),
    contacts: new Float64Array(K + 1),
    lost: new Float64Array(K + 1),
    expired: new Float64Array(K + 1),
    contactsYear1: new Float64Array(K + 1),
    delayDaysYear1: new Float64Array(K + 1),
    wouldBeChurnersByAge: Float64Array.from([0, 100, 0]),
    contactsByAge: new Float64Array((K + 1) * A),
    activeRows: Int32Array.from([1]),
  };
}

function economics(over: Partial<ProgrammeEconomics> = {}): ProgrammeEconomics {
  return {
    saveProbability: Float64Array.from([0, 0.5, 0]),
    customerScale: 1,
    contactCostYuan: new Float64Array(3),
    oneTimeYuan: 10_000,
    setupFrom: 0,
    setupTo: 1,
    fixedAnnualYuan: 0,
    routineAnnualYuan: 0,
    scopeByMonth: new Float64Array(24).fill(1),
    annualMarginYuan: 520,
    ltvYuan: 1000,
    referralYuan: 100,
    referralsPerRetained: 0.5,
    discountRate: 0,
    ...over,
  };
}

function outputs(e: ProgrammeEconomics): Record<string, number> {
  const basis = tinyBasis();
  const out = new Float64Array(programmeOutputs.length);
  evaluateProgramme([{ basis, weight: 1 }], e, programmeFlowsFor(basis), out);
  return Object.fromEntries(programmeOutputs.map((name, i) => [name, out[i]!]));
}

describe("evaluateProgramme on a case small enough to check by hand", () => {
  // 50 customers kept every week (100 × save probability 0.5), 10 yuan margin each a week (520 a year), 5,000 referral value when kept (50 × 100);
  // 10,000 yuan one-time cost in month 0. Weeks fall in months by floor(week × 12 / 52): month 0 holds weeks 0-4, month 1 weeks 5-8, ...
  it("first-year lifetime-value ROI: 50 kept × (1,000 + 100) = 55,000 against 10,000 → 4.5", () => {
    expect(outputs(economics()).roi).toBeCloseTo(4.5, 12);
    expect(outputs(economics()).retainedCustomers).toBe(50);
    expect(outputs(economics()).referralCustomers).toBe(25);
  });

  it("first-year cash ROI: 52 weeks × 500 + 5,000 = 31,000 against 10,000 → 2.1", () => {
    expect(outputs(economics()).cashYear1).toBeCloseTo(31_000, 9);
    expect(outputs(economics()).cashRoi).toBeCloseTo(2.1, 12);
  });

  it("NPV at 0%: 104 weeks × 500 + 5,000 − 10,000 = 47,000; at 10% each month's net flow is discounted by 1.1^-(m+1)/12", () => {
    expect(outputs(economics()).npv).toBeCloseTo(47_000, 6);
    const at10 = outputs(economics({ discountRate: 0.1 })).npv;
    let expected = 0;
    for (let w = 0; w < 104; w += 1) {
      const m = Math.floor((w * 12) / 52);
      expected += (500 + (w === 0 ? 5000 : 0)) * 1.1 ** (-(m + 1) / 12);
    }
    expected -= 10_000 * 1.1 ** (-1 / 12);
    expect(at10).toBeCloseTo(expected, 6);
  });

  it("payback from the monthly cash flow: without referrals month 0 is −7,500, then +2,000 / +2,000 / +2,500 / +2,000 → 4.5 months", () => {
    expect(outputs(economics({ referralYuan: 0 })).paybackMonths).toBeCloseTo(4.5, 12);
    // With the referral value (5,000 in month 0): −2,500 after month 0, −500 after month 1, +2,000 in month 2 → 2 + 500 / 2,000.
    expect(outputs(economics()).paybackMonths).toBeCloseTo(2.25, 12);
    // No cash at all: no payback within the horizon.
    expect(outputs(economics({ annualMarginYuan: 0, referralYuan: 0 })).paybackMonths).toBe(Number.POSITIVE_INFINITY);
  });
});
