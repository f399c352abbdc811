import { auditPlan } from "../plan/audit";
import { asStated } from "../plan/asStated";
import { recomputed } from "../plan/recomputed";
import { runMonteCarlo, type MonteCarloOptions } from "../simulation/monteCarlo";
import { tornado, type SensitivityOptions } from "../simulation/sensitivity";
import { parseUncertainPlan, type BenefitModel, type CostView } from "../simulation/uncertainPlan";
import type { CeoPageInputs } from "./CeoPageInputs";
import { planFileInfo } from "./planFileInfo";
import { readInputBytes } from "../io/readInputBytes";
import { parseJsonBytes } from "../io/readJson";
import { stageGates } from "./stageGates";
import { runRollout, type RolloutOptions } from "../simulation/rolloutSimulation";
import { rolloutGateProblems } from "../simulation/rolloutGateProblems";
import type { CeoRollout } from "./CeoPageInputs";

/** Options of {@link collectCeoInputs}. */
export interface CeoRunOptions {
  /** Monte Carlo trials, integer >= 1 (default 100,000). */
  trials?: number;
  /** Master seed, integer (default 1). */
  seed?: number;
  /** Cost lines simulated (default "recomputed": the audit's corrected tier costs; "stated" as the plan writes them). */
  costs?: CostView;
  /** Benefit model (default the plan file's `simulation.model`, else "as-stated"). */
  model?: BenefitModel;
  /** Worker threads of the Monte Carlo engine (default: the engine's choice; the result does not depend on it). */
  workers?: number;
  /** Generation time printed in the footer (default now). */
  now?: Date;
  /**
   * The customer-level rollout simulation behind the stage gates: its draws
   * (default {@link defaultCeoRollout}.trials), simulated customers (a scale
   * model of the plan; default 20,000) and worker threads; `false` skips it
   * (the MVP gate then shows the Monte Carlo P(ROI > its bar)). Its seed is
   * the page's seed. Skipped as well when no rollout stage states success
   * criteria (the simulation's gates need them).
   */
  rollout?: false | { trials?: number; customers?: number; workers?: number };
}

/** Default size of the CEO page's rollout simulation: 24 draws of a 20,000-customer scale model (about 10 s on one core). */
export const defaultCeoRollout = { trials: 24, customers: 20_000 } as const;

/** Default Monte Carlo trials of the CEO page: P(ROI > 200%) to ±0.3 points (2 standard errors at p = 0.5). */
export const defaultCeoTrials = 100_000;

/**
 * Computes everything the CEO page shows from a plan file: the plan (an
 * uncertain plan file's base plan; a plain plan is an uncertain plan with no
 * distributions), both deterministic views, the audit, a Monte Carlo run
 * (`runMonteCarlo`), the ROI tornado (`tornado`) and the stage gates
 * ({@link stageGates}) from the customer-level rollout simulation
 * (`runRollout`, a scale model of the plan), plus the run's traceability (seed, trials, model,
 * cost view, the file's SHA-256, churnlab version, date).
 *
 * @param planFile path of a plan or uncertain-plan JSON file
 * @param options trials, seed, cost view, model, workers, date, rollout size
 * @throws InputError(planFile, problems) when the file cannot be read or is not a valid (uncertain) plan
 * @throws RangeError when trials, seed or workers are out of range
 * @example
 * (await collectCeoInputs("data/plans/seed-plan-uncertain.json", { trials: 20000, seed: 1 })).recomputed.roi // 2.159339263024142
 */
export async function collectCeoInputs(planFile: string, options: CeoRunOptions = {}): Promise<CeoPageInputs> {
  const trials = options.trials ?? defaultCeoTrials;
  const seed = options.seed ?? 1;
  if (!(Number.isSafeInteger(trials) && trials >= 1)) throw new RangeError(`trials must be an integer >= 1, got ${trials}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  // Read once (standard input too): the footer's hash is of the very bytes the figures come from.
  const bytes = readInputBytes(planFile, { what: "plan file" });
  const file = planFileInfo(planFile, bytes);
  const uncertain = parseUncertainPlan(parseJsonBytes(bytes, planFile), planFile);
  const plan = uncertain.base;
  const costs = options.costs ?? "recomputed";
  const model = options.model ?? uncertain.assumptions.model;
  const mcOptions: MonteCarloOptions = { trials, seed, costs, model, keepSamples: true };
  if (options.workers !== undefined) mcOptions.workers = options.workers;
  const mc = await runMonteCarlo(uncertain, mcOptions);
  const sensitivity: SensitivityOptions = { costs, model };
  const drivers = tornado(uncertain, sensitivity);
  const roiSamples = mc.samples?.roi ?? new Float32Array(0);
  let rollout: CeoRollout | null = null;
  // The rollout's gates need success criteria (the simulation applies a stage's own or an earlier stage's).
  if (options.rollout !== false && rolloutGateProblems(plan).length === 0) {
    const r = options.rollout ?? {};
    const customers = Math.min(r.customers ?? defaultCeoRollout.customers, plan.customers);
    const rolloutOptions: RolloutOptions = { trials: r.trials ?? defaultCeoRollout.trials, seed, customers };
    if (r.workers !== undefined) rolloutOptions.workers = r.workers;
    const result = await runRollout(uncertain, rolloutOptions);
    rollout = {
      seed: result.seed,
      trials: result.trials,
      customers: result.customers,
      scale: plan.customers / result.customers,
      roi: result.roi,
      retainedCustomers: result.retainedCustomers,
      probPaybackWithinRun: result.probPaybackWithinRun,
      gates: result.gates,
    };
  }
  return {
    plan,
    planFile: file,
    asStated: asStated(plan),
    recomputed: recomputed(plan),
    findings: auditPlan(plan),
    monteCarlo: {
      roi: mc.roi,
      paybackMonths: mc.paybackMonths,
      netBenefit: mc.netBenefit,
      probLoss: mc.probLoss,
      probRoiAbove200: mc.probRoiAbove200,
      probPaybackOver12: mc.probPaybackOver12,
      roiSamples,
    },
    drivers,
    rollout,
    gates: stageGates(plan, { probRoiAbove200: mc.probRoiAbove200, roiSamples }, rollout?.gates ?? []),
    run: {
      seed,
      trials,
      model,
      costs,
      version: churnlabVersion(),
      generatedAt: (options.now ?? new Date()).toISOString(),
      uncertainInputs: uncertain.inputs.filter((x) => x.distribution.dist !== "fixed").length,
    },
  };
}

/**
 * The churnlab version from package.json.
 *
 * @example
 * churnlabVersion() // "0.1.0"
 */
export function churnlabVersion(): string {
  return (require("../../package.json") as { version: string }).version;
}
