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
  const layout = layoutSlots(plan, assumptions);
  const index = new Map(layout.paths.map((p, i) => [p, i]));
  return {
    slotPaths: layout.paths,
    base: Float64Array.from(layout.values),
    slotOf: (path) => index.get(path) ?? -1,
    reads: slotsRead(layout, assumptions),
    evaluate: asStatedEvaluator(layout, assumptions, plan.tiers.length),
  };
}

/** The plan's single numbers the kernel reads, one slot each (in slot order: the list slots sit between `newValue` and `discount`). */
export type PlanScalarSlot = "customers" | "churnBefore" | "churnAfter" | "ltv" | "referralRate" | "perReferrer" | "newValue" | "discount" | "margin";
/** The plan's per-line numbers the kernel reads, one slot per cost line, tier or rollout stage. */
export type PlanListSlot = "oneTime" | "annualFixed" | "annualTier" | "share" | "budget" | "stageStart" | "stageEnd" | "stageCustomers";

/** Where each input of the as-stated model sits in the kernel's slots, with the JSON path and base value of every slot. */
interface SlotLayout {
  readonly paths: string[];
  readonly values: number[];
  readonly scalar: Readonly<Record<PlanScalarSlot, number>>;
  readonly list: Readonly<Record<PlanListSlot, Int32Array>>;
}

/** Lays the plan's numbers out in slots: the order (and so every slot index) is part of the kernel's contract with its draws. */
function layoutSlots(plan: Plan, assumptions: SimulationAssumptions): SlotLayout {
  const paths: string[] = [];
  const values: number[] = [];
  const slot = (path: ReadonlyArray<PropertyKey>, value: number): number => {
    paths.push(jsonPath(path));
    values.push(value);
    return paths.length - 1;
  };
  const perLine = <T>(items: readonly T[], key: string, field: string, value: (item: T) => number): Int32Array =>
    Int32Array.from(items.map((item, i) => slot([key, i, field], value(item))));
  const b = plan.benefits;
  const customers = slot(["customers"], plan.customers);
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
  const share = perLine(plan.tiers, "tiers", "shareStated", (t) => t.shareStated);
  const budget = perLine(plan.tiers, "tiers", "budgetYuanPerPerson", (t) => t.budgetYuanPerPerson);
  const stageStart = perLine(plan.rollout, "rollout", "monthStart", (s) => s.monthStart);
  const stageEnd = perLine(plan.rollout, "rollout", "monthEnd", (s) => s.monthEnd);
  const stageCustomers = perLine(plan.rollout, "rollout", "customers", (s) => s.customers);
  const discount = slot(["simulation", "discountRate"], assumptions.discountRate);
  const margin = slot(["simulation", "annualMarginYuan"], assumptions.programme.annualMarginYuan);
  return {
    paths,
    values,
    scalar: { customers, churnBefore, churnAfter, ltv, referralRate, perReferrer, newValue, discount, margin },
    list: {
      oneTime,
      annualFixed: Int32Array.from(annualFixed),
      annualTier: Int32Array.from(annualTier),
      share,
      budget,
      stageStart,
      stageEnd,
      stageCustomers,
    },
  };
}

/** The scalar slots every variant of the model reads. */
const alwaysReadScalars: readonly PlanScalarSlot[] = [
  "customers",
  "ltv",
  "referralRate",
  "perReferrer",
  "newValue",
  "discount",
  "churnBefore",
  "churnAfter",
  "margin",
];

/** 1 for each slot the chosen model reads, else 0. */
function slotsRead(layout: SlotLayout, assumptions: SimulationAssumptions): Uint8Array {
  const reads = new Uint8Array(layout.paths.length);
  for (const name of alwaysReadScalars) reads[layout.scalar[name]] = 1;
  const lists: PlanListSlot[] = ["oneTime", "annualFixed"];
  if (assumptions.costs === "recomputed") lists.push("share", "budget");
  else lists.push("annualTier");
  if (assumptions.coverageRamp) lists.push("stageStart", "stageEnd", "stageCustomers");
  for (const name of lists) for (const s of layout.list[name]) reads[s] = 1;
  return reads;
}

/** The as-stated model over the slots (see {@link compilePlanKernel}); writes {@link OUT} order into `out`, no allocation. */
function asStatedEvaluator(layout: SlotLayout, assumptions: SimulationAssumptions, nTiers: number): PlanKernel["evaluate"] {
  const { customers, churnBefore, churnAfter, ltv, referralRate, perReferrer, newValue, discount, margin } = layout.scalar;
  const { oneTime, annualFixed: fixedIdx, annualTier: tierIdx, share, budget, stageStart, stageEnd, stageCustomers } = layout.list;
  const recomputedCosts = assumptions.costs === "recomputed";
  const ramp = assumptions.coverageRamp;
  const nStages = stageStart.length;
  // hot loop: one call per Monte Carlo trial; slot indices are locals so the loop reads no object fields.
  return (p: Float64Array, out: Float64Array): void => {
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
    out[OUT.roi] = cost === 0 ? Number.NaN : (benefit - cost) / cost;
    out[OUT.netBenefit] = benefit - cost;
    out[OUT.paybackMonths] = benefit > 0 ? cost / (benefit / 12) : Number.POSITIVE_INFINITY;
    out[OUT.npv] = -oneTimeCost + (benefit - annualCost) * annuity;
    out[OUT.firstYearCost] = cost;
    out[OUT.totalBenefit] = benefit;
    out[OUT.retainedCustomers] = retained;
    out[OUT.referralCustomers] = referrals;
    out[OUT.cashRoi] = cost === 0 ? Number.NaN : (cash - cost) / cost;
    out[OUT.cashYear1] = cash;
  };
}
