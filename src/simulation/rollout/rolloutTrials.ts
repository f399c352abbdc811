import type { DecayCurve } from "../../actions/decayFit";
import type { Plan } from "../../plan/index";
import { FastRng } from "../../random/FastRng";
import { createBlockContext, drawBlockUniforms, type BlockContext } from "../montecarlo/blockRunner";
import { compileDistribution, type Distribution } from "../inputs/distributions";
import type { RolloutCalibration } from "../population/rolloutCalibration";
import { runRolloutKernel } from "../population/rolloutKernel";
import type { ProgrammeModel } from "../programme/programmeModel";
import { planDecayCurve, rolloutScenarioFor, type RolloutPolicy } from "../programme/rolloutPlanScenario";
import { summarizeRolloutRun, type RolloutRunSummary } from "./rolloutRunSummary";
import type { UncertainPlan } from "../inputs/uncertainPlan";

/** Design of a rollout study that every trial shares (plain data: sent to worker threads). */
export interface RolloutDesign {
  seed: number;
  /** Outer draws (parameter sets). */
  trials: number;
  /** Customer-level runs per draw (inner replicates), >= 1. */
  replicates: number;
  /** The model's AUC, overriding the plan's `$.simulation.modelAuc`: fixed, or a distribution drawn once per trial. */
  modelAuc?: number | Distribution;
  /** Draw the plan's uncertain inputs per trial (false: every trial uses the base plan). */
  parameterUncertainty: boolean;
  policy: RolloutPolicy;
}

/** Trials per parameter block: trial r's inputs come from block floor(r / 16), drawn as the Monte Carlo engine draws a block. */
const PARAMETER_BLOCK = 16;

/** Everything a thread needs to run trials. */
export interface RolloutTrialContext {
  plan: UncertainPlan;
  design: RolloutDesign;
  calibration: RolloutCalibration;
  /** The programme model with the study's policy: the value-first rule's priorities, the aggregate view at each trial's inputs, the team's projections at the gates. */
  programme: ProgrammeModel;
  block: BlockContext;
  aucQuantile: ((u: number) => number) | undefined;
  cache: { index: number; values: Float64Array } | undefined;
}

/** Prepares a plan and design for running trials (in this thread or a worker). */
export function createTrialContext(
  plan: UncertainPlan,
  design: RolloutDesign,
  calibration: RolloutCalibration,
  programme: ProgrammeModel,
): RolloutTrialContext {
  return {
    plan,
    design,
    calibration,
    programme,
    block: createBlockContext(plan, { seed: design.seed, model: "as-stated" }),
    aucQuantile: design.modelAuc === undefined || typeof design.modelAuc === "number" ? undefined : compileDistribution(design.modelAuc).quantile,
    cache: undefined,
  };
}

