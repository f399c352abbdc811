/**
 * The named steps of {@link weeklyQueue} (rules 1-6 of its documentation), in
 * the order it runs them. Internal to `actions/`: not part of the barrel.
 */
import { dayToIso, isoToDay, isoWeekday } from "../data/dates";
import { tierOf, type RankedTier } from "../plan/tiers";
import type { ScoredCustomer } from "./riskTiers";
import type { Advisor, Ledger, LedgerWeek, QueueEntry, QueueReason, WeeklySummary } from "./queueTypes";
import type { NewlyHighRisk } from "./weeklyQueue";

/** A queue entry before advisors are assigned. */
export type QueueDraft = Omit<QueueEntry, "advisorId" | "status" | "overflowReason">;

/** Day number of `week`, which must be a Monday written YYYY-MM-DD. */
export function mondayDay(week: string): number {
  const day = isoToDay(week);
  if (Number.isNaN(day)) throw new RangeError(`weeklyQueue: week must be a date YYYY-MM-DD, got "${week}"`);
  if (isoWeekday(day) !== 1) throw new RangeError(`weeklyQueue: week ${week} is not a Monday`);
  return day;
}

/** Scores by customer id; `which` names the week in the error for a repeated id. */
export function scoresById(scores: readonly ScoredCustomer[], which: string): Map<string, ScoredCustomer> {
  const byId = new Map<string, ScoredCustomer>();
  for (const c of scores) {
    if (byId.has(c.customerId)) throw new RangeError(`weeklyQueue: customer ${c.customerId} appears twice in ${which} scores`);
    byId.set(c.customerId, c);
  }
  return byId;
}

/** Throws when an advisor id repeats or a weekly capacity is not a whole number >= 0. */
export function checkAdvisors(advisors: readonly Advisor[] | undefined): void {
  if (advisors === undefined) return;
  const seen = new Set<string>();
  for (const a of advisors) {
    if (seen.has(a.advisorId)) throw new RangeError(`weeklyQueue: advisor ${a.advisorId} appears twice`);
    seen.add(a.advisorId);
    if (!Number.isInteger(a.weeklyCapacity) || a.weeklyCapacity < 0)
      throw new RangeError(`weeklyQueue: advisor ${a.advisorId}: weekly capacity must be a whole number >= 0, got ${a.weeklyCapacity}`);
  }
}

/** Rule 1 (re-run): the ledger weeks before `week`; weeks after it are an error. */
export function ledgerWeeksBefore(ledger: Ledger | undefined, week: string): LedgerWeek[] {
  const ledgerWeeks = ledger?.weeks ?? [];
  const later = ledgerWeeks.filter((w) => w.week > week);
  if (later.length > 0)
    throw new RangeError(`weeklyQueue: the ledger already has week ${later[later.length - 1]?.week}, after ${week}: only the latest week can be re-run`);
  return ledgerWeeks.filter((w) => w.week < week);
}

/** Rule 2 (state): each customer's latest ledger entry, forgetting customers listed as expired since. */
export function latestEntries(kept: readonly LedgerWeek[]): Map<string, QueueEntry> {
  const latest = new Map<string, QueueEntry>();
  for (const w of [...kept].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0))) {
    for (const e of w.entries) latest.set(e.customerId, e);
    for (const id of w.expired) latest.delete(id);
  }
  return latest;
}

/** Builds a draft entry for `week`: tier from this week's score, golden window from the first detection. */
export function draftMaker(
  week: string,
  ranked: readonly RankedTier[],
  previous: ReadonlyMap<string, ScoredCustomer>,
  bestWindowDays: readonly [number, number],
): (c: ScoredCustomer, reason: QueueReason, firstDetectedDay: number) => QueueDraft {
  const [windowFrom, windowTo] = bestWindowDays;
  return (c, reason, firstDetectedDay) => {
    const r = tierOf(c.probability, ranked, c.customerId);
    const before = previous.get(c.customerId);
    return {
      week,
      customerId: c.customerId,
      outletId: c.outletId ?? "",
      probability: c.probability,
      previousProbability: before === undefined ? null : before.probability,
      tierNumber: r.tierNumber,
      tierId: r.tier.id,
      action: r.tier.intervention,
      budgetYuan: r.tier.budgetYuanPerPerson,
      reason,
      firstDetected: dayToIso(firstDetectedDay),
      goldenWindowStart: dayToIso(firstDetectedDay + windowFrom),
      goldenWindowEnd: dayToIso(firstDetectedDay + windowTo),
    };
  };
}

/** What rule 3 (carry-over) decided for the customers waiting in overflow. */
export interface CarryOver {
  drafts: QueueDraft[];
  /** Customers carried into this week's queue. */
  waiting: Set<string>;
  /** Customers leaving the queue (resolved or expired), in ledger order. */
  expiredIds: string[];
  resolved: number;
}

/** Rule 3 (carry-over): waiting customers still scored above the trigger within the horizon re-enter; the others leave. */
export function carryOver(
  latest: ReadonlyMap<string, QueueEntry>,
  current: ReadonlyMap<string, ScoredCustomer>,
  day: number,
  horizonDays: number,
  trigger: number,
  draft: ReturnType<typeof draftMaker>,
): CarryOver {
  const out: CarryOver = { drafts: [], waiting: new Set<string>(), expiredIds: [], resolved: 0 };
  for (const e of latest.values()) {
    if (e.status !== "overflow") continue;
    const c = current.get(e.customerId);
    const detected = isoToDay(e.firstDetected);
    if (c === undefined || day - detected >= horizonDays) {
      out.expiredIds.push(e.customerId);
      continue;
    }
    if (!(c.probability > trigger)) {
      out.expiredIds.push(e.customerId);
      out.resolved++;
      continue;
    }
    out.waiting.add(e.customerId);
    out.drafts.push(draft(c, "carried-over", detected));
  }
  return out;
}

