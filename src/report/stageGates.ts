import type { Plan } from "../plan/schema";
import type { ProbabilityEstimate } from "../simulation/summaries";
import { probabilityAbove } from "./probabilityAbove";

/** One criterion of a stage gate: the measured value must exceed `min`. */
export interface GateCriterion {
  /** "auc" model AUC (0..1), "saveRate" intervention save rate (0..1), "roi" first-year ROI (fraction, 2 = 200%). */
  kind: "auc" | "saveRate" | "roi";
  min: number;
}

/** A gate's pass probability from the rollout simulation (one per stage it simulates). */
export interface GateProbability {
  stageId: string;
  /** Probability that the stage meets its criteria, 0..1. */
  passProbability: number;
  /** Its Monte Carlo standard error, when known. */
  se?: number;
}

/** Where a gate's pass probability comes from. */
export type GateSource =
  /** The rollout simulation: every criterion of the stage. */
  | "rollout"
  /** The first-year Monte Carlo: P(ROI > the stage's ROI bar) only, an upper bound on passing all its criteria. */
  | "monte-carlo-roi"
  /** Not simulated. */
  | "none";

/** The go / no-go decision at the end of a rollout stage. */
export interface StageGate {
  stageId: string;
  name: string;
  nameZh?: string;
  /** Month at which the gate is decided: the stage's end (3 for the MVP). */
  decisionMonth: number;
  /** The stage's success criteria as the plan states them (empty when it states none). */
  criteria: GateCriterion[];
  /** Probability of passing, 0..1, or null when not simulated. */
  passProbability: number | null;
  /** Standard error of passProbability (null when unknown). */
  passProbabilitySe: number | null;
  source: GateSource;
}

/**
 * The plan's stage gates (one per rollout stage, decided at the stage's end,
 * in stage order) with their pass probabilities: from the rollout
 * simulation when it gives one for the stage, otherwise, for a stage with an
 * ROI criterion, the Monte Carlo probability that the first-year ROI beats
 * it (P(ROI > 200%) for the seed plan's MVP; an upper bound, since AUC and
 * save rate must pass too), otherwise null.
 *
 * @param plan a validated plan
 * @param monteCarlo P(ROI > 200%) with its standard error, and the ROI sample (for another ROI bar: the share of trials above it)
 * @param rollout pass probabilities from the rollout simulation, by stage id (optional)
 * @throws RangeError when a rollout probability is outside [0, 1]
 * @example
 * stageGates(seedPlan, { probRoiAbove200: { value: 0.42, se: 0.002 }, roiSamples: [] }).map((g) => [g.stageId, g.decisionMonth, g.passProbability])
 * // [["mvp", 3, 0.42], ["regional", 6, null], ["national", 12, null]]
 */
export function stageGates(
  plan: Plan,
  monteCarlo: { probRoiAbove200: ProbabilityEstimate; roiSamples: ArrayLike<number> },
  rollout: readonly GateProbability[] = [],
): StageGate[] {
  for (const r of rollout) {
    if (!(r.passProbability >= 0 && r.passProbability <= 1)) throw new RangeError(`gate "${r.stageId}": pass probability must be in [0, 1], got ${r.passProbability}`);
  }
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  return stages.map((stage): StageGate => {
    const c = stage.successCriteria;
    const criteria: GateCriterion[] =
      c === undefined
        ? []
        : [
            { kind: "auc", min: c.aucMin },
            { kind: "saveRate", min: c.saveRateMin },
            { kind: "roi", min: c.roiMin },
          ];
    const gate: StageGate = { stageId: stage.id, name: stage.name, decisionMonth: stage.monthEnd, criteria, passProbability: null, passProbabilitySe: null, source: "none" };
    if (stage.nameZh !== undefined) gate.nameZh = stage.nameZh;
    const simulated = rollout.find((r) => r.stageId === stage.id);
    if (simulated !== undefined) {
      return { ...gate, passProbability: simulated.passProbability, passProbabilitySe: simulated.se ?? null, source: "rollout" };
    }
    if (c !== undefined) {
      const estimate = c.roiMin === 2 ? monteCarlo.probRoiAbove200 : probabilityAbove(monteCarlo.roiSamples, c.roiMin);
      if (Number.isFinite(estimate.value)) return { ...gate, passProbability: estimate.value, passProbabilitySe: estimate.se, source: "monte-carlo-roi" };
    }
    return gate;
  });
}

