import type { ColumnSpec, TableSchema } from "../data/schema";
import type { InputProblem } from "../io/InputError";
import { sqlString, type Store } from "./openStore";
import { sqlName } from "./sourceSql";

/** One rule on one column as SQL: a condition true for a breaking row, and the rule in words. */
interface ColumnRule {
  where: string;
  breaks: string;
  rule: string;
}

function rulesOf(spec: ColumnSpec): ColumnRule[] {
  const c = sqlName(spec.name);
  const where = `column ${spec.name}`;
  const rules: ColumnRule[] = [];
  const optional = spec.kind === "optionalCategory" || spec.kind === "optionalDate";
  if (!optional) rules.push({ where, breaks: spec.kind === "text" ? `${c} IS NULL OR trim(${c}) = ''` : `${c} IS NULL`, rule: "is required" });
  if ((spec.kind === "category" || spec.kind === "optionalCategory") && spec.values !== undefined) {
    const list = spec.values.map(sqlString).join(", ");
    rules.push({ where, breaks: `${c} IS NOT NULL AND ${c} <> '' AND ${c} NOT IN (${list})`, rule: `must be one of ${spec.values.join(", ")}` });
  }
  if (spec.kind === "flag") rules.push({ where, breaks: `${c} NOT IN (0, 1)`, rule: "must be 0 or 1" });
  if (spec.min !== undefined) rules.push({ where, breaks: `${c} < ${spec.min}`, rule: `must be >= ${spec.min}` });
  if (spec.max !== undefined) rules.push({ where, breaks: `${c} > ${spec.max}`, rule: `must be <= ${spec.max}` });
  return rules;
}

/**
 * Checks a loaded table against its schema's rules: required cells,
 * categories, flags and ranges in one streaming pass of aggregates (no row
 * numbering: a table loaded in file order numbers its rows by `rowid`,
 * counted from its first, as rows not yet committed start past 2^55), and
 * the key by a distinct count that spills to disk past DuckDB's memory limit
 * (see {@link repeatedKeys}). Data
 * row numbers count from 1 after the header, in file order.
 *
 * @returns one problem per broken rule: how many rows break it and the first such data row.
 * @example
 * await columnRuleChecks(store, visitsSchema); // [{ where: "column spend_yuan", message: "must be >= 0: 2 rows, first data row 17" }]
 */
export async function columnRuleChecks(store: Store, schema: TableSchema): Promise<InputProblem[]> {
  const rules = schema.columns.flatMap(rulesOf);
  const table = sqlName(schema.name);
  const parts = rules.flatMap((r) => [`count_if(${r.breaks})`, `min(rowid) FILTER (WHERE ${r.breaks}) - min(rowid) + 1`]);
  const values = parts.length === 0 ? [] : ((await store.connection.runAndReadAll(`SELECT ${parts.join(", ")} FROM ${table}`)).getRowsJS()[0] ?? []);
  const problems: InputProblem[] = [];
  rules.forEach((r, k) => {
    const count = Number(values[2 * k] ?? 0);
    if (count > 0) problems.push({ where: r.where, message: `${r.rule}: ${count} row${count === 1 ? "" : "s"}, first data row ${Number(values[2 * k + 1])}` });
  });
  const key = schema.key.map(sqlName);
  if (key.length === 0) return problems;
  const repeated = await repeatedKeys(store, table, key);
  if (repeated > 0) problems.push({ where: `key (${schema.key.join(", ")})`, message: `must be unique: ${repeated} repeated row${repeated === 1 ? "" : "s"}` });
  return problems;
}

/**
 * Rows whose key repeats an earlier row's. Counted first on a 64-bit hash of
 * the key (one integer per row: at 1M customers the app_activity key took
 * about a quarter less CPU than grouping its text and date), then, only when
 * some hashes repeat, exactly on the key itself (a repeated hash is either a
 * repeated key or, with odds of about n^2 / 2^65, a collision).
 */
async function repeatedKeys(store: Store, table: string, key: readonly string[]): Promise<number> {
  const count = async (sql: string): Promise<number> => Number((await store.connection.runAndReadAll(sql)).getRowsJS()[0]?.[0] ?? 0);
  const hashed = await count(`SELECT count(*) - count(DISTINCT hash(${key.join(", ")})) FROM ${table}`);
  if (hashed === 0) return 0;
  return count(`SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM ${table} GROUP BY ${key.join(", ")}) WHERE n > 1`);
}
