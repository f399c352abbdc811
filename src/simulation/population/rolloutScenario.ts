/*
 * The inputs of one customer-level rollout run, as plain numbers (they are
 * sent to worker threads as is). Built from a plan by `rolloutScenarioFor`
 * (rolloutSimulation.ts); the kernel is `runRolloutKernel` (rolloutKernel.ts).
 */

/**
 * How each customer's latent churn risk evolves week by week.
 *
 * The weekly churn hazard of customer i in week t is
 * h = 1 / (1 + exp(−(α + s_it))), with the risk signal
 * s_it = persistentSd · u_i + transientSd · w_it, where u_i ~ N(0, 1) is fixed
 * for the customer (who they are: distance, segment, habits) and w_it is an
 * AR(1) with occasional shocks (a bad service experience):
 * w_{t+1} = persistence · w_t + √(1 − persistence²) · ε_t + shockSize · B_t,
 * ε_t uniform with mean 0 and variance 1 (the AR(1) sums many of them, so w
 * is normal to within a fraction of a percent by the central limit theorem),
 * B_t ~ Bernoulli(shockProbability). α is calibrated so that the share of
 * customers churning within 52 weeks equals the plan's annual churn.
 *
 * The model's score sees s_it through persistent noise: score = s_it +
 * τ · e_it, e an AR(1) with `scoreNoisePersistence` and unit variance (a
 * model's errors about a customer last), τ chosen for a target AUC (binormal
 * model; see `calibrateRollout`).
 */
export interface RolloutDynamics {
  /** Sd of the customer's fixed log-odds effect, >= 0 (default 3.2). */
  persistentSd: number;
  /** Sd of the time-varying log-odds part, >= 0 (default 2.4). */
  transientSd: number;
  /** Week-to-week autocorrelation of the time-varying part, 0..1 (default 0.96: half-life 17 weeks). */
  persistence: number;
  /** Weekly probability of a shock, 0..1 (default 0.01: 0.52 shocks per customer-year). */
  shockProbability: number;
  /** Size of a shock in units of the time-varying part's sd (default 2). */
  shockSize: number;
  /** Week-to-week autocorrelation of the score's noise, 0..1 (default 0.8). */
  scoreNoisePersistence: number;
  /** Weeks simulated before week 0 (no churn, no programme) so shocks reach their steady state, integer >= 0 (default 12). */
  burnInWeeks: number;
}

/**
 * Default latent-risk dynamics (see {@link RolloutDynamics}). Chosen so that
 * the best possible model (the true risk itself) has an AUC of about 0.96 on
 * 30-day outcomes, leaving room for the 0.70–0.95 models the plan discusses,
 * with most of the risk persistent (who the customer is) and a slow-moving
 * part with shocks that makes customers newly high-risk during the year.
 */
export const defaultRolloutDynamics: Readonly<RolloutDynamics> = {
  persistentSd: 3.2,
  transientSd: 2.4,
  persistence: 0.96,
  shockProbability: 0.01,
  shockSize: 2,
  scoreNoisePersistence: 0.97,
  burnInWeeks: 26,
};

/** One rollout stage in weeks: customers [0, customers) are in scope during weeks [weekStart, weekEnd). */
export interface StageWeeks {
  id: string;
  weekStart: number;
  weekEnd: number;
  /** Customers in scope (the first `customers` of the population: the pilot city first). */
  customers: number;
  /** Bit k set when the stage intervenes on tier number k (1 = highest risk). */
  tierMask: number;
  /** Budget of the stage as stated, yuan. */
  budgetYuan: number;
  /** Contacts per week per tier number (index 0 unused) in this stage, already scaled to the simulated customers; Infinity for no limit. */
  capacityPerWeek: number[];
}

