import { parse } from "csv-parse/sync";
import { readCsvText } from "../data/readCsvText";
import { detectCsvDelimiter } from "../data/detectCsvDelimiter";
import { InputError, type InputProblem } from "../io/InputError";

/** A CSV read as text columns, header order kept. */
export interface TabularCsv {
  header: string[];
  columns: Record<string, string[]>;
  rows: number;
}

/**
 * Reads any tabular CSV export (comma-, semicolon- or tab-separated, detected
 * from the header line by {@link detectCsvDelimiter}; first line the header;
 * UTF-8 with or without BOM; LF or CRLF) as text columns, for churn tables of
 * unknown shape. Cells are kept as text; numbers are detected later by the
 * preprocessing. In a semicolon-separated export (the format of locales with
 * a decimal comma), a column whose values are all numbers written with a
 * decimal comma ("38356,9") is returned with decimal points ("38356.9"), so
 * it is read as numeric rather than dropped as text.
 *
 * @throws InputError when the file is missing, empty, not UTF-8, has no data
 *   rows, has blank or duplicated header names, or rows of the wrong width (each listed).
 * @example
 * readTabularCsv("telco.csv").columns["Churn"]; // ["No", "Yes", ...]
 */
export function readTabularCsv(file: string): TabularCsv {
  const text = readCsvText(file);
  const delimiter = detectCsvDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new InputError(file, [{ where: "file", message: `not a readable CSV (${err instanceof Error ? err.message : String(err)})` }]);
  }
  const problems: InputProblem[] = [];
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0) throw new InputError(file, [{ where: "line 1", message: "no header line" }]);
  if (records.length < 2) throw new InputError(file, [{ where: "file", message: "no data rows after the header" }]);
  const seen = new Set<string>();
  header.forEach((h, k) => {
    if (h === "") problems.push({ where: `line 1, column ${k + 1}`, message: "blank column name" });
    else if (seen.has(h)) problems.push({ where: `line 1, column ${k + 1}`, message: `duplicate column name "${h}"` });
    seen.add(h);
  });
  let ragged = 0;
  for (let r = 1; r < records.length; r++) {
    const width = records[r]!.length;
    if (width !== header.length) {
      if (ragged < 20) problems.push({ where: `data row ${r}`, message: `has ${width} cells, the header has ${header.length}` });
      ragged++;
    }
  }
  if (ragged > 20) problems.push({ where: "file", message: `... and ${ragged - 20} more rows of the wrong width` });
  if (problems.length > 0) throw new InputError(file, problems);
  const columns: Record<string, string[]> = {};
  header.forEach((h, k) => {
    const cells = records.slice(1).map((row) => row[k] as string);
    columns[h] = delimiter === ";" ? decimalCommaToPoint(cells) : cells;
  });
  return { header, columns, rows: records.length - 1 };
}

/** A column of a semicolon-separated export whose non-blank cells are all numbers with a decimal comma ("38356,9"), some with a comma: the same numbers with a decimal point; any other column unchanged. */
function decimalCommaToPoint(cells: string[]): string[] {
  let commas = 0;
  for (const cell of cells) {
    const c = cell.trim();
    if (c === "") continue;
    if (!/^[+-]?\d+(,\d+)?$/.test(c)) return cells;
    if (c.includes(",")) commas++;
  }
  return commas === 0 ? cells : cells.map((cell) => cell.replace(",", "."));
}
