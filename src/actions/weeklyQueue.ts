import type { Plan } from "../plan/schema";
import { dayToIso, isoToDay, isoWeekday } from "../data/dates";
import { rankTiers, tierOf, type ScoredCustomer } from "./riskTiers";
import type { Advisor, Ledger, LedgerWeek, QueueEntry, QueueReason, WeeklySummary } from "./queueTypes";

/** A newly-high-risk customer by the plan's Monday rule. */
export interface NewlyHighRisk {
  customerId: string;
  probability: number;
  /** Last week's probability, null when first seen. */
  previousProbability: number | null;
  reason: "crossed" | "first-seen";
}

/**
 * The plan's "newly high risk" rule (section 5.2): probability this week
 * above the trigger and last week at or below it (`> 0.5` and `<= 0.5` in the
 * seed plan), plus customers not scored last week who are above the trigger
 * this week. Customers above the trigger both weeks are not new. Output in
 * the order of `current`.
 *
 * @param current this week's scores (ids unique).
 * @param previous last week's scores (ids unique; empty on the first run: everyone above is "first-seen").
 * @param triggerProbability the plan's `timing.triggerProbability`, 0..1.
 * @throws RangeError when the trigger is outside [0, 1], or a probability is NaN or outside [0, 1] (naming the customer).
 * @example
 * newlyHighRisk([{ customerId: "a", probability: 0.51 }, { customerId: "b", probability: 0.5 }, { customerId: "c", probability: 0.9 }],
 *               [{ customerId: "a", probability: 0.5 }, { customerId: "b", probability: 0.2 }], 0.5);
 * // [{ customerId: "a", probability: 0.51, previousProbability: 0.5, reason: "crossed" },
 * //  { customerId: "c", probability: 0.9, previousProbability: null, reason: "first-seen" }]
 */
export function newlyHighRisk(current: readonly ScoredCustomer[], previous: readonly ScoredCustomer[], triggerProbability: number): NewlyHighRisk[] {
  if (!(triggerProbability >= 0 && triggerProbability <= 1))
    throw new RangeError(`newlyHighRisk: trigger probability must be from 0 to 1, got ${triggerProbability}`);
  const last = new Map<string, number>();
  for (const c of previous) {
    checkProbability(c);
    last.set(c.customerId, c.probability);
  }
  const out: NewlyHighRisk[] = [];
  for (const c of current) {
    checkProbability(c);
    if (!(c.probability > triggerProbability)) continue;
    const before = last.get(c.customerId);
    if (before === undefined) out.push({ customerId: c.customerId, probability: c.probability, previousProbability: null, reason: "first-seen" });
    else if (before <= triggerProbability) out.push({ customerId: c.customerId, probability: c.probability, previousProbability: before, reason: "crossed" });
  }
  return out;
}

function checkProbability(c: ScoredCustomer): void {
  const p = c.probability;
  if (typeof p !== "number" || Number.isNaN(p) || p < 0 || p > 1)
    throw new RangeError(`customer ${c.customerId}: churn probability must be a number from 0 to 1, got ${String(p)}`);
}

/** Input of {@link weeklyQueue}. */
export interface WeeklyQueueInput {
  /** The Monday of this scoring run, YYYY-MM-DD. */
  week: string;
  /** This week's scores (ids unique). */
  current: readonly ScoredCustomer[];
  /** Last week's scores (ids unique; may be empty). */
  previous: readonly ScoredCustomer[];
  /** The plan: tiers, `timing.triggerProbability`, `timing.bestWindowDays`, `predictionHorizonDays`. */
  plan: Pick<Plan, "tiers" | "timing" | "predictionHorizonDays">;
  /** Advisor roster; when absent every entry is "unassigned" (handed to the CRM without an advisor). */
  advisors?: readonly Advisor[];
  /** The ledger before this run (default: empty). Weeks on or after `week` are replaced (re-run). */
  ledger?: Ledger;
  /** Days after a hand-off during which a customer is not queued again; default the plan's horizon (30 days). */
  cooldownDays?: number;
}

/** Output of {@link weeklyQueue}: the week's queue (priority order), the new ledger and the counts. */
export interface WeeklyQueueResult {
  queue: QueueEntry[];
  ledger: Ledger;
  summary: WeeklySummary;
}