/** Sets the number at a JSON path such as `$.tiers[0].saveRate` in a plain object (in place). */
function setAtPath(target: unknown, path: string, value: number): void {
  const keys: Array<string | number> = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const m of path.slice(1).matchAll(re)) keys.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  let node = target as Record<string | number, unknown>;
  for (let k = 0; k < keys.length - 1; k += 1) {
    const next = node[keys[k]!];
    if (typeof next !== "object" || next === null) return;
    node = next as Record<string | number, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The parameters of one trial: the plan with its uncertain inputs drawn, the programme settings drawn with it, and the decay curve through its A/B points. */
export interface TrialParameters {
  plan: Plan;
  modelAuc: number;
  annualMarginYuan: number;
  discountRate: number;
  decay: DecayCurve;
}

/** The uniforms of trial `trial`'s parameter block (drawn as the Monte Carlo engine draws a block), cached per block. */
function trialUniforms(ctx: RolloutTrialContext, trial: number): { u: Float64Array; count: number; at: number } {
  const b = Math.floor(trial / PARAMETER_BLOCK);
  const start = b * PARAMETER_BLOCK;
  const count = Math.min(ctx.design.trials, start + PARAMETER_BLOCK) - start;
  const dims = ctx.plan.inputs.length;
  if (ctx.cache === undefined || ctx.cache.index !== b) {
    const u = new Float64Array(count * dims);
    drawBlockUniforms(ctx.block, FastRng.forRange(ctx.design.seed, "monte-carlo", b), count, dims, u);
    ctx.cache = { index: b, values: u };
  }
  return { u: ctx.cache.values, count, at: trial - start };
}

/**
 * Draws trial `trial`'s parameters. Plan inputs, the programme settings
 * among them (`$.simulation.modelAuc`, `annualMarginYuan`, `discountRate`):
 * the uniforms of its parameter block (`FastRng.forRange(seed,
 * "monte-carlo", block)`, Latin hypercube and Gaussian copula as the plan
 * declares, via the Monte Carlo engine's `drawBlockUniforms`) through each
 * input's quantile. A `modelAuc` in the design overrides the plan's (a
 * distribution is drawn from `FastRng.forRange(seed, "rollout-auc",
 * trial)`); the AUC is kept inside the calibrated range. The decay curve is
 * the PCHIP through the trial's A/B points. Each depends only on (seed,
 * trial, trials): any thread gives the same.
 *
 * @throws RangeError when the trial index is out of range.
 */
function trialParameters(ctx: RolloutTrialContext, trial: number): TrialParameters {
  const { design, plan } = ctx;
  if (!(Number.isSafeInteger(trial) && trial >= 0 && trial < design.trials)) throw new RangeError(`trial must be 0..${design.trials - 1}, got ${trial}`);
  const json = structuredClone(plan.base) as Plan;
  const settings = plan.assumptions.programme;
  const drawn: Record<string, number> = { annualMarginYuan: settings.annualMarginYuan, modelAuc: settings.modelAuc, discountRate: settings.discountRate };
  if (design.parameterUncertainty && plan.inputs.length > 0) {
    const { u, count, at } = trialUniforms(ctx, trial);
    plan.inputs.forEach((input, j) => {
      const value = input.compiled.quantile(u[j * count + at]!);
      if (input.path.startsWith("$.simulation.")) drawn[input.path.slice("$.simulation.".length)] = value;
      else setAtPath(json, input.path, value);
    });
  }
  const cal = ctx.calibration;
  let auc = drawn["modelAuc"]!;
  if (typeof design.modelAuc === "number") auc = design.modelAuc;
  else if (ctx.aucQuantile !== undefined) auc = ctx.aucQuantile(FastRng.forRange(design.seed, "rollout-auc", trial).next());
  const modelAuc = Math.min(cal.oracleAuc, Math.max(cal.aucGrid[cal.aucGrid.length - 1]!, auc));
  return { plan: json, modelAuc, annualMarginYuan: drawn["annualMarginYuan"]!, discountRate: drawn["discountRate"]!, decay: planDecayCurve(json) };
}

/**
 * Runs trial `trial`: its parameters ({@link trialParameters}), then
 * `replicates` customer-level runs, replicate k on the customer stream
 * `FastRng.forRange(seed, "rollout-customers", trial × replicates + k)`
 * (so two designs with the same seed share customers: common random numbers
 * across policies too), each summarized with the aggregate view at the same
 * parameters.
 *
 * @example
 * runRolloutTrial(ctx, 0).length // design.replicates
 */
export function runRolloutTrial(ctx: RolloutTrialContext, trial: number): RolloutRunSummary[] {
  const params = trialParameters(ctx, trial);
  const model = ctx.programme;
  const tail = Math.max(0, 52 * model.settings.horizonYears - (ctx.design.policy.weeks ?? 52));
  const scenario = rolloutScenarioFor(
    params.plan,
    ctx.calibration,
    params.modelAuc,
    model.settings,
    { ...ctx.design.policy, tailWeeks: tail },
    params.decay,
    model.contactPriority,
  );
  const out: RolloutRunSummary[] = [];
  for (let k = 0; k < ctx.design.replicates; k += 1) {
    const rng = FastRng.forRange(ctx.design.seed, "rollout-customers", trial * ctx.design.replicates + k);
    const run = runRolloutKernel(scenario, rng.state);
    out.push(summarizeRolloutRun(run, scenario, params, model, trial, k));
  }
  return out;
}
