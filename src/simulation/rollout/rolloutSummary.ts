import { rankTiers } from "../../plan/tiers";
import type { Plan } from "../../plan/index";
import { aucSampleSizeForPower, saveRateSampleSizeForPower, type GateCriteria } from "./rolloutGates";
import type { RolloutRunSummary } from "./rolloutRunSummary";
import { probabilityEstimate, sortedQuantile, summarizeSorted, type OutputSummary, type ProbabilityEstimate } from "../stats/summaries";

/** Mean, sd and the 5th/50th/95th percentiles of a simulated quantity (non-finite values skipped). */
export interface Spread {
  mean: number;
  sd: number;
  p5: number;
  p50: number;
  p95: number;
}

/** Percentiles of one month's simulated value. */
export interface MonthPercentiles {
  month: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  mean: number;
}

/** Per-tier means over runs. */
export interface TierRollout {
  tierNumber: number;
  tierId: string;
  flagged: number;
  contacts: number;
  saved: number;
  spendYuan: number;
  meanDelayDays: number;
  /** Share of contacts made within 7 days of the trigger. */
  within7DaysShare: number;
  lostBeforeContact: number;
}

/** A gate across runs: decision probabilities, false stop / go, what was measured, and the pilot size for a chosen power. */
export interface GateSummary {
  stageId: string;
  nextStageId: string;
  criteria: GateCriteria;
  probGo: ProbabilityEstimate;
  probHold: ProbabilityEstimate;
  probPause: ProbabilityEstimate;
  probRedesign: ProbabilityEstimate;
  /** pause or redesign. */
  probStop: ProbabilityEstimate;
  /** Share of runs in which the programme is truly good at this gate (see isTrulyGood). */
  probTrulyGood: ProbabilityEstimate;
  /** P(stop and truly good) and P(stop | truly good) (NaN without truly good runs). */
  probFalseStop: ProbabilityEstimate;
  falseStopRate: ProbabilityEstimate;
  /** P(go and not truly good) and P(go | not truly good). */
  probFalseGo: ProbabilityEstimate;
  falseGoRate: ProbabilityEstimate;
  measuredAuc: Spread;
  measuredSaveRate: Spread;
  measuredProjectedRoi: Spread;
  trueSaveRate: Spread;
  /** Means per run: customers in the stage, scored customer-snapshots, 30-day churners among them, would-be churners treated. */
  stageCustomers: number;
  scored: number;
  positives: number;
  wouldBeChurners: number;
  /** Pilot needed so the measured AUC and save rate each clear their success line with probability `power`, at the runs' mean true values (null when a true value does not clear its line). */
  sampleSize: {
    power: number;
    scoredForAuc: number | null;
    wouldBeChurnersForSaveRate: number | null;
    pilotCustomersForAuc: number | null;
    pilotCustomersForSaveRate: number | null;
    pilotCustomers: number | null;
  };
}

/** Split of an output's variance into parameter uncertainty (between trials) and customer-level randomness (within trials). */
export interface VarianceDecomposition {
  total: number;
  /** Var(E[Y | θ]): from the uncertain inputs (outer loop). */
  betweenTrials: number;
  /** E[Var(Y | θ)]: from customer-level randomness (inner loop). */
  withinTrials: number;
  parameterShare: number;
  customerShare: number;
}

const finiteValues = (xs: readonly number[]): number[] => xs.filter((x) => Number.isFinite(x));

/** Mean, sd and percentiles of the finite values (NaN when none). */
export function spread(values: readonly number[]): Spread {
  const v = Float64Array.from(finiteValues(values)).sort();
  const n = v.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN, p5: Number.NaN, p50: Number.NaN, p95: Number.NaN };
  let mean = 0;
  for (let i = 0; i < n; i += 1) mean += v[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i += 1) ss += (v[i]! - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, p5: sortedQuantile(v, 0.05), p50: sortedQuantile(v, 0.5), p95: sortedQuantile(v, 0.95) };
}

