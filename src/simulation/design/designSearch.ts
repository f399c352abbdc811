import { tierCells } from "./designAllocation";
import { type DesignContext, type EvaluatedDesign, evaluateDesigns } from "./designContext";
import { designModel } from "./designModel";
import { type DesignDimension, designDimensions, designMoves, type MoveContext } from "./designMoves";
import { contactTierIds, designKey, NO_CHANNEL, planDesign, type ProgrammeDesign } from "./programmeDesign";

/** Options of {@link searchDesigns}. */
export interface SearchOptions {
  /** Passes over every dimension at most (default 2; the search stops earlier when a pass changes nothing). */
  maxPasses?: number;
  /** Dimensions searched (default all, in `designDimensions` order). */
  dimensions?: readonly DesignDimension[];
  /** Called with a line of progress (CLI: stderr). */
  onProgress?: (message: string) => void;
}

/** One accepted step of the search. */
export interface SearchStep {
  /** The pass (1, 2, ...; 0 for the final simplification). */
  pass: number;
  dimension: DesignDimension;
  change: string;
  objective: number;
}

/** Result of {@link searchDesigns}: the plan's design, the best found, every design evaluated (for the frontier) and the accepted steps. */
export interface SearchResult {
  plan: EvaluatedDesign;
  best: EvaluatedDesign;
  evaluated: EvaluatedDesign[];
  steps: SearchStep[];
  passes: number;
}

/** The objective's mean of an evaluated design. */
function objectiveMean(ctx: DesignContext, e: EvaluatedDesign): number {
  return ctx.objective === "npv" ? e.summary.npv.mean : e.summary.cashNet.mean;
}

/** True when `a` beats `b`: feasible where b is not, or both feasible (or both not) and a higher objective. */
function beats(ctx: DesignContext, a: EvaluatedDesign, b: EvaluatedDesign): boolean {
  if (a.feasible !== b.feasible) return a.feasible;
  const gain = objectiveMean(ctx, a) - objectiveMean(ctx, b);
  return gain > 1e-9 * Math.max(1, Math.abs(objectiveMean(ctx, b)));
}

/** The design with every flag served in every stage (its tiers' flows, for a targeting rule). */
function flowDesign(ctx: DesignContext, d: ProgrammeDesign): ProgrammeDesign {
  const capacityPerWeek: Record<string, number> = {};
  for (const id of contactTierIds(ctx.plan.base)) if ((d.channels[id] ?? id) !== NO_CHANNEL) capacityPerWeek[id] = Number.POSITIVE_INFINITY;
  return { ...d, stageTiers: "all", capacityPerWeek };
}

/** What the move generators need for the current design. */
function moveContext(ctx: DesignContext, current: EvaluatedDesign, dimension: DesignDimension): MoveContext {
  const base = ctx.plan.base;
  const planCapacity = planDesign(base, ctx.plan.assumptions.programme).capacityPerWeek;
  if (dimension !== "targeting") return { plan: base, planCapacity, cells: [], load: current.contactsPerWeek };
  const flows = designModel(ctx.plan, flowDesign(ctx, current.design), ctx.assumptions, { ...ctx.modelOptions, grid: "base", unlimitedCapacity: true });
  return { plan: base, planCapacity, cells: tierCells(flows, ctx.objective), load: current.contactsPerWeek };
}

/**
 * Searches programme designs by coordinate ascent: from the plan's own
 * design, each dimension in turn (channels per tier, tier cut-offs, the
 * stages' tiers, capacity per tier, targeting rule, queue rule, contact
 * delay) offers its one-step moves (`designMoves`); every candidate is
 * evaluated on the context's draws (common random numbers, the base point
 * of the flows) and the best feasible one that beats the current design is
 * taken; passes repeat until one changes nothing. Designs are cached by key
 * (a design met twice is evaluated once). Ties and infeasible designs never
 * replace a feasible one.
 *
 * @example
 * const r = await searchDesigns(createDesignContext(plan, { trials: 2000 })); r.best.summary.npv.mean > r.plan.summary.npv.mean // true on the seed plan
 */
