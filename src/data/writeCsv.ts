import * as path from "node:path";
import { commitFiles, type FileContent } from "../io/writeTransaction";
import { dayToIso } from "./dates";
import type { ColumnSpec, ColumnValues, Table, TableSchema } from "./schema";

const ROWS_PER_CHUNK = 50_000;

/** ISO text of day numbers, memoised (a history spans a few thousand days; Date formatting is the slow part of writing). */
function isoCache(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) {
      text = dayToIso(day);
      cache.set(day, text);
    }
    return text;
  };
}

/**
 * One CSV field: quoted (inner quotes doubled) when it holds a comma, a quote or a line break, else as is.
 *
 * @example
 * csvField('1,234.00'); // '"1,234.00"'
 * csvField("保养");     // "保养"
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellWriter(spec: ColumnSpec, values: ColumnValues): (row: number) => string {
  switch (spec.kind) {
    case "text":
    case "category":
    case "optionalCategory": {
      const v = values as string[];
      return (i) => csvField(v[i] ?? "");
    }
    case "date": {
      const v = values as Int32Array;
      const iso = isoCache();
      return (i) => iso(v[i] ?? 0);
    }
    case "optionalDate": {
      const v = values as Float64Array;
      const iso = isoCache();
      return (i) => {
        const day = v[i] ?? NaN;
        return Number.isNaN(day) ? "" : iso(day);
      };
    }
    case "int":
    case "flag": {
      const v = values as Int32Array | Uint8Array;
      return (i) => String(v[i] ?? 0);
    }
    case "number": {
      // NaN (a value that cannot be observed, e.g. a feature panel's "no survey yet") is written as an empty cell.
      const v = values as Float64Array;
      const decimals = spec.decimals;
      if (decimals === undefined) return (i) => (Number.isNaN(v[i]) ? "" : String(v[i] ?? 0));
      const scale = 10 ** decimals;
      return (i) => {
        if (Number.isNaN(v[i])) return "";
        const r = Math.round((v[i] ?? 0) * scale) / scale;
        return String(r === 0 ? 0 : r);
      };
    }
  }
}

/**
 * Serialises a table to CSV text in chunks (header first, `\n` line ends,
 * dates as YYYY-MM-DD, numbers rounded to their column's `decimals`), so big
 * tables never need one giant string. Deterministic: the same table gives the same bytes.
 *
 * @param table - any table.
 * @param sink - receives each chunk in order.
 * @example
 * const parts: string[] = [];
 * writeCsvChunks(table, (chunk) => parts.push(chunk));
 * parts.join("").split("\n")[0]; // "customer_id,city,outlet_id,..."
 */
export function writeCsvChunks<S extends TableSchema>(table: Table<S>, sink: (chunk: string) => void): void {
  const specs = table.schema.columns;
  const columns = table.columns as unknown as Record<string, ColumnValues>;
  const writers = specs.map((spec) => {
    const values = columns[spec.name];
    if (values === undefined) throw new RangeError(`table ${table.schema.name} lacks column ${spec.name}`);
    return cellWriter(spec, values);
  });
  sink(`${specs.map((s) => s.name).join(",")}\n`);
  const n = table.length;
  const width = writers.length;
  for (let start = 0; start < n; start += ROWS_PER_CHUNK) {
    const end = Math.min(n, start + ROWS_PER_CHUNK);
    const lines: string[] = new Array<string>(end - start);
    for (let i = start; i < end; i++) {
      let line = "";
      for (let c = 0; c < width; c++) line += (c === 0 ? "" : ",") + (writers[c] as (row: number) => string)(i);
      lines[i - start] = line;
    }
    sink(`${lines.join("\n")}\n`);
  }
}

/**
 * A table as one CSV string (small tables; see {@link writeCsvChunks} for big ones).
 *
 * @example
 * tableToCsv(customers).startsWith("customer_id,city"); // true
 */
export function tableToCsv<S extends TableSchema>(table: Table<S>): string {
  const parts: string[] = [];
  writeCsvChunks(table, (chunk) => parts.push(chunk));
  return parts.join("");
}

/**
 * The CSV files of tables as `<dir>/<schema name>.csv` -> a streaming writer
 * of each, for `commitFiles` (or a command's output writer) to write as one
 * unit together with other files (e.g. synth's manifest).
 *
 * @param dir - output folder.
 * @param tables - tables to write; their schema names must be distinct.
 * @example
 * [...tableCsvFiles("out/synth", [population.customers]).keys()]; // ["out/synth/customers.csv"]
 */
export function tableCsvFiles(dir: string, tables: ReadonlyArray<Table<TableSchema>>): Map<string, FileContent> {
  const files = new Map<string, FileContent>();
  for (const table of tables) {
    const target = path.join(dir, `${table.schema.name}.csv`);
    if (files.has(target)) throw new RangeError(`tableCsvFiles: two tables are named "${table.schema.name}"`);
    files.set(target, (write) => writeCsvChunks(table, write));
  }
  return files;
}

/**
 * Writes tables as `<dir>/<schema name>.csv`, all or nothing: each file is
 * streamed to a temporary file in `dir` (flushed), and only when every file
 * is complete are they renamed into place (`commitFiles`, streaming so that
 * 1M-customer tables need no giant string).
 *
 * @param dir - output folder, created when missing.
 * @param tables - tables to write; their schema names must be distinct.
 * @returns the paths written.
 * @throws InputError when the folder cannot be written (see `commitFiles`); no file is changed then.
 * @example
 * writeTablesCsv("out/synth", [population.customers, population.visits]); // ["out/synth/customers.csv", "out/synth/visits.csv"]
 */
export function writeTablesCsv(dir: string, tables: ReadonlyArray<Table<TableSchema>>): string[] {
  return commitFiles(tableCsvFiles(dir, tables));
}
