import { parse } from "csv-parse/sync";
import { InputError, type InputProblem } from "../io/InputError";
import { readCsvText } from "./readCsvText";
import { detectCsvDelimiter } from "./detectCsvDelimiter";
import type { Table, TableSchema } from "./schema";
import { createTableBuilder, type DroppedRow } from "./tableBuilder";
import { csvReadError } from "./parseCsvRecords";

export type { DroppedRow } from "./tableBuilder";

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
  return loadTableText(readCsvText(file), schema, { ...options, sourceName: options.sourceName ?? file });
}

/**
 * {@link loadTable} on CSV text already read (and decoded) from a file: the
 * same header mapping, checks and messages; `options.sourceName` names the
 * source in messages (default "data").
 *
 * @throws InputError listing every problem.
 * @example
 * loadTableText("customer_id,churn_date\nC1,\n", churnSchema).table.length; // 1
 */
export function loadTableText<S extends TableSchema>(text: string, schema: S, options: LoadOptions = {}): LoadResult<S> {
  const source = options.sourceName ?? "data";
  const mapping = options.mapping ?? {};
  const columns = schema.columns;
  const builder = createTableBuilder(schema, options.customerIds === undefined ? {} : { customerIds: options.customerIds });
  let position: number[] | null = null; // file field index of each schema column, once the header is read
  let headerWidth = 0;
  let records = 0;
  const cells: string[] = new Array<string>(columns.length);
  const onHeader = (record: string[]): void => {
    const problems = headerProblems(record, schema, mapping);
    if (problems.length > 0) throw new InputError(source, problems);
    const header = record.map((name) => mapping[name] ?? name);
    headerWidth = header.length;
    position = columns.map((c) => header.indexOf(c.name));
  };
  const onRow = (record: string[], line: number): void => {
    records++;
    if (record.length !== headerWidth) {
      builder.addProblem(line, { where: `line ${line}`, message: `has ${record.length} fields, the header has ${headerWidth}` });
      return;
    }
    const pos = position!;
    for (let c = 0; c < cells.length; c++) cells[c] = record[pos[c] ?? 0] ?? "";
    builder.add(cells, line);
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
    if (err instanceof InputError) throw err;
    throw csvReadError(source, err);
  }
  if (position === null) throw new InputError(source, [{ where: "file", message: "file is empty: expected a header line and data rows" }]);
  if (records === 0) throw new InputError(source, [{ where: "file", message: "has a header line but no data rows" }]);
  const result = builder.finish();
  if (result.dropped.length > 0 && options.dropBadRows !== true)
    throw new InputError(
      source,
      result.dropped.flatMap((d) => d.problems),
    );
  return result;
}

/** Problems of a header after mapping: mapping targets we do not have, duplicated and missing columns. */
function headerProblems(record: readonly string[], schema: TableSchema, mapping: Readonly<Record<string, string>>): InputProblem[] {
  const problems: InputProblem[] = [];
  const header = record.map((name) => mapping[name] ?? name);
  for (const target of Object.values(mapping)) {
    if (!schema.columns.some((c) => c.name === target))
      problems.push({ where: "mapping", message: `maps to "${target}", which is not a column of ${schema.name}` });
  }
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push({ where: "line 1 (header)", message: `column "${name}" appears more than once` });
    seen.add(name);
  }
  for (const column of schema.columns) {
    if (!seen.has(column.name)) {
      problems.push({ where: "line 1 (header)", message: `missing column "${column.name}" (${column.description}); found: ${header.join(", ")}` });
    }
  }
  return problems;
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