export async function searchDesigns(ctx: DesignContext, options: SearchOptions = {}): Promise<SearchResult> {
  const say = options.onProgress ?? (() => undefined);
  const seen = new Map<string, EvaluatedDesign>();
  const evaluate = async (items: ReadonlyArray<{ design: ProgrammeDesign; change: string }>): Promise<EvaluatedDesign[]> => {
    const fresh = items.filter((x, i) => !seen.has(designKey(x.design)) && items.findIndex((y) => designKey(y.design) === designKey(x.design)) === i);
    for (const e of await evaluateDesigns(ctx, fresh)) seen.set(designKey(e.design), e);
    return items.map((x) => seen.get(designKey(x.design))!);
  };
  const [plan] = await evaluate([{ design: planDesign(ctx.plan.base, ctx.plan.assumptions.programme), change: "the plan's design" }]);
  if (plan === undefined) throw new Error("the plan's design was not evaluated");
  let current = plan;
  const steps: SearchStep[] = [];
  const dims = options.dimensions ?? designDimensions;
  const maxPasses = options.maxPasses ?? 2;
  let passes = 0;
  for (let pass = 1; pass <= maxPasses; pass += 1) {
    passes = pass;
    let changed = false;
    for (const dimension of dims) {
      const moves = designMoves(dimension, current.design, moveContext(ctx, current, dimension));
      let best = current;
      for (const e of await evaluate(moves)) if (beats(ctx, e, best)) best = e;
      say(
        `pass ${pass}, ${dimension}: ${moves.length} designs, ` +
          (best === current ? "no change" : `${best.change} (objective ${Math.round(objectiveMean(ctx, best)).toLocaleString("en-US")} yuan)`),
      );
      if (best !== current) {
        steps.push({ pass, dimension, change: best.change, objective: objectiveMean(ctx, best) });
        current = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  current = await simplify(ctx, plan, current, evaluate, steps);
  return { plan, best: current, evaluated: [...seen.values()], steps, passes };
}

/**
 * Takes back the best design's changes of queue rule, contact delay, stage
 * tiers and each tier cut-off that make no difference (the objective is not
 * lower without them, e.g. a queue rule when every flag is served, or the
 * bound between two tiers neither of which is contacted): the simpler
 * design is the recommendation.
 */
async function simplify(
  ctx: DesignContext,
  plan: EvaluatedDesign,
  best: EvaluatedDesign,
  evaluate: (items: ReadonlyArray<{ design: ProgrammeDesign; change: string }>) => Promise<EvaluatedDesign[]>,
  steps: SearchStep[],
): Promise<EvaluatedDesign> {
  let current = best;
  const p = plan.design;
  const reverts: Array<{ dimension: DesignDimension; apply: (d: ProgrammeDesign) => ProgrammeDesign; change: string }> = [
    {
      dimension: "queueRule",
      apply: (d) => ({ ...d, queueRule: p.queueRule }),
      change: `queue rule back to the plan's ${p.queueRule} (it makes no difference)`,
    },
    {
      dimension: "delay",
      apply: (d) => ({ ...d, minContactDelayDays: p.minContactDelayDays }),
      change: `contact delay back to the plan's ${p.minContactDelayDays} days (it makes no difference)`,
    },
    { dimension: "stageTiers", apply: (d) => ({ ...d, stageTiers: p.stageTiers }), change: "stages back to the plan's tiers (it makes no difference)" },
    ...p.cumulativeShares.map((share, k) => ({
      dimension: "cutoffs" as const,
      apply: (d: ProgrammeDesign): ProgrammeDesign => {
        const shares = [...d.cumulativeShares];
        shares[k] = share;
        return shares.every((x, j) => j === 0 || x > shares[j - 1]!) ? { ...d, cumulativeShares: shares } : d;
      },
      change: `tier cut-off ${k + 1} back to the plan's top ${(share * 100).toFixed(1)}% (it makes no difference)`,
    })),
  ];
  for (const r of reverts) {
    const design = r.apply(current.design);
    if (designKey(design) === designKey(current.design)) continue;
    const [e] = await evaluate([{ design, change: r.change }]);
    const floor = objectiveMean(ctx, current) - 1e-9 * Math.max(1, Math.abs(objectiveMean(ctx, current)));
    if (e !== undefined && e.feasible === current.feasible && objectiveMean(ctx, e) >= floor) {
      steps.push({ pass: 0, dimension: r.dimension, change: r.change, objective: objectiveMean(ctx, e) });
      current = e;
    }
  }
  return current;
}