/**
 * Which flags a channel serves first when it cannot serve them all:
 * - "value-first": the highest expected saves per contact first (the chance
 *   that a customer flagged that many weeks ago churns within the protection
 *   × the save probability at that delay, from `contactPriority`);
 * - "oldest-first": first flagged, first served (FIFO);
 * - "newest-first": freshest flags first (their contact saves most).
 */
export type QueueRule = "value-first" | "oldest-first" | "newest-first";

/** Everything one run of the customer-level kernel needs (plain data). */
export interface RolloutScenario {
  /** Customers simulated, integer >= 1. */
  customers: number;
  /** Weeks of the programme simulated after burn-in, integer 1..520 (52 = the first year). */
  weeks: number;
  /** Weeks after the programme during which the customers it kept are followed, for the cash they bring; integer 0..520 (default 0). */
  tailWeeks: number;
  dynamics: RolloutDynamics;
  /** α, the intercept of the weekly churn log-odds (calibrated). */
  churnIntercept: number;
  /** τ, the sd of the score's noise on the log-odds scale (0 = a perfect model). */
  scoreNoiseSd: number;
  /** Lower bounds of tiers 1..K−1 on the raw score scale, descending (a tier holds scores above its bound, as `tierOf`). */
  tierThresholds: number[];
  /** false: the baseline only (no scoring, no contacts). */
  programme: boolean;
  stages: StageWeeks[];
  /** Cost of one contact, yuan, per tier number (index 0 unused). */
  contactCostYuan: number[];
  /**
   * Save probability of a contact by tier and delay: entry k · L + j is tier
   * k's probability at delay j / 2 days (j = 0 .. L − 1; longer delays use
   * the last entry). Built with `saveRateAfterDelay` (src/actions) from the
   * tier's save rate and a decay curve.
   */
  saveProbabilityByHalfDay: number[];
  /** Correlation of save outcomes between two contacts of the same customer, 0..1 (0: independent draws per contact, the default; 1: one uniform per customer decides every contact). */
  saveCorrelation: number;
  /** Contact no earlier than this many days after the trigger (timing policy; 0 = as soon as capacity allows). */
  minContactDelayDays: number;
  queueRule: QueueRule;
  /**
   * Expected saves per contact for a tier-k customer flagged a weeks ago:
   * entry k · A + a (a = 0 .. A − 1). Used by "value-first" (serve the
   * highest first; ages at 0 are not served); may be empty (then as
   * newest-first).
   */
  contactPriority: number[];
  /** Flags older than this many days are dropped from the queue unserved (default 30, the plan's horizon and its last A/B delay); at least minContactDelayDays. */
  maxWaitDays: number;
  /** Weeks a saved customer is kept from churning after the contact week, integer >= 1 (default 52). */
  protectionWeeks: number;
  /** Weeks after a contact during which the customer is not flagged again, integer >= 0 (default: protectionWeeks). */
  cooldownWeeks: number;
  /** Value of one retained customer, yuan: lifetime value + expected referral value. */
  valuePerSaveYuan: number;
  /** Fixed (non-intervention) cost per month, yuan, one entry per month of the run. */
  fixedCostByMonth: number[];
  /** Record raw scores of customers [0, snapshotCustomers) at `snapshotWeeks` (for AUCs); 0 = none. */
  snapshotCustomers: number;
  snapshotWeeks: number[];
  /** Record every contact with its tier, wait, week and what became of the customer (the programme model's expectation is taken over them); default false. */
  recordContacts?: boolean;
}

/**
 * The month (0-based) of week `week` (0-based): floor(week · 12 / 52).
 *
 * @example
 * monthOfWeek(12) // 2; monthOfWeek(13) // 3 (the regional stage starts in week 13)
 */
export function monthOfWeek(week: number): number {
  return Math.floor((week * 12) / 52);
}

/**
 * Number of months spanned by `weeks` weeks.
 *
 * @example
 * monthsOf(52) // 12
 */
export function monthsOf(weeks: number): number {
  return monthOfWeek(weeks - 1) + 1;
}
