import type { RolloutCalibration } from "../population/rolloutCalibration";
import { controlledMean, type ControlledMean } from "../stats/controlledMean";
import { probabilityEstimate } from "../stats/summaries";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { gateCriteriaFor } from "./rolloutGates";
import type { RolloutRunSummary } from "./rolloutRunSummary";
import type { RolloutOptions, RolloutResult } from "./rolloutSimulation";
import { gateSummaries, monthlyPercentiles, outputSummary, spread, tierRollout, varianceDecomposition } from "./rolloutSummary";

/** What {@link rolloutResultOf} needs of the run besides the plan and options: defaults applied, calibration used, weeks simulated. */
export interface RolloutRunFacts {
  replicates: number;
  workers: number;
  calibration: RolloutCalibration;
  weeks: number;
}

/**
 * Summarizes the trials' run summaries (in trial order) into the rollout
 * result: spreads, output summaries, the controlled estimates of ROI, cash ROI
 * and NPV (per-trial means against the aggregate view's means `control`),
 * tiers, cash flow by month, stages, gates and the ROI variance split.
 *
 * @param byTrial one array of `replicates` run summaries per trial, trial order.
 * @example
 * rolloutResultOf(plan, options, byTrial, undefined, { replicates: 1, workers: 0, calibration, weeks: 52 }).trials // options.trials
 */
export function rolloutResultOf(
  plan: UncertainPlan,
  options: RolloutOptions,
  byTrial: readonly RolloutRunSummary[][],
  control: Record<"roi" | "cashRoi" | "npv", { mean: number; se: number }> | undefined,
  facts: RolloutRunFacts,
): RolloutResult {
  const { seed, trials } = options;
  const { replicates, workers, calibration, weeks } = facts;
  const runs = byTrial.flat();
  const perTrial = (f: (r: RolloutRunSummary) => number): number[] => byTrial.map((rs) => rs.reduce((s, r) => s + f(r), 0) / rs.length);
  const estimate = (key: "roi" | "cashRoi" | "npv"): ControlledMean =>
    controlledMean(
      perTrial((r) => r[key]),
      perTrial((r) => r.aggregate[key]),
      control?.[key],
    );
  const criteria = (runs[0]?.gates ?? []).map((g) =>
    gateCriteriaFor(
      plan.base,
      plan.base.rollout.findIndex((s) => s.id === g.stageId),
    ),
  );
  const first = runs[0]!;
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
    modelAuc: spread(byTrial.map((r) => r[0]!.modelAuc)),
    churn: {
      baseline: spread(runs.map((r) => r.baselineChurnRate)),
      programme: spread(runs.map((r) => r.programmeChurnRate)),
      reduction: spread(runs.map((r) => r.baselineChurnRate - r.programmeChurnRate)),
    },
    roi: outputSummary(runs.map((r) => r.roi)),
    cashRoi: outputSummary(runs.map((r) => r.cashRoi)),
    npv: outputSummary(runs.map((r) => r.npv)),
    estimates: { roi: estimate("roi"), cashRoi: estimate("cashRoi"), npv: estimate("npv") },
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
    stages: first.stageBudgetYuan.map((budget, j) => ({
      id: first.stageIds[j]!,
      budgetYuan: budget,
      spendYuan: spread(runs.map((r) => r.stageSpendYuan[j]!)),
    })),
    gates: gateSummaries(runs, criteria, options.power ?? 0.8),
    roiVariance: varianceDecomposition(byTrial.map((r) => r.map((x) => x.roi))),
  };
  if (options.keepRuns === true) result.runs = runs;
  return result;
}
