import { rankTiers } from "../../plan/tiers";
import type { RolloutCalibration } from "../population/rolloutCalibration";
import { callsPerAdvisor } from "../programme/stageCapacity";
import { calibrationForPlan, runRollout, type RolloutOptions, type RolloutResult } from "./rolloutSimulation";
import { spread, type Spread } from "./rolloutSummary";
import type { UncertainPlan } from "../inputs/uncertainPlan";

/** Options shared by the decision studies: a rollout study's options without the policy being varied. */
export type DecisionOptions = Omit<RolloutOptions, "keepRuns">;

/** One point of a decision curve: the policy value, ROI, saved customers, churn and spend over the runs. */
export interface DecisionPoint {
  /** The value of the varied policy (advisors, AUC or contact delay in days). */
  value: number;
  /** First-year lifetime-value ROI, first-year cash ROI and NPV over the horizon (full scale), across runs. */
  roi: Spread;
  cashRoi: Spread;
  npv: Spread;
  retainedCustomers: Spread;
  /** Contacts made in the first year (all tiers) and customers kept per contact: the marginal economics behind a falling ROI. */
  contacts: Spread;
  keptPerContact: Spread;
  programmeChurnRate: Spread;
  costYuan: Spread;
  /** Share of the advisor channel's (tier 2) flagged customers contacted within 7 days, and its contacts' mean delay. */
  advisorWithin7Days: Spread;
  advisorMeanDelayDays: Spread;
}

async function study(
  plan: UncertainPlan,
  options: DecisionOptions,
  calibration: RolloutCalibration,
  values: readonly number[],
  apply: (o: RolloutOptions, v: number) => void,
): Promise<DecisionPoint[]> {
  const points: DecisionPoint[] = [];
  for (const value of values) {
    const o: RolloutOptions = { controlVariate: false, ...options, calibration, keepRuns: true };
    apply(o, value);
    const r: RolloutResult = await runRollout(plan, o);
    const runs = r.runs!;
    points.push({
      value,
      roi: spread(runs.map((x) => x.roi)),
      cashRoi: spread(runs.map((x) => x.cashRoi)),
      npv: spread(runs.map((x) => x.npv)),
      retainedCustomers: r.retainedCustomers,
      contacts: spread(runs.map((x) => x.contactsByTier.reduce((a, b) => a + b, 0))),
      keptPerContact: spread(
        runs.map(
          (x) =>
            x.retainedCustomers /
            Math.max(
              1,
              x.contactsByTier.reduce((a, b) => a + b, 0),
            ),
        ),
      ),
      programmeChurnRate: r.churn.programme,
      costYuan: r.costYuan,
      advisorWithin7Days: spread(runs.map((x) => x.flaggedWithin7DaysShareByTier[1] ?? Number.NaN)),
      advisorMeanDelayDays: spread(runs.map((x) => x.meanDelayDaysByTier[1] ?? Number.NaN)),
    });
  }
  return points;
}

/** The advisor staffing curve and the smallest staffing that meets the 7-day target. */
export interface StaffingCurve {
  callsPerAdvisorPerWeek: number;
  /** Where the calls per advisor come from. */
  callsSource: string;
  points: DecisionPoint[];
  /** Smallest advisor count in the grid whose mean share of tier-2 flags contacted within 7 days reaches `target`; null if none does. */
  advisorsForTarget: number | null;
  target: number;
}

/**
 * Advisor staffing: the rollout simulated at each advisor count (tier-2
 * channel capacity = advisors × calls per advisor per week at full scale;
 * calls per advisor from the plan file, else what the plan's budget implies
 * for the advisors it trains: `callsPerAdvisor`),
 * every other choice equal and the same seed (common random numbers across
 * staffing levels), with the share of high-risk (tier 2) flags contacted
 * within 7 days and the ROI at each level.
 *
 * @param advisors advisor counts to try (default 25 to 400).
 * @param target share of flags to contact within 7 days (default 0.9).
 * @example
 * (await staffingCurve(plan, [50, 200], { trials: 2, seed: 1, customers: 20000 })).advisorsForTarget // 200 or null
 */
export async function staffingCurve(
  plan: UncertainPlan,
  advisors: readonly number[] = [25, 50, 100, 150, 200, 300, 400],
  options: DecisionOptions,
  target = 0.9,
): Promise<StaffingCurve> {
  const calibration = options.calibration ?? calibrationForPlan(plan, options.dynamics);
  const advisorTier = rankTiers(plan.base)[1]!.tier.id;
  const calls = callsPerAdvisor(plan.base, plan.assumptions.programme);
  const points = await study(plan, options, calibration, advisors, (o, v) => {
    o.capacityPerWeek = { ...(options.capacityPerWeek ?? {}), [advisorTier]: v * calls.perWeek };
  });
  const hit = points.find((p) => p.advisorWithin7Days.mean >= target);
  return { callsPerAdvisorPerWeek: calls.perWeek, callsSource: calls.source, points, advisorsForTarget: hit === undefined ? null : hit.value, target };
}

/**
 * Value of model quality: the rollout at each model AUC (fixed, not drawn),
 * same seed, so the differences are the model's.
 *
 * @param aucs AUCs to try (default 0.70 to 0.95 by 0.05; values above the calibration's oracle AUC are rejected).
 * @throws RangeError when an AUC is outside the calibrated range.
 * @example
 * (await roiByAuc(plan, [0.75, 0.9], { trials: 2, seed: 1, customers: 20000 })).map((p) => p.retainedCustomers.mean) // increasing
 */
export async function roiByAuc(
  plan: UncertainPlan,
  aucs: readonly number[] = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95],
  options: DecisionOptions,
): Promise<DecisionPoint[]> {
  const calibration = options.calibration ?? calibrationForPlan(plan, options.dynamics);
  return study(plan, options, calibration, aucs, (o, v) => {
    o.modelAuc = v;
  });
}

/**
 * Timing policy: the rollout when every contact happens no earlier than
 * `delay` days after the trigger (7 / 14 / 21 / 30: the plan's A/B arms),
 * with capacity as given (default: the plan's), same seed.
 *
 * @example
 * (await timingPolicies(plan, [7, 30], { trials: 2, seed: 1, customers: 20000 }))[0].roi.mean // above the 30-day policy's
 */
export async function timingPolicies(plan: UncertainPlan, delays: readonly number[] = [7, 14, 21, 30], options: DecisionOptions): Promise<DecisionPoint[]> {
  const calibration = options.calibration ?? calibrationForPlan(plan, options.dynamics);
  return study(plan, options, calibration, delays, (o, v) => {
    o.minContactDelayDays = v;
  });
}
