import type { Plan } from "../../plan/index";
import { normalQuantile } from "../../random/index";

/**
 * What a stage gate decides from the pilot's measurements:
 * - "go": every success criterion met (AUC > aucMin, save rate > saveRateMin, projected ROI > roiMin);
 * - "pause": AUC below the stop-loss line (the plan: pause the rollout);
 * - "redesign": save rate below its stop-loss line (the plan: redesign the interventions);
 * - "hold": neither: keep tuning at the current scale (or a measurement is missing).
 * "pause" and "redesign" are the stops.
 */
export type GateDecision = "go" | "hold" | "pause" | "redesign";

/** Thresholds of a gate: the success criteria and the stop-loss lines (fractions; ROI 2 = 200%). */
export interface GateCriteria {
  aucMin: number;
  saveRateMin: number;
  roiMin: number;
  aucPause: number;
  saveRateRedesign: number;
}

/** What is measured at a gate (or its true value): AUC of 30-day outcomes, save rate of would-be churners treated, projected first-year ROI. */
export interface GateMeasurement {
  auc: number;
  saveRate: number;
  projectedRoi: number;
}

/**
 * The gate criteria for the end of rollout stage `stageIndex` (in the plan's
 * order): the stage's own success criteria, else those of the nearest
 * earlier stage that states some (the article states them for the MVP
 * only), with the plan's stop-loss lines.
 *
 * @throws RangeError when no stage up to this one states success criteria, or the index is out of range.
 * @example
 * gateCriteriaFor(seedPlan, 0) // { aucMin: 0.85, saveRateMin: 0.5, roiMin: 2, aucPause: 0.8, saveRateRedesign: 0.4 }
 */
export function gateCriteriaFor(plan: Plan, stageIndex: number): GateCriteria {
  if (!(Number.isInteger(stageIndex) && stageIndex >= 0 && stageIndex < plan.rollout.length))
    throw new RangeError(`stage index must be 0..${plan.rollout.length - 1}, got ${stageIndex}`);
  for (let s = stageIndex; s >= 0; s -= 1) {
    const c = plan.rollout[s]!.successCriteria;
    if (c !== undefined)
      return {
        aucMin: c.aucMin,
        saveRateMin: c.saveRateMin,
        roiMin: c.roiMin,
        aucPause: plan.stopLoss.aucPause,
        saveRateRedesign: plan.stopLoss.saveRateRedesign,
      };
  }
  throw new RangeError(`no rollout stage up to ${plan.rollout[stageIndex]!.id} states success criteria`);
}

/**
 * The gate's decision (see {@link GateDecision}); the AUC stop-loss is
 * checked first. A NaN measurement meets no criterion and triggers no stop.
 *
 * @example
 * gateDecision({ auc: 0.87, saveRate: 0.55, projectedRoi: 3 }, criteria) // "go"
 * gateDecision({ auc: 0.79, saveRate: 0.55, projectedRoi: 3 }, criteria) // "pause"
 * gateDecision({ auc: 0.83, saveRate: 0.45, projectedRoi: 3 }, criteria) // "hold"
 */
export function gateDecision(m: GateMeasurement, c: GateCriteria): GateDecision {
  if (m.auc < c.aucPause) return "pause";
  if (m.saveRate < c.saveRateRedesign) return "redesign";
  if (m.auc > c.aucMin && m.saveRate > c.saveRateMin && m.projectedRoi > c.roiMin) return "go";
  return "hold";
}

/**
 * Whether the programme is truly good at a gate: its TRUE values (the
 * model's calibrated AUC, the expected save rate of the would-be churners
 * treated, and the ROI projected from expected rather than realized saves)
 * meet every success criterion. A false stop is a stop when this holds; a
 * false go is a go when it does not.
 *
 * @example
 * isTrulyGood({ auc: 0.86, saveRate: 0.52, projectedRoi: 2.5 }, criteria) // true
 */
