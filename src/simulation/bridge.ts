import { recomputed } from "../plan/recomputed";
import { runMonteCarlo, type MonteCarloResult } from "./montecarlo/monteCarlo";
import { programmeCalibration } from "./programme/programmeModel";
import { programmeModelFor } from "./programme/programmeModelFor";
import type { ProgrammeModel } from "./programme/programmeModel";
import type { UncertainPlan } from "./inputs/uncertainPlan";

/** The named steps of the ROI bridge, in order. */
export const bridgeStepIds = ["arithmetic", "uncertainty", "rolloutRamp", "flows", "capacityDelay", "modelAccuracy", "cash"] as const;
/** One step's id. */
export type BridgeStepId = (typeof bridgeStepIds)[number];

/** One step of the bridge: how much the ROI moves when one more piece of reality is added, with the Monte Carlo standard error of that move. */
export interface BridgeStep {
  id: BridgeStepId;
  label: string;
  /** Change of the ROI (a fraction: 0.5 is 50 points). */
  delta: number;
  /** Standard error of the change (paired over the same draws; 0 for the deterministic arithmetic step). */
  se: number;
}

/** From the plan's stated ROI to the programme model's first-year cash ROI, one named step at a time. */
export interface RoiBridge {
  start: { label: string; roi: number };
  steps: BridgeStep[];
  end: { label: string; roi: number; se: number };
  trials: number;
  seed: number;
  /** The programme model's views at the end of the bridge (same draws): first-year lifetime-value ROI and the NPV over its horizon, with standard errors. */
  programme: {
    roi: { mean: number; se: number };
    cashRoi: { mean: number; se: number };
    npv: { mean: number; se: number };
    npvYears: number;
    probMvpRoiBar: { value: number; se: number };
  };
}

/** Labels of the steps (English; the charts translate by id). */
export const bridgeLabels: Record<BridgeStepId | "start" | "end", string> = {
  start: "ROI as the plan states it",
  arithmetic: "arithmetic corrections (audit)",
  uncertainty: "uncertain inputs (mean over draws)",
  rolloutRamp: "rollout ramp (stages reach customers gradually)",
  flows: "flows of newly high-risk customers instead of tier stocks",
  capacityDelay: "channel capacity and contact delay",
  modelAccuracy: "model accuracy at the plan's AUC",
  cash: "first-year cash instead of lifetime value",
  end: "first-year cash ROI (programme model)",
};

/** Options of {@link roiBridge}. */
export interface BridgeOptions {
  /** Monte Carlo trials of every variant (default 100,000). */
  trials?: number;
  seed?: number;
  workers?: number;
}

/** Mean and standard error of a − b over the trials where every variant is finite. */
function paired(a: Float32Array, b: Float32Array | undefined, keep: Uint8Array): { mean: number; se: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < a.length; i += 1) {
    if (keep[i] === 0) continue;
    const x = a[i]! - (b === undefined ? 0 : b[i]!);
    n += 1;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  return { mean, se: n > 1 ? Math.sqrt(m2 / (n - 1) / n) : Number.NaN };
}

/** The three programme models of the bridge (sharing one calibration): no capacity limit and a perfect model; the plan's capacity with a perfect model; the plan's capacity at the model's AUC. */
function bridgeModels(plan: UncertainPlan): { unlimited: ProgrammeModel; capacity: ProgrammeModel; full: ProgrammeModel } {
  const calibration = programmeCalibration(plan.base);
  return {
    unlimited: programmeModelFor(plan, { calibration, unlimitedCapacity: true, perfectModel: true }),
    capacity: programmeModelFor(plan, { calibration, perfectModel: true }),
    full: programmeModelFor(plan, { calibration }),
  };
}

