import { availableParallelism } from "node:os";
import { rankTiers } from "../actions/riskTiers";
import type { Distribution } from "./distributions";
import { calibrateRollout, type RolloutCalibration } from "./rolloutCalibration";
import { gateCriteriaFor } from "./rolloutGates";
import type { RolloutPolicy } from "./rolloutPlanScenario";
import type { RolloutRunSummary } from "./rolloutRunSummary";
import { defaultRolloutDynamics, type RolloutDynamics } from "./rolloutScenario";
import {
  gateSummaries,
  monthlyPercentiles,
  outputSummary,
  spread,
  tierRollout,
  varianceDecomposition,
  type GateSummary,
  type MonthPercentiles,
  type Spread,
  type TierRollout,
  type VarianceDecomposition,
} from "./rolloutSummary";
import { createTrialContext, defaultModelAuc, runRolloutTrial, type RolloutDesign } from "./rolloutTrials";
import type { OutputSummary, ProbabilityEstimate } from "./summaries";
import { probabilityEstimate } from "./summaries";
import type { UncertainPlan } from "./uncertainPlan";
import { runOnWorkers } from "./workerPool";

/** Options of {@link runRollout}. */
export interface RolloutOptions extends RolloutPolicy {
  /** Outer draws of the uncertain inputs, integer >= 1. */
  trials: number;
  /** Master seed (integer): the result is a function of (plan, options) only, whatever the workers. */
  seed: number;
  /** Customer-level runs per draw [1]; 2 or more gives the variance decomposition. */
  replicates?: number;
  /** Worker threads [0 for one trial, else min(cores, trials)]; 0 runs in this thread. */
  workers?: number;
  /** The model's AUC on 30-day outcomes: a number or a distribution [{@link defaultModelAuc}]. */
  modelAuc?: number | Distribution;
  /** Draw the plan's uncertain inputs [true]. */
  parameterUncertainty?: boolean;
  /** Draw the decay curve from the A/B evidence [true]. */
  timingUncertainty?: boolean;
  /** Overrides of the latent-risk dynamics. */
  dynamics?: Partial<RolloutDynamics>;
  /** A calibration made before (reuse it across policies: it depends only on dynamics, churnBefore and tier shares). */
  calibration?: RolloutCalibration;
  /** Power for the pilot sample sizes [0.8]. */
  power?: number;
  /** Keep every run's summary in the result [false]. */
  keepRuns?: boolean;
  /** Called after each trial with trials done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** Result of {@link runRollout}: money in yuan, rates as fractions, ROI as a fraction. */
export interface RolloutResult {
  plan: string;
  source: string;
  seed: number;
  trials: number;
  replicates: number;
  workers: number;
  customers: number;
  weeks: number;
  /** Customer-weeks simulated (after burn-in), all runs. */
  customerWeeks: number;
  calibration: { oracleAuc: number; annualChurn: number; intercept: number };
  modelAuc: Spread;
  churn: { baseline: Spread; programme: Spread; reduction: Spread };
  roi: OutputSummary;
  /** Month at which cumulative cash flow turns positive (Infinity beyond the run: counted in the percentiles). */
  paybackMonth: OutputSummary;
  probPaybackWithinRun: ProbabilityEstimate;
  probRoiPositive: ProbabilityEstimate;
  retainedCustomers: Spread;
  retainedValueYuan: Spread;
  costYuan: Spread;
  benefitYuan: Spread;
  byTier: TierRollout[];
  /** Percentiles of cumulative cash flow (benefit − cost) at the end of each month, yuan. */
  cumulativeCashFlow: MonthPercentiles[];
  cumulativeRoi: MonthPercentiles[];
  stages: Array<{ id: string; budgetYuan: number; spendYuan: Spread }>;
  gates: GateSummary[];
  /** ROI variance split (needs replicates >= 2 and trials >= 2). */
  roiVariance: VarianceDecomposition | null;
  runs?: RolloutRunSummary[];
}

/** Default worker threads for `trials` trials. */
export function defaultRolloutWorkers(trials: number): number {
  return trials <= 1 ? 0 : Math.max(1, Math.min(availableParallelism(), trials));
}

/** The calibration {@link runRollout} makes for a plan and dynamics (fixed seed): share it across policies. */
export function calibrationForPlan(plan: UncertainPlan, dynamics: Partial<RolloutDynamics> = {}): RolloutCalibration {
  const ranked = rankTiers(plan.base);
  let cumulative = 0;
  const shares = ranked.slice(0, -1).map((r) => (cumulative += r.tier.shareStated));
  return calibrateRollout({ ...defaultRolloutDynamics, ...dynamics }, { annualChurn: plan.base.benefits.churnBefore, cumulativeShares: shares });
}

async function runTrialsInWorkers(plan: UncertainPlan, design: RolloutDesign, calibration: RolloutCalibration, workers: number, onTrial: (trial: number, runs: RolloutRunSummary[]) => void): Promise<void> {
  await runOnWorkers<RolloutRunSummary[]>({ kind: "rollout", init: { json: plan.json, source: plan.source, design, calibration }, tasks: design.trials, workers, onResult: onTrial });
}

/**
 * The customer-level rollout study: `trials` draws of the plan's uncertain
 * inputs, the model's AUC and the decay curve (outer loop), each simulated
 * customer by customer and week by week `replicates` times (inner loop), with
 * baseline and programme on common random numbers (runRolloutKernel), then
 * summarized: churn with and without the programme, ROI and payback with
 * Monte Carlo errors, cumulative cash flow percentiles by month, tiers,
 * stages against their budgets, the gates (decision probabilities, false
 * stop / go, pilot sizes) and the split of ROI variance between parameter
 * uncertainty and customer-level randomness.
 *
 * Trials run on the process's warm worker pool (runOnWorkers: one message
 * per trial, workers shared with the Monte Carlo engine and reused across
 * runs) and are merged in trial order, so the
 * result is identical for any number of workers. Memory: one population
 * (about 50 bytes per customer) per thread, independent of the trials.
 *
 * @throws RangeError on out-of-range options (trials, replicates, workers, AUC outside the calibration).
 * @example
 * const r = await runRollout(loadUncertainPlan("data/plans/seed-plan-uncertain.json"), { trials: 4, seed: 1, customers: 20000 });
 * r.churn.baseline.mean // ≈ 0.18
 */
export async function runRollout(plan: UncertainPlan, options: RolloutOptions): Promise<RolloutResult> {
  const { trials, seed } = options;
  const replicates = options.replicates ?? 1;
  if (!(Number.isSafeInteger(trials) && trials >= 1)) throw new RangeError(`trials must be an integer >= 1, got ${trials}`);
  if (!(Number.isSafeInteger(replicates) && replicates >= 1)) throw new RangeError(`replicates must be an integer >= 1, got ${replicates}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const workers = options.workers ?? defaultRolloutWorkers(trials);
  if (!(Number.isSafeInteger(workers) && workers >= 0)) throw new RangeError(`workers must be an integer >= 0, got ${workers}`);
  const calibration = options.calibration ?? calibrationForPlan(plan, options.dynamics);
  const policy: RolloutPolicy = {};
  if (options.customers !== undefined) policy.customers = options.customers;
  if (options.weeks !== undefined) policy.weeks = options.weeks;
  if (options.programme !== undefined) policy.programme = options.programme;
  if (options.capacityPerWeek !== undefined) policy.capacityPerWeek = options.capacityPerWeek;
  if (options.minContactDelayDays !== undefined) policy.minContactDelayDays = options.minContactDelayDays;
  if (options.protectionWeeks !== undefined) policy.protectionWeeks = options.protectionWeeks;
  if (options.maxWaitDays !== undefined) policy.maxWaitDays = options.maxWaitDays;
  if (options.queueOrder !== undefined) policy.queueOrder = options.queueOrder;
  const design: RolloutDesign = {
    seed,
    trials,
    replicates,
    modelAuc: options.modelAuc ?? defaultModelAuc,
    parameterUncertainty: options.parameterUncertainty ?? true,
    timingUncertainty: options.timingUncertainty ?? true,
    policy,
  };
  const byTrial: Array<RolloutRunSummary[] | undefined> = new Array(trials);
  let done = 0;
  const onTrial = (trial: number, runs: RolloutRunSummary[]): void => {
    byTrial[trial] = runs;
    done += 1;
    options.onProgress?.(done, trials);
  };
  if (workers === 0) {
    const ctx = createTrialContext(plan, design, calibration);
    for (let r = 0; r < trials; r += 1) {
      onTrial(r, runRolloutTrial(ctx, r));
      if (options.onProgress !== undefined && r + 1 < trials) await new Promise((res) => setImmediate(res));
    }
  } else {
    await runTrialsInWorkers(plan, design, calibration, workers, onTrial);
  }
  const runs = byTrial.flatMap((r) => r!);
  const criteria = (runs[0]?.gates ?? []).map((g) => {
    const index = plan.base.rollout.findIndex((s) => s.id === g.stageId);
    return gateCriteriaFor(plan.base, index);
  });
  const first = runs[0]!;
  const weeks = policy.weeks ?? 52;
  const result: RolloutResult = {
    plan: plan.base.name,
    source: plan.source,
    seed,
    trials,
    replicates,
    workers,
    customers: first.customers,
    weeks,
    customerWeeks: first.customers * weeks * runs.length,
    calibration: { oracleAuc: calibration.oracleAuc, annualChurn: calibration.annualChurn, intercept: calibration.intercept },
    modelAuc: spread(byTrial.map((r) => r![0]!.modelAuc)),
    churn: {
      baseline: spread(runs.map((r) => r.baselineChurnRate)),
      programme: spread(runs.map((r) => r.programmeChurnRate)),
      reduction: spread(runs.map((r) => r.baselineChurnRate - r.programmeChurnRate)),
    },
    roi: outputSummary(runs.map((r) => r.roi)),
    paybackMonth: outputSummary(runs.map((r) => r.paybackMonth)),
    probPaybackWithinRun: probabilityEstimate(runs.filter((r) => Number.isFinite(r.paybackMonth)).length, runs.length),
    probRoiPositive: probabilityEstimate(runs.filter((r) => r.roi > 0).length, runs.length),
    retainedCustomers: spread(runs.map((r) => r.retainedCustomers)),
    retainedValueYuan: spread(runs.map((r) => r.retainedValueYuan)),
    costYuan: spread(runs.map((r) => r.costYuan)),
    benefitYuan: spread(runs.map((r) => r.benefitYuan)),
    byTier: tierRollout(plan.base, runs),
    cumulativeCashFlow: monthlyPercentiles(runs, (r) => r.cumulativeCashFlowYuan),
    cumulativeRoi: monthlyPercentiles(runs, (r) => r.cumulativeRoi),
    stages: first.stageBudgetYuan.map((budget, j) => ({ id: first.stageIds[j]!, budgetYuan: budget, spendYuan: spread(runs.map((r) => r.stageSpendYuan[j]!)) })),
    gates: gateSummaries(runs, criteria, options.power ?? 0.8),
    roiVariance: varianceDecomposition(byTrial.map((r) => r!.map((x) => x.roi))),
  };
  if (options.keepRuns === true) result.runs = runs;
  return result;
}
