import { type MeanEstimate, pairedMean } from "../stats/pairedMean";
import { type DesignContext, type EvaluatedDesign, evaluateDesigns } from "./designContext";
import type { DesignDraws } from "./designDraws";
import { objectiveSeries } from "./designSummary";
import { capacitySourceText, contactTierIds, designKey, NO_CHANNEL, type ProgrammeDesign } from "./programmeDesign";

/** The steps of a design bridge, in the order they are applied. */
const bridgeDimensions = ["channels", "cutoffs", "stageTiers", "capacity", "queueRule", "delay"] as const;
/** One step's dimension. */
export type BridgeDimension = (typeof bridgeDimensions)[number];

/** One step of a design bridge: the change, and what it does to the objective and to P(MVP gate), paired on the same draws. */
export interface DesignBridgeStep {
  dimension: BridgeDimension;
  change: string;
  design: ProgrammeDesign;
  /** Change of the objective (expected NPV or first-year net cash), yuan, with its paired standard error. */
  objective: MeanEstimate;
  /** Change of the expected NPV, yuan. */
  npv: MeanEstimate;
  /** Change of P(the design truly meets the MVP gate). */
  probMvpPass: MeanEstimate;
}

/** From one design to another, one dimension at a time; start + Σ steps = end exactly (same draws). */
export interface DesignBridge {
  start: EvaluatedDesign;
  steps: DesignBridgeStep[];
  end: EvaluatedDesign;
}

const shares = (s: readonly number[]): string => s.map((x) => (x * 100).toFixed(1)).join(" / ");
const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : "unlimited");

/** The design with `to`'s value of one dimension, and the change in words (undefined when nothing changes). */
function applyDimension(d: ProgrammeDesign, to: ProgrammeDesign, dim: BridgeDimension): { design: ProgrammeDesign; change: string } | undefined {
  switch (dim) {
    case "channels": {
      const changed = Object.keys(to.channels).filter((id) => (d.channels[id] ?? id) !== to.channels[id]);
      if (changed.length === 0) return undefined;
      const capacityPerWeek = { ...d.capacityPerWeek };
      for (const id of changed) if (!((capacityPerWeek[id] ?? 0) > 0) && to.capacityPerWeek[id] !== undefined) capacityPerWeek[id] = to.capacityPerWeek[id]!;
      return {
        design: { ...d, channels: { ...to.channels }, capacityPerWeek },
        change: `channels: ${changed.map((id) => `${id} ${d.channels[id] ?? id} → ${to.channels[id]}`).join("; ")}`,
      };
    }
    case "cutoffs":
      if (d.cumulativeShares.every((s, k) => Math.abs(s - to.cumulativeShares[k]!) < 1e-12)) return undefined;
      return {
        design: { ...d, cumulativeShares: [...to.cumulativeShares] },
        change: `tier cut-offs (top-k%): ${shares(d.cumulativeShares)} → ${shares(to.cumulativeShares)}`,
      };
    case "stageTiers":
      return d.stageTiers === to.stageTiers
        ? undefined
        : {
            design: { ...d, stageTiers: to.stageTiers },
            change: to.stageTiers === "all" ? "every stage (the MVP included) contacts every tier with a channel" : "stages contact the plan's tiers",
          };
    case "capacity":
      return undefined; // per tier: applyCapacity
    case "queueRule":
      return d.queueRule === to.queueRule ? undefined : { design: { ...d, queueRule: to.queueRule }, change: `queue rule ${d.queueRule} → ${to.queueRule}` };
    case "delay":
      return d.minContactDelayDays === to.minContactDelayDays
        ? undefined
        : {
            design: { ...d, minContactDelayDays: to.minContactDelayDays },
            change: `minimum contact delay ${d.minContactDelayDays} → ${to.minContactDelayDays} days`,
          };
  }
}

/** The design with `to`'s capacity (and targeting rule) for one tier, and the change in words (undefined when nothing changes). */
function applyCapacity(d: ProgrammeDesign, to: ProgrammeDesign, tierId: string): { design: ProgrammeDesign; change: string } | undefined {
  const before = d.capacityPerWeek[tierId] ?? 0;
  const after = to.capacityPerWeek[tierId] ?? 0;
  if (before === after || (to.channels[tierId] ?? tierId) === NO_CHANNEL) return undefined;
  const how = capacitySourceText(to.allocation);
  return {
    design: { ...d, capacityPerWeek: { ...d.capacityPerWeek, [tierId]: after }, allocation: to.allocation },
    change: `${tierId}: capacity ${fmt(before)} → ${fmt(after)}/week (${how})`,
  };
}

/**
 * The bridge from one design to another: `to`'s value of each dimension
 * applied in turn (channels, cut-offs, the stages' tiers, each tier's
 * capacity with the targeting rule that set it, queue rule, contact delay), every intermediate design
 * evaluated on the same draws with the same grid, each step's change of the
 * objective, the NPV and P(MVP gate) a paired difference with its standard
 * error. The steps add up exactly: end − start = Σ steps (telescoping over
 * the same draws). Unchanged dimensions are left out.
 *
 * @example
 * const b = await designBridge(ctx, planDesign, best.design, "full");
 * b.steps.reduce((s, x) => s + x.npv.mean, 0) // = b.end.summary.npv.mean − b.start.summary.npv.mean
 */
export async function designBridge(
  ctx: DesignContext,
  from: ProgrammeDesign,
  to: ProgrammeDesign,
  grid: "base" | "full" = "full",
  draws: DesignDraws = ctx.draws,
): Promise<DesignBridge> {
  const chain: Array<{ dimension: BridgeDimension | "start"; design: ProgrammeDesign; change: string }> = [
    { dimension: "start", design: from, change: "start" },
  ];
  for (const dim of bridgeDimensions) {
    if (dim === "capacity") {
      for (const id of contactTierIds(ctx.plan.base)) {
        const next = applyCapacity(chain[chain.length - 1]!.design, to, id);
        if (next !== undefined) chain.push({ dimension: dim, ...next });
      }
      continue;
    }
    const next = applyDimension(chain[chain.length - 1]!.design, to, dim);
    if (next !== undefined) chain.push({ dimension: dim, ...next });
  }
  const tail = chain[chain.length - 1]!.design;
  // What the steps leave different (a capacity of a tier without a channel, the rule's name) is carried without a step of its own.
  if (designKey(tail) !== designKey(to))
    chain[chain.length - 1] = { ...chain[chain.length - 1]!, design: { ...tail, capacityPerWeek: { ...to.capacityPerWeek }, allocation: to.allocation } };
  const last = chain[chain.length - 1]!.design;
  if (designKey(last) !== designKey(to)) throw new RangeError(`the bridge did not reach the target design: ${designKey(last)} vs ${designKey(to)}`);
  const evaluated = await evaluateDesigns(ctx, chain, grid, draws);
  const steps: DesignBridgeStep[] = chain.slice(1).map((c, j) => {
    const [a, b] = [evaluated[j]!, evaluated[j + 1]!];
    return {
      dimension: c.dimension as BridgeDimension,
      change: c.change,
      design: c.design,
      objective: pairedMean(objectiveSeries(b.run, ctx.objective), objectiveSeries(a.run, ctx.objective)),
      npv: pairedMean(b.run.npv, a.run.npv),
      probMvpPass: pairedMean(b.run.mvpPass, a.run.mvpPass),
    };
  });
  return { start: evaluated[0]!, steps, end: evaluated[evaluated.length - 1]! };
}
