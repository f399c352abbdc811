/**
 * Behaviour of the synthetic population apart from the churn hazard: visit
 * and survey rates, drift (starting to service elsewhere) and burn-in.
 * Documented in data/README.md; override in `SynthOptions.behaviour`.
 */
export const defaultSynthBehaviour = Object.freeze({
  maintenanceIntervalDays: 180,
  surveyResponseRate: 0.4,
  repairsPerYearBase: 0.35,
  repairsPerYearPerVehicleYear: 0.08,
  warrantyPerYear: 0.25,
  warrantyYears: 3,
  accidentsPerYear: 0.05,
  homeOutletShare: 0.85,
  avoidanceHalfLifeWeeks: 13,
  appWeeklyPersistence: 0.85,
  /** Logit of the weekly probability of starting to drift away (servicing elsewhere) for an average customer. */
  driftOnsetLogit: -4.8,
  /** Weekly probability that a drifting customer comes back (drift ends). */
  driftRecoveryPerWeek: 0.04,
  /** While drifting: maintenance-visit logit shift, repair share kept, app engagement logit shift. */
  driftMaintenanceLogit: -6,
  driftRepairFactor: 0.15,
  driftAppLogit: -1.5,
  /** Survey score points lost while drifting. */
  driftScorePenalty: 2.5,
  /** Weekly probability of answering a relationship survey (CRM), independent of visits: about one in three customers a year. */
  relationshipSurveyPerWeek: 0.35 / 52,
  /** Weeks simulated before the history starts (not recorded) so the population starts in steady state; customers churning then are replaced. */
  burnInWeeks: 52,
});

/** Behaviour parameters of the generator (see {@link defaultSynthBehaviour}). */
export type SynthBehaviour = { -readonly [K in keyof typeof defaultSynthBehaviour]: number };
