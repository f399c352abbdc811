import { auditPlan } from "../plan/audit";
import { asStated } from "../plan/asStated";
import { recomputed } from "../plan/recomputed";
import { roiBridgeWithRun } from "../simulation/bridge";
import { evaluateProgrammeModel } from "../simulation/programme/programmeEvaluation";
import { programmeModelFor } from "../simulation/programme/programmeModelFor";
import { recommend } from "../simulation/recommendation";
import { rolloutGateProblems } from "../simulation/rollout/rolloutGateProblems";
import { runRollout, type RolloutOptions } from "../simulation/rollout/rolloutSimulation";
import { tornado } from "../simulation/montecarlo/sensitivity";
import { parseUncertainPlan, type UncertainPlan } from "../simulation/inputs/uncertainPlan";
import type { CeoPageInputs, CeoRollout } from "./CeoPageInputs";
import { planFileInfo } from "./planFileInfo";
import { probabilityAbove } from "./probabilityAbove";
import { readInputBytes } from "../io/readInputBytes";
import { parseJsonBytes } from "../io/readJson";
import { stageGates } from "./stageGates";
import { churnlabVersion } from "../io/churnlabVersion";

/** Options of {@link collectCeoInputs}. */
export interface CeoRunOptions {
  /** Monte Carlo trials of every bridge variant, integer >= 1 (default 20,000). */
  trials?: number;
  /** Master seed, integer (default 1). */
  seed?: number;
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

/** Default size of the CEO page's rollout simulation: 24 draws of a 20,000-customer scale model. */
export const defaultCeoRollout = { trials: 24, customers: 20_000 } as const;

/** Default Monte Carlo trials of the CEO page (each of the bridge's variants): the headline to ±0.1 ROI points. */
export const defaultCeoTrials = 20_000;

/** The customer-level rollout behind the gates, or null when skipped. */
async function ceoRollout(uncertain: UncertainPlan, seed: number, options: CeoRunOptions): Promise<CeoRollout | null> {
  const plan = uncertain.base;
  if (options.rollout === false || rolloutGateProblems(plan).length > 0) return null;
  const r = options.rollout ?? {};
  const customers = Math.min(r.customers ?? defaultCeoRollout.customers, plan.customers);
  const rolloutOptions: RolloutOptions = { trials: r.trials ?? defaultCeoRollout.trials, seed, customers };
  if (r.workers !== undefined) rolloutOptions.workers = r.workers;
  const result = await runRollout(uncertain, rolloutOptions);
  return {
    seed: result.seed,
    trials: result.trials,
    customers: result.customers,
    scale: plan.customers / result.customers,
    roi: result.roi,
    cashRoi: result.cashRoi,
    estimates: result.estimates,
    retainedCustomers: result.retainedCustomers,
    probPaybackWithinRun: result.probPaybackWithinRun,
    gates: result.gates,
  };
}

/**
 * Computes everything the CEO page shows from a plan file: the plan (an
 * uncertain plan file's base plan; a plain plan is an uncertain plan with no
 * distributions), both deterministic views, the audit, the ROI bridge with
 * the programme model's Monte Carlo (its last variant: `roiBridgeWithRun`),
 * the programme's ROI tornado, the stage gates from the customer-level
 * rollout (`runRollout`, a scale model of the plan), the recommendation by
 * rule (`recommend`), plus the run's traceability (seed, trials, the file's
 * SHA-256, churnlab version, date). Every headline figure comes from one of
 * these runs: the headline ROI is the bridge's end.
 *
 * @param planFile path of a plan or uncertain-plan JSON file
 * @throws InputError(planFile, problems) when the file cannot be read or is not a valid (uncertain) plan
 * @throws RangeError when trials, seed or workers are out of range
 * @example
 * (await collectCeoInputs("data/plans/seed-plan-uncertain.json", { trials: 20000, seed: 1 })).headlineRoi.value // the bridge's end
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
  const { bridge, run: mc } = await roiBridgeWithRun(uncertain, { trials, seed, ...(options.workers !== undefined ? { workers: options.workers } : {}) });
  const drivers = tornado(uncertain, { model: "programme" });
  // The bridge's last variant is the plan's default programme model (cached): its deterministic view at base.
  const base = evaluateProgrammeModel(programmeModelFor(uncertain)).outputs;
  const rollout = await ceoRollout(uncertain, seed, options);
  const roiSamples = mc.samples?.roi ?? new Float32Array(0);
  const gates = stageGates(plan, { probRoiAbove200: mc.probRoiAbove200, roiSamples }, rollout?.gates ?? []);
  const mvp = rollout?.gates[0];
  const roiLine = gates.flatMap((g) => g.criteria).find((c) => c.kind === "roi")?.min ?? 2;
  const recommendation = recommend({
    mvpGate: mvp === undefined ? undefined : { probGo: mvp.probGo.value, probStop: mvp.probStop.value },
    probRoiAboveLine: roiLine === 2 ? mc.probRoiAbove200.value : probabilityAbove(roiSamples, roiLine).value,
    roiLine,
    probNpvPositive: 1 - mc.probNpvNegative.value,
    npvYears: mc.npvYears,
    cashRoi: { value: bridge.end.roi, se: bridge.end.se },
    drivers: drivers.bars,
  });
  return {
    plan,
    planFile: file,
    asStated: asStated(plan),
    recomputed: recomputed(plan),
    findings: auditPlan(plan),
    monteCarlo: {
      roi: mc.roi,
      cashRoi: mc.cashRoi,
      npv: mc.npv,
      npvYears: mc.npvYears,
      discountRate: mc.discountRate,
      paybackMonths: mc.paybackMonths,
      netBenefit: mc.netBenefit,
      probLoss: mc.probLoss,
      probRoiAbove200: mc.probRoiAbove200,
      probPaybackOver12: mc.probPaybackOver12,
      probNpvNegative: mc.probNpvNegative,
      roiSamples,
      cashRoiSamples: mc.samples?.cashRoi ?? new Float32Array(0),
    },
    drivers,
    rollout,
    gates,
    bridge,
    headlineRoi: { value: bridge.end.roi, se: bridge.end.se },
    programmeBase: { retainedCustomers: base.retainedCustomers, roi: base.roi, cashRoi: base.cashRoi },
    recommendation,
    assumptions: uncertain.assumptions.programmeSources,
    run: {
      seed,
      trials,
      model: "programme",
      costs: "recomputed",
      version: churnlabVersion(),
      generatedAt: (options.now ?? new Date()).toISOString(),
      uncertainInputs: uncertain.inputs.filter((x) => x.distribution.dist !== "fixed").length,
    },
  };
}
