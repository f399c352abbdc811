import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { InputError } from "../../io/InputError";
import { readTextHead } from "../../io/stripBom";
import { detectCsvDelimiter } from "../../data/detectCsvDelimiter";
import { sqlName, sqlString, type Store } from "../../store";

/** Where the rows to score come from: a CSV or Parquet file, or a table of a store (a DuckDB file written by churnlab). */
export interface ScoreSource {
  file: string;
  /** A table of the store `file` (e.g. "panel", as `createPanelTable` writes it); absent for CSV and Parquet files. */
  table?: string;
}

/** The source's kind in messages: "CSV", "Parquet" or "store table panel". */
export function kindOf(source: ScoreSource): string {
  if (source.table !== undefined) return `store table ${source.table}`;
  return isParquet(source.file) ? "Parquet" : "CSV";
}

/** A file is read as Parquet when its name ends in .parquet (any case); any other is read as CSV, as the whole-table path does. */
function isParquet(file: string): boolean {
  return path.extname(file).toLowerCase() === ".parquet";
}

/**
 * Makes a store's DuckDB see the source and returns the SQL reading it: a store
 * table through a read-only attachment (its file stays as it is, and other
 * readers may attach it too), Parquet as typed, CSV as text.
 */
export async function sourceSql(store: Store, source: ScoreSource): Promise<string> {
  if (source.table === undefined) {
    const { sql, delimiter, names } = inputSql(source.file);
    return delimiter === ";" ? decimalCommaSql(store, sql, names) : sql;
  }
  checkStoreFile(source.file);
  await store.connection.run(`ATTACH ${sqlString(source.file)} AS scored_store (READ_ONLY)`);
  return `SELECT * FROM scored_store.${sqlName(source.table)}`;
}

/** A store file must exist and start as DuckDB files do ("DUCK" at byte 8), so that a wrong path gets a plain message. */
function checkStoreFile(file: string): void {
  const head = Buffer.alloc(12);
  let read = 0;
  try {
    // A pipe or device would block the open or never end: only a regular file can be a store.
    if (!fs.statSync(file).isFile()) throw new InputError(file, [{ where: "--store", message: "is not a churnlab store (not a regular file)" }]);
    const fd = fs.openSync(file, "r");
    try {
      read = fs.readSync(fd, head, 0, 12, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(file, [{ where: "--store", message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
  }
  if (read < 12 || head.toString("latin1", 8, 12) !== "DUCK")
    throw new InputError(file, [{ where: "--store", message: "is not a churnlab store (a DuckDB database file)" }]);
}

/**
 * A semicolon-separated export's columns whose non-blank cells are all numbers
 * with a decimal comma ("38356,9"), some with a comma, read with decimal points,
 * as `readTabularCsv` does for a table read whole: one pass over the file decides
 * it for each column, so every batch reads a column the same way.
 */
async function decimalCommaSql(store: Store, sql: string, names: readonly string[]): Promise<string> {
  const checks = names.flatMap((n) => {
    const c = sqlName(n);
    return [`bool_and(${c} IS NULL OR trim(${c}) = '' OR regexp_full_match(trim(${c}), '[+-]?\\d+(,\\d+)?'))`, `count_if(contains(${c}, ','))`];
  });
  const row = (await store.connection.runAndReadAll(`SELECT ${checks.join(", ")} FROM (${sql})`)).getRowsJS()[0] ?? [];
  const converted = names.filter((_, k) => row[2 * k] === true && Number(row[2 * k + 1]) > 0);
  if (converted.length === 0) return sql;
  return `SELECT * REPLACE (${converted.map((n) => `replace(${sqlName(n)}, ',', '.') AS ${sqlName(n)}`).join(", ")}) FROM (${sql})`;
}

/** SQL reading a file to score: Parquet as typed, CSV as text (header first, delimiter from the header line), with the CSV's delimiter and column names. */
function inputSql(file: string): { sql: string; delimiter?: string; names: string[] } {
  if (isParquet(file)) return { sql: `SELECT * FROM read_parquet(${sqlString(file)})`, names: [] };
  const text = readTextHead(file);
  const delimiter = detectCsvDelimiter(text);
  const firstLine = text.split(/\r?\n/)[0] ?? "";
  const names = ((parse(firstLine, { delimiter }) as string[][])[0] ?? []).map((h) => h.trim());
  if (names.length === 0 || names.some((n) => n === "") || new Set(names).size !== names.length) {
    throw new InputError(file, [{ where: "line 1", message: "the header needs distinct, non-blank column names" }]);
  }
  const columns = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(", ");
  const sql =
    `SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ${sqlString(delimiter)}, quote = '"', escape = '"', ` +
    `strict_mode = true, columns = {${columns}})`;
  return { sql, delimiter, names };
}
