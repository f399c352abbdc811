import { seedPlan } from "../plan/seedPlan";
import { tierNumberOf, tierThresholds } from "../plan/tiers";
import type { SyntheticPopulation } from "./synthesize";

/** Shares of customers in the seed plan's four tiers (tier 1 the highest probability band; see `tierThresholds` in src/plan), fractions summing to 1. */
export interface TierShares {
  tier1: number;
  tier2: number;
  tier3: number;
  tier4: number;
}

/** Measured figures of a synthetic population, checked against the calibration targets. */
export interface PopulationSummary {
  customers: number;
  visits: number;
  surveys: number;
  appActivityRows: number;
  /** Customers who churned at some point in the history. */
  churnedInHistory: number;
  /** Churn rate in the first and second 52 weeks: churners in the year / customers at its start. Target: 0.18. */
  churnRateYear1: number;
  churnRateYear2: number;
  /**
   * Tier shares of the peak latent 30-day risk over weeks 53..104 among customers active at week 53
   * (the customers a weekly scoring would put in each tier at least once in a year). Target: 3% / 8% / 12% / 77%.
   */
  peakTierSharesYear2: TierShares;
  /** Tier shares of the latent 30-day risk at the snapshot Mondays in year 2 (point in time, pooled). */
  pointTierSharesYear2: TierShares;
  /** Mean latent 30-day risk at the year-2 snapshots. */
  meanRisk30dYear2: number;
}

/**
 * Tier of a 30-day churn probability under the seed plan's tiers (the plan the
 * synthetic population is calibrated to; `tierThresholds` in src/plan): with
 * the article's section 5.1, 1 (> 0.70), 2 (0.50–0.70], 3 (0.30–0.50], 4 (≤ 0.30).
 *
 * @param probability - 0..1.
 * @example
 * tierOfProbability(0.75); // 1
 * tierOfProbability(0.3);  // 4
 */
export function tierOfProbability(probability: number): number {
  return tierNumberOf(probability, tierThresholds(seedPlan()));
}

function shares(values: ArrayLike<number>, include: (i: number) => boolean): TierShares {
  const thresholds = tierThresholds(seedPlan());
  const counts = [0, 0, 0, 0, 0];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    if (!include(i)) continue;
    const tier = tierNumberOf(values[i] ?? 0, thresholds);
    counts[tier] = (counts[tier] ?? 0) + 1;
    total++;
  }
  const f = (k: number): number => (total === 0 ? NaN : (counts[k] ?? 0) / total);
  return { tier1: f(1), tier2: f(2), tier3: f(3), tier4: f(4) };
}

/**
 * Measures a synthetic population: table sizes, yearly churn rates and the
 * latent-risk tier shares (peak over year 2 and point in time), for the
 * calibration targets of issue 3 (18% a year; 3% / 8% / 12% / 77%).
 *
 * @param population - from `synthesize` (needs at least 104 weeks for the year-2 figures; NaN otherwise).
 * @example
 * summarizePopulation(synthesize({ customers: 20000, seed: 42 })).churnRateYear2; // ≈ 0.18
 */
export function summarizePopulation(population: SyntheticPopulation): PopulationSummary {
  const { truth, truthRisk, meta } = population;
  const y1 = meta.startDay + 364;
  const y2 = meta.startDay + 728;
  let churned = 0;
  let c1 = 0;
  let c2 = 0;
  let alive2 = 0;
  const churnDays = truth.columns.churn_date;
  for (let i = 0; i < truth.length; i++) {
    const c = churnDays[i] ?? NaN;
    if (!Number.isNaN(c)) churned++;
    if (c < y1) c1++;
    if (Number.isNaN(c) || c >= y1) {
      alive2++;
      if (c < y2) c2++;
    }
  }
  const enoughHistory = meta.weeks >= 104;
  const dates = truthRisk.columns.snapshot_date;
  const inYear2 = (k: number): boolean => (dates[k] ?? 0) >= y1 && (dates[k] ?? 0) < y2;
  let riskSum = 0;
  let riskCount = 0;
  for (let k = 0; k < truthRisk.length; k++) {
    if (inYear2(k)) {
      riskSum += truthRisk.columns.risk_30d[k] ?? 0;
      riskCount++;
    }
  }
  return {
    customers: meta.customers,
    visits: population.visits.length,
    surveys: population.surveys.length,
    appActivityRows: population.appActivity.length,
    churnedInHistory: churned,
    churnRateYear1: c1 / meta.customers,
    churnRateYear2: enoughHistory && alive2 > 0 ? c2 / alive2 : NaN,
    peakTierSharesYear2: shares(truth.columns.peak_risk_30d, (i) => {
      const c = churnDays[i] ?? NaN;
      return enoughHistory && (Number.isNaN(c) || c >= y1);
    }),
    pointTierSharesYear2: shares(truthRisk.columns.risk_30d, inYear2),
    meanRisk30dYear2: riskCount === 0 ? NaN : riskSum / riskCount,
  };
}
