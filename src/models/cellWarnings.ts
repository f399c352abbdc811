import { isMissingCell, parseNumberCell, textValues } from "./numberCells";
import type { Preprocessor, RawColumns } from "./preprocess";

/** Text cells found in one numeric column: how many, and the first few data rows (1-based) with their text. */
export interface UnparsedCells {
  column: string;
  count: number;
  rows: number[];
  examples: string[];
}

/**
 * Cells of a model's numeric columns that are text, not a number nor a blank
 * or missing token ("abc" in an age column): the preprocessing treats them as
 * missing (the training median, with the missing indicator), so a caller
 * should say so rather than coerce silently. One entry per column with such
 * cells: the count and the first five data rows (1-based).
 *
 * @example
 * unparsedNumericCells(pre, { age: ["41", "abc", ""], city: ["A", "B", "C"] }) // [{ column: "age", count: 1, rows: [2], examples: ["abc"] }]
 */
export function unparsedNumericCells(pre: Preprocessor, columns: RawColumns): UnparsedCells[] {
  const out: UnparsedCells[] = [];
  for (const input of pre.inputs) {
    const column = columns[input.name];
    if (input.kind !== "numeric" || column === undefined) continue;
    const found: UnparsedCells = { column: input.name, count: 0, rows: [], examples: [] };
    for (let i = 0; i < column.length; i++) {
      const cell = column[i];
      if (typeof cell !== "string" || isMissingCell(cell) || !Number.isNaN(parseNumberCell(cell))) continue;
      found.count++;
      if (found.rows.length < 5) {
        found.rows.push(i + 1);
        found.examples.push(cell);
      }
    }
    if (found.count > 0) out.push(found);
  }
  return out;
}

/** Levels of one categorical column that the model has no column for, and how they were encoded. */
export interface UnseenLevels {
  column: string;
  /** Rows holding such a level. */
  rows: number;
  /** The levels with their row counts, most frequent first (at most 8). */
  levels: Array<{ level: string; count: number }>;
  /** Distinct unseen levels in all. */
  distinct: number;
  /** What they were scored as: "(other)" when the model has that column, else the most frequent training level. */
  scoredAs: string;
}

/**
 * Levels of a model's categorical columns that it has no column for (never
 * seen in training, or too rare there to get their own): the preprocessing
 * scores them as "(other)" when the model has that column (rare levels were
 * pooled there in training), else as the most frequent training level, the
 * value a missing cell gets, so an unknown city is scored as the typical one
 * rather than as no city at all. Blank and missing cells are not counted.
 *
 * @example
 * unseenCategoryLevels(pre, { city: ["A", "Paris", "Paris"] });
 * // [{ column: "city", rows: 2, levels: [{ level: "Paris", count: 2 }], distinct: 1, scoredAs: "A" }]
 */
export function unseenCategoryLevels(pre: Preprocessor, columns: RawColumns): UnseenLevels[] {
  const out: UnseenLevels[] = [];
  for (const input of pre.inputs) {
    const column = columns[input.name];
    if (input.kind !== "categorical" || column === undefined) continue;
    const known = new Set(input.levels);
    const counts = new Map<string, number>();
    let rows = 0;
    for (const value of textValues(column)) {
      if (value === "" || known.has(value)) continue;
      rows++;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    if (rows === 0) continue;
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push({
      column: input.name,
      rows,
      levels: ranked.slice(0, 8).map(([level, count]) => ({ level, count })),
      distinct: ranked.length,
      scoredAs: input.other ? "(other)" : input.mode,
    });
  }
  return out;
}

/**
 * Plain sentences about cells the preprocessing could not take at face value,
 * for stderr or a result's `warnings`: text in numeric columns (treated as
 * missing) and, when scoring, categorical levels the model has no column for
 * (see {@link unseenCategoryLevels}). Each names the source, the column, the
 * rows or levels, and what was done.
 *
 * @param use "train" (text cells only: every level seen in training rows is the model's) or "score".
 * @example
 * cellWarnings(pre, { age: ["x"], city: ["Paris"] }, "new.csv", "score");
 * // ['new.csv: column age: 1 value is not a number (data row 1: "x"); scored as missing (the training median)',
 * //  'new.csv: column city: 1 row holds a level the model was not trained with (Paris: 1); scored as the most frequent training level "A"']
 */
export function cellWarnings(pre: Preprocessor, columns: RawColumns, source: string, use: "train" | "score"): string[] {
  const out: string[] = [];
  for (const u of unparsedNumericCells(pre, columns)) {
    const rows = `${u.rows.map((r, k) => `data row ${r}: "${u.examples[k]}"`).join(", ")}${u.count > u.rows.length ? ", ..." : ""}`;
    const what = use === "score" ? "scored as missing (the training median)" : "treated as missing (imputed with the training median)";
    out.push(`${source}: column ${u.column}: ${u.count} value${u.count === 1 ? " is" : "s are"} not a number (${rows}); ${what}`);
  }
  if (use === "train") return out;
  for (const u of unseenCategoryLevels(pre, columns)) {
    const levels = `${u.levels.map((l) => `${l.level}: ${l.count}`).join(", ")}${u.distinct > u.levels.length ? `, ... ${u.distinct} levels in all` : ""}`;
    const as = u.scoredAs === "(other)" ? 'scored as "(other)", the column of rare levels' : `scored as the most frequent training level "${u.scoredAs}"`;
    const rows = `${u.rows} row${u.rows === 1 ? " holds a level" : "s hold levels"}`;
    out.push(`${source}: column ${u.column}: ${rows} the model was not trained with (${levels}); ${as}`);
  }
  return out;
}
