/** Weeks-waited bins of the delay histogram: 0, 1, 2, 3 and 4+ weeks between trigger and contact. */
export const DELAY_BINS = 5;

/** Every contact made in a run (when the scenario records them): what the programme model's expectation is taken over. */
export interface ContactRecords {
  /** The customer's slot, and whether the contact's save draw succeeded (it keeps the customer only if they would have churned within the protection). */
  customer: Int32Array;
  saved: Uint8Array;
  /** Tier number of the channel, weeks the customer waited since the flag, and the contact week. */
  tier: Uint8Array;
  age: Int16Array;
  week: Int16Array;
  /** The customer's churn week without the programme (NEVER: none within the run). */
  churnWeekB: Int16Array;
  /** When the contact saved the customer from that churn (it fell within the protection): the week they left after all (NEVER: not within the run). */
  churnWeekP: Int16Array;
}

/** What one rollout run measured (counts and yuan; per-tier arrays are indexed by tier number, index 0 unused). */
export interface RolloutRun {
  customers: number;
  weeks: number;
  months: number;
  /** Number of tiers K. */
  tiers: number;
  /** Churn events within the run without / with the programme (same customers, same random numbers; leavers are replaced by new customers). */
  baselineChurned: number;
  programmeChurned: number;
  baselineChurnsByMonth: Float64Array;
  programmeChurnsByMonth: Float64Array;
  /** Customers flagged into each tier's queue (the newly-high-risk rule and its analogue for the other intervened tiers). */
  flagged: Float64Array;
  /** Contacts made per tier. */
  contacts: Float64Array;
  /** Contacted customers whose churn (without the programme) fell within the contact's protection, per tier. */
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
  /** Intervention and fixed costs, and lifetime-value benefit ((baseline − programme churns) × value per save), by month, yuan. */
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
  /** Weeks after the run during which saved customers were followed. */
  tailWeeks: number;
  /** Customers the programme keeps at the end of each week (run then tail): saved customers still there. */
  retainedByWeek: Float64Array;
  /** Every contact (when the scenario's `recordContacts`). */
  contactRecords?: ContactRecords;
  /** Snapshot records (snapshot-major): risk signal s and score noise e of the original customers (NaN when they had churned). */
  snapshotSignal: Float32Array;
  snapshotNoise: Float32Array;
  /** Churn week of the original customers of slots [0, snapshotCustomers) (NEVER when they did not churn). */
  snapshotChurnWeek: Int16Array;
}
