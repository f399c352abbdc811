import { readFileSync } from "node:fs";
import { InputError } from "../io/InputError";
import { parsePlan } from "./parsePlan";
import type { Plan } from "./schema";

/**
 * Reads and validates a plan file (JSON in the shape of `planSchema`).
 *
 * @param file path of the JSON file, e.g. "data/plans/seed-plan.json"
 * @returns the validated plan
 * @throws InputError(file, problems) when the file cannot be read, is not
 *   valid JSON, or breaks any rule of the schema (one problem per rule, each
 *   with its JSON path)
 * @example
 * loadPlan("data/plans/seed-plan.json").customers // 200000
 */
export function loadPlan(file: string): Plan {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : err instanceof Error ? err.message : String(err);
    throw new InputError(file, [{ where: "$", message: `cannot read the plan file: ${reason}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new InputError(file, [{ where: "$", message: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  return parsePlan(json, file);
}