/** Rule 4: drafts for the newly high risk, skipping customers already waiting or inside the cool-down. */
export function queueNewlyHighRisk(
  flagged: readonly NewlyHighRisk[],
  waiting: ReadonlySet<string>,
  latest: ReadonlyMap<string, QueueEntry>,
  current: ReadonlyMap<string, ScoredCustomer>,
  day: number,
  cooldownDays: number,
  draft: ReturnType<typeof draftMaker>,
): { drafts: QueueDraft[]; alreadyQueued: number; inCooldown: number } {
  const out: { drafts: QueueDraft[]; alreadyQueued: number; inCooldown: number } = { drafts: [], alreadyQueued: 0, inCooldown: 0 };
  for (const f of flagged) {
    if (waiting.has(f.customerId)) {
      out.alreadyQueued++;
      continue;
    }
    const last = latest.get(f.customerId);
    if (last !== undefined && last.status !== "overflow" && day - isoToDay(last.week) < cooldownDays) {
      out.inCooldown++;
      continue;
    }
    out.drafts.push(draft(current.get(f.customerId) as ScoredCustomer, f.reason, day));
  }
  return out;
}

/** Rule 5 (priority): tier, earliest first detection, higher probability, customer id. */
export function byPriority(a: QueueDraft, b: QueueDraft): number {
  return (
    a.tierNumber - b.tierNumber ||
    (a.firstDetected < b.firstDetected ? -1 : a.firstDetected > b.firstDetected ? 1 : 0) ||
    b.probability - a.probability ||
    (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)
  );
}

/** Rule 6 (advisors): each draft in order goes to its outlet's advisor with the most capacity left, else overflow. */
export function assignAdvisors(drafts: readonly QueueDraft[], advisors: readonly Advisor[] | undefined): { queue: QueueEntry[]; load: Map<string, number> } {
  const load = new Map<string, number>();
  for (const a of advisors ?? []) load.set(a.advisorId, 0);
  const queue: QueueEntry[] = drafts.map((d) => {
    if (advisors === undefined) return { ...d, advisorId: "", status: "unassigned", overflowReason: "" };
    const candidates = (d.outletId === "" ? [...advisors] : advisors.filter((a) => a.outletId === d.outletId)).sort((a, b) =>
      a.advisorId < b.advisorId ? -1 : a.advisorId > b.advisorId ? 1 : 0,
    );
    if (candidates.length === 0) return { ...d, advisorId: "", status: "overflow", overflowReason: `no advisor at outlet ${d.outletId}` };
    let best: Advisor | undefined;
    let bestLeft = 0;
    for (const a of candidates) {
      const left = a.weeklyCapacity - (load.get(a.advisorId) ?? 0);
      if (left > bestLeft) {
        best = a;
        bestLeft = left;
      }
    }
    if (best === undefined)
      return {
        ...d,
        advisorId: "",
        status: "overflow",
        overflowReason: d.outletId === "" ? "all advisors at capacity" : `advisors at outlet ${d.outletId} at capacity`,
      };
    load.set(best.advisorId, (load.get(best.advisorId) ?? 0) + 1);
    return { ...d, advisorId: best.advisorId, status: "assigned", overflowReason: "" };
  });
  return { queue, load };
}

/** Everything the week's summary counts, gathered from the steps. */
export interface SummaryParts {
  week: string;
  current: readonly ScoredCustomer[];
  scored: number;
  scoredPreviously: number;
  trigger: number;
  cooldownDays: number;
  ranked: readonly RankedTier[];
  flagged: readonly NewlyHighRisk[];
  carry: CarryOver;
  fresh: { alreadyQueued: number; inCooldown: number };
  queue: readonly QueueEntry[];
  advisors: readonly Advisor[] | undefined;
  load: ReadonlyMap<string, number>;
}

/** The week's counts (see {@link WeeklySummary}). */
export function weeklySummary(p: SummaryParts): WeeklySummary {
  const { queue, trigger } = p;
  let aboveTrigger = 0;
  for (const c of p.current) if (c.probability > trigger) aboveTrigger++;
  const count = (status: QueueEntry["status"]): number => queue.filter((e) => e.status === status).length;
  return {
    week: p.week,
    scored: p.scored,
    scoredPreviously: p.scoredPreviously,
    aboveTrigger,
    crossed: p.flagged.filter((f) => f.reason === "crossed").length,
    firstSeen: p.flagged.filter((f) => f.reason === "first-seen").length,
    alreadyQueued: p.fresh.alreadyQueued,
    inCooldown: p.fresh.inCooldown,
    carriedOver: p.carry.drafts.length,
    expired: p.carry.expiredIds.length - p.carry.resolved,
    resolved: p.carry.resolved,
    queued: queue.length,
    assigned: count("assigned"),
    unassigned: count("unassigned"),
    overflow: count("overflow"),
    byTier: p.ranked.map((r) => queue.filter((e) => e.tierNumber === r.tierNumber).length),
    budgetYuan: queue.reduce((s, e) => s + e.budgetYuan, 0),
    advisorLoad: (p.advisors ?? []).map((a) => ({
      advisorId: a.advisorId,
      outletId: a.outletId,
      weeklyCapacity: a.weeklyCapacity,
      assigned: p.load.get(a.advisorId) ?? 0,
    })),
    cooldownDays: p.cooldownDays,
    triggerProbability: trigger,
  };
}
