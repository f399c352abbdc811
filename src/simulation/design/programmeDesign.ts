import { rankTiers } from "../../plan/tiers";
import type { Plan } from "../../plan/index";
import type { QueueRule } from "../population/rolloutScenario";
import type { ProgrammeSettings } from "../programme/programmeSettings";
import { stageCapacities } from "../programme/stageCapacity";

/** How a contact budget is split across tiers: riskiest first, highest net value, highest value per yuan, or most saves per contact. */
export const targetingRules = ["risk", "value", "value-per-yuan", "uplift"] as const;
/** One targeting rule (see {@link targetingRules}). */
export type TargetingRule = (typeof targetingRules)[number];

/** Where a design's capacities come from (see {@link ProgrammeDesign.allocation}). */
export type CapacitySource = "plan" | "direct" | TargetingRule;

/**
 * A capacity source in words.
 *
 * @example
 * capacitySourceText("value-per-yuan") // "targeting by value-per-yuan"
 */
export function capacitySourceText(source: CapacitySource): string {
  return source === "plan" ? "the plan's budget lines" : source === "direct" ? "set tier by tier" : `targeting by ${source}`;
}

/** The channel of a tier that is not contacted (and pays no routine spend). */
export const NO_CHANNEL = "none";

/**
 * One design of the programme: everything that decides who is contacted,
 * when, through which channel and at what cost. Tiers and channels are named
 * by the plan's tier ids (a channel is a tier's intervention, with its
 * budget per person and save rate).
 */
export interface ProgrammeDesign {
  /**
   * Channel of each tier, by tier id: a tier id whose intervention the tier
   * gets, or "none". A tier that no stage of the plan contacts (the low
   * tier's routine operations) has its own id (the routine spend is paid)
   * or "none".
   */
  channels: Record<string, string>;
  /** Tier cut-offs as top-k% by rank: the share of customers above each tier's lower bound, tier 1 first (K − 1 increasing numbers in (0, 1)). */
  cumulativeShares: number[];
  /** Contacts per week of each contacted tier's queue at the plan's full scale (stages get their share of customers); Infinity for no limit. */
  capacityPerWeek: Record<string, number>;
  /** Tiers each rollout stage contacts: "plan" = the plan's stage tiers that have a channel; "all" = every tier with a channel in every stage. */
  stageTiers: "plan" | "all";
  /** Where the capacities come from: the plan's budget lines, a targeting rule splitting a contact budget across tiers, or set tier by tier ("direct"). */
  allocation: CapacitySource;
  queueRule: QueueRule;
  /** Contact no earlier than this many days after the flag. */
  minContactDelayDays: number;
}

/** Assumptions a design needs beyond the plan. */
export interface DesignAssumptions {
  /**
   * Share of its effect a channel keeps on a tier it was not designed for,
   * 0..1 (default 0.5): its save rate there is min(the channel's own rate,
   * the tier's rate) × this. The plan states one rate per tier and
   * intervention only; the pilot has to measure any other pairing.
   */
  crossChannelFactor: number;
}

/** Default design assumptions. */
export const defaultDesignAssumptions: Readonly<DesignAssumptions> = { crossChannelFactor: 0.5 };

/**
 * Ids of the tiers some rollout stage contacts, riskiest first (the tiers a
 * design may give a channel to).
 *
 * @example
 * contactTierIds(seedPlan) // ["very-high", "high", "medium"]
 */
export function contactTierIds(plan: Plan): string[] {
  const contacted = new Set(plan.rollout.flatMap((s) => s.interveneTiers));
  return rankTiers(plan)
    .map((r) => r.tier.id)
    .filter((id) => contacted.has(id));
}

/**
 * How a channel relates to the customers of one of the plan's tiers: their
 * own channel, one made for riskier customers than them ("less-risky"), or
 * one made for less risky customers ("riskier").
 */
export type ChannelRelation = "own" | "less-risky" | "riskier";

