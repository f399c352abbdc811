import * as path from "node:path";

/**
 * Absolute path of the article's plan shipped with churnlab
 * (`data/plans/seed-plan.json` in the package), the default plan of commands
 * that take `--plan`. It is resolved from this file's location, not from the
 * working directory, so `churnlab score` and `churnlab weekly` work when run
 * from any folder.
 *
 * @example
 * seedPlanFile.endsWith(path.join("data", "plans", "seed-plan.json")) // true
 */
export const seedPlanFile: string = path.resolve(__dirname, "..", "..", "data", "plans", "seed-plan.json");
