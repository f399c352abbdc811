import { parse } from "csv-parse/sync";
import { InputError, type InputProblem } from "../io/InputError";
import { detectCsvDelimiter } from "./detectCsvDelimiter";

/** A CSV text split into its header and data rows, each row with its line number in the file. */
export interface CsvRecords {
  header: string[];
  /** Data rows in file order; `line` is 1-based (the header is line 1; blank lines count), the line where the row ends. */
  rows: Array<{ cells: string[]; line: number }>;
}

/**
 * Splits a small CSV text (a score file, an advisor roster) into header and
 * rows: delimiter detected from the header line (comma, semicolon or tab),
 * blank lines skipped, cells trimmed, quoted cells may span lines. Every row
 * must have exactly one cell per header column: a ragged row (a missing or
 * extra cell, often an unquoted delimiter inside a value) is bad input, never
 * padded or cut silently.
 *
 * @param text CSV text (UTF-8, BOM removed; see `readCsvText`).
 * @param source name used in messages (the file path).
 * @param options `skipLines`: lines above the header to skip (a title, an export date); line numbers stay the file's.
 * @throws InputError(source) when the text is not readable as CSV (with the line), or listing the first 20 ragged rows and a count of the rest.
 * @example
 * parseCsvRecords("id,p\nc1,0.5\n", "s.csv"); // { header: ["id", "p"], rows: [{ cells: ["c1", "0.5"], line: 2 }] }
 * parseCsvRecords("id,p\nc1\n", "s.csv");     // throws: s.csv: line 2: has 1 cell, the header has 2: ...
 */
export function parseCsvRecords(text: string, source: string, options: { skipLines?: number } = {}): CsvRecords {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  const skip = options.skipLines ?? 0;
  try {
    let headerStart = 0;
    for (let k = 0; k < skip; k++) {
      const end = text.indexOf("\n", headerStart);
      if (end < 0) break;
      headerStart = end + 1;
    }
    const delimiter = detectCsvDelimiter(text.slice(headerStart));
    const parsing = { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true, from_line: skip + 1 };
    records = parse(text, parsing) as unknown as typeof records;
  } catch (err) {
    throw csvReadError(source, err);
  }
  const header = records[0]?.record ?? [];
  const rows = records.slice(1).map((r) => ({ cells: r.record, line: r.info.lines }));
  const problems: InputProblem[] = [];
  let ragged = 0;
  for (const row of rows) {
    if (row.cells.length === header.length) continue;
    if (++ragged > 20) continue;
    problems.push({
      where: `line ${row.line}`,
      message:
        `has ${row.cells.length} cell${row.cells.length === 1 ? "" : "s"}, the header has ${header.length}: ` +
        "each row needs one cell per header column (quote a value that contains the delimiter)",
    });
  }
  if (ragged > 20) problems.push({ where: "file", message: `... and ${ragged - 20} more rows with the wrong number of cells` });
  if (problems.length > 0) throw new InputError(source, problems);
  return { header, rows };
}

/**
 * The bad-input error for CSV text the parser rejected: the line it names
 * (csv-parse sets `lines` on its errors) and its message.
 *
 * @example
 * csvReadError("visits.csv", err).problems[0].where; // "line 3"
 */
export function csvReadError(source: string, err: unknown): InputError {
  const line = typeof err === "object" && err !== null && "lines" in err && typeof err.lines === "number" ? err.lines : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return new InputError(source, [{ where: line === undefined ? "file" : `line ${line}`, message: `not readable as CSV: ${message}` }]);
}
