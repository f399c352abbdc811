import type { ProgrammeBasis } from "./programmeBasis";
import { kernelOutputs } from "../montecarlo/planKernel";

/** The numbers of one evaluation of the programme that vary from trial to trial (money in yuan). */
export interface ProgrammeEconomics {
  /** Save probability of a contact per tier number and service age: entry k · A + a. */
  saveProbability: Float64Array;
  /** Plan customers / the basis's customers (1 at base). */
  customerScale: number;
  /** Cost of one contact per tier number. */
  contactCostYuan: Float64Array;
  /** One-time costs, spread evenly over months [setupFrom, setupTo) (the first stage). */
  oneTimeYuan: number;
  setupFrom: number;
  setupTo: number;
  /** Annual costs that pay for no tier (model upkeep, cloud), every year of the horizon. */
  fixedAnnualYuan: number;
  /** Routine spend on tiers no stage intervenes on (budget × customers in them), per year at full scope; scaled by `scopeByMonth`. */
  routineAnnualYuan: number;
  /** Share of the plan's customers in the programme's scope, per month of the horizon. */
  scopeByMonth: Float64Array;
  /** Cash margin of one retained customer per year. */
  annualMarginYuan: number;
  /** Lifetime value of a retained customer (the plan's value of a save). */
  ltvYuan: number;
  /** Referral value a retained customer brings: referral rate × referrals per referrer × a new customer's first-year value. */
  referralYuan: number;
  /** New customers a retained customer refers: referral rate × referrals per referrer. */
  referralsPerRetained: number;
  /** Annual discount rate of the NPV. */
  discountRate: number;
}

/** Outputs of one evaluation, in this order in the output array: the Monte Carlo kernel's, as the engine reads both alike. */
export const programmeOutputs = kernelOutputs;

/** The monthly detail of one evaluation. */
export interface ProgrammeFlows {
  /** Customers kept at the end of each week of the horizon. */
  retainedByWeek: Float64Array;
  /** Of them, the ones first-year contacts kept. */
  retainedFirstYearByWeek: Float64Array;
  costByMonth: Float64Array;
  /** Cash the retained customers bring each month: margin on the customer-weeks kept + referral value of newly kept customers. */
  cashByMonth: Float64Array;
  /** Lifetime value booked when a customer is kept (the plan's valuation), by month. */
  ltvByMonth: Float64Array;
}

/** Scratch and outputs reused across evaluations in one thread. */
export function programmeFlowsFor(basis: ProgrammeBasis): ProgrammeFlows {
  return {
    retainedByWeek: new Float64Array(basis.horizonWeeks),
    retainedFirstYearByWeek: new Float64Array(basis.horizonWeeks),
    costByMonth: new Float64Array(basis.months),
    cashByMonth: new Float64Array(basis.months),
    ltvByMonth: new Float64Array(basis.months),
  };
}

/** A basis and its weight in an interpolation between grid points (weights sum to 1). */
export interface WeightedBasis {
  basis: ProgrammeBasis;
  weight: number;
}

/** Adds weight × Σ_{k,a} s(k, a) × rows of `table` to `out` (one grid point's retained customers by week). */
function addRetained(out: Float64Array, table: Float64Array, basis: ProgrammeBasis, e: ProgrammeEconomics, weight: number): void {
  const H = basis.horizonWeeks;
  const rows = basis.activeRows;
  const save = e.saveProbability;
  const scale = weight * e.customerScale;
  for (let j = 0; j < rows.length; j += 1) {
    const r = rows[j]!;
    const s = scale * save[r]!;
    if (s === 0) continue;
    const row = r * H;
    for (let w = 0; w < H; w += 1) out[w] = out[w]! + s * table[row + w]!;
  }
}

