import type { Plan } from "../../plan/index";
import type { QueueRule } from "../population/rolloutScenario";
import { allocateBudget, type TierCell } from "./designAllocation";
import { channelOptions, contactedTiers, contactTierIds, NO_CHANNEL, type ProgrammeDesign, targetingRules } from "./programmeDesign";

/** The queue rules a design move can switch to. */
const queueRules: readonly QueueRule[] = ["value-first", "oldest-first", "newest-first"];

/** The dimensions of a design the search moves along, in the order it tries them. */
export const designDimensions = ["channels", "cutoffs", "stageTiers", "capacity", "targeting", "queueRule", "delay"] as const;
/** One dimension. */
export type DesignDimension = (typeof designDimensions)[number];

/** A candidate: a design and what it changes, in words. */
export interface DesignMove {
  dimension: DesignDimension;
  design: ProgrammeDesign;
  change: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1).replace(/\.0$/, "")}%`;
const perWeek = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)}/week` : "unlimited");

/** Moves of one tier's channel; a contacted tier switched to another channel is tried at its current capacity, the plan's, and unlimited. */
function channelMoves(plan: Plan, d: ProgrammeDesign, planCapacity: Record<string, number>): DesignMove[] {
  const moves: DesignMove[] = [];
  const contactable = new Set(contactTierIds(plan));
  for (const t of plan.tiers) {
    const current = d.channels[t.id] ?? t.id;
    for (const option of channelOptions(plan, t.id)) {
      if (option === current) continue;
      const channels = { ...d.channels, [t.id]: option };
      const now = d.capacityPerWeek[t.id] ?? 0;
      const capacities =
        option === NO_CHANNEL || !contactable.has(t.id)
          ? [now]
          : [...new Set([now, planCapacity[t.id] ?? Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY].filter((c) => c > 0))];
      for (const c of capacities) {
        const change = `${t.id}: channel ${current} → ${option}${capacities.length > 1 || c !== now ? ` at ${perWeek(c)}` : ""}`;
        const allocation = c === now ? d.allocation : "direct";
        moves.push({ dimension: "channels", design: { ...d, channels, capacityPerWeek: { ...d.capacityPerWeek, [t.id]: c }, allocation }, change });
      }
    }
  }
  return moves;
}

/** Moves of the tier cut-offs: every share scaled, or the lowest contacted tier's bound alone (valid shares only, 0.5%..80%). */
function cutoffMoves(plan: Plan, d: ProgrammeDesign): DesignMove[] {
  const s = d.cumulativeShares;
  const valid = (x: number[]): boolean => x.every((v, k) => v >= 0.005 && v <= 0.8 && (k === 0 || v > x[k - 1]!));
  const out: DesignMove[] = [];
  const seen = new Set([JSON.stringify(s.map((v) => v.toFixed(4)))]);
  const add = (shares: number[], change: string): void => {
    const key = JSON.stringify(shares.map((v) => v.toFixed(4)));
    if (!valid(shares) || seen.has(key)) return;
    seen.add(key);
    out.push({ dimension: "cutoffs", design: { ...d, cumulativeShares: shares }, change });
  };
  for (const f of [0.5, 0.75, 1.5, 2])
    add(
      s.map((v) => v * f),
      `every tier cut-off ×${f} (top ${s.map(pct).join(" / ")} → ${s.map((v) => pct(v * f)).join(" / ")})`,
    );
  const lowest = contactTierIds(plan).length - 1;
  if (lowest >= 0 && lowest < s.length) {
    for (const v of [0.15, 0.3, 0.4, 0.5]) {
      const shares = [...s];
      shares[lowest] = v;
      add(shares, `contacted tiers reach the top ${pct(v)} (was ${pct(s[lowest]!)})`);
    }
  }
  return out;
}

/** Moves of each contacted tier's capacity: ×0.25, ×0.5, ×2, ×4 and unlimited. */
function capacityMoves(plan: Plan, d: ProgrammeDesign): DesignMove[] {
  const out: DesignMove[] = [];
  for (const id of contactedTiers(plan, d)) {
    const c = d.capacityPerWeek[id]!;
    const options = Number.isFinite(c) ? [0.25, 0.5, 2, 4].map((f) => c * f).concat([Number.POSITIVE_INFINITY]) : [];
    for (const v of options)
      out.push({
        dimension: "capacity",
        design: { ...d, capacityPerWeek: { ...d.capacityPerWeek, [id]: v }, allocation: "direct" },
        change: `${id}: capacity ${perWeek(c)} → ${perWeek(v)}`,
      });
  }
  return out;
}

/**
 * Moves of the targeting rule: the design's weekly contact spend (its
 * channels' contacts at full scope × the channel's cost) split again by
 * each rule over the tiers' flows (`allocateBudget`).
 */
function targetingMoves(plan: Plan, d: ProgrammeDesign, cells: readonly TierCell[], load: Record<string, number>): DesignMove[] {
  if (cells.length === 0) return [];
  let weekly = 0;
  for (const [channel, contacts] of Object.entries(load)) weekly += contacts * (plan.tiers.find((t) => t.id === channel)?.budgetYuanPerPerson ?? 0);
  const split = (capacity: Record<string, number>): string => cells.map((c) => `${c.tierId} ${perWeek(capacity[c.tierId] ?? 0)}`).join(", ");
  return targetingRules
    .filter((rule) => rule !== d.allocation)
    .map((rule) => {
      const capacity = allocateBudget(cells, rule, weekly);
      return {
        dimension: "targeting" as const,
        design: { ...d, capacityPerWeek: { ...d.capacityPerWeek, ...capacity }, allocation: rule },
        change: `targeting by ${rule}: ${Math.round(weekly).toLocaleString("en-US")} yuan a week split as ${split(capacity)}`,
      };
    });
}

/** Context a move generator may need: the plan, its capacities, the current design's tier cells (flows with every flag served) and channel load. */
export interface MoveContext {
  plan: Plan;
  planCapacity: Record<string, number>;
  cells: TierCell[];
  load: Record<string, number>;
}

/**
 * The candidate designs one step away from `d` along a dimension, each with
 * its change in words.
 *
 * @example
 * designMoves("queueRule", planDesign(seedPlan, settings), ctx).map((m) => m.design.queueRule) // ["oldest-first", "newest-first"]
 */
export function designMoves(dimension: DesignDimension, d: ProgrammeDesign, ctx: MoveContext): DesignMove[] {
  switch (dimension) {
    case "channels":
      return channelMoves(ctx.plan, d, ctx.planCapacity);
    case "cutoffs":
      return cutoffMoves(ctx.plan, d);
    case "stageTiers": {
      const other = d.stageTiers === "plan" ? "all" : "plan";
      return [
        {
          dimension,
          design: { ...d, stageTiers: other },
          change: other === "all" ? "every stage contacts every tier with a channel (the MVP included)" : "stages contact the plan's tiers",
        },
      ];
    }
    case "capacity":
      return capacityMoves(ctx.plan, d);
    case "targeting":
      return targetingMoves(ctx.plan, d, ctx.cells, ctx.load);
    case "queueRule":
      return queueRules
        .filter((r) => r !== d.queueRule)
        .map((r) => ({ dimension, design: { ...d, queueRule: r }, change: `queue rule ${d.queueRule} → ${r}` }));
    case "delay":
      return [0, 7, 14]
        .filter((x) => x !== d.minContactDelayDays)
        .map((x) => ({
          dimension,
          design: { ...d, minContactDelayDays: x },
          change: `contact no earlier than ${x} days after the flag (was ${d.minContactDelayDays})`,
        }));
  }
}
