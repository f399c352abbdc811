import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asStated, parsePlan, recomputed, type Plan } from "../../../src/plan";
import { compilePlanKernel, OUT, OUTPUTS } from "../../../src/simulation/montecarlo/planKernel";
import { parseUncertainPlan, type SimulationAssumptions } from "../../../src/simulation/inputs/uncertainPlan";
import { seedPlanJson } from "../fixtures";

const seed = parsePlan(seedPlanJson(), "seed-plan.json");
const defaults = parseUncertainPlan(seedPlanJson(), "seed-plan.json").assumptions;

function run(plan: Plan, assumptions: SimulationAssumptions): Float64Array {
  const k = compilePlanKernel(plan, assumptions);
  const out = new Float64Array(OUTPUTS);
  k.evaluate(k.base, out);
  return out;
}

const planArb = fc.record({
  customers: fc.integer({ min: 1000, max: 1_000_000 }),
  churnBefore: fc.double({ min: 0.05, max: 0.4, noNaN: true }),
  drop: fc.double({ min: 0, max: 0.05, noNaN: true }),
  ltv: fc.double({ min: 100, max: 20000, noNaN: true }),
  referralRate: fc.double({ min: 0, max: 1, noNaN: true }),
  per: fc.double({ min: 0, max: 3, noNaN: true }),
  newValue: fc.double({ min: 0, max: 3000, noNaN: true }),
  costScale: fc.double({ min: 0.2, max: 5, noNaN: true }),
  share0: fc.double({ min: 0.001, max: 0.2, noNaN: true }),
  budget0: fc.double({ min: 0, max: 2000, noNaN: true }),
  save0: fc.double({ min: 0, max: 1, noNaN: true }),
});

type PlanVariant = typeof planArb extends fc.Arbitrary<infer T> ? T : never;

function variant(v: PlanVariant): Plan {
  const json = seedPlanJson();
  json.customers = v.customers;
  json.benefits.churnBefore = v.churnBefore;
  json.benefits.churnAfter = v.churnBefore - v.drop;
  json.benefits.ltvYuan = v.ltv;
  json.benefits.referralRate = v.referralRate;
  json.benefits.referralsPerReferrer = v.per;
  json.benefits.newCustomerValueYuan = v.newValue;
  for (const line of [...json.costs.oneTime, ...json.costs.annual]) line.amountYuan *= v.costScale;
  json.tiers[0].shareStated = v.share0;
  json.tiers[0].budgetYuanPerPerson = v.budget0;
  json.tiers[0].saveRate = v.save0;
  return parsePlan(json, "variant");
}

