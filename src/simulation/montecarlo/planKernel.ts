import { jsonPath, type Plan } from "../../plan/index";
import type { SimulationAssumptions } from "../inputs/uncertainPlan";

/** Outputs of one kernel evaluation, in order, in the `out` array (the programme model writes the same). */
export const kernelOutputs = [
  "roi",
  "netBenefit",
  "paybackMonths",
  "npv",
  "firstYearCost",
  "totalBenefit",
  "retainedCustomers",
  "referralCustomers",
  "cashRoi",
  "cashYear1",
] as const;
/** Name of a kernel output. */
export type KernelOutput = (typeof kernelOutputs)[number];
/** Index of each output in the `out` array. */
export const OUT = {
  roi: 0,
  netBenefit: 1,
  paybackMonths: 2,
  npv: 3,
  firstYearCost: 4,
  totalBenefit: 5,
  retainedCustomers: 6,
  referralCustomers: 7,
  cashRoi: 8,
  cashYear1: 9,
} as const;
/** Number of kernel outputs. */
export const OUTPUTS = kernelOutputs.length;

/**
 * The plan model flattened for the hot loop: every number it reads sits in
 * one Float64Array slot (named by its JSON path), and `evaluate` computes the
 * outputs from the slots with no allocation.
 */
export interface PlanKernel {
  /** JSON path of each slot, e.g. "$.tiers[0].saveRate", "$.simulation.discountRate". */
  readonly slotPaths: readonly string[];
  /** Slot values of the base plan. */
  readonly base: Float64Array;
  /** Slot index of a JSON path, or -1 when the kernel has no slot for it. */
  slotOf(path: string): number;
  /** 1 for each slot the chosen model reads, else 0 (an uncertain input in an unread slot is named in a warning). */
  readonly reads: Uint8Array;
  /** Writes the outputs ({@link OUT} order) for the parameter slots `p` into `out` (length >= OUTPUTS). */
  evaluate(p: Float64Array, out: Float64Array): void;
}

/**
 * Compiles a plan and the simulation assumptions into a flat kernel of the
 * plan's own top-down arithmetic (the "as-stated" model).
 *
 * The model (per trial, money in yuan):
 * - one-time cost = Σ one-time lines; annual = lines without a tier + tier
 *   interventions, either the stated tier lines (`costs: "stated"`) or
 *   Σ round(customers × share) × budget over every tier (`"recomputed"`, as
 *   `recomputed` in src/plan);
 * - retained = customers × (churnBefore − churnAfter) (the plan's headline:
 *   it ignores save rates, timing and capacity), × coverage when
 *   `coverageRamp`, coverage = Σ stages (months within year 1 / 12) × stage
 *   customers / customers (which also scales the tier intervention costs);
 * - referrals = retained × referralRate × referralsPerReferrer; benefit =
 *   retained × LTV + referrals × new-customer value;
 * - roi = (benefit − cost) / cost; net benefit = benefit − cost; payback =
 *   cost / (benefit / 12) months, the plan's own formula (Infinity when
 *   benefit <= 0);
 * - npv = −one-time + (benefit − annual) × a(r), with a(r) = (1/12) Σ_{m=1..12}
 *   (1 + r)^(−m/12) = v(1 − v¹²) / (12(1 − v)), v = (1 + r)^(−1/12): the year's
 *   net flow spread evenly over its months and discounted monthly;
 * - first-year cash = retained × annual margin / 2 (saves spread over the
 *   year: half a year each on average) + referral value; cash ROI = (cash −
 *   cost) / cost.
 *
 * At base with stated costs it reproduces `asStated(seedPlan)` (ROI 3.5875)
 * and with recomputed costs `recomputed(seedPlan)` (2.1593).
 *
 * @example
 * const k = compilePlanKernel(seedPlan, assumptions); const out = new Float64Array(OUTPUTS); k.evaluate(k.base, out); out[OUT.roi] // 3.5874538745387452
 */
