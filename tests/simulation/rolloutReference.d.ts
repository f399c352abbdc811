import { FastRng } from "../../src/random/FastRng";
import type { RolloutScenario } from "../../src/simulation/rolloutScenario";
/** Baseline churn week of each customer (null: stayed the whole run). */
export declare function referenceBaselineChurnWeeks(sc: RolloutScenario, rng: FastRng): Array<number | null>;