/**
 * The ROI bridge: from the plan's stated first-year ROI to the programme
 * model's first-year cash ROI, each step adding one piece of reality, all
 * Monte Carlo variants on the same draws (common random numbers), so each
 * step's change is measured with its own small standard error:
 * 1. arithmetic: the audit's corrections (cost lines recomputed from their
 *    drivers; deterministic);
 * 2. uncertainty: the mean over the uncertain inputs of the plan's own
 *    top-down model (recomputed costs) minus its value at base;
 * 3. rollout ramp: benefits and tier costs scaled to the customers the
 *    stages reach during the year;
 * 4. flows: the programme model (newly high-risk customers flagged each
 *    week, contacts paid as made, saves of would-be churners with a
 *    duration) with unlimited capacity and a perfect model, still valued at
 *    lifetime value;
 * 5. capacity and delay: the channels' capacity per stage (the plan's
 *    budget) and the queue rule;
 * 6. model accuracy: the model's AUC instead of a perfect ranking;
 * 7. cash: the first year's cash (margin on the customer-weeks kept +
 *    referral value) instead of lifetime value.
 * The steps add up exactly to the end figure (start + Σ deltas = end).
 *
 * @example
 * const b = await roiBridge(loadUncertainPlan("data/plans/seed-plan-uncertain.json"), { trials: 20000, seed: 1 });
 * b.start.roi + b.steps.reduce((s, x) => s + x.delta, 0) === b.end.roi // true
 */
export async function roiBridge(plan: UncertainPlan, options: BridgeOptions = {}): Promise<RoiBridge> {
  return (await roiBridgeWithRun(plan, options)).bridge;
}

/**
 * {@link roiBridge} and the Monte Carlo run of its last variant (the
 * programme model with the plan's capacity at the model's AUC): the run the
 * bridge's end figure comes from, for pages that show both.
 *
 * @example
 * (await roiBridgeWithRun(plan, { trials: 20000 })).run.cashRoi.mean // = bridge.end.roi up to rounding
 */
export async function roiBridgeWithRun(plan: UncertainPlan, options: BridgeOptions = {}): Promise<{ bridge: RoiBridge; run: MonteCarloResult }> {
  const trials = options.trials ?? 100_000;
  const seed = options.seed ?? 1;
  const common = { trials, seed, keepSamples: true, ...(options.workers !== undefined ? { workers: options.workers } : {}) };
  const models = bridgeModels(plan);
  const runs: MonteCarloResult[] = [];
  runs.push(await runMonteCarlo(plan, { ...common, model: "as-stated", costs: "recomputed", coverageRamp: false }));
  runs.push(await runMonteCarlo(plan, { ...common, model: "as-stated", costs: "recomputed", coverageRamp: true }));
  for (const programme of [models.unlimited, models.capacity, models.full]) runs.push(await runMonteCarlo(plan, { ...common, model: "programme", programme }));
  const series = [...runs.map((r) => r.samples!.roi), runs[runs.length - 1]!.samples!.cashRoi];
  const keep = new Uint8Array(trials).fill(1);
  for (const s of series) for (let i = 0; i < trials; i += 1) if (!Number.isFinite(s[i]!)) keep[i] = 0;
  const stated = plan.base.benefits.roiStated;
  const corrected = recomputed(plan.base).roi;
  const means = series.map((s) => paired(s, undefined, keep).mean);
  const stepOf = (id: BridgeStepId, delta: number, se: number): BridgeStep => ({ id, label: bridgeLabels[id], delta, se });
  const steps: BridgeStep[] = [
    stepOf("arithmetic", corrected - stated, 0),
    stepOf("uncertainty", means[0]! - corrected, paired(series[0]!, undefined, keep).se),
  ];
  const ids: BridgeStepId[] = ["rolloutRamp", "flows", "capacityDelay", "modelAccuracy", "cash"];
  ids.forEach((id, j) => {
    steps.push(stepOf(id, means[j + 1]! - means[j]!, paired(series[j + 1]!, series[j]!, keep).se));
  });
  const endSeries = series[series.length - 1]!;
  const last = runs[runs.length - 1]!;
  const bridge: RoiBridge = {
    start: { label: bridgeLabels.start, roi: stated },
    steps,
    end: { label: bridgeLabels.end, roi: stated + steps.reduce((s, x) => s + x.delta, 0), se: paired(endSeries, undefined, keep).se },
    trials,
    seed,
    programme: {
      roi: paired(series[series.length - 2]!, undefined, keep),
      cashRoi: paired(endSeries, undefined, keep),
      npv: { mean: last.npv.mean, se: last.npv.se.mean },
      npvYears: last.npvYears,
      probMvpRoiBar: { value: last.probRoiAbove200.value, se: last.probRoiAbove200.se },
    },
  };
  return { bridge, run: last };
}
