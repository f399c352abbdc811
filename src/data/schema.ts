import { z } from "zod";
import { isoToDay } from "./dates";

/**
 * The kinds of column a churnlab table can hold, and how each is stored in memory:
 *
 * - `text`: non-empty text (ids, names) -> `string[]`
 * - `category`: one of a fixed list of values -> `string[]`
 * - `optionalCategory`: one of a fixed list, or empty -> `string[]` ("" when empty)
 * - `date`: strict `YYYY-MM-DD` -> `Int32Array` of day numbers (see `isoToDay`)
 * - `optionalDate`: a date or empty -> `Float64Array` of day numbers, NaN when empty
 * - `int`: integer -> `Int32Array`
 * - `number`: decimal number -> `Float64Array`
 * - `flag`: `0` or `1` -> `Uint8Array`
 */
export type ColumnKind = "text" | "category" | "optionalCategory" | "date" | "optionalDate" | "int" | "number" | "flag";

/** In-memory storage of each column kind. */
export interface ColumnStorage {
  text: string[];
  category: string[];
  optionalCategory: string[];
  date: Int32Array;
  optionalDate: Float64Array;
  int: Int32Array;
  number: Float64Array;
  flag: Uint8Array;
}

/**
 * One column of a table: its CSV header name, kind, unit, allowed range and meaning.
 * The same description drives validation (zod), the in-memory type, CSV output and `data/README.md`.
 */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Unit of numbers ("km", "yuan", "hours", "years", "days of 7", ...); "" when none. */
  readonly unit: string;
  readonly description: string;
  /** Inclusive lower bound (int, number). */
  readonly min?: number;
  /** Inclusive upper bound (int, number). */
  readonly max?: number;
  /** Allowed values (category, optionalCategory). */
  readonly values?: readonly string[];
  /** Decimals written to CSV (number columns; default: shortest exact form). */
  readonly decimals?: number;
}

/** A table's schema: its name (also the CSV file stem), columns, and unique key. */
export interface TableSchema {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** Columns whose combined values must be unique (e.g. `["customer_id"]`); empty when none. */
  readonly key: readonly string[];
  /** Column holding a customer id that must exist in the customers table, if any. */
  readonly customerRef?: string;
}

/** The typed columns of a table with schema `S`, keyed by column name. */
export type ColumnsOf<S extends TableSchema> = {
  [C in S["columns"][number] as C["name"]]: ColumnStorage[C["kind"]];
};

/**
 * A table held column by column (typed arrays for numbers and dates), the
 * shape that loaders return, the generator produces and the danfojs adapter converts.
 */
export interface Table<S extends TableSchema = TableSchema> {
  readonly schema: S;
  readonly length: number;
  readonly columns: ColumnsOf<S>;
}

/** Any column's values. */
export type ColumnValues = ColumnStorage[ColumnKind];

const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;

function bounded(spec: ColumnSpec, base: z.ZodNumber): z.ZodNumber {
  let schema = base;
  if (spec.min !== undefined) schema = schema.min(spec.min, `must be >= ${spec.min}`);
  if (spec.max !== undefined) schema = schema.max(spec.max, `must be <= ${spec.max}`);
  return schema;
}

/**
 * The zod schema of one CSV cell of a column: it takes the raw text and
 * returns the stored value, or fails naming the rule broken. Nothing is
 * coerced: surrounding spaces, thousands separators, "1,5", "N/A" and empty
 * required cells are all errors.
 *
 * @example
 * cellSchema({ name: "spend_yuan", kind: "number", unit: "yuan", description: "", min: 0 }).safeParse("-5").success; // false ("must be >= 0")
 */
export function cellSchema(spec: ColumnSpec): z.ZodType<number | string, string> {
  switch (spec.kind) {
    case "text":
      return z
        .string()
        .min(1, { error: "must not be empty", abort: true })
        .regex(/^\S(?:.*\S)?$/s, "must not start or end with spaces");
    case "category":
    case "optionalCategory": {
      const values = spec.values ?? [];
      const allowed = spec.kind === "optionalCategory" ? ["", ...values] : [...values];
      const list = values.join(", ");
      const rule = spec.kind === "optionalCategory" ? `must be empty or one of: ${list}` : `must be one of: ${list}`;
      return z.string().refine((s) => allowed.includes(s), rule);
    }
    case "date":
    case "optionalDate": {
      const date = z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written YYYY-MM-DD", abort: true })
        .refine((s) => !Number.isNaN(isoToDay(s)), "must be a real calendar date")
        .transform(isoToDay);
      if (spec.kind === "date") return date;
      return z.union([z.literal("").transform(() => NaN), date], { error: "must be empty or a date written YYYY-MM-DD" });
    }
    case "int":
      return z.string().regex(INTEGER, "must be a whole number (digits only)").transform(Number).pipe(bounded(spec, z.number()));
    case "number":
      return z.string().regex(DECIMAL, "must be a decimal number (digits, '.' as decimal point)").transform(Number).pipe(bounded(spec, z.number().finite()));
    case "flag":
      return z.enum(["0", "1"], { error: "must be 0 or 1" }).transform((s) => (s === "1" ? 1 : 0));
  }
}

/**
 * A schema's typed columns from columns held by name, checking that every
 * column of the schema is there (builders fill a plain record, then type it here).
 *
 * @throws RangeError naming the first schema column that is missing.
 * @example
 * typedColumns(visitsSchema, { customer_id: ["C1"], ... }).customer_id; // ["C1"]
 */
export function typedColumns<S extends TableSchema>(schema: S, columns: Readonly<Record<string, ColumnValues>>): ColumnsOf<S> {
  for (const spec of schema.columns) if (columns[spec.name] === undefined) throw new RangeError(`table ${schema.name} lacks column ${spec.name}`);
  // The one conversion from a record by name to the schema's column types: each column was checked above.
  return columns as unknown as ColumnsOf<S>;
}

/**
 * Allocates empty storage for a column of a given kind and length.
 *
 * @example
 * allocateColumn("date", 3); // Int32Array [0, 0, 0]
 */
export function allocateColumn(kind: ColumnKind, length: number): ColumnValues {
  switch (kind) {
    case "text":
    case "category":
    case "optionalCategory":
      return new Array<string>(length).fill("");
    case "date":
    case "int":
      return new Int32Array(length);
    case "optionalDate":
      return new Float64Array(length).fill(NaN);
    case "number":
      return new Float64Array(length);
    case "flag":
      return new Uint8Array(length);
  }
}