/**
 * The save rate of a channel on customers of one of the plan's tiers: the
 * tier's own rate on its own channel; the channel's own rate on customers
 * less risky than those it was made for (the plan's rates rise as risk
 * falls, so this does not overstate); min(channel's rate, tier's rate) × the
 * cross-channel factor on riskier customers (a cheaper channel loses part of
 * its effect on them; the pilot has to measure how much).
 *
 * @example
 * channelSaveRate(0.7, 0.45, "riskier", 0.5) // 0.225 (automated marketing on very-high-risk customers)
 * channelSaveRate(0.7, 0.95, "less-risky", 0.5) // 0.7
 */
export function channelSaveRate(channelRate: number, tierRate: number, relation: ChannelRelation, crossChannelFactor: number): number {
  if (relation === "own") return tierRate;
  if (relation === "less-risky") return channelRate;
  return Math.min(channelRate, tierRate) * crossChannelFactor;
}

/** One of the plan's tiers inside a design tier: its index in `plan.tiers`, its share of the design tier's customers, and its relation to the channel. */
export interface RateTerm {
  tierIndex: number;
  weight: number;
  relation: ChannelRelation;
}

/**
 * How each design tier's save rate is made (in `plan.tiers` order): the
 * index of its channel's tier (−1 for none) and the plan's tiers its band
 * covers, weighted by their share of its customers (the design's cut-offs
 * against the plan's shares, both as top-k% by rank). Its save rate is
 * Σ weight × channelSaveRate(channel's rate, that tier's rate, relation).
 * With the plan's cut-offs and channels every tier is its own single term.
 *
 * @example
 * saveRateTerms(seedPlan, planDesign(seedPlan, settings))[0] // { channelIndex: 0, terms: [{ tierIndex: 0, weight: 1, relation: "own" }] }
 */
export function saveRateTerms(plan: Plan, design: ProgrammeDesign): Array<{ channelIndex: number; terms: RateTerm[] }> {
  const ranked = rankTiers(plan);
  const rankOf = new Map(ranked.map((r) => [r.tier.id, r.tierNumber]));
  const bounds = (shares: readonly number[], k: number): [number, number] => [k === 0 ? 0 : shares[k - 1]!, k === ranked.length - 1 ? 1 : shares[k]!];
  let cumulative = 0;
  const planShares = ranked.slice(0, -1).map((r) => (cumulative += r.tier.shareStated));
  return plan.tiers.map((t) => {
    const channel = design.channels[t.id] ?? t.id;
    const channelIndex = channel === NO_CHANNEL ? -1 : plan.tiers.findIndex((x) => x.id === channel);
    const [lo, hi] = bounds(design.cumulativeShares, rankOf.get(t.id)! - 1);
    const terms: RateTerm[] = [];
    if (channelIndex < 0) return { channelIndex, terms };
    const home = rankOf.get(channel)!;
    for (const r of ranked) {
      const [plo, phi] = bounds(planShares, r.tierNumber - 1);
      const overlap = Math.min(hi, phi) - Math.max(lo, plo);
      if (!(overlap > 1e-12) || !(hi > lo)) continue;
      const relation: ChannelRelation = r.tier.id === channel ? "own" : r.tierNumber > home ? "less-risky" : "riskier";
      terms.push({ tierIndex: plan.tiers.indexOf(r.tier), weight: overlap / (hi - lo), relation });
    }
    return { channelIndex, terms };
  });
}

/**
 * The plan's own design: every tier on its own channel, the plan's tier
 * shares, the capacity of its last (full-scope) stage scaled to the plan's
 * customers (`stageCapacities`: the budget lines unless the file says
 * otherwise), the plan's stage tiers, queue rule and contact delay.
 *
 * @example
 * planDesign(seedPlan, settings).capacityPerWeek // { "very-high": 115.4, high: 307.7, medium: 461.5 }
 */
