import { InputError, type InputProblem } from "../io/InputError";
import { isMissingCell } from "./numberCells";
import type { RawColumn } from "./preprocess";

const POSITIVE_WORDS = ["1", "yes", "y", "true", "t", "churn", "churned", "exited", "left", "lost", "attrited"];

/** The 0/1 labels read from a target column and the value taken as churn. */
export interface ParsedTarget {
  labels: Uint8Array;
  /** The target value counted as churn, as text. */
  positive: string;
  negative: string;
  positives: number;
}

/**
 * Reads a binary churn target from a raw column. The churn value is
 * `positive` when given; otherwise the one of the two values that reads as
 * churn (1, yes, y, true, t, churn, churned, exited, left, lost, attrited;
 * case-insensitive), else the rarer value.
 *
 * @param source name of the data for errors; column: the target column's name.
 * @throws InputError when the column is empty, a target cell is blank, there
 *   are more than two or fewer than two distinct values, or `positive` is not one of them.
 * @example
 * parseTarget(["No", "Yes", "No"], "telco.csv", "Churn").labels; // Uint8Array [0, 1, 0]
 */
export function parseTarget(values: RawColumn, source: string, column: string, positive?: string): ParsedTarget {
  const text = Array.from<string | number, string>(values, (v) => (typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : v.trim()));
  const problems: InputProblem[] = [];
  if (text.length === 0) throw new InputError(source, [{ where: `column ${column}`, message: "no data rows" }]);
  const counts = new Map<string, number>();
  const blanks: number[] = [];
  text.forEach((v, i) => {
    if (isMissingCell(v)) blanks.push(i);
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  if (blanks.length > 0) {
    problems.push({ where: `column ${column}`, message: `${blanks.length} blank target value(s), first at data row ${(blanks[0] as number) + 1}` });
  }
  const distinct = [...counts.keys()];
  if (distinct.length > 2) {
    problems.push({
      where: `column ${column}`,
      message: `must have exactly two values, found ${distinct.length}: ${distinct.slice(0, 8).join(", ")}${distinct.length > 8 ? ", ..." : ""}`,
    });
  } else if (distinct.length < 2) {
    problems.push({ where: `column ${column}`, message: `only one class (${distinct[0] ?? "none"}): a churn model needs churners and stayers` });
  }
  if (positive !== undefined && !counts.has(positive)) {
    problems.push({ where: "--positive", message: `"${positive}" is not a value of ${column} (values: ${distinct.slice(0, 8).join(", ")})` });
  }
  const [a, b] = distinct;
  if (problems.length > 0 || a === undefined || b === undefined) throw new InputError(source, problems);
  let churn = positive;
  if (churn === undefined) {
    const aWord = POSITIVE_WORDS.includes(a.toLowerCase());
    const bWord = POSITIVE_WORDS.includes(b.toLowerCase());
    churn = aWord && !bWord ? a : bWord && !aWord ? b : (counts.get(a) as number) <= (counts.get(b) as number) ? a : b;
  }
  const labels = Uint8Array.from(text, (v) => (v === churn ? 1 : 0));
  return { labels, positive: churn, negative: churn === a ? b : a, positives: counts.get(churn) as number };
}

/**
 * Checks an id column: no blanks, no duplicates.
 * @throws InputError listing blank ids and up to 10 duplicated ids with their data rows.
 * @example
 * checkIds(["a", "b", "a"], "x.csv", "id"); // throws: duplicate id "a" (data rows 1, 3)
 */
export function checkIds(values: readonly string[], source: string, column: string): void {
  const seen = new Map<string, number[]>();
  const problems: InputProblem[] = [];
  values.forEach((v, i) => {
    const id = v.trim();
    if (id === "") problems.push({ where: `column ${column}, data row ${i + 1}`, message: "blank id" });
    else seen.set(id, [...(seen.get(id) ?? []), i + 1]);
  });
  const duplicates = [...seen.entries()].filter(([, rows]) => rows.length > 1);
  for (const [id, rows] of duplicates.slice(0, 10))
    problems.push({ where: `column ${column}`, message: `duplicate id "${id}" (data rows ${rows.slice(0, 5).join(", ")})` });
  if (duplicates.length > 10) problems.push({ where: `column ${column}`, message: `... and ${duplicates.length - 10} more duplicated ids` });
  if (problems.length > 0) throw new InputError(source, problems);
}