export function isTrulyGood(truth: GateMeasurement, c: GateCriteria): boolean {
  return truth.auc > c.aucMin && truth.saveRate > c.saveRateMin && truth.projectedRoi > c.roiMin;
}

/**
 * The standard error of an empirical AUC with n₁ positives and n₀
 * negatives, Hanley & McNeil (Radiology 143, 1982, eq. 2):
 * Var = [A(1 − A) + (n₁ − 1)(Q₁ − A²) + (n₀ − 1)(Q₂ − A²)] / (n₁n₀),
 * Q₁ = A / (2 − A), Q₂ = 2A² / (1 + A).
 *
 * @throws RangeError when A is outside (0, 1) or a count is below 1.
 * @example
 * aucStandardError(0.85, 300, 19700) // 0.014004402958935677
 */
export function aucStandardError(auc: number, positives: number, negatives: number): number {
  if (!(auc > 0 && auc < 1)) throw new RangeError(`auc must be in (0, 1), got ${auc}`);
  if (!(positives >= 1 && negatives >= 1)) throw new RangeError(`need at least one positive and one negative, got ${positives} and ${negatives}`);
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  return Math.sqrt((auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives));
}

/**
 * Scored outcomes (customer-snapshots) a pilot needs so that its measured
 * AUC exceeds `threshold` with probability `power` when the model's true
 * AUC is `trueAuc`: the smallest n with (trueAuc − threshold) / SE(n) >=
 * z_power, SE from {@link aucStandardError} with n₁ = prevalence × n
 * (normal approximation to the AUC's sampling distribution).
 *
 * @param prevalence share of scored customers churning within 30 days, (0, 1) (≈ 0.015 at 18% annual churn).
 * @throws RangeError when trueAuc <= threshold, power is not in (0.5, 1), or prevalence is not in (0, 1).
 * @example
 * aucSampleSizeForPower(0.88, 0.85, 0.8, 0.015) // 2604 scored customers
 */
export function aucSampleSizeForPower(trueAuc: number, threshold: number, power: number, prevalence: number): number {
  if (!(trueAuc > threshold)) throw new RangeError(`true AUC ${trueAuc} must exceed the threshold ${threshold}`);
  if (!(power > 0.5 && power < 1)) throw new RangeError(`power must be in (0.5, 1), got ${power}`);
  if (!(prevalence > 0 && prevalence < 1)) throw new RangeError(`prevalence must be in (0, 1), got ${prevalence}`);
  const z = normalQuantile(power);
  const ok = (n: number): boolean => {
    const n1 = Math.max(1, prevalence * n);
    const n0 = Math.max(1, n - n1);
    return (trueAuc - threshold) / aucStandardError(trueAuc, n1, n0) >= z;
  };
  let hi = 16;
  while (!ok(hi)) {
    hi *= 2;
    if (hi > 1e12) return Number.POSITIVE_INFINITY;
  }
  let lo = hi / 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Would-be churners a pilot must treat so that its measured save rate
 * exceeds `threshold` with probability `power` when the true save rate is
 * `trueRate`: n = ⌈(z_power √(p(1 − p)) / (p − threshold))²⌉ (normal
 * approximation to the binomial proportion).
 *
 * @throws RangeError when trueRate <= threshold, trueRate >= 1 or power is not in (0.5, 1).
 * @example
 * saveRateSampleSizeForPower(0.6, 0.5, 0.8) // 17
 */
export function saveRateSampleSizeForPower(trueRate: number, threshold: number, power: number): number {
  if (!(trueRate > threshold && trueRate < 1)) throw new RangeError(`true save rate ${trueRate} must exceed the threshold ${threshold} and be below 1`);
  if (!(power > 0.5 && power < 1)) throw new RangeError(`power must be in (0.5, 1), got ${power}`);
  const z = normalQuantile(power);
  return Math.ceil(((z * Math.sqrt(trueRate * (1 - trueRate))) / (trueRate - threshold)) ** 2);
}
