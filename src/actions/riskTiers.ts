import type { Plan } from "../plan/schema";
import { rankTiers, tierOf } from "../plan/tiers";

// Tier ranking and the probability → tier rule are plan facts: they live in src/plan/tiers.ts (import them from there).

/** A scored customer: id, churn probability and (optionally) home outlet. */
export interface ScoredCustomer {
  customerId: string;
  /** Churn probability over the plan's horizon (30 days), 0..1. */
  probability: number;
  /** Outlet (dealer workshop) the customer belongs to, when known. */
  outletId?: string;
}

/**
 * Assigns every scored customer to a plan tier (edges as {@link tierOf}).
 * Pure: returns new objects in input order.
 *
 * @throws RangeError naming the first customer whose probability is NaN or outside [0, 1].
 * @example
 * assignTiers([{ customerId: "c1", probability: 0.8 }], seedPlan)[0]; // { customerId: "c1", probability: 0.8, tierNumber: 1, tierId: "very-high" }
 */
export function assignTiers<C extends ScoredCustomer>(customers: readonly C[], plan: Pick<Plan, "tiers">): Array<C & { tierNumber: number; tierId: string }> {
  const ranked = rankTiers(plan);
  return customers.map((c) => {
    const r = tierOf(c.probability, ranked, c.customerId);
    return { ...c, tierNumber: r.tierNumber, tierId: r.tier.id };
  });
}
