import type { DataFrame } from "danfojs-node";
import { InputError, type InputProblem } from "../io/InputError";
import { dayToIso } from "./dates";
import { allocateColumn, cellSchema, typedColumns, type ColumnValues, type Table, type TableSchema } from "./schema";

/** Options of {@link toDataFrame}. */
export interface ToDataFrameOptions {
  /** Date columns as "iso" text (default, readable in `print`) or "day" numbers (days since 1970-01-01, for arithmetic). */
  dates?: "iso" | "day";
}

/**
 * A churnlab table as a danfojs-node DataFrame (one column per schema column),
 * for `describe`, `groupby`, `valueCounts` and `print` in notebooks. Typed
 * arrays become plain arrays; empty optional dates become null.
 *
 * @param table - any table.
 * @example
 * toDataFrame(dataset.visits).groupby(["type"]).agg({ spend_yuan: "mean" }).print();
 */
export function toDataFrame<S extends TableSchema>(table: Table<S>, options: ToDataFrameOptions = {}): DataFrame {
  const iso = (options.dates ?? "iso") === "iso";
  const columns: Readonly<Record<string, ColumnValues>> = table.columns;
  const data: Record<string, Array<string | number | null>> = {};
  for (const spec of table.schema.columns) {
    const values = columns[spec.name];
    if (values === undefined) throw new RangeError(`table ${table.schema.name} lacks column ${spec.name}`);
    // Dates are stored as day numbers: Int32Array, or Float64Array with NaN for an empty optional date.
    if (spec.kind === "date" && values instanceof Int32Array) data[spec.name] = Array.from(values, (d) => (iso ? dayToIso(d) : d));
    else if (spec.kind === "optionalDate" && values instanceof Float64Array)
      data[spec.name] = Array.from(values, (d) => (Number.isNaN(d) ? null : iso ? dayToIso(d) : d));
    else data[spec.name] = Array.from<string | number>(values);
  }
  // danfojs-node is loaded on first use, not at import: it takes about two seconds, and most notebooks never build a DataFrame.
  const danfo = require("danfojs-node") as typeof import("danfojs-node");
  return new danfo.DataFrame(data, { columns: table.schema.columns.map((c) => c.name) });
}

/**
 * A danfojs DataFrame back as a typed table of the given schema, validated
 * cell by cell with the same rules as the CSV loaders (dates may be ISO text
 * or day numbers; flags 0/1 or booleans; optional cells null/undefined/"").
 *
 * @param df - a DataFrame holding at least the schema's columns (extra columns are ignored).
 * @param schema - the target table's schema.
 * @param sourceName - name used in messages (default "DataFrame").
 * @throws InputError listing every missing column and bad cell (`row 3, column spend_yuan: value -5: must be >= 0`).
 * @example
 * fromDataFrame(toDataFrame(visits), visitsSchema).columns.spend_yuan; // same values as visits.columns.spend_yuan
 */
export function fromDataFrame<S extends TableSchema>(df: DataFrame, schema: S, sourceName = "DataFrame"): Table<S> {
  const present = new Set(df.columns);
  const problems: InputProblem[] = [];
  for (const spec of schema.columns) {
    if (!present.has(spec.name)) problems.push({ where: `column ${spec.name}`, message: "missing" });
  }
  if (problems.length > 0) throw new InputError(sourceName, problems);
  const length = df.shape[0] ?? 0;
  const columns: Record<string, ColumnValues> = {};
  for (const spec of schema.columns) {
    const raw = df[spec.name].values as unknown[];
    const out = allocateColumn(spec.kind, length);
    const check = cellSchema(spec);
    for (let i = 0; i < length; i++) {
      const value = raw[i];
      let text: string;
      if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value) && spec.kind === "optionalDate")) text = "";
      else if (typeof value === "boolean" && spec.kind === "flag") text = value ? "1" : "0";
      else if (typeof value === "number" && (spec.kind === "date" || spec.kind === "optionalDate"))
        text = Number.isInteger(value) ? dayToIso(value) : String(value);
      else text = String(value);
      const parsed = check.safeParse(text);
      if (parsed.success) setCell(out, i, parsed.data);
      else
        problems.push({ where: `row ${i}, column ${spec.name}`, message: `value ${JSON.stringify(value)}: ${parsed.error.issues[0]?.message ?? "invalid"}` });
    }
    columns[spec.name] = out;
  }
  if (problems.length > 0) throw new InputError(sourceName, problems);
  return { schema, length, columns: typedColumns(schema, columns) };
}

/** Stores a parsed cell: text in a text column, a number in a numeric one (the cell schema of the column's kind gave it). */
function setCell(column: ColumnValues, index: number, value: string | number): void {
  if (Array.isArray(column)) column[index] = String(value);
  else column[index] = Number(value);
}
