/**
 * Types of the Monday loop's intervention queue and its ledger (the state
 * kept between weeks in the output folder).
 */

/** A service advisor who works the queue: their outlet and how many customers they can take a week. */
export interface Advisor {
  advisorId: string;
  outletId: string;
  /** Customers the advisor can contact per week, a whole number >= 0. */
  weeklyCapacity: number;
}

/** Why a customer is in this week's queue. */
export type QueueReason =
  /** Probability this week > trigger and last week <= trigger (the plan's rule). */
  | "crossed"
  /** Not scored last week and above the trigger this week. */
  | "first-seen"
  /** Flagged in an earlier week, not assigned then (overflow), still inside the horizon. */
  | "carried-over";

/**
 * What became of a queue entry this week.
 * - assigned: an advisor of the customer's outlet takes it (counts as contacted for the cool-down);
 * - unassigned: no advisor roster was given; handed to the CRM as is (counts as contacted);
 * - overflow: no advisor had capacity (or the outlet has none); reported and carried to next week.
 */
export type QueueStatus = "assigned" | "unassigned" | "overflow";

/** One customer in a week's intervention queue (one CRM row). */
export interface QueueEntry {
  /** The Monday of the scoring run, YYYY-MM-DD. */
  week: string;
  customerId: string;
  /** Outlet of the customer ("" when unknown). */
  outletId: string;
  /** Churn probability this week, 0..1. */
  probability: number;
  /** Probability last week (null when not scored last week). */
  previousProbability: number | null;
  /** 1 = highest risk. */
  tierNumber: number;
  tierId: string;
  /** The tier's intervention (from the plan). */
  action: string;
  /** The tier's budget per person, yuan. */
  budgetYuan: number;
  reason: QueueReason;
  /** Monday on which the risk was first detected (the first crossing), YYYY-MM-DD. */
  firstDetected: string;
  /** First detection + the plan's best-window start (7 days), YYYY-MM-DD. */
  goldenWindowStart: string;
  /** First detection + the plan's best-window end (14 days): contact before this date, YYYY-MM-DD. */
  goldenWindowEnd: string;
  /** Assigned advisor ("" when none). */
  advisorId: string;
  status: QueueStatus;
  /** Why an entry overflowed ("" otherwise). */
  overflowReason: string;
}

/** One week of the ledger: the queue as handed off. */
export interface LedgerWeek {
  week: string;
  entries: QueueEntry[];
  /** Customers whose overflow entry expired this week (past the horizon or no longer scored): no longer waiting. */
  expired: string[];
}

/** The queue ledger: every week's queue, oldest first; the state that makes re-runs idempotent and drives the cool-down. */
export interface Ledger {
  version: 1;
  weeks: LedgerWeek[];
}

/** A week's counts: what the loop found, skipped, queued and could not assign. */
export interface WeeklySummary {
  week: string;
  /** Customers scored this week. */
  scored: number;
  /** Customers scored last week. */
  scoredPreviously: number;
  /** Above the trigger this week (any tier). */
  aboveTrigger: number;
  /** Newly high risk by the plan's rule (crossed). */
  crossed: number;
  /** Newly seen above the trigger. */
  firstSeen: number;
  /** Newly flagged but still waiting in the queue from an earlier week (not duplicated). */
  alreadyQueued: number;
  /** Newly flagged but contacted less than `cooldownDays` ago (not re-queued). */
  inCooldown: number;
  /** Earlier overflow brought forward. */
  carriedOver: number;
  /** Earlier overflow dropped: past the horizon, or no longer scored. */
  expired: number;
  /** Earlier overflow dropped because its risk fell back to the trigger or below. */
  resolved: number;
  /** Entries in this week's queue. */
  queued: number;
  assigned: number;
  unassigned: number;
  overflow: number;
  /** Queue entries per tier number (index 0 = tier 1). */
  byTier: number[];
  /** Sum of the queued entries' budgets, yuan. */
  budgetYuan: number;
  /** Load per advisor this week. */
  advisorLoad: Array<{ advisorId: string; outletId: string; weeklyCapacity: number; assigned: number }>;
  cooldownDays: number;
  triggerProbability: number;
}
