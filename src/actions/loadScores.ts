import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { readCsvText } from "../data/readCsvText";
import { parseCsvRecords } from "../data/parseCsvRecords";
import { isoToDay } from "../data/dates";
import type { ScoredCustomer } from "./riskTiers";

/**
 * Accepted header names of a score file, ours first (matched in any letter case).
 *
 * @example
 * scoreColumns.probability[0]; // "probability"
 */
const scoreColumns = {
  customerId: ["customer_id", "customerId", "customer", "id"],
  probability: ["probability", "churn_probability", "p_churn", "score"],
  outletId: ["outlet_id", "outletId", "outlet"],
  week: ["week", "week_start", "scored_on", "score_date"],
} as const;

/** A loaded score file: customers, and the scoring week when the file states it. */
export interface ScoreFile {
  file: string;
  customers: ScoredCustomer[];
  /** The week the scores are for (YYYY-MM-DD): from a `week` column, else a date in the file name; null when neither. */
  week: string | null;
  /** Where `week` came from. */
  weekFrom: "column" | "file name" | null;
  /** True when the file has an outlet column. */
  hasOutlet: boolean;
}

/**
 * Parses the text of a weekly score file: CSV with a header, at least a
 * customer id and a churn probability per row, optionally the outlet and the
 * scoring week. Header names (any letter case, so `customerID` works):
 * customer id as `customer_id`/`customerId`/`customer`/`id`; probability as
 * `probability`/`churn_probability`/`p_churn`/`score`; outlet as
 * `outlet_id`/`outletId`/`outlet`; week as `week`/`week_start`/`scored_on`/`score_date`.
 * The file `churnlab score` writes (`<id column>,probability,tier`) is read
 * with its first column as the customer id whatever its name (e.g.
 * `RowNumber`, or `row` when the table had no id column).
 * Other columns (e.g. the `tier` that `churnlab score` writes) are ignored:
 * tiers are recomputed from the plan.
 * Every problem is collected: missing or repeated columns, empty or duplicate
 * ids (with both lines), probabilities that are not numbers from 0 to 1, bad
 * or inconsistent week dates, a header with no rows. A row with more or fewer
 * cells than the header is refused first (see `parseCsvRecords`), never padded.
 *
 * @param text the CSV text (UTF-8, BOM removed).
 * @param source name used in messages (the file path).
 * @throws InputError(source, problems) listing every problem.
 * @example
 * parseScores("customer_id,probability\nc1,0.62\n", "s.csv").customers; // [{ customerId: "c1", probability: 0.62 }]
 */
export function parseScores(text: string, source: string): ScoreFile {
  const { header, rows } = parseCsvRecords(text, source);
  if (header.length === 0)
    throw new InputError(source, [
      { where: "file", message: "file is empty: expected a header line (customer_id,probability[,outlet_id][,week]) and data rows" },
    ]);
  const problems: InputProblem[] = [];
  const find = (names: readonly string[], required: boolean, what: string): number => {
    const wanted = names.map((n) => n.toLowerCase());
    const found = header.map((h, i) => ({ h, i })).filter(({ h }) => wanted.includes(h.toLowerCase()));
    if (found.length > 1) problems.push({ where: "line 1 (header)", message: `${what} appears in more than one column (${found.map((f) => f.h).join(", ")})` });
    if (found.length === 0 && required)
      problems.push({ where: "line 1 (header)", message: `missing the ${what} column (one of ${names.join(", ")}); found: ${header.join(", ")}` });
    return found[0]?.i ?? -1;
  };
  // The file `churnlab score` writes is `<the table's id column>,probability,tier`: its first column is the id, whatever its name.
  const scoreOutput = header.length === 3 && header[1]?.toLowerCase() === "probability" && header[2]?.toLowerCase() === "tier";
  const namedId = scoreColumns.customerId.some((n) => header.some((h) => h.toLowerCase() === n.toLowerCase()));
  const idCol = scoreOutput && !namedId ? 0 : find(scoreColumns.customerId, true, "customer id");
  const pCol = find(scoreColumns.probability, true, "churn probability");
  const outletCol = find(scoreColumns.outletId, false, "outlet");
  const weekCol = find(scoreColumns.week, false, "week");
  if (problems.length > 0) throw new InputError(source, problems);
  if (rows.length === 0) throw new InputError(source, [{ where: "file", message: "no data rows after the header" }]);

  const customers: ScoredCustomer[] = [];
  const firstLine = new Map<string, number>();
  const weeks = new Map<string, number>();
  rows.forEach(({ cells: row, line }) => {
    const id = row[idCol] ?? "";
    const pText = row[pCol] ?? "";
    const colName = (i: number): string => header[i] ?? String(i);
    if (id === "") problems.push({ where: `line ${line}, column ${colName(idCol)}`, message: "empty customer id" });
    else {
      const seen = firstLine.get(id);
      if (seen !== undefined)
        problems.push({ where: `line ${line}, column ${colName(idCol)}`, message: `duplicate customer id "${id}" (first on line ${seen})` });
      else firstLine.set(id, line);
    }
    const p = pText === "" ? NaN : Number(pText);
    if (!Number.isFinite(p) || p < 0 || p > 1) {
      problems.push({
        where: `line ${line}, column ${colName(pCol)}`,
        message: `customer ${id || "?"}: probability must be a number from 0 to 1, got "${pText}"`,
      });
    }
    if (weekCol >= 0) {
      const w = row[weekCol] ?? "";
      if (Number.isNaN(isoToDay(w))) problems.push({ where: `line ${line}, column ${colName(weekCol)}`, message: `not a date YYYY-MM-DD: "${w}"` });
      else if (!weeks.has(w)) weeks.set(w, line);
    }
    const c: ScoredCustomer = { customerId: id, probability: p };
    if (outletCol >= 0) c.outletId = row[outletCol] ?? "";
    customers.push(c);
  });
  if (weeks.size > 1) {
    problems.push({
      where: `column ${header[weekCol] ?? "week"}`,
      message: `one file must hold one week, found ${weeks.size}: ${[...weeks.entries()]
        .slice(0, 5)
        .map(([w, l]) => `${w} (line ${l})`)
        .join(", ")}`,
    });
  }
  if (problems.length > 0) throw new InputError(source, problems);
  let week: string | null = null;
  let weekFrom: ScoreFile["weekFrom"] = null;
  const fromColumn = [...weeks.keys()][0];
  if (fromColumn !== undefined) {
    week = fromColumn;
    weekFrom = "column";
  } else {
    const m = /(\d{4}-\d{2}-\d{2})/.exec(path.basename(source));
    if (m?.[1] !== undefined && !Number.isNaN(isoToDay(m[1]))) {
      week = m[1];
      weekFrom = "file name";
    }
  }
  return { file: source, customers, week, weekFrom, hasOutlet: outletCol >= 0 };
}

/**
 * Reads and validates a weekly score file (see {@link parseScores}); the
 * file's encoding is checked first (UTF-8, no UTF-16, not empty).
 *
 * @param file path of the CSV file.
 * @throws InputError(file, problems) listing every problem.
 * @example
 * loadScores("out/scores-2025-01-13.csv").week; // "2025-01-13" (from the file name when there is no week column)
 */
export function loadScores(file: string): ScoreFile {
  return parseScores(readCsvText(file), file);
}
