import * as path from "node:path";
import type { ColumnKind, TableSchema } from "../data/schema";
import { sqlString } from "./openStore";

/** File formats the store reads and writes. */
export type SourceFormat = "csv" | "parquet";

/** DuckDB type of each column kind (dates are DATE, i.e. day numbers like the in-memory tables). */
const sqlTypeOf: Readonly<Record<ColumnKind, string>> = {
  text: "VARCHAR",
  category: "VARCHAR",
  optionalCategory: "VARCHAR",
  date: "DATE",
  optionalDate: "DATE",
  int: "INTEGER",
  number: "DOUBLE",
  flag: "INTEGER",
};

/**
 * The format of a source file, from its extension (.parquet / .csv, any case).
 *
 * @throws RangeError for any other extension.
 * @example
 * formatOf("exports/visits.parquet"); // "parquet"
 */
export function formatOf(file: string): SourceFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".parquet") return "parquet";
  if (ext === ".csv") return "csv";
  throw new RangeError(`${file}: expected a .csv or .parquet file`);
}

/**
 * SQL reading a CSV export of `schema` strictly: comma-separated, header
 * first, the schema's columns with their types (dates YYYY-MM-DD), no type
 * sniffing, rows of the wrong width rejected. Empty cells read as NULL.
 *
 * @param header the file's column names in file order (default: the schema's); other columns are read as text.
 * @example
 * csvSourceSql("visits.csv", visitsSchema); // "read_csv('visits.csv', header = true, auto_detect = false, ...)"
 */
export function csvSourceSql(file: string, schema: TableSchema, header: readonly string[] = schema.columns.map((c) => c.name)): string {
  const typeOf = (name: string): string => {
    const spec = schema.columns.find((c) => c.name === name);
    return spec === undefined ? "VARCHAR" : sqlTypeOf[spec.kind];
  };
  const columns = header.map((name) => `${sqlString(name)}: ${sqlString(typeOf(name))}`).join(", ");
  return (
    `read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', ` +
    `strict_mode = true, dateformat = '%Y-%m-%d', columns = {${columns}})`
  );
}

/**
 * SQL selecting the schema's columns from a Parquet file, each cast to its type.
 *
 * @example
 * parquetSourceSql("visits.parquet", visitsSchema); // "SELECT CAST(\"customer_id\" AS VARCHAR) AS ... FROM read_parquet('visits.parquet')"
 */
export function parquetSourceSql(file: string, schema: TableSchema): string {
  const columns = schema.columns.map((c) => `CAST(${sqlName(c.name)} AS ${sqlTypeOf[c.kind]}) AS ${sqlName(c.name)}`).join(", ");
  return `SELECT ${columns} FROM read_parquet(${sqlString(file)})`;
}

/**
 * A name as a SQL identifier ("spend_yuan").
 *
 * @example
 * sqlName('odd "name"'); // "\"odd \"\"name\"\"\""
 */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
