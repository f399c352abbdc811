import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { asStated, parsePlan, recomputed, type Plan } from "../../src/plan";
import { compilePlanKernel, OUT } from "../../src/simulation/planKernel";
import { parseUncertainPlan, type SimulationAssumptions } from "../../src/simulation/uncertainPlan";
import { seedPlanJson } from "./fixtures";

const seed = parsePlan(seedPlanJson(), "seed-plan.json");
const defaults = parseUncertainPlan(seedPlanJson(), "seed-plan.json").assumptions;

function run(plan: Plan, assumptions: SimulationAssumptions): Float64Array {
  const k = compilePlanKernel(plan, assumptions);
  const out = new Float64Array(8);
  k.evaluate(k.base, out);
  return out;
}

/** The readable bottom-up model: the reference the flat kernel is checked against. */
function bottomUpReadable(plan: Plan, a: SimulationAssumptions): { roi: number; benefit: number; cost: number } {
  const points = [...plan.timing.abTest].sort((x, y) => x.delayDays - y.delayDays);
  const saveAt = (d: number): number => {
    if (points.length === 0) return 1;
    if (d <= points[0]!.delayDays) return points[0]!.saveRate;
    for (let i = 1; i < points.length; i += 1) {
      const p0 = points[i - 1]!;
      const p1 = points[i]!;
      if (d <= p1.delayDays) return p0.saveRate + ((d - p0.delayDays) / (p1.delayDays - p0.delayDays)) * (p1.saveRate - p0.saveRate);
    }
    return points[points.length - 1]!.saveRate;
  };
  const coverage = a.coverageRamp
    ? plan.rollout.reduce((s, st) => s + (Math.max(0, Math.min(12, st.monthEnd) - Math.max(0, st.monthStart)) / 12) * (st.customers / plan.customers), 0)
    : 1;
  const multiplier = saveAt(a.contactDelayDays) / saveAt(plan.timing.bestWindowDays[0]);
  const saved = plan.tiers
    .filter((t) => a.interveneTiers.includes(t.id))
    .map((t) => Math.round(plan.customers * t.shareStated) * a.tierChurnProbability[t.id]! * t.saveRate)
    .reduce((s, x) => s + x, 0);
  const retained = coverage * multiplier * saved;
  const b = plan.benefits;
  const benefit = retained * b.ltvYuan + retained * b.referralRate * b.referralsPerReferrer * b.newCustomerValueYuan;
  const oneTime = plan.costs.oneTime.reduce((s, l) => s + l.amountYuan, 0);
  const fixed = plan.costs.annual.filter((l) => l.tierId === undefined).reduce((s, l) => s + l.amountYuan, 0);
  const tier = plan.costs.annual.filter((l) => l.tierId !== undefined).reduce((s, l) => s + l.amountYuan, 0);
  const cost = oneTime + fixed + coverage * tier;
  return { roi: (benefit - cost) / cost, benefit, cost };
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
  delay: fc.double({ min: 0, max: 40, noNaN: true }),
  churnProb0: fc.double({ min: 0, max: 1, noNaN: true }),
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
  it("matches the readable bottom-up model on random plans, delays and coverage ramps", () => {
    fc.assert(
      fc.property(planArb, fc.boolean(), (v, ramp) => {
        const plan = variant(v);
        const a: SimulationAssumptions = { ...defaults, model: "bottom-up", contactDelayDays: v.delay, coverageRamp: ramp, tierChurnProbability: { ...defaults.tierChurnProbability, "very-high": v.churnProb0 } };
        const ref = bottomUpReadable(plan, a);
        const out = run(plan, a);
        expect(Math.abs(out[OUT.totalBenefit]! - ref.benefit)).toBeLessThanOrEqual(1e-9 * Math.max(1, ref.benefit));
        expect(Math.abs(out[OUT.roi]! - ref.roi)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(ref.roi)));
      }),
      { numRuns: 200, seed: 8 },
    );
  });
  it("bottom-up at base: 14,775 saves (6000·0.85·0.45 + 16000·0.6·0.6 + 24000·0.4·0.7); coverage 0.65 with the ramp", () => {
    const out = run(seed, { ...defaults, model: "bottom-up" });
    expect(out[OUT.retainedCustomers]).toBeCloseTo(2295 + 5760 + 6720, 9);
    const ramped = run(seed, { ...defaults, model: "bottom-up", coverageRamp: true });
    // MVP 3 months × 10%, regional 3 months × 50%, national 6 months × 100%: 0.025 + 0.125 + 0.5 = 0.65
    expect(ramped[OUT.retainedCustomers]).toBeCloseTo(0.65 * 14775, 9);
    // contact at 21 days: 0.38 / 0.62 of the saves (the article's A/B test)
    const late = run(seed, { ...defaults, model: "bottom-up", contactDelayDays: 21 });
    expect(late[OUT.retainedCustomers]).toBeCloseTo((14775 * 0.38) / 0.62, 9);
  });
  it("NPV: −one-time + (benefit − annual) × a(r); a(0) = 1 and a(8%) = v(1 − v¹²)/(12(1 − v))", () => {
    const zero = run(seed, { ...defaults, discountRate: 0 });
    expect(zero[OUT.npv]).toBeCloseTo(-2_800_000 + (49_728_000 - 8_040_000), 6);
    const v = Math.pow(1.08, -1 / 12);
    const a = (v * (1 - Math.pow(v, 12))) / (12 * (1 - v));
    expect(run(seed, defaults)[OUT.npv]).toBeCloseTo(-2_800_000 + (49_728_000 - 8_040_000) * a, 6);
    expect(a).toBeGreaterThan(0.95);
    expect(a).toBeLessThan(1);
  });
  it("has one slot per number it reads, named by JSON path; -1 for numbers it ignores", () => {
    const k = compilePlanKernel(seed, defaults);
    expect(k.slotOf("$.tiers[0].saveRate")).toBeGreaterThanOrEqual(0);
    expect(k.slotOf('$.simulation.tierChurnProbability["very-high"]')).toBeGreaterThanOrEqual(0);
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
