import type { UncertainPlan } from "../inputs/uncertainPlan";
import type { MeanEstimate } from "../stats/pairedMean";
import { type DesignBridgeStep, designBridge } from "./designBridge";
import { createDesignContext, type DesignConstraints, type DesignContextOptions, type EvaluatedDesign } from "./designContext";
import type { DesignDraws } from "./designDraws";
import { designFrontier, type FrontierPoint, frontierSweep } from "./designFrontier";
import { type DesignObjective, type DesignSummary, designDifference } from "./designSummary";
import { type SearchStep, searchDesigns } from "./designSearch";
import { type DesignAssumptions, designJson, planDesign } from "./programmeDesign";

/** Options of {@link optimizeProgramme}. */
export interface OptimizeOptions extends Omit<DesignContextOptions, "trials"> {
  /** Monte Carlo trials of the final comparison (plan, best and the bridge; default 20,000). */
  trials?: number;
  /** Trials of each design during the search (the first ones of the same draws; default 4,000). */
  searchTrials?: number;
  /** Passes of the coordinate search at most (default 4). */
  maxPasses?: number;
  onProgress?: (message: string) => void;
}

/** One design in the result (plain JSON). */
export interface OptimizedDesignJson
  extends Pick<DesignSummary, "npv" | "npvQuantiles" | "probNpvPositive" | "cashNet" | "roi" | "cashRoi" | "firstYearCost" | "retained" | "mvpSaveRate"> {
  /** P(the design truly meets the MVP gate: AUC, save rate and projected first-year ROI above their lines). */
  probMvpGate: number;
  probMvpGateSe: number;
  contactsPerWeek: Record<string, number>;
  feasible: boolean;
  violations: string[];
  design: ReturnType<typeof designJson>;
}

/** What `churnlab optimize` returns (money in yuan, ROI and probabilities as fractions). */
export interface OptimizeResult {
  objective: DesignObjective;
  trials: number;
  searchTrials: number;
  seed: number;
  constraints: DesignConstraints;
  assumptions: DesignAssumptions;
  panelCustomers: number;
  plan: OptimizedDesignJson;
  best: OptimizedDesignJson;
  /** best − plan on the same draws. */
  difference: { objective: MeanEstimate; npv: MeanEstimate; probMvpGate: MeanEstimate };
  /** From the plan's design to the best, one change at a time (the steps add up to the difference exactly). */
  bridge: Array<Omit<DesignBridgeStep, "design" | "probMvpPass"> & { probMvpGate: MeanEstimate }>;
  /** Efficient frontier of expected first-year cost against customers retained at the end of year 1. */
  frontier: FrontierPoint[];
  /** Every design the search and the sweep evaluated, as points (for the frontier chart). */
  designs: FrontierPoint[];
  search: { evaluated: number; passes: number; steps: SearchStep[] };
  /** How each figure was obtained, in words. */
  notes: string[];
}

/** A design's figures as JSON. */
function designOut(e: EvaluatedDesign): OptimizedDesignJson {
  const s = e.summary;
  return {
    npv: s.npv,
    probMvpGate: s.probMvpPass.value,
    probMvpGateSe: s.probMvpPass.se,
    npvQuantiles: s.npvQuantiles,
    probNpvPositive: s.probNpvPositive,
    cashNet: s.cashNet,
    roi: s.roi,
    cashRoi: s.cashRoi,
    firstYearCost: s.firstYearCost,
    retained: s.retained,
    mvpSaveRate: s.mvpSaveRate,
    contactsPerWeek: e.contactsPerWeek,
    feasible: e.feasible,
    violations: e.violations,
    design: designJson(e.design),
  };
}

/** The first `trials` rows of a set of draws (the same trials: a block's draws do not depend on the total). */
function firstTrials(draws: DesignDraws, trials: number): DesignDraws {
  const n = Math.min(trials, draws.trials);
  return { ...draws, trials: n, rows: draws.rows.subarray(0, n * draws.slots) };
}

