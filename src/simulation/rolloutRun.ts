/** Weeks-waited bins of the delay histogram: 0, 1, 2, 3 and 4+ weeks between trigger and contact. */
export const DELAY_BINS = 5;

/** Flags raised in a run, one entry per flag (the programme model's population tables are built from them). */
export interface FlagRecords {
  customer: Int32Array;
  tier: Uint8Array;
  week: Int16Array;
  /** Week the customer was contacted ({@link NEVER}: not contacted), and its churn week without and with the programme. */
  contactWeek: Int16Array;
  churnWeekB: Int16Array;
  churnWeekP: Int16Array;
}

/** What one rollout run measured (counts and yuan; per-tier arrays are indexed by tier number, index 0 unused). */
export interface RolloutRun {
  customers: number;
  weeks: number;
  months: number;
  /** Number of tiers K. */
  tiers: number;
  /** Customers who churned within the run without / with the programme (same customers, same random numbers). */
  baselineChurned: number;
  programmeChurned: number;
  baselineChurnsByMonth: Float64Array;
  programmeChurnsByMonth: Float64Array;
  /** Customers flagged into each tier's queue (the newly-high-risk rule and its analogue for the other intervened tiers). */
  flagged: Float64Array;
  /** Contacts made per tier. */
  contacts: Float64Array;
  /** Contacted customers who would have churned after their contact (baseline), per tier. */
  wouldBeChurners: Float64Array;
  /** Of those, the ones the contact kept (realized saves), per tier. */
  saves: Float64Array;
  /** Σ save probability over the would-be churners (the saves expected without the coin flips), per tier. */
  expectedSaves: Float64Array;
  /** Flagged customers who churned while waiting for their contact, per tier. */
  lostBeforeContact: Float64Array;
  /** Flagged customers dropped from the queue unserved after waiting longer than `maxWaitDays`, per tier. */
  expired: Float64Array;
  /** Flagged customers still waiting at the end of the run, per tier. */
  stillQueued: Float64Array;
  /** Intervention spend, yuan, per tier. */
  spendYuan: Float64Array;
  /** Σ delay (days) over contacts, per tier. */
  delaySumDays: Float64Array;
  /** Contacts with delay <= 7 days, per tier. */
  contactsWithin7Days: Float64Array;
  /** Contacts by weeks waited (tier-major: tier · DELAY_BINS + bin). */
  delayHistogram: Float64Array;
  /** Intervention and fixed costs, and benefit ((baseline − programme churns) × value per save), by month, yuan. */
  interventionCostByMonth: Float64Array;
  fixedCostByMonth: Float64Array;
  benefitByMonth: Float64Array;
  /** Per stage (scenario order), counted on contacts made during the stage and churn seen before the stage ends: contacts, would-be churners, saves, expected saves. */
  stageContacts: Float64Array;
  stageWouldBeChurners: Float64Array;
  stageSaves: Float64Array;
  stageExpectedSaves: Float64Array;
  /** Per stage: weeks contacted customers were followed before the stage ended (from the week after contact to churn or the stage's end), for the team's hazard estimate. */
  stageExposureWeeks: Float64Array;
  /** Weeks of the programme and of the tail (saved customers followed after it). */
  tailWeeks: number;
  /** Programme-arm minus baseline-arm customers at the end of each week, weeks then tail weeks: the customers the programme keeps (cash accrues on them). */
  retainedByWeek: Float64Array;
  /** Every flag raised (when the scenario's `recordFlags`), with the flagged customer's contact and churn weeks in both arms ({@link NEVER}: none within run + tail). */
  flagRecords?: FlagRecords;
  /** Snapshot records (snapshot-major): risk signal s and score noise e (NaN when the customer had churned in the baseline). */
  snapshotSignal: Float32Array;
  snapshotNoise: Float32Array;
  /** Baseline churn week of the snapshot customers ({@link NEVER} when they did not churn). */
  snapshotChurnWeek: Int16Array;
}

