import { InputError } from "../io/InputError";
import { readJsonFile } from "../io/readJson";
import { parsePlan } from "./parsePlan";
import type { Plan } from "./schema";

/** Top-level fields of an uncertain plan (overlay or full form) that a plain plan does not have. */
const uncertainFields = ["base", "overlay", "simulation", "correlations", "sampling"];

/**
 * Reads and validates a plain plan file (JSON in the shape of `planSchema`),
 * for the layers below the simulation (models, actions). The command line
 * reads every plan, plain or uncertain, with `loadUncertainPlan`
 * (src/simulation/inputs), whose `.base` is this plan.
 *
 * @param file path of the JSON file, e.g. "data/plans/seed-plan.json"
 * @returns the validated plan
 * @throws InputError(file, problems) when the file cannot be read, is not
 *   valid JSON (read by `readJsonFile`: size and depth limits, duplicate keys,
 *   UTF-8), is an uncertain plan (it says to load it with `loadUncertainPlan`),
 *   or breaks any rule of the schema (one problem per rule, each with its JSON path)
 * @example
 * loadPlan("data/plans/seed-plan.json").customers // 200000
 */
export function loadPlan(file: string): Plan {
  const json = readJsonFile(file, { what: "plan file" });
  const source = file === "-" ? "standard input" : file;
  const given = typeof json === "object" && json !== null ? uncertainFields.filter((key) => key in json) : [];
  if (given.length > 0) {
    const has = given.map((k) => `"${k}"`).join(", ");
    const message = `an uncertain plan (it has ${has}), not a plain plan: read it with loadUncertainPlan (src/simulation/inputs), whose .base is the plan`;
    throw new InputError(source, [{ where: "$", message }]);
  }
  return parsePlan(json, source);
}
