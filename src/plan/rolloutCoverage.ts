import type { Plan } from "./schema";

/** Months in the first year, the horizon of the plan's ROI. */
export const firstYearMonths = 12;

/**
 * Share of the first year's customer-months the rollout reaches:
 * Σ stage customers × months in [0, 12) ÷ (customers × 12). Stage customers
 * are capped at the plan's base.
 *
 * For the seed plan: (20,000 × 3 + 100,000 × 3 + 200,000 × 6) / (200,000 × 12)
 * = 1,560,000 / 2,400,000 = 0.65.
 *
 * @returns a fraction 0..1
 * @example
 * rolloutCoverage(seedPlan) // 0.65
 */
export function rolloutCoverage(plan: Plan): number {
  return customerMonthsCovered(plan) / (plan.customers * firstYearMonths);
}

/**
 * Customer-months the rollout reaches in the first year (see {@link rolloutCoverage}).
 *
 * @example
 * customerMonthsCovered(seedPlan) // 1560000
 */
export function customerMonthsCovered(plan: Plan): number {
  let total = 0;
  for (const stage of plan.rollout) {
    const months = Math.max(0, Math.min(stage.monthEnd, firstYearMonths) - Math.max(stage.monthStart, 0));
    total += Math.min(stage.customers, plan.customers) * months;
  }
  return total;
}

/**
 * Share of customers reached in month `month` (0-based, fractional allowed):
 * the customers of the stage running then, ÷ the base; after the last stage
 * its reach continues; before the first stage and in gaps it is 0.
 *
 * @example
 * coverageAtMonth(seedPlan, 4) // 0.5
 */
export function coverageAtMonth(plan: Plan, month: number): number {
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  const last = stages[stages.length - 1];
  if (last !== undefined && month >= last.monthEnd) return Math.min(1, last.customers / plan.customers);
  const stage = stages.find((s) => month >= s.monthStart && month < s.monthEnd);
  return stage === undefined ? 0 : Math.min(1, stage.customers / plan.customers);
}

/**
 * Months until cumulative benefit reaches a cost when benefit accrues with the
 * rollout's reach instead of evenly from month 0: benefit per month is
 * (annual benefit ÷ 12) × the share of customers reached that month.
 *
 * For the seed plan with the stated cost 10,840,000 and benefit 49,728,000
 * (4,144,000 a month at full reach): months 0–3 at 10% give 1,243,200,
 * months 3–6 at 50% give 6,216,000 more (7,459,200); the remaining 3,380,800
 * take 3,380,800 / 4,144,000 = 0.816 months: 6.816 months.
 *
 * @param costYuan cost to recover, yuan >= 0
 * @param annualBenefitYuan benefit of a full year at full reach, yuan; zero or
 *   negative (a plan whose churn after the programme is above the churn
 *   before) never pays back
 * @returns months; Infinity when the benefit never reaches the cost
 * @throws RangeError when the cost is negative or a money argument is not finite
 * @example
 * paybackMonthsWithRollout(seedPlan, 10840000, 49728000) // 6.8158...
 */
export function paybackMonthsWithRollout(plan: Plan, costYuan: number, annualBenefitYuan: number): number {
  if (!(costYuan >= 0) || !Number.isFinite(costYuan)) throw new RangeError(`costYuan must be a finite number >= 0, got ${costYuan}`);
  if (!Number.isFinite(annualBenefitYuan)) throw new RangeError(`annualBenefitYuan must be a finite number, got ${annualBenefitYuan}`);
  if (costYuan === 0) return 0;
  if (annualBenefitYuan <= 0) return Number.POSITIVE_INFINITY;
  const perMonth = annualBenefitYuan / firstYearMonths;
  const breaks = [...new Set([0, ...plan.rollout.flatMap((s) => [s.monthStart, s.monthEnd])])].filter((m) => m >= 0).sort((a, b) => a - b);
  let cumulative = 0;
  for (let i = 0; i < breaks.length; i += 1) {
    const from = breaks[i]!;
    const to = breaks[i + 1] ?? Number.POSITIVE_INFINITY;
    const rate = perMonth * coverageAtMonth(plan, from);
    if (rate > 0) {
      const need = costYuan - cumulative;
      if (need <= rate * (to - from)) return from + need / rate;
      cumulative += rate * (to - from);
    }
  }
  return Number.POSITIVE_INFINITY;
}
