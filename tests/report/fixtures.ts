import { collectCeoInputs } from "../../src/report/collectCeoInputs";
import type { CeoPageInputs } from "../../src/report/CeoPageInputs";

/** The article's plan with its uncertain figures (src/simulation's seed file). */
export const seedUncertainFile = "data/plans/seed-plan-uncertain.json";
/** The article's plan, every figure as written (no distributions). */
export const seedPlanFile = "data/plans/seed-plan.json";
/** A fixed generation time, so pages are reproducible. */
export const fixedNow = new Date("2026-11-24T18:00:00.000Z");

const cache = new Map<string, Promise<CeoPageInputs>>();

/** A small rollout simulation: 2 draws of a 5,000-customer scale model (1:40), in this thread. */
export const smallRollout = { trials: 2, customers: 5000, workers: 0 } as const;

/** Page inputs for the seed uncertain plan at a small, fixed run (cached per file/trials/seed/rollout). */
export function seedInputs(trials = 4000, seed = 1, file = seedUncertainFile, rollout: false | typeof smallRollout = smallRollout): Promise<CeoPageInputs> {
  const key = `${file}:${trials}:${seed}:${rollout === false ? "none" : rollout.trials}`;
  let inputs = cache.get(key);
  if (inputs === undefined) {
    inputs = collectCeoInputs(file, { trials, seed, now: fixedNow, workers: 0, rollout });
    cache.set(key, inputs);
  }
  return inputs;
}
