import { isUtf8 } from "node:buffer";
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { readJsonFile } from "../io/readJson";
import { alignChurn } from "./alignChurn";
import { columnReader, type ColumnReader } from "./columnReader";
import { isoToDay } from "./dates";
import { exportMappingSchema, mappedSchemas, type ExportMapping, type MappedTableName, type TableMapping } from "./exportMapping";
import type { Dataset } from "./loaders";
import { parseCsvRecords, type CsvRecords } from "./parseCsvRecords";
import { readCsvText, type ExportEncoding } from "./readCsvText";
import type { Table, TableSchema } from "./schema";
import type { ChurnTable } from "./schemas";
import { createTableBuilder, type DroppedRow, type TableBuilder } from "./tableBuilder";

/** What mapping one export file gave: its columns, what was read and what was left. */
export interface MappedTableReport {
  table: MappedTableName;
  /** The export file as the mapping names it. */
  file: string;
  encoding: ExportEncoding;
  /** Data rows in the file, and rows that passed every check. */
  rows: number;
  kept: number;
  /** Each schema column, the export column it is read from (null: a constant), how, and its cells that broke a rule. */
  columns: Array<{ column: string; from: string | null; how: string[]; problems: number }>;
  /** Export columns no schema column reads (ignored). */
  ignored: string[];
  /** Problems found in this file (each also in {@link MappedExport.problems}). */
  problems: number;
}

/** The tables read from a dealer group's exports through a mapping, with a report and every problem. */
export interface MappedExport {
  name: string;
  /** The four source tables (undefined when any of them could not be read at all). */
  dataset: Dataset | undefined;
  /** Churn dates, one row per customer in the customers table's order (see `alignChurn`), when the mapping has a churn table. */
  churn: ChurnTable | undefined;
  reports: MappedTableReport[];
  /** Every problem, `where` starting with the export file's name: `dms.csv: line 7, column 进厂日期 (date)`. */
  problems: InputProblem[];
  /** Exclusive end of history (day number): the mapping's historyEnd, else the day after the last event; null without events. */
  historyEndDay: number | null;
}

/**
 * Reads and validates a mapping file with churnlab's JSON reader and the zod
 * schema {@link exportMappingSchema}: every problem with its JSON path.
 *
 * @throws InputError(file, problems).
 * @example
 * loadExportMapping("data/examples/dms-export-zh/mapping.json").tables.visits.encoding; // "gb18030"
 */
