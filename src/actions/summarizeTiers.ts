import type { Plan } from "../plan/schema";
import { bandText } from "../plan/tiers";
import { rankTiers } from "../plan/tiers";
import { assignTiers, type ScoredCustomer } from "./riskTiers";

/** One row of {@link summarizeTiers}: a tier of a scored population set against the plan. */
export interface TierSummaryRow {
  /** 1 = highest risk. */
  tierNumber: number;
  tierId: string;
  name: string;
  /** The band as text with its edges, e.g. "0.5 < p <= 0.7". */
  band: string;
  /** Customers in the tier. */
  count: number;
  /** count / all customers, 0..1 (NaN for an empty population). */
  share: number;
  /** The plan's stated share, 0..1. */
  shareStated: number;
  /** share − shareStated, in fraction units (0.021 = +2.1 percentage points). */
  shareDifference: number;
  /** Mean churn probability in the tier (NaN when empty). */
  meanProbability: number;
  /** Expected churners without intervention: the sum of probabilities. */
  expectedChurners: number;
  /** count × the tier's budget per person, yuan. */
  budgetYuan: number;
  /** expectedChurners × the tier's stated save rate. */
  expectedSaved: number;
}

/** {@link summarizeTiers}'s result: rows (tier 1 first), totals and the differences with the plan in words. */
export interface TierSummary {
  rows: TierSummaryRow[];
  total: { count: number; expectedChurners: number; budgetYuan: number; expectedSaved: number };
  /** One sentence per tier whose share differs from the stated share by more than the tolerance. */
  differences: string[];
}

/** Options of {@link summarizeTiers}. */
export interface TierSummaryOptions {
  /** Absolute share difference (fraction) above which a tier is called out; default 0.01 (1 percentage point). */
  tolerance?: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * Tier summary of a scored population against the plan's section 5.1 table:
 * count, share, mean probability, expected churners, budget and expected
 * saves per tier, with every share that differs from the plan's stated share
 * by more than `tolerance` called out in words.
 *
 * @param customers scored customers (probabilities 0..1).
 * @param plan the plan (tiers: bands, stated shares, budgets, save rates).
 * @throws RangeError naming the customer when a probability is NaN or outside [0, 1]; when tolerance is negative or NaN.
 * @example
 * const s = summarizeTiers([{ customerId: "a", probability: 0.9 }, { customerId: "b", probability: 0.1 }], seedPlan);
 * s.rows[0]; // { tierNumber: 1, tierId: "very-high", count: 1, share: 0.5, shareStated: 0.03, shareDifference: 0.47, budgetYuan: 800, expectedChurners: 0.9, expectedSaved: 0.405, ... }
 * s.differences[0]; // "tier 1 very high risk: 50.0% of customers vs 3.0% stated (+47.0 points)"
 */
export function summarizeTiers(customers: readonly ScoredCustomer[], plan: Pick<Plan, "tiers">, options: TierSummaryOptions = {}): TierSummary {
  const tolerance = options.tolerance ?? 0.01;
  if (!(tolerance >= 0)) throw new RangeError(`summarizeTiers: tolerance must be >= 0, got ${tolerance}`);
  const ranked = rankTiers(plan);
  const tiered = assignTiers(customers, plan);
  const n = tiered.length;
  const rows: TierSummaryRow[] = ranked.map((r) => {
    const { tierNumber, tier } = r;
    let count = 0;
    let sumP = 0;
    for (const c of tiered) {
      if (c.tierNumber === tierNumber) {
        count++;
        sumP += c.probability;
      }
    }
    const share = n === 0 ? NaN : count / n;
    return {
      tierNumber,
      tierId: tier.id,
      name: tier.name,
      band: bandText(r, ranked.length),
      count,
      share,
      shareStated: tier.shareStated,
      shareDifference: share - tier.shareStated,
      meanProbability: count === 0 ? NaN : sumP / count,
      expectedChurners: sumP,
      budgetYuan: count * tier.budgetYuanPerPerson,
      expectedSaved: sumP * tier.saveRate,
    };
  });
  const differences: string[] = [];
  for (const r of rows) {
    if (Number.isFinite(r.shareDifference) && Math.abs(r.shareDifference) > tolerance) {
      const sign = r.shareDifference > 0 ? "+" : "−";
      differences.push(
        `tier ${r.tierNumber} ${r.name}: ${pct(r.share)} of customers vs ${pct(r.shareStated)} stated (${sign}${(Math.abs(r.shareDifference) * 100).toFixed(1)} points)`,
      );
    }
  }
  const sum = (key: "count" | "expectedChurners" | "budgetYuan" | "expectedSaved"): number => rows.reduce((s, r) => s + r[key], 0);
  return {
    rows,
    total: { count: sum("count"), expectedChurners: sum("expectedChurners"), budgetYuan: sum("budgetYuan"), expectedSaved: sum("expectedSaved") },
    differences,
  };
}
