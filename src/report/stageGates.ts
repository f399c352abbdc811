import type { Plan } from "../plan/schema";
import type { GateSummary } from "../simulation/rollout/rolloutSummary";
import type { ProbabilityEstimate } from "../simulation/stats/summaries";
import { probabilityAbove } from "./probabilityAbove";

/** One criterion of a stage gate: the measured value must exceed `min`. */
export interface GateCriterion {
  /** "auc" model AUC (0..1), "saveRate" intervention save rate (0..1), "roi" first-year ROI (fraction, 2 = 200%). */
  kind: "auc" | "saveRate" | "roi";
  min: number;
}

/** Where a gate's pass probability comes from. */
export type GateSource =
  /** The customer-level rollout simulation: the team's measured AUC, save rate and projected ROI against every criterion. */
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
  /** The criteria applied at the gate: the stage's own, or (rollout) those of the nearest earlier stage that states some. */
  criteria: GateCriterion[];
  /** True when the criteria are not the stage's own but inherited from an earlier stage (the article states the MVP's only). */
  criteriaInherited: boolean;
  /** Probability of passing ("go"), 0..1, or null when not simulated. */
  passProbability: number | null;
  /** Standard error of passProbability (null when unknown). */
  passProbabilitySe: number | null;
  /** Rollout only: probability of "hold" (neither go nor a stop-loss line). */
  holdProbability: number | null;
  /** Rollout only: probability of a stop (AUC below the pause line or save rate below the redesign line). */
  stopProbability: number | null;
  source: GateSource;
}

/**
 * The plan's stage gates (one per rollout stage, decided at the stage's end,
 * in stage order) with their pass probabilities: from the rollout
 * simulation's gate summaries when it gives one for the stage (P(go),
 * P(hold), P(stop)); otherwise, for a stage with an ROI criterion, the Monte
 * Carlo probability that the first-year ROI beats it (P(ROI > 200%) for the
 * seed plan's MVP; an upper bound, since AUC and save rate must pass too);
 * otherwise null.
 *
 * @param plan a validated plan
 * @param monteCarlo P(ROI > 200%) with its standard error, and the ROI sample (for another ROI bar: the share of trials above it)
 * @param rolloutGates `runRollout(...).gates` (src/simulation), when the rollout was simulated
 * @throws RangeError when a rollout gate probability is outside [0, 1]
 * @example
 * stageGates(seedPlan, { probRoiAbove200: { value: 0.42, se: 0.002 }, roiSamples: [] }).map((g) => [g.stageId, g.decisionMonth, g.passProbability])
 * // [["mvp", 3, 0.42], ["regional", 6, null], ["national", 12, null]]
 */
export function stageGates(
  plan: Plan,
  monteCarlo: { probRoiAbove200: ProbabilityEstimate; roiSamples: ArrayLike<number> },
  rolloutGates: readonly GateSummary[] = [],
): StageGate[] {
  for (const g of rolloutGates) {
    for (const p of [g.probGo, g.probHold, g.probStop]) {
      if (!(p.value >= 0 && p.value <= 1)) throw new RangeError(`gate "${g.stageId}": probabilities must be in [0, 1], got ${p.value}`);
    }
  }
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  return stages.map((stage): StageGate => {
    const c = stage.successCriteria;
    const own: GateCriterion[] =
      c === undefined
        ? []
        : [
            { kind: "auc", min: c.aucMin },
            { kind: "saveRate", min: c.saveRateMin },
            { kind: "roi", min: c.roiMin },
          ];
    const gate: StageGate = {
      stageId: stage.id,
      name: stage.name,
      decisionMonth: stage.monthEnd,
      criteria: own,
      criteriaInherited: false,
      passProbability: null,
      passProbabilitySe: null,
      holdProbability: null,
      stopProbability: null,
      source: "none",
    };
    if (stage.nameZh !== undefined) gate.nameZh = stage.nameZh;
    const simulated = rolloutGates.find((g) => g.stageId === stage.id);
    if (simulated !== undefined) {
      const k = simulated.criteria;
      return {
        ...gate,
        criteria: [
          { kind: "auc", min: k.aucMin },
          { kind: "saveRate", min: k.saveRateMin },
          { kind: "roi", min: k.roiMin },
        ],
        criteriaInherited: c === undefined,
        passProbability: simulated.probGo.value,
        passProbabilitySe: simulated.probGo.se,
        holdProbability: simulated.probHold.value,
        stopProbability: simulated.probStop.value,
        source: "rollout",
      };
    }
    if (c !== undefined) {
      const estimate = c.roiMin === 2 ? monteCarlo.probRoiAbove200 : probabilityAbove(monteCarlo.roiSamples, c.roiMin);
      if (Number.isFinite(estimate.value)) return { ...gate, passProbability: estimate.value, passProbabilitySe: estimate.se, source: "monte-carlo-roi" };
    }
    return gate;
  });
}
