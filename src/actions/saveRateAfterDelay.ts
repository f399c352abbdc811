import type { Plan, Tier } from "../plan/schema";
import { bandMidpoint } from "../plan/tiers";
import type { DecayCurve } from "./decayFit";
import { rankTiers } from "../plan/tiers";

/**
 * Expected save rate of a tier's intervention when contact happens
 * `delayDays` after the risk trigger:
 *
 *   saveRate(tier, d) = min(1, max(0, tier.saveRate × curve(d) / curve(referenceDelayDays)))
 *
 * How and why. The plan states one save rate per tier (45%, 60%, 70%, 95%)
 * and, separately, an A/B test of delays (62% at 7 days .. 22% at 30 days)
 * that pools customers. The tier rates are read as the rates of the plan's
 * operating point, contact at `referenceDelayDays` after the trigger (default
 * the start of the plan's best window, 7 days: the Monday loop hands a
 * flagged customer to an advisor that week). The A/B curve supplies only the
 * RELATIVE loss from waiting longer: curve(d) / curve(ref) is the share of
 * the intervention's effect still available after d days, assumed the same
 * for every tier (a proportional, tier-independent timing effect). A ratio,
 * not a difference: subtracting the A/B's 40-point drop from 7 to 30 days
 * would leave tier 1 (45%) at 5% and could go negative, while the ratio keeps
 * every tier's rate between 0 and its stated rate for later delays and
 * preserves the tiers' ordering. Earlier contact than the reference can give
 * more than the stated rate (if the curve rises before 7 days), capped at 1.
 * Caveat: tier 4's 95% is "they rarely churn anyway", not an effect of the
 * intervention; scaling it is a formality.
 *
 * @param tier the tier (its `saveRate`, 0..1).
 * @param delayDays days from trigger to contact, >= 0.
 * @param curve a decay curve (a fit, the PCHIP interpolation, or a posterior draw).
 * @param referenceDelayDays the delay the tier rates refer to (default 7), >= 0, with curve(ref) > 0.
 * @throws RangeError when delayDays or referenceDelayDays is negative or NaN, or curve(ref) is not > 0.
 * @example
 * const pchip = pchipInterpolant([7, 14, 21, 30], [0.62, 0.55, 0.38, 0.22]);
 * saveRateAfterDelay({ saveRate: 0.6 }, 14, pchip); // 0.6 × 0.55 / 0.62 = 0.5323
 * saveRateAfterDelay({ saveRate: 0.45 }, 30, pchip); // 0.45 × 0.22 / 0.62 = 0.1597
 */
export function saveRateAfterDelay(tier: Pick<Tier, "saveRate">, delayDays: number, curve: DecayCurve, referenceDelayDays = 7): number {
  if (!(delayDays >= 0)) throw new RangeError(`saveRateAfterDelay: delayDays must be >= 0, got ${delayDays}`);
  if (!(referenceDelayDays >= 0)) throw new RangeError(`saveRateAfterDelay: referenceDelayDays must be >= 0, got ${referenceDelayDays}`);
  const reference = curve(referenceDelayDays);
  if (!(reference > 0)) throw new RangeError(`saveRateAfterDelay: the curve at the reference delay (${referenceDelayDays} days) must be > 0, got ${reference}`);
  const rate = (tier.saveRate * curve(delayDays)) / reference;
  return Math.min(1, Math.max(0, rate));
}

/** One row of {@link delayCost}: what one more day of delay costs a tier at a given delay. */
export interface DelayCostRow {
  tierNumber: number;
  tierId: string;
  delayDays: number;
  /** Customers in the cohort (default the plan's customers × stated share). */
  customers: number;
  /** Mean churn probability of the cohort. */
  meanProbability: number;
  /** Save rate at this delay, {@link saveRateAfterDelay}. */
  saveRate: number;
  /** Expected saved customers at this delay: customers × p × saveRate. */
  saved: number;
  /** Saved customers lost by waiting one more day: customers × p × (saveRate(d) − saveRate(d + 1)). */
  savedLostPerDay: number;
  /** savedLostPerDay × remaining lifetime value, yuan. */
  yuanLostPerDay: number;
}

/** Options of {@link delayCost}. */
export interface DelayCostOptions {
  /** Delays (days) at which to price one more day (default [7, 14, 21]). */
  delays?: readonly number[];
  /** Cohort size per tier id (default plan.customers × shareStated). */
  customers?: Readonly<Record<string, number>>;
  /** Mean churn probability per tier id (default the midpoint of the tier's band). */
  meanProbability?: Readonly<Record<string, number>>;
  /** Reference delay of the tier save rates (default plan.timing.bestWindowDays[0]). */
  referenceDelayDays?: number;
}

/**
 * The cost of each day of delay, per tier: for a cohort of the tier
 * (default: the plan's customers × stated share, with the band midpoint as
 * mean churn probability), the expected saved customers at each delay and
 * those lost by contacting one day later, in customers and in yuan at the
 * plan's remaining lifetime value (`benefits.ltvYuan`, 4,000 yuan).
 *
 * @param plan the plan (tiers, customers, timing, LTV).
 * @param curve the decay curve (fit, interpolation or draw).
 * @throws RangeError as {@link saveRateAfterDelay}, or when a delay is negative.
 * @example
 * delayCost(seedPlan, pchip, { delays: [14] }).find((r) => r.tierId === "high").yuanLostPerDay;
 * // 16,000 × 0.6 × 0.6 × (0.55 − 0.5327)/0.62 × 4,000 yuan = 642,708 yuan a day (PCHIP curve)
 */
export function delayCost(plan: Pick<Plan, "tiers" | "customers" | "timing" | "benefits">, curve: DecayCurve, options: DelayCostOptions = {}): DelayCostRow[] {
  const delays = options.delays ?? [7, 14, 21];
  const reference = options.referenceDelayDays ?? plan.timing.bestWindowDays[0];
  const rows: DelayCostRow[] = [];
  for (const { tierNumber, tier } of rankTiers(plan)) {
    const customers = options.customers?.[tier.id] ?? Math.round(plan.customers * tier.shareStated);
    const p = options.meanProbability?.[tier.id] ?? bandMidpoint(tier);
    for (const d of delays) {
      if (!(d >= 0)) throw new RangeError(`delayCost: delays must be >= 0, got ${d}`);
      const now = saveRateAfterDelay(tier, d, curve, reference);
      const next = saveRateAfterDelay(tier, d + 1, curve, reference);
      const savedLostPerDay = customers * p * (now - next);
      rows.push({
        tierNumber,
        tierId: tier.id,
        delayDays: d,
        customers,
        meanProbability: p,
        saveRate: now,
        saved: customers * p * now,
        savedLostPerDay,
        yuanLostPerDay: savedLostPerDay * plan.benefits.ltvYuan,
      });
    }
  }
  return rows;
}
