import { parse } from "csv-parse/sync";
import { InputError, type InputProblem } from "../io/InputError";
import { readCsvText } from "./readCsvText";
import { detectCsvDelimiter } from "./detectCsvDelimiter";
import { allocateColumn, cellSchema, type ColumnValues, type Table, type TableSchema } from "./schema";

/** Options of {@link loadTable} and the per-table loaders. */
export interface LoadOptions {
  /**
   * Column mapping, the file's header names -> ours (e.g. `{ "会员编号": "customer_id" }`).
   * Headers not mentioned keep their name. Default: none.
   */
  mapping?: Readonly<Record<string, string>>;
  /**
   * false (default): any bad row fails the load with every problem listed.
   * true: bad rows are dropped and reported in `dropped`; header problems still fail.
   */
  dropBadRows?: boolean;
  /** Known customer ids: rows whose `customerRef` column is not among them are bad. Default: not checked. */
  customerIds?: ReadonlySet<string>;
  /** Name used for the source in messages (default: the file path). */
  sourceName?: string;
}

/** A row removed by `dropBadRows`, with every reason. */
export interface DroppedRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  problems: InputProblem[];
}

/** A loaded table and the rows that were dropped (empty unless `dropBadRows`). */
export interface LoadResult<S extends TableSchema> {
  table: Table<S>;
  dropped: DroppedRow[];
}

/**
 * Loads a CSV export into a typed table: reads it (encoding checks), maps
 * header names, checks the header, validates every cell strictly against
 * the schema (zod), then checks unique keys and customer references.
 * Messages name the file, line, column, value and rule:
 * `visits.csv: line 7, column spend_yuan: value "-5": must be >= 0`.
 * Extra columns in the file are ignored; nothing is coerced.
 *
 * @param file - path of the CSV file (UTF-8, comma-separated, header line first).
 * @param schema - the table's schema (e.g. `visitsSchema`).
 * @param options - mapping, dropBadRows, customerIds (see {@link LoadOptions}).
 * @throws InputError listing every problem (the message shows the first 50 and a count).
 * @example
 * const { table } = loadTable("data/sample/visits.csv", visitsSchema);
 * table.columns.spend_yuan; // Float64Array [...]
 */
export function loadTable<S extends TableSchema>(file: string, schema: S, options: LoadOptions = {}): LoadResult<S> {
  const source = options.sourceName ?? file;
  const text = readCsvText(file);
  const mapping = options.mapping ?? {};
  const columns = schema.columns;
  const width = columns.length;
  const refIndex = schema.customerRef === undefined ? -1 : columns.findIndex((c) => c.name === schema.customerRef);
  const keyIndexes = schema.key.map((k) => columns.findIndex((c) => c.name === k));
  const checks = columns.map((c) => memoisedCell(cellSchema(c)));
  const values: Array<Array<number | string>> = columns.map(() => []);
  const keyOf = new Map<string, number>();
  const problemsByLine = new Map<number, InputProblem[]>();
  const add = (line: number, problem: InputProblem): void => {
    const list = problemsByLine.get(line);
    if (list === undefined) problemsByLine.set(line, [problem]);
    else list.push(problem);
  };
  let position: number[] | null = null; // file field index of each schema column, once the header is read
  let headerWidth = 0;
  let headerProblems: InputProblem[] = [];
  let rows = 0;
  const parsed: Array<number | string> = new Array<number | string>(width);
  const raw: string[] = new Array<string>(width);

  const onHeader = (record: string[]): void => {
    const header = record.map((name) => mapping[name] ?? name);
    headerWidth = header.length;
    for (const target of Object.values(mapping)) {
      if (!columns.some((c) => c.name === target)) headerProblems.push({ where: "mapping", message: `maps to "${target}", which is not a column of ${schema.name}` });
    }
    const at = new Map<string, number>();
    header.forEach((name, i) => {
      if (at.has(name)) headerProblems.push({ where: "line 1 (header)", message: `column "${name}" appears more than once` });
      else at.set(name, i);
    });
    for (const column of columns) {
      if (!at.has(column.name)) {
        headerProblems.push({ where: "line 1 (header)", message: `missing column "${column.name}" (${column.description}); found: ${header.join(", ")}` });
      }
    }
    if (headerProblems.length > 0) throw new HeaderError();
    position = columns.map((c) => at.get(c.name) ?? 0);
  };

  const onRow = (cells: string[], line: number): void => {
    rows++;
    if (cells.length !== headerWidth) {
      add(line, { where: `line ${line}`, message: `has ${cells.length} fields, the header has ${headerWidth}` });
      return;
    }
    const pos = position as number[];
    let bad = false;
    for (let c = 0; c < width; c++) {
      const cell = cells[pos[c] ?? 0] ?? "";
      raw[c] = cell;
      const result = (checks[c] as CellCheck)(cell);
      if (typeof result === "object") {
        bad = true;
        for (const message of result.errors) add(line, { where: `line ${line}, column ${columns[c]?.name ?? ""}`, message: `value ${JSON.stringify(cell)}: ${message}` });
      } else parsed[c] = result;
    }
    if (bad) return;
    const rowProblems = crossFieldProblems(schema, columns, parsed, line);
    if (refIndex >= 0 && options.customerIds !== undefined) {
      const id = String(parsed[refIndex]);
      if (!options.customerIds.has(id)) rowProblems.push({ where: `line ${line}, column ${schema.customerRef ?? ""}`, message: `value ${JSON.stringify(id)}: unknown customer id (not in customers)` });
    }
    if (keyIndexes.length > 0) {
      const key = keyIndexes.length === 1 ? (raw[keyIndexes[0] ?? 0] ?? "") : keyIndexes.map((k) => raw[k] ?? "").join("\u0000");
      const first = keyOf.get(key);
      if (first !== undefined) {
        rowProblems.push({ where: `line ${line}, column ${schema.key.join("+")}`, message: `value ${JSON.stringify(keyIndexes.map((k) => raw[k] ?? "").join(", "))}: duplicate id (first seen on line ${first})` });
      } else keyOf.set(key, line);
    }
    if (rowProblems.length > 0) {
      for (const p of rowProblems) add(line, p);
      return;
    }
    for (let c = 0; c < width; c++) (values[c] as Array<number | string>).push(parsed[c] as number | string);
  };

  try {
    parse(text, {
      delimiter: detectCsvDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        if (position === null) onHeader(record);
        else onRow(record, context.lines);
        return null;
      },
    });
  } catch (err) {
    if (err instanceof HeaderError) throw new InputError(source, headerProblems);
    const e = err as Error & { lines?: number };
    throw new InputError(source, [{ where: e.lines === undefined ? "file" : `line ${e.lines}`, message: `not readable as CSV: ${e.message}` }]);
  }
  if (position === null) throw new InputError(source, [{ where: "file", message: "file is empty: expected a header line and data rows" }]);
  if (rows === 0) throw new InputError(source, [{ where: "file", message: "has a header line but no data rows" }]);

  const dropped: DroppedRow[] = [...problemsByLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, problems]) => ({ line, problems }));
  if (dropped.length > 0 && options.dropBadRows !== true) throw new InputError(source, dropped.flatMap((d) => d.problems));

  const length = values[0]?.length ?? 0;
  const out: Record<string, ColumnValues> = {};
  columns.forEach((column, c) => {
    const stored = allocateColumn(column.kind, length);
    const list = values[c] as Array<number | string>;
    if (Array.isArray(stored)) out[column.name] = list as string[];
    else {
      (stored as Float64Array).set(list as number[]);
      out[column.name] = stored;
    }
  });
  headerProblems = [];
  return { table: { schema, length, columns: out as unknown as Table<S>["columns"] }, dropped };
}

