import { compileDateFormat } from "./dateFormat";
import type { ColumnSource } from "./exportMapping";
import { unitFactors } from "./exportMapping";
import type { ColumnSpec } from "./schema";

/** One cell of an export read for a schema column: the schema's text form, or the rule it breaks. */
export type ReadCell = { text: string } | { error: string };

/** Reads one schema column's cell from an export row (see {@link columnReader}). */
export interface ColumnReader {
  /** The export's column this reads (null for a constant). */
  from: string | null;
  /** What the reader does, in words, for reports: "date YYYY/M/D", "4 codes", "minutes -> hours". */
  how: string[];
  read(cell: string): ReadCell;
}

const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Writes a converted number without float noise (12 significant digits); the table writer rounds to the column's decimals. */
function numberText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** The number reader of a column: separators, decimal comma, percent sign, unit factor. */
function numberReader(spec: ColumnSpec, source: Exclude<ColumnSource, string>, how: string[]): (cell: string) => ReadCell {
  const factor = source.unit === undefined ? 1 : (unitFactors[spec.unit]?.[source.unit] ?? 1);
  if (source.unit !== undefined && source.unit !== spec.unit) how.push(`${source.unit} -> ${spec.unit}`);
  const separator = source.thousands;
  const grouped = separator === undefined ? null : new RegExp(`^[-+]?\\d{1,3}(?:${separator === " " ? " " : `\\${separator}`}\\d{3})+(?:[.,]\\d*)?$`);
  if (separator !== undefined) how.push(`thousands "${separator}"`);
  if (source.decimalComma === true) how.push("decimal comma");
  return (cell) => {
    let text = cell;
    if (grouped?.test(text)) text = text.split(separator as string).join("");
    if (source.decimalComma === true) text = text.replace(",", ".");
    if ((source.unit === "%" || source.unit === "percent") && text.endsWith("%")) text = text.slice(0, -1).trim();
    if (factor === 1) return { text };
    if (!PLAIN_NUMBER.test(text)) return { error: `must be a number in ${source.unit}` };
    return { text: numberText(Number(text) * factor) };
  };
}

/**
 * Builds the reader of one schema column from its mapping: which export
 * column to read (or a constant), then "no value" tokens, code translations
 * (an unknown code is an error naming the known ones), date formats and
 * number conversions. The result is the cell as the schema writes it
 * (`2024-03-05`, `maintenance`, `2.5`); the table schema's zod rules check it
 * afterwards, so ranges and calendar days are judged in one place.
 *
 * @param spec the schema column; source: its mapping (a column name, or the full form).
 * @example
 * columnReader(visitsSchema.columns[3], { from: "维修时长", unit: "minutes" }).read("150"); // { text: "2.5" }
 */
export function columnReader(spec: ColumnSpec, source: ColumnSource): ColumnReader {
  const full = typeof source === "string" ? { from: source } : source;
  const how: string[] = [];
  const empty = new Set(["", ...(full.empty ?? [])]);
  const codes = full.codes === undefined ? undefined : new Map(Object.entries(full.codes));
  if (codes !== undefined) how.push(`${codes.size} code${codes.size === 1 ? "" : "s"}`);
  const optional = spec.kind === "optionalCategory" || spec.kind === "optionalDate";
  const isDate = spec.kind === "date" || spec.kind === "optionalDate";
  const dateFormat = full.date ?? "YYYY-MM-DD";
  const date = isDate ? compileDateFormat(dateFormat) : undefined;
  if (isDate && full.date !== undefined) how.push(`date ${full.date}`);
  const number = spec.kind === "number" || spec.kind === "int" ? numberReader(spec, full, how) : undefined;
  const read = (cell: string): ReadCell => {
    if (empty.has(cell)) return { text: "" };
    let text = cell;
    if (codes !== undefined) {
      const code = codes.get(cell);
      if (code === undefined) {
        const known = [...codes.keys()];
        return { error: `is not one of the mapping's codes for ${spec.name} (${known.slice(0, 12).join(", ")}${known.length > 12 ? ", ..." : ""})` };
      }
      text = code;
    }
    if (date !== undefined) {
      const result = date(text);
      return "iso" in result ? { text: result.iso } : result;
    }
    return number === undefined ? { text } : number(text);
  };
  if (full.value !== undefined) {
    const constant = read(full.value);
    how.unshift(`constant ${JSON.stringify(full.value)}`);
    return { from: null, how, read: () => constant };
  }
  if (optional && empty.size > 1) how.push(`empty: ${[...empty].filter((e) => e !== "").join(", ")}`);
  return { from: full.from ?? "", how, read };
}