/**
 * One Monday of the plan's loop (section 5.2): finds the newly high risk,
 * carries forward earlier overflow, drops duplicates and customers inside the
 * cool-down, ranks the queue and assigns advisors by outlet within their
 * weekly capacity. Pure: the caller persists `ledger`.
 *
 * Rules, in order:
 * 1. Re-run: ledger weeks on or after `week` are discarded first, so running
 *    a week twice gives the same queue and ledger (idempotent) and never
 *    duplicates a customer. (Weeks AFTER `week` in the ledger are an error:
 *    history is only rewritten for the latest week.)
 * 2. State: for each customer the latest ledger entry before `week`.
 *    "assigned"/"unassigned" = handed off (contacted) that week;
 *    "overflow" = still waiting.
 * 3. Carry-over: waiting customers who are scored this week, still above
 *    the trigger, and whose first detection is less than
 *    `predictionHorizonDays` ago re-enter the queue ("carried-over",
 *    first-detection date kept, tier from this week's score). The others
 *    leave the queue: `resolved` when their risk fell back to the trigger or
 *    below (no advisor time for a customer no longer at high risk), else
 *    `expired` (past the horizon, or no longer scored). Both are listed in
 *    the ledger week's `expired`, so a later crossing queues them afresh.
 * 4. Newly high risk ({@link newlyHighRisk}): queued with first detection =
 *    `week`, unless already waiting (counted `alreadyQueued`) or handed off
 *    less than `cooldownDays` before `week` (counted `inCooldown`).
 * 5. Priority: tier (1 first), then earliest first detection, then higher
 *    probability, then customer id.
 * 6. Advisors: each entry goes to the advisor of its outlet with the most
 *    capacity left (ties: advisor id); customers without an outlet may go to
 *    any advisor. No capacity left, or no advisor at the outlet: "overflow",
 *    reported with its reason and carried to next week, never dropped.
 * Golden window: first detection + `timing.bestWindowDays` (7 and 14 days).
 *
 * @throws RangeError when `week` is not a valid Monday date, the ledger has
 *   weeks after `week`, cooldownDays is negative/NaN, an advisor capacity is
 *   not a whole number >= 0, ids repeat, or a probability is NaN/outside 0..1
 *   (naming the customer).
 * @example
 * const r = weeklyQueue({ week: "2025-01-13", plan: seedPlan,
 *   current: [{ customerId: "a", probability: 0.6, outletId: "o1" }],
 *   previous: [{ customerId: "a", probability: 0.4, outletId: "o1" }],
 *   advisors: [{ advisorId: "adv1", outletId: "o1", weeklyCapacity: 5 }] });
 * r.queue[0]; // { customerId: "a", tierNumber: 2, reason: "crossed", firstDetected: "2025-01-13",
 *             //   goldenWindowStart: "2025-01-20", goldenWindowEnd: "2025-01-27", advisorId: "adv1", status: "assigned", ... }
 */
