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
  /** Per 30 days since the last workshop visit beyond 180 days (counted up to 900 days). */
  recencyPer30DaysOver180: number;
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
export const defaultChurnEffects: Readonly<ChurnEffects> = {
  baseLogHazardPerDay: -8.6,
  frailtySd: 0.6,
  recencyPer30DaysOver180: 0.3,
  maintenanceLatePer30Days: 0.2,
  satisfactionPerPointBelow7: 0.25,
  complaintLast90Days: 1.0,
  badExperiencePer90Days: 0.4,
  appInactive28Days: 0.7,
  spendHalved: 0.5,
  distancePer10Km: 0.15,
  priceSensitivity: 0.8,
  segmentMidsize: -0.1,
  segmentPremium: -0.3,
};
