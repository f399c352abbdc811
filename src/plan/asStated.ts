import { cleanFigure, figuresFrom, type PlanFigures } from "./PlanFigures";
import type { Plan } from "./schema";

/**
 * The plan's first-year figures from its stated line items, reproducing the
 * article (section 6): costs are the sums of the stated cost lines (tier-1
 * interventions at the stated 1,440,000 yuan); retained and referred customers
 * are the stated counts, valued at the stated per-customer values (referral
 * value 2,160 × 800 = 1,728,000 yuan, not the rounded 173万).
 *
 * For the seed plan: firstYearCost 10,840,000; totalBenefit 49,728,000;
 * roi (49,728,000 − 10,840,000) / 10,840,000 = 3.58745...; paybackMonths
 * 10,840,000 / (49,728,000 / 12) = 2.61583...
 *
 * @param plan a validated plan (not mutated)
 * @returns the ten figures, money in yuan, roi as a fraction
 * @example
 * asStated(loadPlan("data/plans/seed-plan.json")).firstYearCost // 10840000
 */
export function asStated(plan: Plan): PlanFigures {
  const sum = (xs: ReadonlyArray<{ amountYuan: number }>): number => cleanFigure(xs.reduce((s, x) => s + x.amountYuan, 0));
  const b = plan.benefits;
  return figuresFrom({
    oneTimeCost: sum(plan.costs.oneTime),
    annualCost: sum(plan.costs.annual),
    retainedCustomers: b.retainedStated,
    retainedValue: cleanFigure(b.retainedStated * b.ltvYuan),
    referralCustomers: b.referralCustomersStated,
    referralValue: cleanFigure(b.referralCustomersStated * b.newCustomerValueYuan),
  });
}
