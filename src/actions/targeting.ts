import type { Plan } from "../plan/schema";
import type { DecayCurve } from "./decayFit";
import { rankTiers, tierOf } from "../plan/tiers";
import { saveRateAfterDelay } from "./saveRateAfterDelay";

/**
 * Who to contact first. The plan targets by risk (tier 1 first); Ascarza
 * (2018), "Retention futility: targeting high-risk customers might be
 * ineffective", J. Marketing Research 55(1), shows that the customers whose
 * churn an intervention changes most are often NOT the highest-risk ones, and
 * that targeting by estimated uplift beats targeting by risk. This file ranks
 * customers four ways and prices each ranking on the same budget: by risk,
 * by expected value, by expected value per yuan (the ratio that a budget
 * should be spent by: the fractional-knapsack rule, Dantzig 1957) and by
 * estimated uplift.
 */
export type TargetingPolicy = "risk" | "expected-value" | "value-per-yuan" | "uplift";

/**
 * Every targeting policy, the plan's first.
 *
 * @example
 * targetingPolicies; // ["risk", "expected-value", "value-per-yuan", "uplift"]
 */
const targetingPolicies: readonly TargetingPolicy[] = ["risk", "expected-value", "value-per-yuan", "uplift"];

/** A customer who could be contacted. */
export interface TargetCustomer {
  customerId: string;
  /** Churn probability without contact, 0..1. */
  probability: number;
  /** Cost of contacting, yuan (default: the tier's budget per person). */
  costYuan?: number;
  /** Remaining lifetime value, yuan (default: the plan's `benefits.ltvYuan`). */
  ltvYuan?: number;
  /** Expected days from trigger to contact (default: the reference delay, 7). */
  expectedDelayDays?: number;
  /** Estimated uplift: churn probability removed by contacting (control − treated), for the "uplift" policy. */
  uplift?: number;
  /** True uplift, when known (simulation): used to evaluate, never to rank. */
  trueUplift?: number;
}

/** A customer with the figures every policy ranks on. */
export interface ScoredTarget {
  customerId: string;
  probability: number;
  tierNumber: number;
  costYuan: number;
  ltvYuan: number;
  /** Save rate after the expected delay ({@link saveRateAfterDelay}). */
  saveRate: number;
  /** Model-implied uplift: probability × saveRate. */
  modelUplift: number;
  /** probability × saveRate × LTV − cost, yuan. */
  expectedValueYuan: number;
  /** Expected saved value per yuan of contact cost: probability × saveRate × LTV / cost (Infinity for a free contact with value). */
  valuePerYuan: number;
  /** uplift × LTV − cost, yuan (NaN without an uplift estimate). */
  upliftValueYuan: number;
  /** The uplift that counts when evaluating: trueUplift if known, else modelUplift. */
  evaluationUplift: number;
}

/** Context of the targeting functions. */
export interface TargetingContext {
  plan: Pick<Plan, "tiers" | "benefits" | "timing">;
  /** Decay curve for the save rate after the expected delay. */
  curve: DecayCurve;
}

/**
 * Each customer's tier, save rate after the expected delay, and the values
 * the policies rank on: expected value = p × saveRate(tier, delay) × LTV −
 * cost; uplift value = uplift × LTV − cost.
 *
 * @throws RangeError naming the customer when a probability is NaN or outside [0, 1].
 * @example
 * scoreTargets([{ customerId: "a", probability: 0.6 }], { plan: seedPlan, curve: pchip })[0].expectedValueYuan;
 * // 0.6 × 0.6 × 4000 − 300 = 1140
 */
export function scoreTargets(customers: readonly TargetCustomer[], context: TargetingContext): ScoredTarget[] {
  const ranked = rankTiers(context.plan);
  const reference = context.plan.timing.bestWindowDays[0];
  return customers.map((c) => {
    const r = tierOf(c.probability, ranked, c.customerId);
    const costYuan = c.costYuan ?? r.tier.budgetYuanPerPerson;
    const ltvYuan = c.ltvYuan ?? context.plan.benefits.ltvYuan;
    const saveRate = saveRateAfterDelay(r.tier, c.expectedDelayDays ?? reference, context.curve, reference);
    const modelUplift = c.probability * saveRate;
    return {
      customerId: c.customerId,
      probability: c.probability,
      tierNumber: r.tierNumber,
      costYuan,
      ltvYuan,
      saveRate,
      modelUplift,
      expectedValueYuan: modelUplift * ltvYuan - costYuan,
      valuePerYuan: costYuan > 0 ? (modelUplift * ltvYuan) / costYuan : modelUplift * ltvYuan > 0 ? Infinity : 0,
      upliftValueYuan: c.uplift === undefined ? NaN : c.uplift * ltvYuan - costYuan,
      evaluationUplift: c.trueUplift ?? modelUplift,
    };
  });
}

