import { loadPlan } from "./loadPlan";
import type { Plan } from "./schema";
import { seedPlanFile } from "./seedPlanFile";

let cached: Plan | undefined;

/**
 * The article's plan shipped with churnlab (`data/plans/seed-plan.json`, see
 * {@link seedPlanFile}), read and validated on first use and kept: the default
 * of functions whose callers give no plan (tier cut-offs of the model metrics,
 * the synthetic population's tier shares, the A/B arm size). Do not mutate it.
 *
 * @throws InputError when the shipped file is missing or invalid (a broken installation)
 * @example
 * seedPlan().customers // 200000
 */
export function seedPlan(): Plan {
  cached ??= loadPlan(seedPlanFile);
  return cached;
}
