import type { Plan } from "../plan/schema";
import { rankTiers } from "../plan/tiers";
import type { ScoredCustomer } from "./riskTiers";
import type { Advisor, Ledger, QueueEntry, WeeklySummary } from "./queueTypes";
import {
  assignAdvisors,
  byPriority,
  carryOver,
  checkAdvisors,
  draftMaker,
  latestEntries,
  ledgerWeeksBefore,
  mondayDay,
  queueNewlyHighRisk,
  scoresById,
  weeklySummary,
} from "./weeklyQueueSteps";

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
  const { week, plan, advisors } = input;
  const day = mondayDay(week);
  const cooldownDays = input.cooldownDays ?? plan.predictionHorizonDays;
  if (!(cooldownDays >= 0) || !Number.isFinite(cooldownDays)) throw new RangeError(`weeklyQueue: cooldownDays must be >= 0, got ${cooldownDays}`);
  const trigger = plan.timing.triggerProbability;
  const ranked = rankTiers(plan);
  const current = scoresById(input.current, "this week's");
  const previous = scoresById(input.previous, "last week's");
  checkAdvisors(advisors);

  const kept = ledgerWeeksBefore(input.ledger, week);
  const latest = latestEntries(kept);
  const draft = draftMaker(week, ranked, previous, plan.timing.bestWindowDays);
  const carry = carryOver(latest, current, day, plan.predictionHorizonDays, trigger, draft);
  const flagged = newlyHighRisk(input.current, input.previous, trigger);
  const fresh = queueNewlyHighRisk(flagged, carry.waiting, latest, current, day, cooldownDays, draft);
  const drafts = [...carry.drafts, ...fresh.drafts].sort(byPriority);
  const { queue, load } = assignAdvisors(drafts, advisors);

  const summary = weeklySummary({
    week,
    current: input.current,
    scored: current.size,
    scoredPreviously: previous.size,
    trigger,
    cooldownDays,
    ranked,
    flagged,
    carry,
    fresh,
    queue,
    advisors,
    load,
  });
  return { queue, ledger: { version: 1, weeks: [...kept, { week, entries: queue, expired: carry.expiredIds.sort() }] }, summary };
}