/** Thrown inside the CSV parser's callback to stop at a bad header. */
class HeaderError extends Error {}

/** A cell check: the parsed value, or the rule messages it breaks. */
type CellCheck = (cell: string) => number | string | { errors: string[] };

/**
 * Wraps a zod cell schema with a memo of recent results: exports repeat the
 * same dates, ids, categories and small counts many times, so most cells are
 * validated by zod once (the rules stay zod's; only the work is shared).
 */
function memoisedCell(schema: ReturnType<typeof cellSchema>): CellCheck {
  const memo = new Map<string, number | string | { errors: string[] }>();
  return (cell) => {
    const hit = memo.get(cell);
    if (hit !== undefined) return hit;
    const result = schema.safeParse(cell);
    const value = result.success ? result.data : { errors: result.error.issues.map((i) => i.message) };
    if (memo.size < 50_000) memo.set(cell, value);
    return value;
  };
}

/** Rules between cells of one row (e.g. a complaint needs a category). */
function crossFieldProblems(schema: TableSchema, columns: TableSchema["columns"], parsed: ReadonlyArray<number | string>, line: number): InputProblem[] {
  if (schema.name === "surveys") {
    const complaint = parsed[columns.findIndex((c) => c.name === "complaint")];
    const category = parsed[columns.findIndex((c) => c.name === "complaint_category")];
    if (complaint === 1 && category === "") return [{ where: `line ${line}, column complaint_category`, message: `value "": must name a category when complaint is 1` }];
    if (complaint === 0 && category !== "") return [{ where: `line ${line}, column complaint_category`, message: `value ${JSON.stringify(category)}: must be empty when complaint is 0` }];
  }
  return [];
}

/**
 * Formats dropped rows as one line each, for a report or stderr.
 *
 * @example
 * describeDropped("visits.csv", [{ line: 7, problems: [{ where: "line 7, column spend_yuan", message: 'value "-5": must be >= 0' }] }]);
 * // ['visits.csv: dropped line 7: line 7, column spend_yuan: value "-5": must be >= 0']
 */
export function describeDropped(source: string, dropped: readonly DroppedRow[]): string[] {
  return dropped.map((d) => `${source}: dropped line ${d.line}: ${d.problems.map((p) => `${p.where}: ${p.message}`).join("; ")}`);
}
