import { availableParallelism } from "node:os";
import type { Distribution } from "../inputs/distributions";
import type { RolloutCalibration } from "../population/rolloutCalibration";
import type { ControlledMean } from "../stats/controlledMean";
import { runMonteCarlo } from "../montecarlo/monteCarlo";
import { programmeCalibration, type ProgrammeModel } from "../programme/programmeModel";
import { programmeModelFor } from "../programme/programmeModelFor";
import type { RolloutPolicy } from "../programme/rolloutPlanScenario";
import type { RolloutRunSummary } from "./rolloutRunSummary";
import type { RolloutDynamics } from "../population/rolloutScenario";
import type { GateSummary, MonthPercentiles, Spread, TierRollout, VarianceDecomposition } from "./rolloutSummary";
import { createTrialContext, runRolloutTrial, type RolloutDesign } from "./rolloutTrials";
import type { OutputSummary, ProbabilityEstimate } from "../stats/summaries";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { runOnWorkers } from "../workers/workerPool";
import { rolloutResultOf } from "./rolloutResult";

/** Options of {@link runRollout}. */
export interface RolloutOptions extends Omit<RolloutPolicy, "tailWeeks" | "lastStageRunsOn"> {
  /** Outer draws of the uncertain inputs, integer >= 1. */
  trials: number;
  /** Master seed (integer): the result is a function of (plan, options) only, whatever the workers. */
  seed: number;
  /** Customer-level runs per draw [1]; 2 or more gives the variance decomposition. */
  replicates?: number;
  /** Worker threads [0 for one trial, else min(cores, trials)]; 0 runs in this thread. */
  workers?: number;
  /** The model's AUC on 30-day outcomes, overriding the plan's `$.simulation.modelAuc`: a number or a distribution. */
  modelAuc?: number | Distribution;
  /** Draw the plan's uncertain inputs [true]. */
  parameterUncertainty?: boolean;
  /** Use the aggregate view at each trial's inputs as a control variate for the ROI, cash ROI and NPV estimates [true]. */
  controlVariate?: boolean;
  /** Trials of the aggregate view's Monte Carlo run that gives the control variate's mean [1,000 per rollout trial, 20,000 to 200,000: its error is then negligible]. */
  controlTrials?: number;
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
  /** First-year lifetime-value ROI across runs (distribution; its mean's best estimate is `estimates.roi`). */
  roi: OutputSummary;
  /** First-year cash ROI and NPV over the horizon across runs. */
  cashRoi: OutputSummary;
  npv: OutputSummary;
  /** The means of ROI, cash ROI and NPV with their standard errors: with the control variate when it was used (see {@link ControlledMean}). */
  estimates: { roi: ControlledMean; cashRoi: ControlledMean; npv: ControlledMean };
  /** Month at which cumulative cash flow turns positive (Infinity beyond the horizon: counted in the percentiles). */
  paybackMonth: OutputSummary;
  probPaybackWithinRun: ProbabilityEstimate;
  probRoiPositive: ProbabilityEstimate;
  retainedCustomers: Spread;
  retainedValueYuan: Spread;
  costYuan: Spread;
  benefitYuan: Spread;
  byTier: TierRollout[];
  /** Percentiles of cumulative cash flow (cash − cost) at the end of each month of the horizon, yuan. */
  cumulativeCashFlow: MonthPercentiles[];
  cumulativeRoi: MonthPercentiles[];
  stages: Array<{ id: string; budgetYuan: number; spendYuan: Spread }>;
  gates: GateSummary[];
  /** ROI variance split (needs replicates >= 2 and trials >= 2). */
  roiVariance: VarianceDecomposition | null;
  runs?: RolloutRunSummary[];
}

/** Default worker threads for `trials` trials. */
function defaultRolloutWorkers(trials: number): number {
  return trials <= 1 ? 0 : Math.max(1, Math.min(availableParallelism(), trials));
}

/** The calibration {@link runRollout} makes for a plan and dynamics (fixed seed): share it across policies. */
export function calibrationForPlan(plan: UncertainPlan, dynamics: Partial<RolloutDynamics> = {}): RolloutCalibration {
  return programmeCalibration(plan.base, dynamics);
}

async function runTrialsInWorkers(
  plan: UncertainPlan,
  design: RolloutDesign,
  calibration: RolloutCalibration,
  programme: ProgrammeModel,
  workers: number,
  onTrial: (trial: number, runs: RolloutRunSummary[]) => void,
): Promise<void> {
  await runOnWorkers<RolloutRunSummary[]>({
    kind: "rollout",
    init: { json: plan.json, source: plan.source, design, calibration, programme },
    tasks: design.trials,
    workers,
    onResult: onTrial,
  });
}

/**
 * Checks a fixed model AUC against the calibration: above the oracle AUC (the
 * true risk itself) no model can be, below the grid it is not calibrated.
 *
 * @throws RangeError naming the calibrated range.
 */
