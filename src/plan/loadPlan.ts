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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    json = JSON.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(reason);
    let where = "";
    if (position?.[1] !== undefined && !/line \d+/.test(reason)) {
      const before = body.slice(0, Number(position[1])).split("\n");
      where = ` (line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1})`;
    }
    throw new InputError(file, [{ where: "$", message: `not valid JSON: ${reason}${where}` }]);
  }
  return parsePlan(json, file);
}