export function weeklyQueue(input: WeeklyQueueInput): WeeklyQueueResult {
  const { week, plan } = input;
  const day = isoToDay(week);
  if (Number.isNaN(day)) throw new RangeError(`weeklyQueue: week must be a date YYYY-MM-DD, got "${week}"`);
  if (isoWeekday(day) !== 1) throw new RangeError(`weeklyQueue: week ${week} is not a Monday`);
  const cooldownDays = input.cooldownDays ?? plan.predictionHorizonDays;
  if (!(cooldownDays >= 0) || !Number.isFinite(cooldownDays)) throw new RangeError(`weeklyQueue: cooldownDays must be >= 0, got ${cooldownDays}`);
  const trigger = plan.timing.triggerProbability;
  const [windowFrom, windowTo] = plan.timing.bestWindowDays;
  const ranked = rankTiers(plan);

  const current = new Map<string, ScoredCustomer>();
  for (const c of input.current) {
    if (current.has(c.customerId)) throw new RangeError(`weeklyQueue: customer ${c.customerId} appears twice in this week's scores`);
    current.set(c.customerId, c);
  }
  const previous = new Map<string, ScoredCustomer>();
  for (const c of input.previous) {
    if (previous.has(c.customerId)) throw new RangeError(`weeklyQueue: customer ${c.customerId} appears twice in last week's scores`);
    previous.set(c.customerId, c);
  }
  const advisors = input.advisors;
  if (advisors !== undefined) {
    const seen = new Set<string>();
    for (const a of advisors) {
      if (seen.has(a.advisorId)) throw new RangeError(`weeklyQueue: advisor ${a.advisorId} appears twice`);
      seen.add(a.advisorId);
      if (!Number.isInteger(a.weeklyCapacity) || a.weeklyCapacity < 0)
        throw new RangeError(`weeklyQueue: advisor ${a.advisorId}: weekly capacity must be a whole number >= 0, got ${a.weeklyCapacity}`);
    }
  }

  // 1. Re-run: keep only weeks before this one.
  const ledgerWeeks = input.ledger?.weeks ?? [];
  const later = ledgerWeeks.filter((w) => w.week > week);
  if (later.length > 0)
    throw new RangeError(`weeklyQueue: the ledger already has week ${later[later.length - 1]?.week}, after ${week}: only the latest week can be re-run`);
  const kept: LedgerWeek[] = ledgerWeeks.filter((w) => w.week < week);

  // 2. State per customer: latest entry before this week.
  const latest = new Map<string, QueueEntry>();
  for (const w of [...kept].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0))) {
    for (const e of w.entries) latest.set(e.customerId, e);
    for (const id of w.expired) latest.delete(id);
  }

  type Draft = Omit<QueueEntry, "advisorId" | "status" | "overflowReason">;
  const drafts: Draft[] = [];
  const makeDraft = (c: ScoredCustomer, reason: QueueReason, firstDetectedDay: number): Draft => {
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

  // 3. Carry-over of earlier overflow.
  let carriedOver = 0;
  const expiredIds: string[] = [];
  let resolved = 0;
  const waiting = new Set<string>();
  for (const e of latest.values()) {
    if (e.status !== "overflow") continue;
    const c = current.get(e.customerId);
    const detected = isoToDay(e.firstDetected);
    if (c === undefined || day - detected >= plan.predictionHorizonDays) {
      expiredIds.push(e.customerId);
      continue;
    }
    if (!(c.probability > trigger)) {
      expiredIds.push(e.customerId);
      resolved++;
      continue;
    }
    waiting.add(e.customerId);
    drafts.push(makeDraft(c, "carried-over", detected));
    carriedOver++;
  }

  // 4. Newly high risk.
  const flagged = newlyHighRisk(input.current, input.previous, trigger);
  let alreadyQueued = 0;
  let inCooldown = 0;
  for (const f of flagged) {
    if (waiting.has(f.customerId)) {
      alreadyQueued++;
      continue;
    }
    const last = latest.get(f.customerId);
    if (last !== undefined && last.status !== "overflow" && day - isoToDay(last.week) < cooldownDays) {
      inCooldown++;
      continue;
    }
    drafts.push(makeDraft(current.get(f.customerId) as ScoredCustomer, f.reason, day));
  }

  // 5. Priority.
  drafts.sort(
    (a, b) =>
      a.tierNumber - b.tierNumber ||
      (a.firstDetected < b.firstDetected ? -1 : a.firstDetected > b.firstDetected ? 1 : 0) ||
      b.probability - a.probability ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );

  // 6. Advisors.
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

  let aboveTrigger = 0;
  for (const c of input.current) if (c.probability > trigger) aboveTrigger++;
  const byTier = ranked.map((r) => queue.filter((e) => e.tierNumber === r.tierNumber).length);
  const count = (status: QueueEntry["status"]): number => queue.filter((e) => e.status === status).length;
  const summary: WeeklySummary = {
    week,
    scored: current.size,
    scoredPreviously: previous.size,
    aboveTrigger,
    crossed: flagged.filter((f) => f.reason === "crossed").length,
    firstSeen: flagged.filter((f) => f.reason === "first-seen").length,
    alreadyQueued,
    inCooldown,
    carriedOver,
    expired: expiredIds.length - resolved,
    resolved,
    queued: queue.length,
    assigned: count("assigned"),
    unassigned: count("unassigned"),
    overflow: count("overflow"),
    byTier,
    budgetYuan: queue.reduce((s, e) => s + e.budgetYuan, 0),
    advisorLoad: (advisors ?? []).map((a) => ({
      advisorId: a.advisorId,
      outletId: a.outletId,
      weeklyCapacity: a.weeklyCapacity,
      assigned: load.get(a.advisorId) ?? 0,
    })),
    cooldownDays,
    triggerProbability: trigger,
  };
  return { queue, ledger: { version: 1, weeks: [...kept, { week, entries: queue, expired: expiredIds.sort() }] }, summary };
}
