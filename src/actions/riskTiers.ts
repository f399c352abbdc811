import type { Plan, Tier } from "../plan/schema";

/**
 * A plan tier with its rank: tier 1 is the highest-risk band, tier N the lowest.
 * The rank is the tier's position when the plan's tiers are sorted by
 * probability band, highest first (the article's "一级 .. 四级").
 */
export interface RankedTier {
  /** 1 = highest risk .. N = lowest risk. */
  tierNumber: number;
  tier: Tier;
}

/**
 * The plan's tiers ranked from highest risk (tier 1) to lowest (tier N).
 *
 * @param plan a validated plan (its tier bands are contiguous and cover 0..1, see parsePlan).
 * @example
 * rankTiers(seedPlan).map((r) => r.tier.id); // ["very-high", "high", "medium", "low"]
 */
export function rankTiers(plan: Pick<Plan, "tiers">): RankedTier[] {
  return [...plan.tiers].sort((a, b) => b.probabilityMin - a.probabilityMin).map((tier, i) => ({ tierNumber: i + 1, tier }));
}

/**
 * The risk tier of one churn probability.
 *
 * Edges (decided here, the plan's article is ambiguous at the bounds): a tier
 * holds probabilities ABOVE its lower bound up to AND INCLUDING its upper
 * bound, `probabilityMin < p <= probabilityMax`; the lowest tier also holds
 * p = 0. With the seed plan: tier 1 is p > 0.70, tier 2 is 0.50 < p <= 0.70,
 * tier 3 is 0.30 < p <= 0.50, tier 4 is p <= 0.30. So 0.70 is tier 2 and
 * 0.50 is tier 3. Why: the article writes tier 1 as "> 70%" and the
 * newly-high-risk trigger as "> 0.5"; with upper-inclusive bands "tier 1 or 2"
 * is exactly "p > 0.5", so the Monday trigger and the tiers agree at 0.50.
 * (The plan schema's comment reads the bands the other way round,
 * lower-inclusive; the actions layer uses this rule everywhere.)
 *
 * @param probability churn probability over the plan's horizon, 0..1.
 * @param ranked the plan's tiers from {@link rankTiers}.
 * @param customerId named in the error message (default "?").
 * @returns the ranked tier holding the probability.
 * @throws RangeError naming the customer when the probability is NaN or outside [0, 1], or no tier holds it.
 * @example
 * tierOf(0.70, rankTiers(seedPlan)).tierNumber; // 2
 * tierOf(0.7000001, rankTiers(seedPlan)).tierNumber; // 1
 * tierOf(0.50, rankTiers(seedPlan)).tierNumber; // 3
 * tierOf(0, rankTiers(seedPlan)).tierNumber; // 4
 */
export function tierOf(probability: number, ranked: readonly RankedTier[], customerId = "?"): RankedTier {
  if (typeof probability !== "number" || Number.isNaN(probability) || probability < 0 || probability > 1) {
    throw new RangeError(`customer ${customerId}: churn probability must be a number from 0 to 1, got ${String(probability)}`);
  }
  for (const r of ranked) {
    if (probability > r.tier.probabilityMin && probability <= r.tier.probabilityMax) return r;
  }
  const lowest = ranked[ranked.length - 1];
  if (lowest !== undefined && probability === lowest.tier.probabilityMin) return lowest;
  throw new RangeError(`customer ${customerId}: no tier holds probability ${probability}`);
}

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