export function checkAuc(calibration: RolloutCalibration, auc: number): void {
  const low = calibration.aucGrid[calibration.aucGrid.length - 1]!;
  if (!(auc >= low && auc <= calibration.oracleAuc))
    throw new RangeError(
      `model AUC ${auc} is outside what these dynamics allow (${low.toFixed(3)} to ${calibration.oracleAuc.toFixed(3)}, the true risk's own AUC)`,
    );
}

/** The policy part of the options. */
function policyOf(options: RolloutOptions): RolloutPolicy {
  const keys = [
    "customers",
    "weeks",
    "programme",
    "capacityPerWeek",
    "minContactDelayDays",
    "protectionWeeks",
    "cooldownWeeks",
    "maxWaitDays",
    "queueRule",
    "saveCorrelation",
  ] as const;
  const policy: Record<string, unknown> = {};
  for (const k of keys) if (options[k] !== undefined) policy[k] = options[k];
  return policy as RolloutPolicy;
}

/** The control variates' means: the aggregate view's Monte Carlo over the same inputs (its own draws, many trials). */
async function aggregateMeans(
  plan: UncertainPlan,
  options: RolloutOptions,
  programme: ProgrammeModel,
): Promise<Record<"roi" | "cashRoi" | "npv", { mean: number; se: number }> | undefined> {
  if (options.controlVariate === false || options.parameterUncertainty === false || options.modelAuc !== undefined) return undefined;
  const trials = options.controlTrials ?? Math.min(200_000, Math.max(20_000, 1000 * options.trials));
  const mc = await runMonteCarlo(plan, { trials, seed: options.seed, model: "programme", programme, keepSamples: false });
  return {
    roi: { mean: mc.roi.mean, se: mc.roi.se.mean },
    cashRoi: { mean: mc.cashRoi.mean, se: mc.cashRoi.se.mean },
    npv: { mean: mc.npv.mean, se: mc.npv.se.mean },
  };
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
  const { replicates, workers } = checkedRunOptions(options);
  const calibration = options.calibration ?? calibrationForPlan(plan, options.dynamics);
  if (typeof options.modelAuc === "number") checkAuc(calibration, options.modelAuc);
  const policy = policyOf(options);
  const { customers: _c, weeks: _w, programme: _p, ...settingsPolicy } = policy;
  // The aggregate view at each trial's inputs needs the grid over churn and AUC only as a control variate.
  const controlled = options.controlVariate !== false && options.parameterUncertainty !== false && options.modelAuc === undefined;
  const programme = programmeModelFor(plan, { calibration, policy: settingsPolicy, baseOnly: !controlled });
  const design: RolloutDesign = { seed, trials, replicates, parameterUncertainty: options.parameterUncertainty ?? true, policy };
  if (options.modelAuc !== undefined) design.modelAuc = options.modelAuc;
  const byTrial = await runTrials(plan, design, calibration, programme, workers, options.onProgress);
  const control = await aggregateMeans(plan, options, programme);
  return rolloutResultOf(plan, options, byTrial, control, { replicates, workers, calibration, weeks: policy.weeks ?? 52 });
}

/** The run's replicates and worker count (defaults applied), after checking trials, replicates, seed and workers. */
function checkedRunOptions(options: RolloutOptions): { replicates: number; workers: number } {
  const { trials, seed } = options;
  const replicates = options.replicates ?? 1;
  if (!(Number.isSafeInteger(trials) && trials >= 1)) throw new RangeError(`trials must be an integer >= 1, got ${trials}`);
  if (!(Number.isSafeInteger(replicates) && replicates >= 1)) throw new RangeError(`replicates must be an integer >= 1, got ${replicates}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const workers = options.workers ?? defaultRolloutWorkers(trials);
  if (!(Number.isSafeInteger(workers) && workers >= 0)) throw new RangeError(`workers must be an integer >= 0, got ${workers}`);
  return { replicates, workers };
}

/** Every trial's run summaries in trial order, in this thread (workers 0, yielding between trials when reporting progress) or on the pool. */
async function runTrials(
  plan: UncertainPlan,
  design: RolloutDesign,
  calibration: RolloutCalibration,
  programme: ProgrammeModel,
  workers: number,
  onProgress: RolloutOptions["onProgress"],
): Promise<RolloutRunSummary[][]> {
  const trials = design.trials;
  const byTrial: Array<RolloutRunSummary[] | undefined> = new Array(trials);
  let done = 0;
  const onTrial = (trial: number, runs: RolloutRunSummary[]): void => {
    byTrial[trial] = runs;
    done += 1;
    onProgress?.(done, trials);
  };
  if (workers === 0) {
    const ctx = createTrialContext(plan, design, calibration, programme);
    for (let r = 0; r < trials; r += 1) {
      onTrial(r, runRolloutTrial(ctx, r));
      if (onProgress !== undefined && r + 1 < trials) await new Promise((res) => setImmediate(res));
    }
  } else {
    await runTrialsInWorkers(plan, design, calibration, programme, workers, onTrial);
  }
  return byTrial.map((r) => r!);
}