/**
 * Orders customers by a policy (best first; ties by customer id):
 * "risk" = tier 1 first, then higher probability (the plan);
 * "expected-value" = higher p × saveRate × LTV − cost;
 * "value-per-yuan" = higher p × saveRate × LTV / cost (on a budget this
 *   saves the most: a 50-yuan contact worth 200 beats an 800-yuan one worth 900);
 * "uplift" = higher uplift × LTV − cost (customers without an uplift estimate last).
 *
 * @example
 * rankTargets(scored, "risk")[0].tierNumber; // 1
 */
export function rankTargets(scored: readonly ScoredTarget[], policy: TargetingPolicy): ScoredTarget[] {
  const byId = (a: ScoredTarget, b: ScoredTarget): number => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
  const key = (t: ScoredTarget): number =>
    policy === "expected-value"
      ? t.expectedValueYuan
      : policy === "value-per-yuan"
        ? t.valuePerYuan
        : Number.isNaN(t.upliftValueYuan)
          ? -Infinity
          : t.upliftValueYuan;
  const sorted = [...scored];
  if (policy === "risk") sorted.sort((a, b) => a.tierNumber - b.tierNumber || b.probability - a.probability || byId(a, b));
  else sorted.sort((a, b) => key(b) - key(a) || byId(a, b));
  return sorted;
}

/** The outcome of contacting the customers a policy picks within a budget. */
export interface TargetingOutcome {
  policy: TargetingPolicy;
  budgetYuan: number;
  contacted: number;
  costYuan: number;
  /** Σ evaluation uplift of the contacted: expected churners prevented. */
  savedCustomers: number;
  /** Σ evaluation uplift × LTV, yuan. */
  savedValueYuan: number;
  /** savedValueYuan − costYuan. */
  netValueYuan: number;
  /** Contacted per tier (index 0 = tier 1). */
  byTier: number[];
  /** Cumulative curve in ranking order: contacted count, cumulative cost and saved customers (for gain charts). */
  gain: { contacted: number[]; costYuan: number[]; savedCustomers: number[] };
}

/**
 * Contacts customers in the policy's order while the budget lasts. A
 * customer whose cost would overrun the remaining budget is skipped and the
 * next one tried (so cheaper customers can use what is left). Value policies
 * ("expected-value", "value-per-yuan", "uplift") also stop at customers whose value is <= 0:
 * contacting them loses money in expectation. "risk" spends the budget as the
 * plan does. Evaluation uses the true uplift when given, else the model's.
 *
 * @param budgetYuan the budget, yuan, >= 0.
 * @throws RangeError when the budget is negative or NaN.
 * @example
 * selectWithinBudget(scored, "expected-value", 100000).savedCustomers;
 */
export function selectWithinBudget(scored: readonly ScoredTarget[], policy: TargetingPolicy, budgetYuan: number): TargetingOutcome {
  if (!(budgetYuan >= 0)) throw new RangeError(`selectWithinBudget: budget must be >= 0 yuan, got ${budgetYuan}`);
  const order = rankTargets(scored, policy);
  const maxTier = scored.reduce((m, t) => Math.max(m, t.tierNumber), 0);
  const byTier = new Array<number>(maxTier).fill(0);
  const gain = { contacted: [0], costYuan: [0], savedCustomers: [0] };
  let cost = 0;
  let saved = 0;
  let value = 0;
  let contacted = 0;
  for (const t of order) {
    if ((policy === "expected-value" || policy === "value-per-yuan") && !(t.expectedValueYuan > 0)) break;
    if (policy === "uplift" && !(t.upliftValueYuan > 0)) break;
    if (cost + t.costYuan > budgetYuan) continue;
    cost += t.costYuan;
    saved += t.evaluationUplift;
    value += t.evaluationUplift * t.ltvYuan;
    contacted++;
    byTier[t.tierNumber - 1] = (byTier[t.tierNumber - 1] ?? 0) + 1;
    gain.contacted.push(contacted);
    gain.costYuan.push(cost);
    gain.savedCustomers.push(saved);
  }
  return { policy, budgetYuan, contacted, costYuan: cost, savedCustomers: saved, savedValueYuan: value, netValueYuan: value - cost, byTier, gain };
}

/**
 * The four policies on the same budget (uplift only when every customer has
 * an uplift estimate).
 *
 * @example
 * compareTargeting(customers, context, 500000).map((o) => [o.policy, o.savedCustomers]);
 */
export function compareTargeting(customers: readonly TargetCustomer[], context: TargetingContext, budgetYuan: number): TargetingOutcome[] {
  const scored = scoreTargets(customers, context);
  const hasUplift = customers.length > 0 && customers.every((c) => c.uplift !== undefined);
  return targetingPolicies.filter((p) => p !== "uplift" || hasUplift).map((p) => selectWithinBudget(scored, p, budgetYuan));
}
