import { parse } from "csv-parse/sync";
import { InputError, type InputProblem } from "../io/InputError";
import { readCsvText } from "./readCsvText";
import { allocateColumn, rowSchema, type ColumnValues, type Table, type TableSchema } from "./schema";

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
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new InputError(source, [{ where: e.lines === undefined ? "file" : `line ${e.lines}`, message: `not readable as CSV: ${e.message}` }]);
  }
  const headerRecord = records[0];
  if (headerRecord === undefined) throw new InputError(source, [{ where: "file", message: "file is empty: expected a header line and data rows" }]);

  // Header: map names, then every schema column must be present exactly once.
  const mapping = options.mapping ?? {};
  const header = headerRecord.record.map((name) => mapping[name] ?? name);
  const headerProblems: InputProblem[] = [];
  for (const target of Object.values(mapping)) {
    if (!schema.columns.some((c) => c.name === target)) headerProblems.push({ where: "mapping", message: `maps to "${target}", which is not a column of ${schema.name}` });
  }
  const position = new Map<string, number>();
  header.forEach((name, i) => {
    if (position.has(name)) headerProblems.push({ where: "line 1 (header)", message: `column "${name}" appears more than once` });
    else position.set(name, i);
  });
  for (const column of schema.columns) {
    if (!position.has(column.name)) {
      headerProblems.push({ where: "line 1 (header)", message: `missing column "${column.name}" (${column.description}); found: ${header.join(", ")}` });
    }
  }
  if (headerProblems.length > 0) throw new InputError(source, headerProblems);
  if (records.length === 1) throw new InputError(source, [{ where: "file", message: "has a header line but no data rows" }]);

  const validate = rowSchema(schema);
  const width = header.length;
  const refColumn = schema.customerRef;
  const keyOf = new Map<string, number>();
  const goodRows: Array<Record<string, number | string>> = [];
  const goodLines: number[] = [];
  const problemsByLine = new Map<number, InputProblem[]>();
  const add = (line: number, problem: InputProblem): void => {
    const list = problemsByLine.get(line);
    if (list === undefined) problemsByLine.set(line, [problem]);
    else list.push(problem);
  };

  for (let r = 1; r < records.length; r++) {
    const entry = records[r];
    if (entry === undefined) continue;
    const line = entry.info.lines;
    const cells = entry.record;
    if (cells.length !== width) {
      add(line, { where: `line ${line}`, message: `has ${cells.length} fields, the header has ${width}` });
      continue;
    }
    const raw: Record<string, string> = {};
    for (const column of schema.columns) raw[column.name] = cells[position.get(column.name) ?? 0] ?? "";
    const parsed = validate.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        add(line, { where: `line ${line}, column ${column}`, message: `value ${JSON.stringify(raw[column] ?? "")}: ${issue.message}` });
      }
      continue;
    }
    const row = parsed.data;
    const rowProblems = crossFieldProblems(schema, row, line);
    if (refColumn !== undefined && options.customerIds !== undefined) {
      const id = String(row[refColumn]);
      if (!options.customerIds.has(id)) rowProblems.push({ where: `line ${line}, column ${refColumn}`, message: `value ${JSON.stringify(id)}: unknown customer id (not in customers)` });
    }
    if (schema.key.length > 0) {
      const key = schema.key.map((k) => raw[k] ?? "").join("\u0000");
      const first = keyOf.get(key);
      if (first !== undefined) {
        rowProblems.push({ where: `line ${line}, column ${schema.key.join("+")}`, message: `value ${JSON.stringify(schema.key.map((k) => raw[k] ?? "").join(", "))}: duplicate id (first seen on line ${first})` });
      } else keyOf.set(key, line);
    }
    if (rowProblems.length > 0) {
      for (const p of rowProblems) add(line, p);
      continue;
    }
    goodRows.push(row);
    goodLines.push(line);
  }

  const dropped: DroppedRow[] = [...problemsByLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, problems]) => ({ line, problems }));
  if (dropped.length > 0 && options.dropBadRows !== true) throw new InputError(source, dropped.flatMap((d) => d.problems));

  const columns: Record<string, ColumnValues> = {};
  for (const column of schema.columns) {
    const values = allocateColumn(column.kind, goodRows.length);
    for (let i = 0; i < goodRows.length; i++) (values as unknown as Array<number | string>)[i] = goodRows[i]?.[column.name] ?? "";
    columns[column.name] = values;
  }
  return { table: { schema, length: goodRows.length, columns: columns as unknown as Table<S>["columns"] }, dropped };
}

/** Rules between cells of one row (e.g. a complaint needs a category). */
function crossFieldProblems(schema: TableSchema, row: Record<string, number | string>, line: number): InputProblem[] {
  if (schema.name === "surveys") {
    const complaint = row["complaint"];
    const category = row["complaint_category"];
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
