/**
 * The latent churn process of the synthetic population: log-hazard
 * coefficients of each signal the plan names (section 5.1: long time since
 * the last visit, bad experience, dissatisfaction and complaints, app
 * inactivity, falling spend, late maintenance, distance, price sensitivity).
 *
 * A customer's daily churn hazard is
 *   λ = exp(baseLogHazardPerDay + frailty + Σ coefficient × signal),
 * so `exp(coefficient)` is the hazard ratio of one unit of the signal, all
 * else equal. The 30-day latent risk is 1 − exp(−30 λ) (the hazard held
 * for 30 days). Units are in each field's name. Documented with measured
 * figures in `data/README.md`.
 */
export interface ChurnEffects {
  /** Log daily hazard of a customer with no signal, frailty 0 and the economy segment. */
  baseLogHazardPerDay: number;
  /** Standard deviation of the unobserved customer frailty (log-hazard offset, normal with mean 0). */
  frailtySd: number;
  /** Standard deviation of the unobserved weekly log-hazard shock (AR(1), stationary), e.g. a competitor's offer or a move. */
  shockSd: number;
  /** Week-to-week persistence of the shock, 0..1 (AR(1) coefficient). */
  shockPersistence: number;
  /** Per doubling of the days since the last workshop visit beyond 90 days: coefficient × log2(min(max(days, 90), recencyCapDays) / 90). */
  recencyPerDoubling: number;
  /** Days since the last visit beyond which the recency effect stops growing. */
  recencyCapDays: number;
  /** Per 30 days of overdue maintenance (counted up to 365 days). */
  maintenanceLatePer30Days: number;
  /** Per point the last survey score (within 365 days) is below 7. */
  satisfactionPerPointBelow7: number;
  /** A complaint in the last 90 days. */
  complaintLast90Days: number;
  /** Per bad experience (a long wait or a repeat repair) in the last 90 days, counted up to 3. */
  badExperiencePer90Days: number;
  /** An app user with no active day in the last 28 days. */
  appInactive28Days: number;
  /** Workshop spend in the last 24 weeks below half of the 24 weeks before. */
  spendHalved: number;
  /** Per 10 km from home to the nearest outlet. */
  distancePer10Km: number;
  /** Per year of vehicle age (older cars drift to independent garages). */
  vehicleAgePerYear: number;
  /** Per unit of price sensitivity (0..1). */
  priceSensitivity: number;
  /** Segment offsets (premium owners are more loyal). */
  segmentMidsize: number;
  segmentPremium: number;
}

/**
 * Default effect sizes, calibrated at seed 42 so that the second-year churn
 * rate is about 18% and the peak 30-day latent risk over a year puts about
 * 3% / 8% / 12% / 77% of customers in the plan's tiers (see data/README.md for
 * the calibration and the conflict it resolves).
 *
 * @example
 * Math.exp(defaultChurnEffects.complaintLast90Days); // hazard ratio of a recent complaint, e.g. 2.7
 */
export const defaultChurnEffects: Readonly<ChurnEffects> = Object.freeze({
  baseLogHazardPerDay: -10.85,
  frailtySd: 0.6,
  shockSd: 1.2,
  shockPersistence: 0.5,
  recencyPerDoubling: 2.0,
  recencyCapDays: 270,
  maintenanceLatePer30Days: 0.15,
  satisfactionPerPointBelow7: 0.3,
  complaintLast90Days: 1.6,
  badExperiencePer90Days: 0.6,
  appInactive28Days: 0.8,
  spendHalved: 0.5,
  distancePer10Km: 0.15,
  vehicleAgePerYear: 0.06,
  priceSensitivity: 0.8,
  segmentMidsize: -0.1,
  segmentPremium: -0.3,
});
