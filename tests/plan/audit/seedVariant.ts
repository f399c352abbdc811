import { loadPlan, type Plan } from "../../../src/plan";

/** The article's plan (data/plans/seed-plan.json): every figure as stated. */
export const seed: Plan = loadPlan("data/plans/seed-plan.json");

/** A deep copy of the seed plan changed by `edit` (the seed itself is never mutated). */
export function variant(edit: (plan: Plan) => void): Plan {
  const plan = structuredClone(seed);
  edit(plan);
  return plan;
}

/**
 * The seed plan with its cost arithmetic corrected: tier 1's line 6,000 × 800 = 4,800,000, a line for tier 4
 * (154,000 × 10 = 1,540,000), annual subtotal 12,940,000, first-year total 15,740,000, the national stage's
 * budget raised to 11,740,000 so the stages add up to it, and the MVP's 2,200 interventions.
 */
export const corrected: Plan = variant((plan) => {
  plan.costs.annual[2]!.amountYuan = 4_800_000;
  plan.costs.annual.push({
    id: "tier-low",
    label: "low-risk interventions",
    amountYuan: 1_540_000,
    tierId: "low",
    peopleStated: 154_000,
    yuanPerPersonStated: 10,
  });
  plan.costs.annualSubtotalStated = 12_940_000;
  plan.costs.firstYearTotalStated = 15_740_000;
  plan.rollout[0]!.interveneCountStated = 2_200;
  plan.rollout[2]!.budgetYuan = 11_740_000;
});
