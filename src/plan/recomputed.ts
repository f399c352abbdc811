import { cleanFigure, figuresFrom, type PlanFigures } from "./PlanFigures";
import type { Plan } from "./schema";
import { tierCosts } from "./tierCounts";

/**
 * The plan's first-year figures derived from their drivers rather than the
 * stated results:
 * - one-time cost: the sum of the one-time lines;
 * - annual cost: the annual lines that pay for no tier (upkeep, cloud) plus,
 *   for EVERY tier with a budget, (customers × share) × budget per person,
 *   whether or not the plan lists a cost line for it;
 * - retained customers: customers × (churnBefore − churnAfter);
 * - referral customers: retained × referralRate × referralsPerReferrer;
 * - values: counts × lifetime value and × new-customer value;
 * - ROI and payback as in the article (section 6.3).
 *
 * For the seed plan: annual cost 600,000 + 4,800,000 + 4,800,000 + 1,200,000
 * + 1,540,000 = 12,940,000; first year 2,800,000 + 12,940,000 = 15,740,000;
 * benefit 48,000,000 + 1,728,000 = 49,728,000; roi 33,988,000 / 15,740,000
 * = 2.15934...; payback 15,740,000 / (49,728,000 / 12) = 3.7983... months.
 *
 * @param plan a validated plan (not mutated)
 * @returns the ten figures, money in yuan, roi as a fraction
 * @example
 * recomputed(loadPlan("data/plans/seed-plan.json")).firstYearCost // 15740000
 */
export function recomputed(plan: Plan): PlanFigures {
  const oneTimeCost = cleanFigure(plan.costs.oneTime.reduce((s, line) => s + line.amountYuan, 0));
  const fixedAnnual = plan.costs.annual.filter((line) => line.tierId === undefined).reduce((s, line) => s + line.amountYuan, 0);
  const tierAnnual = tierCosts(plan).reduce((s, tier) => s + tier.costYuan, 0);
  const b = plan.benefits;
  const retainedCustomers = cleanFigure(plan.customers * (b.churnBefore - b.churnAfter));
  const referralCustomers = cleanFigure(retainedCustomers * b.referralRate * b.referralsPerReferrer);
  return figuresFrom({
    oneTimeCost,
    annualCost: cleanFigure(fixedAnnual + tierAnnual),
    retainedCustomers,
    retainedValue: cleanFigure(retainedCustomers * b.ltvYuan),
    referralCustomers,
    referralValue: cleanFigure(referralCustomers * b.newCustomerValueYuan),
  });
}