/** An {@link OutputSummary} (with Monte Carlo standard errors) of simulated values; infinite values count as beyond every finite one. */
export function outputSummary(values: readonly number[]): OutputSummary {
  const sorted = Float64Array.from(values.map((x) => (Number.isNaN(x) ? Number.POSITIVE_INFINITY : x))).sort();
  let mean = 0;
  let m2 = 0;
  let n = 0;
  for (const x of values) {
    if (!Number.isFinite(x)) continue;
    n += 1;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  return summarizeSorted(mean, m2, sorted);
}

/**
 * The law of total variance on a nested design (trials × replicates):
 * Var(Y) = Var(E[Y|θ]) + E[Var(Y|θ)]. The within part is the mean of the
 * trials' sample variances; the between part is the sample variance of the
 * trial means minus within / R (the ANOVA estimator; Sun, Apley & Staum,
 * "Efficient nested simulation for estimating the variance of a conditional
 * expectation", Operations Research 59, 2011), floored at 0.
 *
 * @param byTrial one array of replicate values per trial (R >= 2 each, equal R).
 * @returns null when fewer than 2 trials or 2 replicates.
 * @example
 * varianceDecomposition([[1, 3], [5, 7]]) // { withinTrials: 2, betweenTrials: 8 - 1 = 7, total: 9, ... }
 */
export function varianceDecomposition(byTrial: readonly (readonly number[])[]): VarianceDecomposition | null {
  const groups = byTrial.map((g) => finiteValues(g)).filter((g) => g.length >= 2);
  if (groups.length < 2) return null;
  const r = groups.reduce((m, g) => Math.min(m, g.length), Infinity);
  const means = groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
  const within = groups.reduce((s, g, i) => s + g.reduce((a, x) => a + (x - means[i]!) ** 2, 0) / (g.length - 1), 0) / groups.length;
  const grand = means.reduce((a, b) => a + b, 0) / means.length;
  const varMeans = means.reduce((a, m) => a + (m - grand) ** 2, 0) / (means.length - 1);
  const between = Math.max(0, varMeans - within / r);
  const total = between + within;
  return {
    total,
    betweenTrials: between,
    withinTrials: within,
    parameterShare: total > 0 ? between / total : Number.NaN,
    customerShare: total > 0 ? within / total : Number.NaN,
  };
}

/**
 * Per-tier means over runs (intervened tiers only, tier 1 first).
 *
 * @example
 * tierRollout(seedPlan, runs)[0].tierId // "very-high"
 */
export function tierRollout(plan: Plan, runs: readonly RolloutRunSummary[]): TierRollout[] {
  const ranked = rankTiers(plan);
  const K = runs[0]?.contactsByTier.length ?? 0;
  const mean = (f: (r: RolloutRunSummary) => number): number => spread(runs.map(f)).mean;
  return Array.from({ length: K }, (_, j) => ({
    tierNumber: j + 1,
    tierId: ranked[j]!.tier.id,
    flagged: mean((r) => r.flaggedByTier[j]!),
    contacts: mean((r) => r.contactsByTier[j]!),
    saved: mean((r) => r.savedByTier[j]!),
    spendYuan: mean((r) => r.spendByTier[j]!),
    meanDelayDays: mean((r) => r.meanDelayDaysByTier[j]!),
    within7DaysShare: mean((r) => r.within7DaysShareByTier[j]!),
    lostBeforeContact: mean((r) => r.lostBeforeContactByTier[j]!),
  }));
}

/**
 * Percentiles of cumulative cash flow (or any monthly series) per month over runs.
 *
 * @example
 * monthlyPercentiles(runs, (r) => r.cumulativeCashFlowYuan)[11].p50 // median cash position at the end of month 12, yuan
 */
export function monthlyPercentiles(runs: readonly RolloutRunSummary[], series: (r: RolloutRunSummary) => readonly number[]): MonthPercentiles[] {
  const months = runs[0] === undefined ? 0 : series(runs[0]).length;
  return Array.from({ length: months }, (_, m) => {
    const v = Float64Array.from(finiteValues(runs.map((r) => series(r)[m]!))).sort();
    const mean = v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN;
    return {
      month: m + 1,
      p5: sortedQuantile(v, 0.05),
      p25: sortedQuantile(v, 0.25),
      p50: sortedQuantile(v, 0.5),
      p75: sortedQuantile(v, 0.75),
      p95: sortedQuantile(v, 0.95),
      mean,
    };
  });
}

/**
 * The gates across runs: probabilities of each decision with binomial
 * standard errors, false stop (stop while truly good) and false go (go while
 * not truly good), both joint and conditional, the measurements' spread, and
 * the pilot size for `power` (Hanley–McNeil for the AUC, normal
 * approximation for the save rate; see rolloutGates.ts) at the runs' mean
 * true AUC and save rate, converted to pilot customers with the runs' mean
 * scored snapshots and would-be churners per stage customer.
 *
 * @param criteria per gate, in the runs' gate order.
 */
export function gateSummaries(runs: readonly RolloutRunSummary[], criteria: readonly GateCriteria[], power = 0.8): GateSummary[] {
  const gates = runs[0]?.gates ?? [];
  return gates.map((g0, j) => {
    const gs = runs.map((r) => r.gates[j]!);
    const n = gs.length;
    const count = (f: (g: (typeof gs)[number]) => boolean): number => gs.filter(f).length;
    const good = count((g) => g.trulyGood);
    const stop = (g: (typeof gs)[number]): boolean => g.decision === "pause" || g.decision === "redesign";
    const c = criteria[j]!;
    const mean = (f: (g: (typeof gs)[number]) => number): number => spread(gs.map(f)).mean;
    const stageCustomers = mean((g) => g.stageCustomers);
    const scored = mean((g) => g.scored);
    const positives = mean((g) => g.positives);
    const wbc = mean((g) => g.wouldBeChurners);
    const trueAuc = mean((g) => g.truth.auc);
    const trueSave = mean((g) => g.truth.saveRate);
    const scoredNeeded = trueAuc > c.aucMin && positives > 0 && scored > positives ? aucSampleSizeForPower(trueAuc, c.aucMin, power, positives / scored) : null;
    const wbcNeeded = trueSave > c.saveRateMin && trueSave < 1 ? saveRateSampleSizeForPower(trueSave, c.saveRateMin, power) : null;
    const perCustomer = (need: number | null, per: number): number | null => (need === null || !(per > 0) ? null : Math.ceil(need / per));
    const forAuc = perCustomer(scoredNeeded, scored / stageCustomers);
    const forSave = perCustomer(wbcNeeded, wbc / stageCustomers);
    return {
      stageId: g0.stageId,
      nextStageId: g0.nextStageId,
      criteria: c,
      probGo: probabilityEstimate(
        count((g) => g.decision === "go"),
        n,
      ),
      probHold: probabilityEstimate(
        count((g) => g.decision === "hold"),
        n,
      ),
      probPause: probabilityEstimate(
        count((g) => g.decision === "pause"),
        n,
      ),
      probRedesign: probabilityEstimate(
        count((g) => g.decision === "redesign"),
        n,
      ),
      probStop: probabilityEstimate(count(stop), n),
      probTrulyGood: probabilityEstimate(good, n),
      probFalseStop: probabilityEstimate(
        count((g) => g.trulyGood && stop(g)),
        n,
      ),
      falseStopRate: probabilityEstimate(
        count((g) => g.trulyGood && stop(g)),
        good,
      ),
      probFalseGo: probabilityEstimate(
        count((g) => !g.trulyGood && g.decision === "go"),
        n,
      ),
      falseGoRate: probabilityEstimate(
        count((g) => !g.trulyGood && g.decision === "go"),
        n - good,
      ),
      measuredAuc: spread(gs.map((g) => g.measured.auc)),
      measuredSaveRate: spread(gs.map((g) => g.measured.saveRate)),
      measuredProjectedRoi: spread(gs.map((g) => g.measured.projectedRoi)),
      trueSaveRate: spread(gs.map((g) => g.truth.saveRate)),
      stageCustomers,
      scored,
      positives,
      wouldBeChurners: wbc,
      sampleSize: {
        power,
        scoredForAuc: scoredNeeded,
        wouldBeChurnersForSaveRate: wbcNeeded,
        pilotCustomersForAuc: forAuc,
        pilotCustomersForSaveRate: forSave,
        pilotCustomers: forAuc === null || forSave === null ? null : Math.max(forAuc, forSave),
      },
    };
  });
}
