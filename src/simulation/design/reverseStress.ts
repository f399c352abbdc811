import { pairedMean } from "../stats/pairedMean";
import { programmeGrids } from "../programme/programmeModelFor";
import type { ProgrammeModel } from "../programme/programmeModel";
import type { DesignContext } from "./designContext";
import type { DesignDraws } from "./designDraws";
import { type DesignRun, runDesign } from "./designEvaluation";
import { designModel, prefetchDesignModels } from "./designModel";
import { designCalibration } from "./designPlan";
import type { ProgrammeDesign } from "./programmeDesign";
import { type StressLever, type StressLeverId, stressLevers, type ThresholdSolution, solveThreshold } from "./stressLevers";

/** What "holds" means in a reverse stress test. */
export type StressTarget = "roi" | "npv" | "mvp";

/** One row of the reverse stress table: a lever and the values at which each target holds with the required probability. */
export interface StressRow {
  lever: StressLeverId;
  label: string;
  unit: StressLever["unit"];
  base: number;
  range: [number, number];
  /** Where first-year ROI > 200% holds with the probability (value with its Monte Carlo standard error). */
  roi: ThresholdSolution & { se: number };
  /** Where NPV > 0 holds with the probability. */
  npv: ThresholdSolution & { se: number };
}

/** The reverse stress test of a design. */
export interface ReverseStress {
  /** Required probability (default 0.8). */
  level: number;
  trials: number;
  rows: StressRow[];
  /** Pairs (AUC, MVP save rate) at which P(MVP gate passed) reaches the level, AUC ascending. */
  boundary: Array<{ auc: number; saveRate: number; multiplier: number }>;
  /** The design at its base values: AUC and the MVP tiers' true save rate (mean over draws). */
  base: { auc: number; saveRate: number };
  /** The boundary point nearest to the base, distances measured in each input's sd over the draws; undefined when no AUC passes. */
  nearest: { auc: number; saveRate: number; multiplier: number; distanceSd: number } | undefined;
  /** The (annual churn, AUC) grid the flows were measured on (wider than the Monte Carlo's, so the levers move the flows). */
  grid: { churn: number[]; auc: number[] };
}

/** Options of {@link reverseStressTest}. */
export interface ReverseStressOptions {
  /** Probability each target must hold with (default 0.8). */
  level?: number;
  /** Bisection tolerance as a share of a lever's range (default 0.001). */
  tolerance?: number;
  /** AUCs of the boundary (default 0.851 to the top of the AUC range, 9 points; [] for none). */
  boundaryAucs?: number[];
  /** Levers of the table (default every one, `stressLeverIds`). */
  levers?: readonly StressLeverId[];
}

const share = (run: DesignRun, target: StressTarget): number => {
  let hits = 0;
  for (let i = 0; i < run.trials; i += 1) if (target === "roi" ? run.roi[i]! > 2 : target === "npv" ? run.npv[i]! > 0 : run.mvpPass[i] === 1) hits += 1;
  return hits / run.trials;
};

/** The flows of the stress test: the design on the plan's churn grid widened to ±6 points and AUCs from 0.75 to 0.95 (or the best achievable). */
async function stressModel(
  ctx: DesignContext,
  design: ProgrammeDesign,
): Promise<{ model: ProgrammeModel; aucRange: [number, number]; churnRange: [number, number] }> {
  const cal = designCalibration(ctx.plan.base, design.cumulativeShares, ctx.modelOptions.dynamics ?? {});
  const g = programmeGrids(ctx.plan, cal, false);
  const churn0 = ctx.plan.base.benefits.churnBefore;
  const top = Math.min(0.95, cal.oracleAuc - 1e-6);
  const aucGrid = [...new Set([...g.aucGrid, 0.75, 0.8, 0.9, top])].filter((a) => a >= 0.75 && a <= top).sort((a, b) => a - b);
  const churnGrid = [...new Set([...g.churnGrid, churn0 - 0.06, churn0 + 0.06])].filter((c) => c > 0.01 && c < 0.9).sort((a, b) => a - b);
  const options = { ...ctx.modelOptions, churnGrid, aucGrid };
  await prefetchDesignModels(ctx.plan, [design], ctx.assumptions, options, ctx.workers);
  return {
    model: designModel(ctx.plan, design, ctx.assumptions, options),
    aucRange: [aucGrid[0]!, aucGrid[aucGrid.length - 1]!],
    churnRange: [churnGrid[0]!, churnGrid[churnGrid.length - 1]!],
  };
}

/**
 * The programme model a reverse stress test of a design uses (see
 * {@link reverseStressTest}): its flows on the plan's churn grid widened to
 * ±6 points and AUCs from 0.75 to 0.95 (or the best achievable).
 *
 * @example
 * (await stressTestModel(ctx, design)).aucGrid // [0.75, 0.78.., 0.8, 0.85, 0.9, 0.91.., 0.95]
 */
export async function stressTestModel(ctx: DesignContext, design: ProgrammeDesign): Promise<ProgrammeModel> {
  return (await stressModel(ctx, design)).model;
}

/**
 * The reverse stress test of a design ("what would have to be true"): for
 * each lever (`stressLevers`), the value at which first-year ROI > 200%, and
 * the value at which NPV > 0, holds with probability `level` when that
 * input is fixed and every other keeps its distribution (bisection,
 * `solveThreshold`; each value's Monte Carlo standard error is the
 * probability's, √(level(1 − level)/n), over the slope of the probability
 * there); and the boundary of (model AUC, save rate) pairs at which the
 * MVP gate is truly passed with that probability, with the pair nearest to
 * the design's base (distance in standard deviations of each over the
 * draws). All on the context's draws.
 *
 * @example
 * const s = await reverseStressTest(ctx, planDesign(plan.base, plan.assumptions.programme));
 * s.rows.find((r) => r.lever === "saveRate").roi.status // "never" on the seed plan
 */