export function planDesign(plan: Plan, settings: ProgrammeSettings): ProgrammeDesign {
  const ranked = rankTiers(plan);
  let cumulative = 0;
  const cumulativeShares = ranked.slice(0, -1).map((r) => (cumulative += r.tier.shareStated));
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  const capacities = stageCapacities(plan, settings);
  const capacityPerWeek: Record<string, number> = {};
  for (const id of contactTierIds(plan)) {
    const stage = [...stages].reverse().find((s) => s.interveneTiers.includes(id))!;
    const share = Math.min(1, stage.customers / plan.customers);
    const c = capacities.find((x) => x.stageId === stage.id && x.tierId === id)!;
    capacityPerWeek[id] = share > 0 ? c.perWeek / share : c.perWeek;
  }
  return {
    channels: Object.fromEntries(plan.tiers.map((t) => [t.id, t.id])),
    cumulativeShares,
    capacityPerWeek,
    stageTiers: "plan",
    allocation: "plan",
    queueRule: settings.queueRule,
    minContactDelayDays: settings.minContactDelayDays,
  };
}

/**
 * The channels a tier may get: its own, the cheaper channels of other
 * contacted tiers, and none; a tier no stage contacts: its own routine spend
 * or none.
 *
 * @example
 * channelOptions(seedPlan, "very-high") // ["very-high", "high", "medium", "none"]
 */
export function channelOptions(plan: Plan, tierId: string): string[] {
  const contact = contactTierIds(plan);
  const own = plan.tiers.find((t) => t.id === tierId);
  if (own === undefined) throw new RangeError(`unknown tier "${tierId}"`);
  if (!contact.includes(tierId)) return [tierId, NO_CHANNEL];
  const cheaper = contact.filter((id) => id !== tierId && plan.tiers.find((t) => t.id === id)!.budgetYuanPerPerson < own.budgetYuanPerPerson);
  return [tierId, ...cheaper, NO_CHANNEL];
}

/**
 * The ids of the tiers a design contacts (a channel other than "none", among
 * the tiers some stage of the plan contacts), riskiest first.
 *
 * @example
 * contactedTiers(seedPlan, planDesign(seedPlan, settings)) // ["very-high", "high", "medium"]
 */
export function contactedTiers(plan: Plan, design: ProgrammeDesign): string[] {
  return contactTierIds(plan).filter((id) => (design.channels[id] ?? id) !== NO_CHANNEL && (design.capacityPerWeek[id] ?? 0) > 0);
}

/**
 * A stable text key of a design (same design, same key), for caches and comparisons.
 *
 * @example
 * designKey(planDesign(seedPlan, settings)) === designKey(planDesign(seedPlan, settings)) // true
 */
export function designKey(design: ProgrammeDesign): string {
  const sorted = (r: Record<string, number | string>): Array<[string, number | string]> =>
    Object.entries(r)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => [k, typeof v === "number" && !Number.isFinite(v) ? "unlimited" : v]);
  return JSON.stringify([
    sorted(design.channels),
    design.cumulativeShares.map((s) => Math.round(s * 1e6) / 1e6),
    sorted(Object.fromEntries(Object.entries(design.capacityPerWeek).map(([k, v]) => [k, Number.isFinite(v) ? Math.round(v * 1000) / 1000 : v]))),
    design.stageTiers,
    design.allocation,
    design.queueRule,
    design.minContactDelayDays,
  ]);
}

/**
 * A design as plain JSON (an unlimited capacity is written "unlimited").
 *
 * @example
 * designJson(design).capacityPerWeek.medium // 461.5 or "unlimited"
 */
export function designJson(design: ProgrammeDesign): Omit<ProgrammeDesign, "capacityPerWeek"> & { capacityPerWeek: Record<string, number | "unlimited"> } {
  return {
    ...design,
    channels: { ...design.channels },
    cumulativeShares: [...design.cumulativeShares],
    capacityPerWeek: Object.fromEntries(Object.entries(design.capacityPerWeek).map(([k, v]) => [k, Number.isFinite(v) ? v : "unlimited"])),
  };
}
