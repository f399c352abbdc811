import * as fs from "node:fs";
import type { TableSchema } from "../data/schema";
import { InputError, type InputProblem } from "../io/InputError";
import { duckdbReason } from "./duckdbReason";
import { sqlString, type Store } from "./openStore";
import { csvSourceSql, formatOf, parquetSourceSql, sqlName } from "./sourceSql";
import { columnRuleChecks } from "./columnRules";
import { readTextHead } from "../io/stripBom";

/**
 * Streams a CSV or Parquet export into the store as table `schema.name`
 * (replacing it), checking it against the schema on the way: the columns
 * (by name, any extra ignored for Parquet), types, required cells, allowed
 * categories, ranges and the key. DuckDB reads the file in parallel chunks:
 * memory does not grow with the rows. All or nothing: on any problem the
 * load is rolled back and the store keeps what it had.
 *
 * @param file a `.csv` (strict: comma-separated, header first) or `.parquet` file.
 * @returns the rows loaded.
 * @throws InputError naming the file, and the line, column or rule, for a missing, truncated or
 *   damaged file, a missing column, a cell of the wrong type, a blank required cell, an
 *   unknown category, a value out of range, or a repeated key.
 * @example
 * await loadSource(store, visitsSchema, "exports/visits.parquet"); // 22_000_000
 */
export async function loadSource(store: Store, schema: TableSchema, file: string): Promise<number> {
  if (!fs.existsSync(file)) throw new InputError(file, [{ where: "file", message: "not found" }]);
  let format: ReturnType<typeof formatOf>;
  try {
    format = formatOf(file);
  } catch {
    throw new InputError(file, [{ where: "file", message: "must be a .csv or .parquet file" }]);
  }
  const db = store.connection;
  if (format === "parquet") await checkParquetColumns(store, schema, file);
  const names = schema.columns.map((c) => sqlName(c.name)).join(", ");
  const select = format === "csv" ? `SELECT ${names} FROM ${csvSourceSql(file, schema, csvHeader(file, schema))}` : parquetSourceSql(file, schema);
  const table = sqlName(schema.name);
  await db.run("BEGIN TRANSACTION");
  try {
    await db.run(`CREATE OR REPLACE TABLE ${table} AS ${select}`);
    const problems = await columnRuleChecks(store, schema);
    if (problems.length > 0) throw new InputError(file, problems);
    const rows = Number((await db.runAndReadAll(`SELECT count(*) FROM ${table}`)).getColumnsJS()[0]?.[0] ?? 0);
    await db.run("COMMIT");
    return rows;
  } catch (err) {
    await db.run("ROLLBACK");
    if (err instanceof InputError) throw err;
    throw new InputError(file, [{ where: format === "csv" ? "CSV" : "Parquet", message: duckdbReason(err) }]);
  }
}

/** The header of a CSV file; every schema column must be in it (any order, other columns ignored). */
function csvHeader(file: string, schema: TableSchema): string[] {
  const line = readTextHead(file).split(/\r?\n/)[0] ?? "";
  const header = line.split(",").map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
  const problems: InputProblem[] = schema.columns
    .filter((c) => !header.includes(c.name))
    .map((c) => ({ where: `line 1, column ${c.name}`, message: `missing (the header has ${header.join(", ")})` }));
  if (new Set(header).size !== header.length) problems.push({ where: "line 1", message: "repeats a column name" });
  if (problems.length > 0) throw new InputError(file, problems);
  return header;
}

async function checkParquetColumns(store: Store, schema: TableSchema, file: string): Promise<void> {
  let names: string[];
  try {
    const described = await store.connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${sqlString(file)})`);
    names = (described.getColumnsJS()[0] ?? []).map(String);
  } catch (err) {
    throw new InputError(file, [{ where: "Parquet", message: duckdbReason(err) }]);
  }
  const problems: InputProblem[] = schema.columns
    .filter((c) => !names.includes(c.name))
    .map((c) => ({ where: `column ${c.name}`, message: `missing (the file has ${names.join(", ")})` }));
  if (problems.length > 0) throw new InputError(file, problems);
}