describe("compilePlanKernel", () => {
  it("reproduces the article at base: ROI 3.5875, payback 2.616 months (asStated of the seed plan)", () => {
    const out = run(seed, defaults);
    const ref = asStated(seed);
    expect(out[OUT.roi]).toBeCloseTo(ref.roi, 14);
    expect(out[OUT.paybackMonths]).toBeCloseTo(ref.paybackMonths, 12);
    expect(out[OUT.firstYearCost]).toBe(10_840_000);
    expect(out[OUT.totalBenefit]).toBeCloseTo(49_728_000, 6);
  });
  it("with recomputed costs reproduces recomputed(seed): ROI 2.1593 on 15,740,000 yuan", () => {
    const out = run(seed, { ...defaults, costs: "recomputed" });
    expect(out[OUT.firstYearCost]).toBe(15_740_000);
    expect(out[OUT.roi]).toBeCloseTo(recomputed(seed).roi, 12);
  });
  it("matches asStated (stated counts set from the drivers) on random plans", () => {
    fc.assert(
      fc.property(planArb, (v) => {
        const plan = variant(v);
        const retained = plan.customers * (plan.benefits.churnBefore - plan.benefits.churnAfter);
        const referrals = retained * plan.benefits.referralRate * plan.benefits.referralsPerReferrer;
        const ref = asStated({ ...plan, benefits: { ...plan.benefits, retainedStated: retained, referralCustomersStated: referrals } });
        const out = run(plan, defaults);
        const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        expect(close(out[OUT.firstYearCost]!, ref.firstYearCost)).toBe(true);
        expect(close(out[OUT.totalBenefit]!, ref.totalBenefit)).toBe(true);
        expect(close(out[OUT.roi]!, ref.roi)).toBe(true);
        if (Number.isFinite(ref.paybackMonths)) expect(close(out[OUT.paybackMonths]!, ref.paybackMonths)).toBe(true);
        else expect(out[OUT.paybackMonths]).toBe(Number.POSITIVE_INFINITY);
      }),
      { numRuns: 200, seed: 6 },
    );
  });
  it("matches recomputed on random plans when costs are recomputed", () => {
    fc.assert(
      fc.property(planArb, (v) => {
        const plan = variant(v);
        const ref = recomputed(plan);
        const out = run(plan, { ...defaults, costs: "recomputed" });
        expect(Math.abs(out[OUT.roi]! - ref.roi)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref.roi)));
        expect(Math.abs(out[OUT.firstYearCost]! - ref.firstYearCost)).toBeLessThanOrEqual(1e-6 * ref.firstYearCost);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
  it("with the coverage ramp scales retained customers and tier costs by the customers the stages reach: 0.65 of the year for the seed plan", () => {
    const ramped = run(seed, { ...defaults, coverageRamp: true });
    // MVP 3 months × 10%, regional 3 months × 50%, national 6 months × 100%: 0.025 + 0.125 + 0.5 = 0.65
    expect(ramped[OUT.retainedCustomers]).toBeCloseTo(0.65 * 12000, 9);
    expect(ramped[OUT.firstYearCost]).toBeCloseTo(2_800_000 + 600_000 + 0.65 * 7_440_000, 6);
  });
  it("first-year cash: retained × annual margin / 2 (saves spread over the year) + referral value; margin 720 = LTV 4,000 × churn 18% by default", () => {
    const out = run(seed, defaults);
    const cash = (12000 * 720) / 2 + 2160 * 800;
    expect(out[OUT.cashYear1]).toBeCloseTo(cash, 6);
    expect(out[OUT.cashRoi]).toBeCloseTo((cash - 10_840_000) / 10_840_000, 12);
  });
  it("NPV: −one-time + (benefit − annual) × a(r); a(0) = 1 and a(8%) = v(1 − v¹²)/(12(1 − v))", () => {
    const zero = run(seed, { ...defaults, discountRate: 0 });
    expect(zero[OUT.npv]).toBeCloseTo(-2_800_000 + (49_728_000 - 8_040_000), 6);
    const v = 1.08 ** (-1 / 12);
    const a = (v * (1 - v ** 12)) / (12 * (1 - v));
    expect(run(seed, defaults)[OUT.npv]).toBeCloseTo(-2_800_000 + (49_728_000 - 8_040_000) * a, 6);
    expect(a).toBeGreaterThan(0.95);
    expect(a).toBeLessThan(1);
  });
  it("has one slot per number it reads, named by JSON path; -1 for numbers it ignores", () => {
    const k = compilePlanKernel(seed, defaults);
    expect(k.slotOf("$.benefits.churnAfter")).toBeGreaterThanOrEqual(0);
    // The top-down arithmetic does not read save rates: an uncertain save rate is named in a warning (ignoredInputWarnings).
    expect(k.slotOf("$.tiers[0].saveRate")).toBe(-1);
    expect(k.slotOf("$.benefits.npsAfter")).toBe(-1);
    expect(new Set(k.slotPaths).size).toBe(k.slotPaths.length);
  });
  it("gives NaN ROI for zero cost and infinite payback for zero benefit", () => {
    const json = seedPlanJson();
    for (const line of [...json.costs.oneTime, ...json.costs.annual]) line.amountYuan = 0;
    expect(run(parsePlan(json, "x"), defaults)[OUT.roi]).toBeNaN();
    const flat = seedPlanJson();
    flat.benefits.churnAfter = flat.benefits.churnBefore;
    const out = run(parsePlan(flat, "x"), defaults);
    expect(out[OUT.paybackMonths]).toBe(Number.POSITIVE_INFINITY);
    expect(out[OUT.roi]).toBe(-1);
  });
});
