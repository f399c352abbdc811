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
  /** Drift onset logit per unit of avoidance, of price sensitivity above 0.4, per km beyond 7 km, and per unit of frailty. */
  driftOnsetPerAvoidance: 1.5,
  driftOnsetPerPriceSensitivity: 1.2,
  driftOnsetPerKm: 0.04,
  driftOnsetPerFrailty: 0.8,
  /** Maintenance-visit logit when due: lost per unit of avoidance, gained per month overdue (up to 3), and a constant subtracted. */
  maintenanceLogitPerAvoidance: 1.2,
  maintenanceLogitPerOverdueMonth: 0.3,
  maintenanceLogitOffset: 0.5,
  /** Repairs at the home network fall by exp(−this × avoidance). */
  repairAvoidanceRate: 0.5,
  /** App engagement logit lost per unit of avoidance. */
  appLogitPerAvoidance: 0.3,
  /** Coupons redeemed per active app day, times (0.5 + 2 × price sensitivity). */
  couponsPerActiveDay: 0.04,
  /** Avoidance added by a bad experience (long wait, repeat repair) and by a complaint; it halves every avoidanceHalfLifeWeeks. */
  avoidancePerBadExperience: 0.5,
  avoidancePerComplaint: 1,
  /** Survey score (0..10, rounded): mean, points lost after a long wait or a repeat repair, per unit of frailty and of avoidance, and noise sd. */
  surveyScoreMean: 8.3,
  surveyLongWaitPenalty: 2.5,
  surveyRepeatRepairPenalty: 3,
  surveyScorePerFrailty: 0.6,
  surveyScorePerAvoidance: 0.8,
  surveyScoreSd: 1.3,
  /** Weeks simulated before the history starts (not recorded) so the population starts in steady state; customers churning then are replaced. */
  burnInWeeks: 52,
});

/** Behaviour parameters of the generator (see {@link defaultSynthBehaviour}). */
export type SynthBehaviour = { -readonly [K in keyof typeof defaultSynthBehaviour]: number };