export async function reverseStressTest(
  ctx: DesignContext,
  design: ProgrammeDesign,
  options: ReverseStressOptions = {},
  draws: DesignDraws = ctx.draws,
): Promise<ReverseStress> {
  const level = options.level ?? 0.8;
  const { model, aucRange, churnRange } = await stressModel(ctx, design);
  const run = (transform?: (p: Float64Array) => void): DesignRun => runDesign(ctx.plan, design, model, draws, ctx.assumptions, transform);
  const levers = stressLevers(ctx.plan, draws.slotPaths, aucRange, churnRange);
  const se = Math.sqrt((level * (1 - level)) / draws.trials);
  const solve = (lever: StressLever, target: StressTarget): ThresholdSolution & { se: number } => {
    const at = (v: number): number =>
      share(
        run((p) => lever.apply(p, v)),
        target,
      );
    const tol = (options.tolerance ?? 0.001) * (lever.hi - lever.lo);
    const sol = solveThreshold(at, lever.lo, lever.hi, level, lever.increasing, tol);
    if (sol.value === undefined) return { ...sol, se: Number.NaN };
    const d = 0.02 * (lever.hi - lever.lo);
    const slope =
      Math.abs(at(Math.min(lever.hi, sol.value + d)) - at(Math.max(lever.lo, sol.value - d))) /
      (Math.min(lever.hi, sol.value + d) - Math.max(lever.lo, sol.value - d));
    return { ...sol, se: slope > 0 ? se / slope : Number.NaN };
  };
  const rows = levers
    .filter((l) => options.levers === undefined || options.levers.includes(l.id))
    .map(
      (l): StressRow => ({
        lever: l.id,
        label: l.label,
        unit: l.unit,
        base: l.base,
        range: [l.lo, l.hi],
        roi: solve(l, "roi"),
        npv: solve(l, "npv"),
      }),
    );
  const baseRun = run();
  const saveBase = pairedMean(baseRun.mvpSaveRate).mean;
  const rate = levers.find((l) => l.id === "saveRate")!;
  const auc = levers.find((l) => l.id === "modelAuc")!;
  const aucs = options.boundaryAucs ?? Array.from({ length: 9 }, (_, i) => 0.851 + (i * (aucRange[1] - 0.851)) / 8);
  const boundary: ReverseStress["boundary"] = [];
  for (const a of aucs) {
    const at = (m: number): number =>
      share(
        run((p) => {
          auc.apply(p, a);
          rate.apply(p, m);
        }),
        "mvp",
      );
    const sol = solveThreshold(at, rate.lo, rate.hi, level, true, (options.tolerance ?? 0.001) * (rate.hi - rate.lo));
    if (sol.value !== undefined) boundary.push({ auc: a, multiplier: sol.value, saveRate: sol.value * saveBase });
  }
  const aucSd = Math.sqrt(sampleVariance(draws, draws.slotPaths.indexOf("$.simulation.modelAuc")));
  const mSd = sd(baseRun.mvpSaveRate) / saveBase;
  return {
    level,
    trials: draws.trials,
    rows,
    boundary,
    base: { auc: auc.base, saveRate: saveBase },
    nearest: nearestOnPolyline(boundary, auc.base, aucSd, mSd),
    grid: { churn: [...model.churnGrid], auc: [...model.aucGrid] },
  };
}

/** Sample variance of one slot over the draws. */
function sampleVariance(draws: DesignDraws, slot: number): number {
  const x = Float64Array.from({ length: draws.trials }, (_, i) => draws.rows[i * draws.slots + slot]!);
  return sd(x) ** 2;
}

/** Sample standard deviation. */
function sd(x: Float64Array): number {
  const m = pairedMean(x);
  return m.se * Math.sqrt(x.length);
}

/**
 * The point of a polyline (AUC, multiplier) nearest to (auc0, 1) in the
 * metric ((ΔAUC / aucSd)² + (Δm / mSd)²)^½; undefined for an empty line.
 *
 * @example
 * nearestOnPolyline([{ auc: 0.9, multiplier: 2, saveRate: 1 }], 0.85, 0.05, 0.5) // { auc: 0.9, multiplier: 2, saveRate: 1, distanceSd: √5 }
 */
export function nearestOnPolyline(
  line: ReadonlyArray<{ auc: number; multiplier: number; saveRate: number }>,
  auc0: number,
  aucSd: number,
  mSd: number,
): ReverseStress["nearest"] {
  if (line.length === 0) return undefined;
  const sx = aucSd > 0 ? aucSd : 1;
  const sy = mSd > 0 ? mSd : 1;
  let best: ReverseStress["nearest"];
  const consider = (auc: number, m: number, rate: number): void => {
    const d = Math.hypot((auc - auc0) / sx, (m - 1) / sy);
    if (best === undefined || d < best.distanceSd) best = { auc, multiplier: m, saveRate: rate, distanceSd: d };
  };
  line.forEach((p) => {
    consider(p.auc, p.multiplier, p.saveRate);
  });
  for (let i = 1; i < line.length; i += 1) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const [ax, ay, bx, by] = [a.auc / sx, a.multiplier / sy, b.auc / sx, b.multiplier / sy];
    const [px, py] = [auc0 / sx, 1 / sy];
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2)) : 0;
    consider(a.auc + t * (b.auc - a.auc), a.multiplier + t * (b.multiplier - a.multiplier), a.saveRate + t * (b.saveRate - a.saveRate));
  }
  return best;
}