/** Fills the weekly retained customers and the monthly cost, cash and lifetime value from grid points and their weights. */
function fillFlows(corners: readonly WeightedBasis[], e: ProgrammeEconomics, flows: ProgrammeFlows, firstYearSplit: boolean): void {
  const { tiers: K, months: M, horizonWeeks: H } = corners[0]!.basis;
  const retained = flows.retainedByWeek.fill(0);
  const first = flows.retainedFirstYearByWeek.fill(0);
  for (const { basis, weight } of corners) {
    addRetained(retained, basis.retained, basis, e, weight);
    if (firstYearSplit) addRetained(first, basis.retainedFirstYear, basis, e, weight);
  }
  const cost = flows.costByMonth;
  for (let m = 0; m < M; m += 1) {
    let c = e.fixedAnnualYuan / 12 + (e.routineAnnualYuan * e.scopeByMonth[m]!) / 12;
    if (m >= e.setupFrom && m < e.setupTo) c += e.oneTimeYuan / (e.setupTo - e.setupFrom);
    for (const { basis, weight } of corners)
      for (let k = 1; k < K; k += 1) c += weight * basis.contactsByMonth[k * M + m]! * e.customerScale * e.contactCostYuan[k]!;
    cost[m] = c;
  }
  flows.cashByMonth.fill(0);
  flows.ltvByMonth.fill(0);
  let before = 0;
  for (let w = 0; w < H; w += 1) {
    const m = Math.floor((w * 12) / 52);
    const now = retained[w]!;
    flows.cashByMonth[m] = flows.cashByMonth[m]! + (now * e.annualMarginYuan) / 52 + (now - before) * e.referralYuan;
    flows.ltvByMonth[m] = flows.ltvByMonth[m]! + (now - before) * (e.ltvYuan + e.referralYuan);
    before = now;
  }
}

/**
 * Evaluates the programme for one set of economics at a point between the
 * grid's bases (`corners`: bases and weights): weekly retained customers
 * (Σ over corners, tiers and ages of weight × save probability × the
 * basis: the basis is linear in the save probabilities), monthly
 * costs (one-time over the first stage, fixed and routine annual costs
 * monthly, each contact's budget when made) and the outputs, in
 * {@link programmeOutputs} order:
 * - roi: the plan's lifetime-value ROI of year 1, (kept × (LTV + referral) − cost) / cost,
 *   kept = customers retained at the end of week 52 (baseline minus programme churners);
 * - netBenefit, totalBenefit: that benefit − cost, and the benefit;
 * - paybackMonths: month at which cumulative cash (margin + referral − cost) turns positive, Infinity beyond the horizon;
 * - npv: Σ over the horizon's months of (cash − cost) discounted monthly at (1 + r)^(−(m + 1)/12);
 * - cashRoi, cashYear1: the first year's cash (margin on the customer-weeks kept + referral value) against its cost.
 *
 * @param out written in programmeOutputs order (length >= 10).
 * @example
 * evaluateProgramme([{ basis, weight: 1 }], economics, flows, out); out[8] // first-year cash ROI
 */
export function evaluateProgramme(
  corners: readonly WeightedBasis[],
  e: ProgrammeEconomics,
  flows: ProgrammeFlows,
  out: Float64Array,
  firstYearSplit = true,
): void {
  fillFlows(corners, e, flows, firstYearSplit);
  const basis = corners[0]!.basis;
  const M = basis.months;
  const firstYearMonths = Math.min(12, M);
  let cost1 = 0;
  let cash1 = 0;
  for (let m = 0; m < firstYearMonths; m += 1) {
    cost1 += flows.costByMonth[m]!;
    cash1 += flows.cashByMonth[m]!;
  }
  const kept = flows.retainedByWeek[Math.min(basis.horizonWeeks, 52) - 1]!;
  const benefit = kept * (e.ltvYuan + e.referralYuan);
  const v = (1 + e.discountRate) ** (-1 / 12);
  let npv = 0;
  let discount = 1;
  let cumulative = 0;
  let payback = Number.POSITIVE_INFINITY;
  for (let m = 0; m < M; m += 1) {
    discount *= v;
    const net = flows.cashByMonth[m]! - flows.costByMonth[m]!;
    npv += net * discount;
    const next = cumulative + net;
    if (payback === Number.POSITIVE_INFINITY && next >= 0) payback = cumulative < 0 ? m + -cumulative / (next - cumulative) : m;
    cumulative = next;
  }
  out[0] = cost1 > 0 ? (benefit - cost1) / cost1 : Number.NaN;
  out[1] = benefit - cost1;
  out[2] = payback;
  out[3] = npv;
  out[4] = cost1;
  out[5] = benefit;
  out[6] = kept;
  out[7] = kept * e.referralsPerRetained;
  out[8] = cost1 > 0 ? (cash1 - cost1) / cost1 : Number.NaN;
  out[9] = cash1;
}
