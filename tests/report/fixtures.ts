import { collectCeoInputs } from "../../src/report/collectCeoInputs";
import type { CeoPageInputs } from "../../src/report/CeoPageInputs";

/** The article's plan with its uncertain figures (src/simulation's seed file). */
export const seedUncertainFile = "data/plans/seed-plan-uncertain.json";
/** The article's plan, every figure as written (no distributions). */
export const seedPlanFile = "data/plans/seed-plan.json";
/** A fixed generation time, so pages are reproducible. */
export const fixedNow = new Date("2026-11-24T18:00:00.000Z");

const cache = new Map<string, Promise<CeoPageInputs>>();

/** Page inputs for the seed uncertain plan at a small, fixed run (cached per file/trials/seed). */
export function seedInputs(trials = 4000, seed = 1, file = seedUncertainFile): Promise<CeoPageInputs> {
  const key = `${file}:${trials}:${seed}`;
  let inputs = cache.get(key);
  if (inputs === undefined) {
    inputs = collectCeoInputs(file, { trials, seed, now: fixedNow, workers: 0 });
    cache.set(key, inputs);
  }
  return inputs;
}