export function loadExportMapping(file: string): ExportMapping {
  const parsed = exportMappingSchema.safeParse(readJsonFile(file, { what: "mapping file" }));
  if (parsed.success) return parsed.data;
  const jsonPath = (at: readonly PropertyKey[]): string => `$${at.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
  throw new InputError(
    file,
    parsed.error.issues.map((i) => ({ where: jsonPath(i.path), message: i.message })),
  );
}

/** A header problem's hint when the mapping's code page is wrong: the bytes are valid UTF-8 with non-ASCII text. */
function encodingHint(file: string, encoding: ExportEncoding): InputProblem[] {
  if (encoding === "utf-8") return [];
  const bytes = fs.readFileSync(file);
  if (!isUtf8(bytes) || bytes.every((b) => b < 0x80)) return [];
  return [{ where: "encoding", message: `the mapping says ${encoding}, but the file is valid UTF-8: set "encoding": "utf-8" for it` }];
}

/**
 * Maps one export file to one schema table: decodes it, finds each mapped
 * column in its header, converts every cell (codes, dates, units; see
 * `columnReader`) and checks the rows with the loader's rules
 * (`createTableBuilder`): messages name the export's file, line, column and
 * the rule (`dms.csv: line 7, column 进厂日期 (date): value "2024/2/30" (read as 2024-02-30): must be a real calendar date`).
 *
 * @param baseDir folder the mapping's file names are relative to.
 * @returns the table (good rows only; undefined when the file or its header is unusable), the report and every problem.
 * @example
 * mapExportTable(mapping.tables.visits, visitsSchema, "visits", "data/examples/dms-export-zh", { customerIds });
 */
function mapExportTable<S extends TableSchema>(
  mapping: TableMapping,
  schema: S,
  table: MappedTableName,
  baseDir: string,
  options: { customerIds?: ReadonlySet<string> } = {},
): { table: Table<S> | undefined; report: MappedTableReport; problems: InputProblem[] } {
  const file = path.resolve(baseDir, mapping.file);
  const readers: ColumnReader[] = schema.columns.map((spec) => columnReader(spec, mapping.columns[spec.name] ?? spec.name));
  const report: MappedTableReport = {
    table,
    file: mapping.file,
    encoding: mapping.encoding,
    rows: 0,
    kept: 0,
    ignored: [],
    problems: 0,
    columns: schema.columns.map((spec, c) => ({ column: spec.name, from: readers[c]?.from ?? null, how: readers[c]?.how ?? [], problems: 0 })),
  };
  const fail = (problems: InputProblem[]) => {
    const named = problems.map((p) => ({ where: `${mapping.file}: ${p.where}`, message: p.message }));
    report.problems = named.length;
    return { table: undefined, report, problems: named };
  };
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(readCsvText(file, mapping.encoding), file, { skipLines: mapping.skipLines });
  } catch (err) {
    if (err instanceof InputError) return fail([...err.problems]);
    throw err;
  }
  const headerLine = mapping.skipLines + 1;
  const index = readers.map((r) => (r.from === null ? -1 : records.header.indexOf(r.from)));
  const missing = missingColumns(readers, index, schema, records.header, headerLine);
  if (missing.length > 0) return fail([...missing, ...encodingHint(file, mapping.encoding)]);
  if (records.rows.length === 0) return fail([{ where: "file", message: "has a header line but no data rows" }]);
  report.ignored = records.header.filter((h) => !readers.some((r) => r.from === h));
  const label = new Map(
    readers.map((r, c) => [
      schema.columns[c]?.name ?? "",
      r.from === null ? `${schema.columns[c]?.name} (constant)` : `${r.from} (${schema.columns[c]?.name})`,
    ]),
  );
  const builder = createTableBuilder(schema, {
    ...(options.customerIds === undefined ? {} : { customerIds: options.customerIds }),
    columnLabel: (c) => label.get(c) ?? c,
  });
  addRows(builder, records.rows, readers, index, schema, label);
  const { table: built, dropped } = builder.finish();
  report.rows = records.rows.length;
  report.kept = built.length;
  countColumnProblems(report, label, dropped);
  const problems = dropped.flatMap((d) => d.problems).map((p) => ({ where: `${mapping.file}: ${p.where}`, message: p.message }));
  report.problems = problems.length;
  return { table: built, report, problems };
}

/** Problems for the mapped columns not found in the export's header (line `headerLine`). */
function missingColumns(
  readers: readonly ColumnReader[],
  index: readonly number[],
  schema: TableSchema,
  header: readonly string[],
  headerLine: number,
): InputProblem[] {
  return readers.flatMap((r, c) => {
    if (r.from === null || index[c] !== -1) return [];
    const message = `missing column "${r.from}" (mapped to ${schema.name}.${schema.columns[c]?.name}); found: ${header.join(", ")}`;
    return [{ where: `line ${headerLine} (header)`, message }];
  });
}

/** Converts each row's mapped cells and adds the row to the builder, or (a cell unreadable) its problems under the row's line. */
function addRows<S extends TableSchema>(
  builder: TableBuilder<S>,
  rows: CsvRecords["rows"],
  readers: readonly ColumnReader[],
  index: readonly number[],
  schema: S,
  label: ReadonlyMap<string, string>,
): void {
  const cells = new Array<string>(readers.length);
  const shown = new Array<string>(readers.length);
  for (const row of rows) {
    let bad = false;
    readers.forEach((reader, c) => {
      const raw = index[c] === -1 ? "" : (row.cells[index[c] as number] ?? "");
      const result = reader.read(raw);
      if ("error" in result) {
        bad = true;
        const where = `line ${row.line}, column ${label.get(schema.columns[c]?.name ?? "")}`;
        builder.addProblem(row.line, { where, message: `value ${JSON.stringify(raw)}: ${result.error}` });
      } else {
        cells[c] = result.text;
        shown[c] = result.text === raw ? JSON.stringify(raw) : `${JSON.stringify(raw)} (read as ${result.text})`;
      }
    });
    if (!bad) builder.add(cells, row.line, shown);
  }
}

/** Counts the dropped rows' problems against the report's columns (found by the column label in each problem's `where`). */
function countColumnProblems(report: MappedTableReport, label: ReadonlyMap<string, string>, dropped: readonly DroppedRow[]): void {
  const columnOf = new Map([...label.values()].map((text, c) => [text, report.columns[c]]));
  for (const d of dropped)
    for (const p of d.problems) {
      const column = columnOf.get(/, column (.+)$/.exec(p.where)?.[1] ?? "");
      if (column !== undefined) column.problems++;
    }
}

/** The day after the last event of the tables (exclusive end of history), or null without events. */
function lastEventDay(dataset: Dataset | undefined, churn: ChurnTable | undefined): number | null {
  let last = -Infinity;
  const see = (days: ArrayLike<number>, plus = 0): void => {
    for (let i = 0; i < days.length; i++) if ((days[i] as number) + plus > last) last = (days[i] as number) + plus;
  };
  if (dataset !== undefined) {
    see(dataset.visits.columns.date);
    see(dataset.surveys.columns.date);
    see(dataset.appActivity.columns.week_start, 6);
  }
  if (churn !== undefined) see(Float64Array.from(churn.columns.churn_date).filter((d) => !Number.isNaN(d)));
  return Number.isFinite(last) ? last + 1 : null;
}

/**
 * Reads a dealer group's exports through a mapping: customers first (their
 * ids are the reference every other table is checked against), then visits,
 * surveys, app activity and, when mapped, churn dates. Nothing is thrown for
 * bad rows: every problem of every file is collected in `problems` (a check
 * reports them; a writer refuses to write while there are any).
 *
 * @param mapping a validated mapping (see {@link loadExportMapping}); baseDir: the mapping file's folder.
 * @throws InputError only for problems outside the files (none today); bad files come back as problems.
 * @example
 * const mapped = mapExport(loadExportMapping("data/examples/dms-export-zh/mapping.json"), "data/examples/dms-export-zh");
 * mapped.problems.length; // 0
 * buildPanel(mapped.dataset!, mapped.churn!, snapshots);
 */
export function mapExport(mapping: ExportMapping, baseDir: string): MappedExport {
  const problems: InputProblem[] = [];
  const reports: MappedTableReport[] = [];
  const read = <N extends MappedTableName>(name: N, customerIds?: ReadonlySet<string>): Table<(typeof mappedSchemas)[N]> | undefined => {
    const tableMapping = mapping.tables[name];
    if (tableMapping === undefined) return undefined;
    const result = mapExportTable(tableMapping, mappedSchemas[name], name, baseDir, customerIds === undefined ? {} : { customerIds });
    reports.push(result.report);
    problems.push(...result.problems);
    return result.table;
  };
  const customers = read("customers");
  const ids = customers === undefined ? undefined : new Set(customers.columns.customer_id);
  const visits = read("visits", ids);
  const surveys = read("surveys", ids);
  const appActivity = read("app_activity", ids);
  const churnRows = read("churn", ids);
  const churn = churnRows === undefined || customers === undefined ? undefined : alignChurn(customers, churnRows);
  const dataset = customers && visits && surveys && appActivity ? { customers, visits, surveys, appActivity } : undefined;
  const historyEndDay = mapping.historyEnd === undefined ? lastEventDay(dataset, churn) : isoToDay(mapping.historyEnd);
  if (Number.isNaN(historyEndDay)) problems.push({ where: "$.historyEnd", message: `"${mapping.historyEnd}" is not a real calendar date` });
  return { name: mapping.name, dataset, churn, reports, problems, historyEndDay: Number.isNaN(historyEndDay) ? null : historyEndDay };
}
