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
 * Checks a loaded table against its schema's rules in one pass: required
 * cells, categories, flags, ranges, and the key. Data row numbers count
 * from 1 after the header, in file order.
 *
 * @returns one problem per broken rule: how many rows break it and the first such data row.
 * @example
 * await columnRuleChecks(store, visitsSchema); // [{ where: "column spend_yuan", message: "must be >= 0: 2 rows, first data row 17" }]
 */
export async function columnRuleChecks(store: Store, schema: TableSchema): Promise<InputProblem[]> {
  const rules = schema.columns.flatMap(rulesOf);
  const table = sqlName(schema.name);
  const parts = rules.flatMap((r) => [`count_if(${r.breaks})`, `min(_row) FILTER (WHERE ${r.breaks})`]);
  const key = schema.key.map(sqlName);
  if (key.length > 0) parts.push(`count(*) - count(DISTINCT (${key.join(", ")}))`);
  if (parts.length === 0) return [];
  const values =
    (await store.connection.runAndReadAll(`SELECT ${parts.join(", ")} FROM (SELECT *, row_number() OVER () AS _row FROM ${table})`)).getRowsJS()[0] ?? [];
  const problems: InputProblem[] = [];
  rules.forEach((r, k) => {
    const count = Number(values[2 * k] ?? 0);
    if (count > 0) problems.push({ where: r.where, message: `${r.rule}: ${count} row${count === 1 ? "" : "s"}, first data row ${Number(values[2 * k + 1])}` });
  });
  const repeated = key.length > 0 ? Number(values[2 * rules.length] ?? 0) : 0;
  if (repeated > 0) problems.push({ where: `key (${schema.key.join(", ")})`, message: `must be unique: ${repeated} repeated row${repeated === 1 ? "" : "s"}` });
  return problems;
}