/**
 * Finds the programme design with the highest expected objective (3-year
 * NPV, or first-year net cash) under the constraints (budget, P(MVP gate),
 * staffing), all designs on the same draws of the plan's uncertain inputs:
 * 1. the coordinate search (`searchDesigns`) on the first `searchTrials`
 *    draws, flows at the base point;
 * 2. the frontier: every design evaluated, plus a budget sweep of the best
 *    design's structure by value per yuan (`frontierSweep`), reduced to the
 *    efficient ones (`efficientFrontier`);
 * 3. the plan's design and the best one compared on all `trials` draws with
 *    flows on the plan's (churn, AUC) grid, through the bridge of one change
 *    at a time (`designBridge`: steps add up exactly).
 * P(MVP gate) is the share of draws whose true AUC, MVP save rate and
 * projected first-year ROI clear the gate's lines (see `runDesign`).
 *
 * @example
 * const r = await optimizeProgramme(loadUncertainPlan("data/plans/seed-plan-uncertain.json"), { seed: 1 }); r.best.npv.mean > r.plan.npv.mean // true
 */
export async function optimizeProgramme(plan: UncertainPlan, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const trials = options.trials ?? 20_000;
  const searchTrials = Math.min(trials, options.searchTrials ?? 4000);
  const say = options.onProgress ?? (() => undefined);
  const ctx = createDesignContext(plan, { ...options, trials });
  const searchCtx = { ...ctx, draws: firstTrials(ctx.draws, searchTrials) };
  const search = await searchDesigns(searchCtx, { maxPasses: options.maxPasses ?? 4, onProgress: say });
  say(`frontier: budget sweep of the best design`);
  const sweep = await frontierSweep(searchCtx, search.best.design);
  const all = [...search.evaluated, ...sweep];
  say(`final: the plan's design and the best on ${trials.toLocaleString("en-US")} draws, flows on the (churn, AUC) grid`);
  const bridge = await designBridge(ctx, planDesign(plan.base, plan.assumptions.programme), search.best.design, "full");
  const diff = designDifference(bridge.start.run, bridge.end.run, ctx.objective);
  return {
    objective: ctx.objective,
    trials,
    searchTrials,
    seed: ctx.draws.seed,
    constraints: ctx.constraints,
    assumptions: ctx.assumptions,
    panelCustomers: ctx.modelOptions.panelCustomers ?? 50_000,
    plan: designOut(bridge.start),
    best: designOut(bridge.end),
    difference: { objective: diff.objective, npv: designDifference(bridge.start.run, bridge.end.run, "npv").objective, probMvpGate: diff.probMvpPass },
    bridge: bridge.steps.map((s) => ({ dimension: s.dimension, change: s.change, objective: s.objective, npv: s.npv, probMvpGate: s.probMvpPass })),
    frontier: designFrontier(all),
    designs: all.map((e) => ({ cost: e.summary.firstYearCost.mean, retained: e.summary.retained.mean, npv: e.summary.npv.mean, label: e.change })),
    search: { evaluated: search.evaluated.length, passes: search.passes, steps: search.steps },
    notes: optimizeNotes(ctx.objective, trials, searchTrials),
  };
}

/** How the figures were obtained. */
function optimizeNotes(objective: DesignObjective, trials: number, searchTrials: number): string[] {
  return [
    `objective: expected ${objective === "npv" ? "3-year NPV (monthly cash margin and referrals against every cost, discounted)" : "first-year net cash"}`,
    "search: coordinate ascent from the plan's design over channels, cut-offs, stage tiers, capacity, targeting rule, queue rule and contact delay, " +
      `each design on the same ${searchTrials.toLocaleString("en-US")} draws (flows at the base churn and AUC)`,
    `plan and best: the same ${trials.toLocaleString("en-US")} draws, flows on the (churn, AUC) grid; ` +
      "the bridge's steps are paired differences and add up to best − plan exactly",
    "P(MVP gate): share of draws in which the true model AUC, the MVP tiers' save rate on their would-be churners and the projected " +
      "first-year ROI all clear the gate's lines (measurement error at the gate: see churnlab pilot)",
    "a channel on another tier's customers: its own rate on less risky customers, min(its rate, theirs) × the cross-channel factor " +
      "on riskier ones (an assumption: the plan states one rate per tier)",
  ];
}
