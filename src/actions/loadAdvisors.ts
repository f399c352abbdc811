import { InputError, type InputProblem } from "../io/InputError";
import { readCsvText } from "../data/readCsvText";
import { parseCsvRecords } from "../data/parseCsvRecords";
import type { Advisor } from "./queueTypes";

/**
 * Parses an advisor roster: CSV with columns `advisor_id`, `outlet_id`,
 * `weekly_capacity` (customers per week, whole number >= 0). Every problem is
 * collected (missing columns, empty or duplicate advisor ids, bad capacities);
 * a row with more or fewer cells than the header is refused (see `parseCsvRecords`).
 *
 * @param text CSV text.
 * @param source name used in messages.
 * @throws InputError(source, problems).
 * @example
 * parseAdvisors("advisor_id,outlet_id,weekly_capacity\nadv1,o1,25\n", "advisors.csv"); // [{ advisorId: "adv1", outletId: "o1", weeklyCapacity: 25 }]
 */
export function parseAdvisors(text: string, source: string): Advisor[] {
  const { header, rows } = parseCsvRecords(text, source);
  const problems: InputProblem[] = [];
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) problems.push({ where: "line 1 (header)", message: `missing column "${name}"; found: ${header.join(", ")}` });
    return i;
  };
  const idCol = col("advisor_id");
  const outletCol = col("outlet_id");
  const capCol = col("weekly_capacity");
  if (problems.length > 0) throw new InputError(source, problems);
  const seen = new Map<string, number>();
  const advisors: Advisor[] = [];
  rows.forEach(({ cells: row, line }) => {
    const advisorId = row[idCol] ?? "";
    const outletId = row[outletCol] ?? "";
    const capText = row[capCol] ?? "";
    if (advisorId === "") problems.push({ where: `line ${line}, column advisor_id`, message: "empty advisor id" });
    else if (seen.has(advisorId))
      problems.push({ where: `line ${line}, column advisor_id`, message: `duplicate advisor id "${advisorId}" (first on line ${seen.get(advisorId)})` });
    else seen.set(advisorId, line);
    if (outletId === "") problems.push({ where: `line ${line}, column outlet_id`, message: "empty outlet id" });
    const cap = Number(capText);
    if (!/^\d+$/.test(capText) || !Number.isSafeInteger(cap))
      problems.push({ where: `line ${line}, column weekly_capacity`, message: `must be a whole number >= 0, got "${capText}"` });
    advisors.push({ advisorId, outletId, weeklyCapacity: cap });
  });
  if (advisors.length === 0) problems.push({ where: "file", message: "no advisors after the header" });
  if (problems.length > 0) throw new InputError(source, problems);
  return advisors;
}

/**
 * Reads and validates an advisor roster file (see {@link parseAdvisors}).
 *
 * @throws InputError(file, problems).
 * @example
 * loadAdvisors("data/advisors.csv").length; // number of advisors
 */
export function loadAdvisors(file: string): Advisor[] {
  return parseAdvisors(readCsvText(file), file);
}
