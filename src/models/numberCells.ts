import type { InputProblem } from "../io/InputError";
import type { RawColumn } from "./preprocess";

const MISSING_TOKENS = new Set(["", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a"]);
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * The largest magnitude a model can take: the float32 maximum (about 3.4e38).
 * The model matrix is float32, so a larger number (or one written like `1e400`,
 * which overflows to Infinity even in float64) cannot be represented.
 */
const largestModelNumber = 3.4028234663852886e38;

/**
 * Parses a cell as a number: surrounding spaces and thousands separators
 * ("1,234.5") are accepted; blanks and missing tokens (NA, N/A, NaN, null,
 * none, ?, -) give NaN, and so does any other text. A number too large for
 * float64 ("1e400") gives ±Infinity: the preprocessing rejects it as out of
 * range (see {@link outOfRangeNumericCells}) rather than treating it as missing.
 *
 * @example
 * parseNumberCell(" 1,234.5 "); // 1234.5
 * parseNumberCell(" ");         // NaN
 * parseNumberCell("1e400");     // Infinity
 */
export function parseNumberCell(text: string): number {
  const t = text.trim();
  if (MISSING_TOKENS.has(t.toLowerCase())) return NaN;
  const plain = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(t) ? t.replace(/,/g, "") : t;
  return NUMBER.test(plain) ? Number(plain) : NaN;
}

/**
 * True when a text cell is blank or a missing token (NA, N/A, NaN, null, none, ?, -, #N/A; any letter case).
 *
 * @example
 * isMissingCell(" n/a "); // true
 */
export function isMissingCell(text: string): boolean {
  return MISSING_TOKENS.has(text.trim().toLowerCase());
}

/**
 * True when a raw column holds text (as read from a CSV), false for numbers.
 *
 * @example
 * isTextColumn(["1"]); // true
 */
export function isTextColumn(column: RawColumn): column is readonly string[] {
  return column.length > 0 && typeof column[0] === "string";
}

/**
 * Whether a text column holds numbers: at least 98% of its non-missing
 * cells parse as numbers (see {@link parseNumberCell}) and there is at least one.
 *
 * @example
 * looksNumeric(["29.85", " ", "1889.5"]); // true
 * looksNumeric(["Yes", "No"]);            // false
 */
export function looksNumeric(column: readonly string[]): boolean {
  let present = 0;
  let numbers = 0;
  for (const cell of column) {
    if (isMissingCell(cell)) continue;
    present++;
    if (!Number.isNaN(parseNumberCell(cell))) numbers++;
  }
  return present > 0 && numbers >= 0.98 * present;
}

/**
 * The numbers of a raw column: text parsed with {@link parseNumberCell}
 * (NaN = missing or not a number), numbers as given (NaN = missing; ±Infinity
 * kept, for {@link outOfRangeNumericCells} to report).
 *
 * @example
 * numericValues(["3", "", "1e400"]); // Float64Array [3, NaN, Infinity]
 */
export function numericValues(column: RawColumn): Float64Array {
  if (isTextColumn(column)) return Float64Array.from(column, parseNumberCell);
  return Float64Array.from(column);
}

/**
 * The text of a raw column: trimmed, "" for missing cells (numbers as their decimal text, non-finite as "").
 *
 * @example
 * textValues([" a ", "NA"]); // ["a", ""]
 */
export function textValues(column: RawColumn): string[] {
  if (isTextColumn(column)) return column.map((c) => (isMissingCell(c) ? "" : c.trim()));
  return Array.from(column, (v) => (Number.isFinite(v) ? String(v) : ""));
}

/**
 * Cells of numeric columns whose value a model cannot hold: ±Infinity (e.g.
 * the text "1e400") or a magnitude above {@link largestModelNumber}. One
 * problem per cell for the first five of each column (`column C, data row R`,
 * rows 1-based), then one with the count of the rest. Empty when all is well.
 *
 * @param columns raw columns; names: the columns read as numbers.
 * @example
 * outOfRangeNumericCells({ age: ["41", "1e400"] }, ["age"]);
 * // [{ where: "column age, data row 2", message: "\"1e400\" is too large for a number (beyond ±3.4e38, ...) ..." }]
 */
export function outOfRangeNumericCells(columns: Readonly<Record<string, RawColumn>>, names: readonly string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const name of names) {
    const column = columns[name];
    if (column === undefined) continue;
    const values = numericValues(column);
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (!(Math.abs(v) > largestModelNumber)) continue; // NaN (missing) and in-range values pass
      if (++count > 5) continue;
      const text = isTextColumn(column) ? (column[i] as string).trim() : String(v);
      problems.push({
        where: `column ${name}, data row ${i + 1}`,
        message: `"${text}" is too large for a number (beyond ±3.4e38, the largest a model holds): correct the cell, or blank it to treat it as missing`,
      });
    }
    if (count > 5) problems.push({ where: `column ${name}`, message: `... and ${count - 5} more cells too large for a number` });
  }
  return problems;
}