export function compilePlanKernel(plan: Plan, assumptions: SimulationAssumptions): PlanKernel {
  const paths: string[] = [];
  const values: number[] = [];
  const slot = (path: ReadonlyArray<PropertyKey>, value: number): number => {
    paths.push(jsonPath(path));
    values.push(value);
    return paths.length - 1;
  };
  const customers = slot(["customers"], plan.customers);
  const b = plan.benefits;
  const churnBefore = slot(["benefits", "churnBefore"], b.churnBefore);
  const churnAfter = slot(["benefits", "churnAfter"], b.churnAfter);
  const ltv = slot(["benefits", "ltvYuan"], b.ltvYuan);
  const referralRate = slot(["benefits", "referralRate"], b.referralRate);
  const perReferrer = slot(["benefits", "referralsPerReferrer"], b.referralsPerReferrer);
  const newValue = slot(["benefits", "newCustomerValueYuan"], b.newCustomerValueYuan);
  const oneTime = Int32Array.from(plan.costs.oneTime.map((line, i) => slot(["costs", "oneTime", i, "amountYuan"], line.amountYuan)));
  const annualFixed: number[] = [];
  const annualTier: number[] = [];
  plan.costs.annual.forEach((line, i) => {
    const s = slot(["costs", "annual", i, "amountYuan"], line.amountYuan);
    (line.tierId === undefined ? annualFixed : annualTier).push(s);
  });
  const share = Int32Array.from(plan.tiers.map((t, i) => slot(["tiers", i, "shareStated"], t.shareStated)));
  const budget = Int32Array.from(plan.tiers.map((t, i) => slot(["tiers", i, "budgetYuanPerPerson"], t.budgetYuanPerPerson)));
  const stageStart = Int32Array.from(plan.rollout.map((s, i) => slot(["rollout", i, "monthStart"], s.monthStart)));
  const stageEnd = Int32Array.from(plan.rollout.map((s, i) => slot(["rollout", i, "monthEnd"], s.monthEnd)));
  const stageCustomers = Int32Array.from(plan.rollout.map((s, i) => slot(["rollout", i, "customers"], s.customers)));
  const discount = slot(["simulation", "discountRate"], assumptions.discountRate);
  const margin = slot(["simulation", "annualMarginYuan"], assumptions.programme.annualMarginYuan);

  const recomputedCosts = assumptions.costs === "recomputed";
  const ramp = assumptions.coverageRamp;
  const reads = new Uint8Array(paths.length);
  const mark = (...slots: Array<number | ArrayLike<number>>): void => {
    for (const x of slots) {
      if (typeof x === "number") reads[x] = 1;
      else for (let i = 0; i < x.length; i += 1) reads[x[i]!] = 1;
    }
  };
  mark(customers, ltv, referralRate, perReferrer, newValue, oneTime, annualFixed, discount, churnBefore, churnAfter, margin);
  if (recomputedCosts) mark(share, budget);
  else mark(annualTier);
  if (ramp) mark(stageStart, stageEnd, stageCustomers);
  const fixedIdx = Int32Array.from(annualFixed);
  const tierIdx = Int32Array.from(annualTier);
  const nTiers = plan.tiers.length;
  const nStages = stageStart.length;

  const evaluate = (p: Float64Array, out: Float64Array): void => {
    const n = p[customers]!;
    let coverage = 1;
    if (ramp) {
      coverage = 0;
      for (let s = 0; s < nStages; s += 1) {
        const months = Math.min(12, p[stageEnd[s]!]!) - Math.max(0, p[stageStart[s]!]!);
        if (months > 0) coverage += ((months / 12) * p[stageCustomers[s]!]!) / n;
      }
    }
    let oneTimeCost = 0;
    for (let k = 0; k < oneTime.length; k += 1) oneTimeCost += p[oneTime[k]!]!;
    let fixed = 0;
    for (let k = 0; k < fixedIdx.length; k += 1) fixed += p[fixedIdx[k]!]!;
    let tierCost = 0;
    if (recomputedCosts) {
      for (let k = 0; k < nTiers; k += 1) tierCost += Math.round(n * p[share[k]!]!) * p[budget[k]!]!;
    } else {
      for (let k = 0; k < tierIdx.length; k += 1) tierCost += p[tierIdx[k]!]!;
    }
    const annualCost = fixed + coverage * tierCost;
    const retained = coverage * n * (p[churnBefore]! - p[churnAfter]!);
    const referrals = retained * p[referralRate]! * p[perReferrer]!;
    const referralValue = referrals * p[newValue]!;
    const benefit = retained * p[ltv]! + referralValue;
    const cost = oneTimeCost + annualCost;
    const r = p[discount]!;
    let annuity = 1;
    if (r > 0) {
      const v = (1 + r) ** (-1 / 12);
      annuity = (v * (1 - v ** 12)) / (12 * (1 - v));
    }
    const cash = (retained * p[margin]!) / 2 + referralValue;
    out[0] = cost === 0 ? Number.NaN : (benefit - cost) / cost;
    out[1] = benefit - cost;
    out[2] = benefit > 0 ? cost / (benefit / 12) : Number.POSITIVE_INFINITY;
    out[3] = -oneTimeCost + (benefit - annualCost) * annuity;
    out[4] = cost;
    out[5] = benefit;
    out[6] = retained;
    out[7] = referrals;
    out[8] = cost === 0 ? Number.NaN : (cash - cost) / cost;
    out[9] = cash;
  };

  const index = new Map(paths.map((p, i) => [p, i]));
  return { slotPaths: paths, base: Float64Array.from(values), slotOf: (path) => index.get(path) ?? -1, reads, evaluate };
}
