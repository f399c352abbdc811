import { readJsonFile } from "../io/readJson";
import { parsePlan } from "./parsePlan";
import type { Plan } from "./schema";

/**
 * Reads and validates a plan file (JSON in the shape of `planSchema`).
 *
 * @param file path of the JSON file, e.g. "data/plans/seed-plan.json"
 * @returns the validated plan
 * @throws InputError(file, problems) when the file cannot be read, is not
 *   valid JSON (read by `readJsonFile`: size and depth limits, duplicate keys,
 *   UTF-8), or breaks any rule of the schema (one problem per rule, each
 *   with its JSON path)
 * @example
 * loadPlan("data/plans/seed-plan.json").customers // 200000
 */
export function loadPlan(file: string): Plan {
  return parsePlan(readJsonFile(file, { what: "plan file" }), file === "-" ? "standard input" : file);
}
