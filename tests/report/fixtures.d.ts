import type { CeoPageInputs } from "../../src/report/CeoPageInputs";
/** The article's plan with its uncertain figures (src/simulation's seed file). */
export declare const seedUncertainFile = "data/plans/seed-plan-uncertain.json";
/** The article's plan, every figure as written (no distributions). */
export declare const seedPlanFile = "data/plans/seed-plan.json";
/** A fixed generation time, so pages are reproducible. */
export declare const fixedNow: Date;
/** A small rollout simulation: 2 draws of a 5,000-customer scale model (1:40), in this thread. */
export declare const smallRollout: {
    readonly trials: 2;
    readonly customers: 5000;
    readonly workers: 0;
};
/** Page inputs for the seed uncertain plan at a small, fixed run (cached per file/trials/seed/rollout). */
export declare function seedInputs(trials?: number, seed?: number, file?: string, rollout?: false | typeof smallRollout): Promise<CeoPageInputs>;
