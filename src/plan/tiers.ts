import type { Plan, Tier } from "./schema";

/*
 * The one home of a plan's tier facts: which tier ranks highest, where the
 * probability cut-offs between tiers lie and which tier a probability falls
 * in. Every other layer asks these functions; none writes 0.3 / 0.5 / 0.7.
 */

/** Anything with a plan's tiers (a plan, or `{ tiers }`). */
export interface WithTiers {
  readonly tiers: readonly Tier[];
}

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
 * The plan's tiers sorted from the highest probability band to the lowest; the
 * plan is not mutated.
 *
 * @example
 * tiersByRisk(seedPlan).map((t) => t.id) // ["very-high", "high", "medium", "low"]
 */
export function tiersByRisk(plan: WithTiers): Tier[] {
  return [...plan.tiers].sort((a, b) => b.probabilityMin - a.probabilityMin);
}

/**
 * The plan's tiers ranked from highest risk (tier 1) to lowest (tier N).
 *
 * @param plan a validated plan (its tier bands are contiguous and cover 0..1, see parsePlan).
 * @example
 * rankTiers(seedPlan).map((r) => r.tier.id); // ["very-high", "high", "medium", "low"]
 */
export function rankTiers(plan: WithTiers): RankedTier[] {
  return tiersByRisk(plan).map((tier, i) => ({ tierNumber: i + 1, tier }));
}

/**
 * The probability cut-offs between the plan's tiers, ascending: the lower
 * bound of every tier but the lowest. A probability strictly above k of them
 * is in tier N − k (see {@link tierNumberOf}).
 *
 * @example
 * tierThresholds(seedPlan) // [0.3, 0.5, 0.7] (the article's section 5.1)
 */
export function tierThresholds(plan: WithTiers): number[] {
  return tiersByRisk(plan)
    .slice(0, -1)
    .map((t) => t.probabilityMin)
    .reverse();
}

/**
 * Tier number (1 = highest risk) of a probability given the ascending cut-offs
 * of {@link tierThresholds}: N − (number of cut-offs strictly below p), so a
 * probability equal to a cut-off belongs to the tier below (edges as
 * {@link tierOf}). The fast form for loops over many scores; NaN counts as
 * below every cut-off (the lowest tier), as before.
 *
 * @example
 * tierNumberOf(0.7, [0.3, 0.5, 0.7]) // 2
 * tierNumberOf(0.71, [0.3, 0.5, 0.7]) // 1
 */
export function tierNumberOf(probability: number, thresholds: readonly number[]): number {
  let above = 0;
  for (const t of thresholds) if (probability > t) above += 1;
  return thresholds.length + 1 - above;
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
 *
 * @param probability churn probability over the plan's horizon, 0..1.
 * @param tiers the plan, or its tiers ranked by {@link rankTiers} (pass these in loops: no sort per call).
 * @param customerId named in the error message (default "?").
 * @returns the ranked tier holding the probability.
 * @throws RangeError naming the customer when the probability is NaN or outside [0, 1], or no tier holds it.
 * @example
 * tierOf(0.70, seedPlan).tierNumber; // 2
 * tierOf(0.7000001, rankTiers(seedPlan)).tierNumber; // 1
 * tierOf(0.50, seedPlan).tier.id; // "medium"
 * tierOf(0, seedPlan).tierNumber; // 4
 */
export function tierOf(probability: number, tiers: WithTiers | readonly RankedTier[], customerId = "?"): RankedTier {
  if (typeof probability !== "number" || Number.isNaN(probability) || probability < 0 || probability > 1) {
    throw new RangeError(`customer ${customerId}: churn probability must be a number from 0 to 1, got ${String(probability)}`);
  }
  const ranked = "tiers" in tiers ? rankTiers(tiers) : tiers;
  for (const r of ranked) {
    if (probability > r.tier.probabilityMin && probability <= r.tier.probabilityMax) return r;
  }
  const lowest = ranked[ranked.length - 1];
  if (lowest !== undefined && probability === lowest.tier.probabilityMin) return lowest;
  throw new RangeError(`customer ${customerId}: no tier holds probability ${probability}`);
}

/**
 * The middle of a tier's probability band, (min + max) / 2: the mean
 * probability of its customers when nothing better is known.
 *
 * @example
 * bandMidpoint(seedPlan.tiers[1]) // 0.6 (high: 0.5..0.7)
 */
export function bandMidpoint(tier: Pick<Tier, "probabilityMin" | "probabilityMax">): number {
  return (tier.probabilityMin + tier.probabilityMax) / 2;
}

/**
 * Customers per arm of the plan's timing A/B test when the points do not state
 * `n`: the first rollout stage that states whom it intervenes on (the MVP's
 * ~600 people, plan section 7) split evenly over the A/B points (4 delays):
 * 600 / 4 = 150 for the seed plan. An assumption, derived from plan figures.
 *
 * @returns whole customers, at least 1; undefined when no stage states its intervention count
 * @example
 * abTestArmSize(seedPlan) // 150
 */
export function abTestArmSize(plan: Pick<Plan, "rollout" | "timing">): number | undefined {
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  const stated = stages.find((s) => s.interveneCountStated !== undefined)?.interveneCountStated;
  if (stated === undefined || plan.timing.abTest.length === 0) return undefined;
  return Math.max(1, Math.round(stated / plan.timing.abTest.length));
}

/**
 * A tier's band as text with its edges as {@link tierOf} reads them: "p > min"
 * for the top tier, "min < p <= max" in between, "p <= max" for the lowest
 * tier starting at 0 ("min <= p <= max" when it starts above 0).
 *
 * @param ranked the tier with its rank; `tierCount` the plan's number of tiers
 * @example
 * bandText(rankTiers(seedPlan)[1], 4) // "0.5 < p <= 0.7"
 * bandText(rankTiers(seedPlan)[3], 4) // "p <= 0.3"
 */
export function bandText({ tierNumber, tier }: RankedTier, tierCount: number): string {
  if (tierNumber === tierCount) return tier.probabilityMin === 0 ? `p <= ${tier.probabilityMax}` : `${tier.probabilityMin} <= p <= ${tier.probabilityMax}`;
  return tier.probabilityMax === 1 ? `p > ${tier.probabilityMin}` : `${tier.probabilityMin} < p <= ${tier.probabilityMax}`;
}
