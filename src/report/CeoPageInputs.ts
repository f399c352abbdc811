import type { Finding } from "../plan/Finding";
import type { PlanFigures } from "../plan/PlanFigures";
import type { Plan } from "../plan/schema";
import type { MonteCarloResult } from "../simulation/montecarlo/monteCarlo";
import type { RolloutResult } from "../simulation/rollout/rolloutSimulation";
import type { TornadoBar } from "../simulation/montecarlo/sensitivity";
import type { BenefitModel, CostView } from "../simulation/inputs/uncertainPlan";
import type { RoiBridge } from "../simulation/bridge";
import type { Recommendation } from "../simulation/recommendation";
import type { AssumptionSource } from "../simulation/programme/programmeSettings";
import type { PlanFileInfo } from "./planFileInfo";
import type { StageGate } from "./stageGates";

/** The programme model's Monte Carlo figures the CEO page shows (the bridge's last variant): summaries, probabilities and the samples for its histogram. */
export type CeoMonteCarlo = Pick<
  MonteCarloResult,
  | "roi"
  | "cashRoi"
  | "npv"
  | "npvYears"
  | "discountRate"
  | "paybackMonths"
  | "netBenefit"
  | "probLoss"
  | "probRoiAbove200"
  | "probPaybackOver12"
  | "probNpvNegative"
> & {
  /** Per-trial first-year lifetime-value ROI (fraction, 3.59 is 359%), in trial order. */
  roiSamples: ArrayLike<number>;
  /** Per-trial first-year cash ROI, in trial order; drawn as the page's histogram. */
  cashRoiSamples: ArrayLike<number>;
};

/**
 * The customer-level rollout simulation's figures the page shows
 * (`runRollout` in src/simulation), run as a scale model of the plan.
 */
export type CeoRollout = Pick<
  RolloutResult,
  "seed" | "trials" | "customers" | "roi" | "cashRoi" | "estimates" | "retainedCustomers" | "probPaybackWithinRun" | "gates"
> & {
  /** The plan's customers / the simulated customers (10 for 20,000 of 200,000): multiply counts by it for the plan's scale. */
  scale: number;
};

/** How the page's numbers were produced: printed in its footer so every number can be traced to the run. */
export interface CeoRunInfo {
  /** Master seed of the Monte Carlo run (integer). */
  seed: number;
  /** Number of Monte Carlo trials. */
  trials: number;
  /** Benefit model simulated (the page uses the programme model). */
  model: BenefitModel;
  /** Cost lines of the bridge's top-down steps: "recomputed" (the audit's corrected tier costs). */
  costs: CostView;
  /** churnlab version (package.json). */
  version: string;
  /** When the page was generated, ISO 8601 UTC, e.g. "2026-11-24T18:30:00.000Z". */
  generatedAt: string;
  /** Number of uncertain inputs in the plan file (0: the simulation is the point estimate). */
  uncertainInputs: number;
}

/**
 * Everything the CEO page shows, computed before the page is laid out:
 * {@link buildCeoPage} only formats these. Money in yuan, ROI and
 * probabilities as fractions.
 *
 * Built by {@link collectCeoInputs} from a plan file; a notebook can assemble
 * it from results it already has.
 */
export interface CeoPageInputs {
  /** The plan (for an uncertain plan file: its base plan, every distribution at its base value). */
  plan: Plan;
  /** The plan file's name and SHA-256 hash. */
  planFile: PlanFileInfo;
  /** First-year figures as the plan states them (`asStated`). */
  asStated: PlanFigures;
  /** First-year figures recomputed from their drivers (`recomputed`). */
  recomputed: PlanFigures;
  /** The audit's findings (`auditPlan`), errors first. */
  findings: readonly Finding[];
  monteCarlo: CeoMonteCarlo;
  /** Tornado of ROI (`tornado` in src/simulation): output at base and one bar per uncertain input, widest first. */
  drivers: { baseOutput: number; bars: readonly TornadoBar[] };
  /** The rollout simulation, or null when it was not run (the gates then fall back to the Monte Carlo ROI). */
  rollout: CeoRollout | null;
  /** The three stage gates with their pass probabilities ({@link stageGates}). */
  gates: readonly StageGate[];
  /** The ROI bridge from the stated ROI to the programme's first-year cash ROI (same seed and trials as the Monte Carlo). */
  bridge: RoiBridge;
  /** The headline: the end of the bridge (first-year cash ROI) with its standard error. */
  headlineRoi: { value: number; se: number };
  /**
   * The programme model evaluated once at the plan's base values (its
   * deterministic view, the same model as the Monte Carlo's): customers kept
   * at the end of year 1, first-year lifetime-value and cash ROI (fractions).
   */
  programmeBase: { retainedCustomers: number; roi: number; cashRoi: number };
  /** The decision, by rule, with its probability, reasons and pivots. */
  recommendation: Recommendation;
  /** Where the programme's own assumptions come from (margin, AUC, capacity...). */
  assumptions: readonly AssumptionSource[];
  run: CeoRunInfo;
}
