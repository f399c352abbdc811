import { monthOfWeek } from "../population/rolloutScenario";
import type { RolloutRun } from "../population/rolloutRun";
import type { ProgrammeEvaluation } from "../programme/programmeEvaluation";

/** The money of one customer-level run over the programme model's horizon (yuan; months from the start). */
export interface RunCashFlows {
  /** Cost by month: the run's first year (fixed costs + contacts as made), then the aggregate view's later years. */
  costByMonth: number[];
  /** Cash by month: margin on the customer-weeks the run's contacts kept (followed past the run) + referral value of newly kept customers, plus the aggregate's later-year contacts. */
  cashByMonth: number[];
  /** First-year lifetime-value ROI (the plan's valuation): (kept at week 52 × (LTV + referral) − cost) / cost. */
  roi: number;
  /** First-year cash and its ROI against the first year's cost. */
  cashYear1: number;
  cashRoi: number;
  /** Cost of the first year. */
  costYear1: number;
  /** NPV of cash − cost over the horizon at the trial's discount rate (monthly, end of month). */
  npv: number;
  /** Month the cumulative cash flow turns positive (fractional), Infinity if not within the horizon. */
  paybackMonth: number;
  cumulativeCashFlow: number[];
  /** First-year cumulative lifetime-value ROI by month (the plan's valuation booked when a churn is prevented). */
  cumulativeRoi: number[];
}

/**
 * The run's money over the horizon. The first year is customer level: costs
 * as the run incurred them, cash as the customers it kept earn it (margin /
 * 52 per kept customer-week, followed through the tail, + the referral
 * value when a customer is kept). Later years, when the programme runs on
 * at its last stage's scope, come from the aggregate view at the same
 * parameters (`later`: its costs from month 12 on and the cash of its
 * later-year contacts): a customer-level run covers the first year, where
 * the stages and gates are.
 *
 * @param later the programme model evaluated at the trial's parameters (full scale; scaled to the run's customers).
 * @example
 * runCashFlows(run, { marginYuan: 720, referralYuan: 144, valuePerSaveYuan: 4144, discountRate: 0.08, scale: 0.1 }, later).cashRoi // first-year cash ROI of the run
 */
export function runCashFlows(
  run: RolloutRun,
  money: { marginYuan: number; referralYuan: number; valuePerSaveYuan: number; discountRate: number; scale: number },
  later: ProgrammeEvaluation,
): RunCashFlows {
  const { marginYuan, referralYuan, valuePerSaveYuan, discountRate, scale } = money;
  const months = later.flows.costByMonth.length;
  const H = run.retainedByWeek.length;
  const first = Math.min(12, run.months);
  const cost = Array.from({ length: months }, (_, m) =>
    m < first ? run.fixedCostByMonth[m]! + run.interventionCostByMonth[m]! : scale * later.flows.costByMonth[m]!,
  );
  const cash = new Array<number>(months).fill(0);
  let before = 0;
  for (let w = 0; w < later.flows.retainedByWeek.length; w += 1) {
    const m = monthOfWeek(w);
    const own = w < H ? run.retainedByWeek[w]! : 0;
    const agg = scale * (later.flows.retainedByWeek[w]! - later.flows.retainedFirstYearByWeek[w]!);
    const now = own + agg;
    cash[m] = cash[m]! + (now * marginYuan) / 52 + (now - before) * referralYuan;
    before = now;
  }
  let costYear1 = 0;
  let cashYear1 = 0;
  for (let m = 0; m < first; m += 1) {
    costYear1 += cost[m]!;
    cashYear1 += cash[m]!;
  }
  const kept = run.retainedByWeek[Math.min(run.weeks, 52) - 1]!;
  const v = (1 + discountRate) ** (-1 / 12);
  let npv = 0;
  let discount = 1;
  let cumulative = 0;
  let payback = Number.POSITIVE_INFINITY;
  const cumulativeCashFlow: number[] = [];
  for (let m = 0; m < months; m += 1) {
    discount *= v;
    const net = cash[m]! - cost[m]!;
    npv += net * discount;
    const next = cumulative + net;
    if (payback === Number.POSITIVE_INFINITY && next >= 0) payback = cumulative < 0 ? m + -cumulative / (next - cumulative) : m;
    cumulative = next;
    cumulativeCashFlow.push(cumulative);
  }
  const cumulativeRoi: number[] = [];
  let c = 0;
  let b = 0;
  for (let m = 0; m < first; m += 1) {
    c += cost[m]!;
    b += run.benefitByMonth[m]!;
    cumulativeRoi.push(c > 0 ? (b - c) / c : Number.NaN);
  }
  return {
    costByMonth: cost,
    cashByMonth: cash,
    roi: costYear1 > 0 ? (kept * valuePerSaveYuan - costYear1) / costYear1 : Number.NaN,
    cashYear1,
    cashRoi: costYear1 > 0 ? (cashYear1 - costYear1) / costYear1 : Number.NaN,
    costYear1,
    npv,
    paybackMonth: payback,
    cumulativeCashFlow,
    cumulativeRoi,
  };
}
