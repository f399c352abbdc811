import { allocateBudget, tierCells } from "./designAllocation";
import { type DesignContext, type EvaluatedDesign, evaluateDesigns } from "./designContext";
import { designModel } from "./designModel";
import { contactTierIds, NO_CHANNEL, type ProgrammeDesign } from "./programmeDesign";

/** One design on the cost–retention plane (expected first-year cost, yuan; expected customers kept at the end of year 1). */
export interface FrontierPoint {
  cost: number;
  retained: number;
  /** Expected NPV, yuan. */
  npv: number;
  /** What the design is, in words. */
  label: string;
}

/**
 * The efficient frontier of cost against customers retained: the points no
 * other point dominates (another point costing no more and retaining at
 * least as many, one of them strictly), sorted by cost. Ties (same cost and
 * retention) keep the first. O(n log n): sort by cost (then retention
 * descending) and keep each point that retains more than every cheaper one.
 *
 * @example
 * efficientFrontier([{ cost: 1, retained: 10 }, { cost: 2, retained: 5 }, { cost: 3, retained: 20 }]) // [{ cost: 1, retained: 10 }, { cost: 3, retained: 20 }]
 */
export function efficientFrontier<P extends { cost: number; retained: number }>(points: readonly P[]): P[] {
  const sorted = points.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.retained)).sort((a, b) => a.cost - b.cost || b.retained - a.retained);
  const out: P[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const p of sorted) {
    if (p.retained > best) {
      out.push(p);
      best = p.retained;
    }
  }
  return out;
}

/** Budget shares of the sweep: from no contact to every flag worth serving. */
const SWEEP = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];

/**
 * Designs along the best design's budget line: its channels, cut-offs,
 * stages, queue rule and delay, with the weekly contact budget from 0 to
 * what serving every flag worth its cost would take, split by value per
 * yuan (`allocateBudget`) over the tiers' flows; each evaluated on the
 * context's draws (base point).
 *
 * @example
 * (await frontierSweep(ctx, best.design)).length // 9
 */
export async function frontierSweep(ctx: DesignContext, design: ProgrammeDesign): Promise<EvaluatedDesign[]> {
  const capacityPerWeek: Record<string, number> = {};
  for (const id of contactTierIds(ctx.plan.base)) if ((design.channels[id] ?? id) !== NO_CHANNEL) capacityPerWeek[id] = Number.POSITIVE_INFINITY;
  const flows = designModel(ctx.plan, { ...design, capacityPerWeek }, ctx.assumptions, { ...ctx.modelOptions, grid: "base", unlimitedCapacity: true });
  const cells = tierCells(flows, ctx.objective).filter((c) => c.valuePerContactYuan > c.costYuan);
  const full = cells.reduce((s, c) => s + c.flowPerWeek * c.costYuan, 0);
  const items = SWEEP.map((share) => {
    const capacity = { ...Object.fromEntries(Object.keys(capacityPerWeek).map((id) => [id, 0])), ...allocateBudget(cells, "value-per-yuan", share * full) };
    const d: ProgrammeDesign = { ...design, capacityPerWeek: capacity, allocation: "value-per-yuan" };
    return {
      design: d,
      change:
        `${(share * 100).toFixed(1)}% of the budget that serves every flag worth its cost ` +
        `(${Math.round(share * full).toLocaleString("en-US")} yuan a week), by value per yuan`,
    };
  });
  return evaluateDesigns(ctx, items);
}

/**
 * The frontier of a set of evaluated designs (each point: mean first-year cost, mean customers retained, mean NPV, its change in words).
 *
 * @example
 * designFrontier(result.evaluated).every((p, i, a) => i === 0 || p.retained > a[i - 1].retained) // true
 */
export function designFrontier(designs: readonly EvaluatedDesign[]): FrontierPoint[] {
  return efficientFrontier(
    designs.map((e) => ({ cost: e.summary.firstYearCost.mean, retained: e.summary.retained.mean, npv: e.summary.npv.mean, label: e.change })),
  );
}
