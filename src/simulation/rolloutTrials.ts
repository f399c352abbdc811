import { decayCurveSampler } from "../actions/decayUncertainty";
import type { DecayCurve } from "../actions/decayFit";
import type { Plan } from "../plan/index";
import { FastRng } from "../random/FastRng";
import { createBlockContext, drawBlockUniforms, type BlockContext } from "./blockRunner";
import { compileDistribution, type Distribution } from "./distributions";
import type { RolloutCalibration } from "./rolloutCalibration";
import { runRolloutKernel } from "./rolloutKernel";
import { planDecayCurve, rolloutScenarioFor, type RolloutPolicy } from "./rolloutPlanScenario";
import { summarizeRolloutRun, type RolloutRunSummary } from "./rolloutRunSummary";
import type { UncertainPlan } from "./uncertainPlan";

/** Design of a rollout study that every trial shares (plain data: sent to worker threads). */
export interface RolloutDesign {
  seed: number;
  /** Outer draws (parameter sets). */
  trials: number;
  /** Customer-level runs per draw (inner replicates), >= 1. */
  replicates: number;
  /** The model's AUC: fixed, or a distribution drawn once per trial. */
  modelAuc: number | Distribution;
  /** Draw the plan's uncertain inputs per trial (false: every trial uses the base plan). */
  parameterUncertainty: boolean;
  /** Draw a decay curve per trial from the A/B evidence (`decayCurveSampler`, src/actions; false: the PCHIP point estimate). */
  timingUncertainty: boolean;
  policy: RolloutPolicy;
}

/** The default prior on the model's AUC on unseen data: PERT(0.78, 0.86, 0.92). */
export const defaultModelAuc: Distribution = {
  dist: "pert",
  min: 0.78,
  mode: 0.86,
  max: 0.92,
  why: "a gradient-boosted churn model on workshop, CRM and app signals: 0.80-0.90 is typical; the article targets > 0.85",
};

/** Trials per parameter block: trial r's inputs come from block floor(r / 16), drawn as the Monte Carlo engine draws a block. */
export const PARAMETER_BLOCK = 16;

/** Everything a thread needs to run trials. */
export interface RolloutTrialContext {
  plan: UncertainPlan;
  design: RolloutDesign;
  calibration: RolloutCalibration;
  block: BlockContext;
  aucQuantile: ((u: number) => number) | undefined;
  cache: { index: number; values: Float64Array } | undefined;
}

/** Prepares a plan and design for running trials (in this thread or a worker). */
export function createTrialContext(plan: UncertainPlan, design: RolloutDesign, calibration: RolloutCalibration): RolloutTrialContext {
  return {
    plan,
    design,
    calibration,
    block: createBlockContext(plan, { seed: design.seed }),
    aucQuantile: typeof design.modelAuc === "number" ? undefined : compileDistribution(design.modelAuc).quantile,
    cache: undefined,
  };
}

/** Sets the number at a JSON path such as `$.tiers[0].saveRate` in a plain object (in place). */
function setAtPath(target: unknown, path: string, value: number): void {
  const keys: Array<string | number> = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path.slice(1))) !== null) keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  let node = target as Record<string | number, unknown>;
  for (let k = 0; k < keys.length - 1; k += 1) {
    const next = node[keys[k]!];
    if (typeof next !== "object" || next === null) return;
    node = next as Record<string | number, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The parameters of one trial: the plan with its uncertain inputs drawn, the model AUC and the decay curve. */
export interface TrialParameters {
  plan: Plan;
  modelAuc: number;
  decay: DecayCurve;
}

/**
 * Draws trial `trial`'s parameters. Plan inputs: the uniforms of its
 * parameter block (`FastRng.forRange(seed, "monte-carlo", block)`, Latin
 * hypercube and Gaussian copula as the plan declares, via the Monte Carlo
 * engine's `drawBlockUniforms`) through each input's quantile; inputs of the
 * `simulation` section (the aggregate model's assumptions) are not used.
 * Model AUC: `FastRng.forRange(seed, "rollout-auc", trial)`, clamped inside
 * the calibrated range. Decay curve: `FastRng.forRange(seed, "rollout-decay",
 * trial)`. Each depends only on (seed, trial, trials): any thread gives the
 * same (as in the Monte Carlo engine, the last, partial block's draws depend
 * on how many trials it holds).
 *
 * @throws RangeError when the trial index is out of range.
 */
export function trialParameters(ctx: RolloutTrialContext, trial: number): TrialParameters {
  const { design, plan } = ctx;
  if (!(Number.isSafeInteger(trial) && trial >= 0 && trial < design.trials)) throw new RangeError(`trial must be 0..${design.trials - 1}, got ${trial}`);
  const json = structuredClone(plan.base) as Plan;
  const dims = plan.inputs.length;
  if (design.parameterUncertainty && dims > 0) {
    const b = Math.floor(trial / PARAMETER_BLOCK);
    const start = b * PARAMETER_BLOCK;
    const count = Math.min(design.trials, start + PARAMETER_BLOCK) - start;
    if (ctx.cache === undefined || ctx.cache.index !== b) {
      const u = new Float64Array(count * dims);
      drawBlockUniforms(ctx.block, FastRng.forRange(design.seed, "monte-carlo", b), count, dims, u);
      ctx.cache = { index: b, values: u };
    }
    const u = ctx.cache.values;
    plan.inputs.forEach((input, j) => {
      if (input.path.startsWith("$.simulation")) return;
      setAtPath(json, input.path, input.compiled.quantile(u[j * count + (trial - start)]!));
    });
  }
  const cal = ctx.calibration;
  const lowest = cal.aucGrid[cal.aucGrid.length - 1]!;
  const modelAuc =
    ctx.aucQuantile === undefined
      ? (design.modelAuc as number)
      : Math.min(cal.oracleAuc, Math.max(lowest, ctx.aucQuantile(FastRng.forRange(design.seed, "rollout-auc", trial).next())));
  const decay = design.timingUncertainty ? decayCurveSampler(json.timing.abTest, { shape: "pchip" })(FastRng.forRange(design.seed, "rollout-decay", trial).uniform) : planDecayCurve(json);
  return { plan: json, modelAuc, decay };
}

/**
 * Runs trial `trial`: its parameters ({@link trialParameters}), then
 * `replicates` customer-level runs, replicate k on the customer stream
 * `FastRng.forRange(seed, "rollout-customers", trial × replicates + k)`
 * (so two designs with the same seed share customers: common random numbers
 * across policies too), each summarized.
 *
 * @example
 * runRolloutTrial(ctx, 0).length // design.replicates
 */
export function runRolloutTrial(ctx: RolloutTrialContext, trial: number): RolloutRunSummary[] {
  const { plan, modelAuc, decay } = trialParameters(ctx, trial);
  const scenario = rolloutScenarioFor(plan, ctx.calibration, modelAuc, ctx.design.policy, decay);
  const out: RolloutRunSummary[] = [];
  for (let k = 0; k < ctx.design.replicates; k += 1) {
    const rng = FastRng.forRange(ctx.design.seed, "rollout-customers", trial * ctx.design.replicates + k);
    const run = runRolloutKernel(scenario, rng.state);
    out.push(summarizeRolloutRun(run, scenario, plan, modelAuc, trial, k));
  }
  return out;
}
