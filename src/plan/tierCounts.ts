import type { Plan, Tier } from "./schema";

/**
 * Customers in a tier derived from its share: customers × shareStated, rounded
 * to whole people (200,000 × 3% = 6,000).
 *
 * @example
 * tierCount(200000, { shareStated: 0.77 }) // 154000
 */
export function tierCount(customers: number, tier: Pick<Tier, "shareStated">): number {
  return Math.round(customers * tier.shareStated);
}

/** One tier's derived count and intervention cost. */
export interface TierCost {
  tierId: string;
  /** customers × share, whole people. */
  count: number;
  /** Budget per person, yuan. */
  budgetYuanPerPerson: number;
  /** count × budget, yuan. */
  costYuan: number;
}

/**
 * Derived count and annual intervention cost of every tier, in plan order:
 * count = customers × share, cost = count × budget per person.
 *
 * @example
 * tierCosts(seedPlan).map((t) => t.costYuan) // [4800000, 4800000, 1200000, 1540000]
 */
export function tierCosts(plan: Plan): TierCost[] {
  return plan.tiers.map((tier) => {
    const count = tierCount(plan.customers, tier);
    return { tierId: tier.id, count, budgetYuanPerPerson: tier.budgetYuanPerPerson, costYuan: count * tier.budgetYuanPerPerson };
  });
}
