import type { InputProblem } from "../io/InputError";
import { allocateColumn, cellSchema, type ColumnValues, type Table, type TableSchema, typedColumns } from "./schema";

/** A row removed by `dropBadRows`, with every reason. */
export interface DroppedRow {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  problems: InputProblem[];
}

/** Options of {@link createTableBuilder}. */
export interface TableBuilderOptions {
  /** Known customer ids: rows whose `customerRef` column is not among them are bad. Default: not checked. */
  customerIds?: ReadonlySet<string>;
  /**
   * How a schema column is named in messages (default: its name). A mapped export names the file's own
   * column too, e.g. `进厂日期 (date)`.
   */
  columnLabel?: (column: string) => string;
}

/** Validates rows of raw cells against a table schema and collects the good ones (see {@link createTableBuilder}). */
export interface TableBuilder<S extends TableSchema> {
  /**
   * Checks one row: `cells` holds the raw text of each schema column, in schema order; `line` is its line in
   * the file (for messages); `shown` how each value is quoted in messages (default: the cell in quotes; a
   * mapped export shows the file's own text). Good rows are kept; a bad row's problems are recorded under its line.
   */
  add(cells: readonly string[], line: number, shown?: readonly string[]): void;
  /** Records a problem of a line that is not about one cell (e.g. a row of the wrong width). */
  addProblem(line: number, problem: InputProblem): void;
  /** Rows added so far (good and bad). */
  readonly rows: number;
  /** The good rows as a typed table, and every bad row with its problems (sorted by line). */
  finish(): { table: Table<S>; dropped: DroppedRow[] };
}

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
function crossFieldProblems(schema: TableSchema, parsed: ReadonlyArray<number | string>, where: (column: string) => string): InputProblem[] {
  if (schema.name === "surveys") {
    const columns = schema.columns;
    const complaint = parsed[columns.findIndex((c) => c.name === "complaint")];
    const category = parsed[columns.findIndex((c) => c.name === "complaint_category")];
    if (complaint === 1 && category === "") return [{ where: where("complaint_category"), message: `value "": must name a category when complaint is 1` }];
    if (complaint === 0 && category !== "")
      return [{ where: where("complaint_category"), message: `value ${JSON.stringify(category)}: must be empty when complaint is 0` }];
  }
  return [];
}

/**
 * The row checks every table loader shares, apart from reading the file:
 * each cell strictly against its column's zod schema (nothing coerced), the
 * rules between cells, unique keys (naming the line of the first
 * occurrence) and references to known customers. Messages name the line,
 * column, value and rule: `line 7, column spend_yuan: value "-5": must be >= 0`.
 * `loadTable` feeds it a CSV file's rows; `mapExport` the converted rows of a
 * dealer's own export, with the export's line numbers and column names.
 *
 * @example
 * const builder = createTableBuilder(visitsSchema);
 * builder.add(["C1", "2024-03-04", "repair", "1200", "20", "O1"], 2);
 * builder.finish().table.length; // 1
 */
export function createTableBuilder<S extends TableSchema>(schema: S, options: TableBuilderOptions = {}): TableBuilder<S> {
  const columns = schema.columns;
  const width = columns.length;
  const label = options.columnLabel ?? ((name: string) => name);
  const where = (line: number) => (column: string) => `line ${line}, column ${label(column)}`;
  const refIndex = schema.customerRef === undefined ? -1 : columns.findIndex((c) => c.name === schema.customerRef);
  const keyIndexes = schema.key.map((k) => columns.findIndex((c) => c.name === k));
  const checks = columns.map((c) => memoisedCell(cellSchema(c)));
  const values: Array<Array<number | string>> = columns.map(() => []);
  const keyOf = new Map<string, number>();
  const problemsByLine = new Map<number, InputProblem[]>();
  const parsed: Array<number | string> = new Array<number | string>(width);
  let rows = 0;
  const addProblem = (line: number, problem: InputProblem): void => {
    const list = problemsByLine.get(line);
    if (list === undefined) problemsByLine.set(line, [problem]);
    else list.push(problem);
  };
  const add = (cells: readonly string[], line: number, shown?: readonly string[]): void => {
    rows++;
    let bad = false;
    for (let c = 0; c < width; c++) {
      const cell = cells[c] ?? "";
      const result = checks[c]!(cell);
      if (typeof result === "object") {
        bad = true;
        for (const message of result.errors)
          addProblem(line, { where: where(line)(columns[c]?.name ?? ""), message: `value ${shown?.[c] ?? JSON.stringify(cell)}: ${message}` });
      } else parsed[c] = result;
    }
    if (bad) return;
    const rowProblems = crossFieldProblems(schema, parsed, where(line));
    if (refIndex >= 0 && options.customerIds !== undefined) {
      const id = String(parsed[refIndex]);
      if (!options.customerIds.has(id))
        rowProblems.push({ where: where(line)(schema.customerRef ?? ""), message: `value ${JSON.stringify(id)}: unknown customer id (not in customers)` });
    }
    if (keyIndexes.length > 0) {
      const key = keyIndexes.length === 1 ? (cells[keyIndexes[0] ?? 0] ?? "") : keyIndexes.map((k) => cells[k] ?? "").join("\u0000");
      const first = keyOf.get(key);
      if (first !== undefined) {
        const keyText = JSON.stringify(keyIndexes.map((k) => cells[k] ?? "").join(", "));
        rowProblems.push({
          where: `line ${line}, column ${schema.key.map(label).join("+")}`,
          message: `value ${keyText}: duplicate id (first seen on line ${first})`,
        });
      } else keyOf.set(key, line);
    }
    if (rowProblems.length > 0) {
      for (const p of rowProblems) addProblem(line, p);
      return;
    }
    for (let c = 0; c < width; c++) values[c]!.push(parsed[c]!);
  };
  const finish = (): { table: Table<S>; dropped: DroppedRow[] } => {
    const dropped = [...problemsByLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, problems]) => ({ line, problems }));
    const length = values[0]?.length ?? 0;
    const out: Record<string, ColumnValues> = {};
    columns.forEach((column, c) => {
      const stored = allocateColumn(column.kind, length);
      const list = values[c]!;
      if (Array.isArray(stored)) out[column.name] = list as string[];
      else {
        (stored as Float64Array).set(list as number[]);
        out[column.name] = stored;
      }
    });
    return { table: { schema, length, columns: typedColumns(schema, out) }, dropped };
  };
  return {
    add,
    addProblem,
    get rows() {
      return rows;
    },
    finish,
  };
}
