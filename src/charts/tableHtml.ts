import { formatCell, formatNumber, numericCellFormats, type CellFormat } from "./format";
import { escapeHtml } from "./figureHtml";
import { t, type Lang } from "./labels";
import type { LabelText } from "./labelSets/LabelSet";

/** One column of a table: which field, its header and how its cells are formatted. */
export interface TableColumn {
  /** Field of each row (or column name of a DataFrame). */
  key: string;
  /** Header: text in the display language, or both languages (`{ zh, en }`). Default: the key. */
  header?: string | LabelText;
  /** Cell format (see `CellFormat`); default "auto" (numbers with decimals chosen per column). */
  format?: CellFormat;
  /** Decimals for number, percent and money formats. */
  digits?: number;
  /** Alignment; default right for numbers, left for text (set "right" for numbers already formatted as text). */
  align?: "left" | "right";
}

/** Options of {@link tableHtml} and `showTable`. */
export interface TableOptions {
  /** Language of headers given in both languages, money units and the "more rows" line; default "zh". */
  lang?: Lang;
  /** Columns in display order (a key alone means format "auto"); default every field of the rows, in order. */
  columns?: ReadonlyArray<TableColumn | string>;
  /** Rows shown before the table is cut with a count of the rest (default 20, at least 1). */
  maxRows?: number;
  /** A caption above the table (plain text). */
  caption?: string;
  /** Headers of a key–value table (a single record): default "item" / "value" in the language. */
  keyValueHeaders?: readonly [string, string];
}

/** The parts of a danfojs DataFrame or Series a table needs (duck-typed: danfojs stays a data-layer dependency). */
export interface DataFrameLike {
  columns: readonly string[];
  index: ReadonlyArray<string | number>;
  values: readonly unknown[];
  shape: readonly number[];
}

/** What a table can be made of: rows (objects, one per row), one object (shown as key–value rows) or a danfojs DataFrame/Series. */
export type TableSource = readonly object[] | object;

/**
 * True for a danfojs DataFrame or Series (by shape, not by class, so tables
 * work whichever copy of danfojs made them).
 *
 * @example
 * isDataFrameLike(toDataFrame(visits)); // true
 */
export function isDataFrameLike(value: unknown): value is DataFrameLike {
  if (typeof value !== "object" || value === null) return false;
  const name: unknown = value.constructor?.name;
  if (name !== "DataFrame" && name !== "Series") return false;
  return (
    "columns" in value &&
    Array.isArray(value.columns) &&
    "index" in value &&
    Array.isArray(value.index) &&
    "values" in value &&
    Array.isArray(value.values) &&
    "shape" in value &&
    Array.isArray(value.shape)
  );
}

interface Grid {
  columns: TableColumn[];
  rows: Array<Record<string, unknown>>;
}

const INDEX_KEY = "\u0000index";

function dataFrameGrid(df: DataFrameLike): Grid {
  const series = df.constructor.name === "Series";
  const names = series ? [df.columns[0] === undefined || df.columns[0] === "0" ? "value" : df.columns[0]] : [...df.columns];
  const defaultIndex = df.index.every((label, i) => label === i);
  const rows = df.values.map((value, i) => {
    const row: Record<string, unknown> = defaultIndex ? {} : { [INDEX_KEY]: df.index[i] };
    const cells: readonly unknown[] = series || !Array.isArray(value) ? [value] : value;
    names.forEach((name, k) => {
      row[name] = cells[k];
    });
    return row;
  });
  const columns: TableColumn[] = names.map((key) => ({ key }));
  if (!defaultIndex) columns.unshift({ key: INDEX_KEY, header: "", format: "text" });
  return { columns, rows };
}

function toGrid(source: TableSource, options: TableOptions): Grid {
  if (isDataFrameLike(source)) return dataFrameGrid(source);
  if (Array.isArray(source)) {
    const rows = source as ReadonlyArray<Record<string, unknown>>;
    const keys: string[] = [];
    for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
    return { columns: keys.map((key) => ({ key })), rows: [...rows] };
  }
  const lang = options.lang ?? "zh";
  const [keyHeader, valueHeader] = options.keyValueHeaders ?? [t("table.item", lang), t("table.value", lang)];
  const rows = Object.entries(source as Record<string, unknown>).map(([key, value]) => ({ key, value }));
  return {
    columns: [
      { key: "key", header: keyHeader, format: "text" },
      { key: "value", header: valueHeader },
    ],
    rows,
  };
}

/** Decimals for a number shown without a format: none for whole numbers, else by magnitude (>= 1000: 0, >= 100: 1, >= 1: 2, below 1: three significant digits, at most 6). */
function autoDigits(value: unknown): number | undefined {
  if (typeof value !== "number" || !Number.isFinite(value) || Number.isInteger(value)) return undefined;
  const size = Math.abs(value);
  if (size >= 1000) return 0;
  if (size >= 100) return 1;
  if (size >= 1) return 2;
  return Math.min(6, 2 - Math.floor(Math.log10(size)));
}

function headerText(column: TableColumn, lang: Lang): string {
  const header = column.header;
  if (header === undefined) return column.key;
  return typeof header === "string" ? header : lang === "en" ? header.en : header.zh;
}

const cellStyle = "padding:3px 10px;border-bottom:1px solid #E5E8E8;";

/**
 * An HTML table of rows, one record or a danfojs DataFrame/Series, as a
 * report would print it: headers in the chosen language, numbers
 * right-aligned with tabular digits in the column's format (万元, %,
 * decimals; without a format, a few significant digits), text left-aligned, long tables cut after `maxRows` rows with a
 * count of the rest. Every text is HTML-escaped.
 *
 * @param source - rows (one object per row), a single record (shown as item/value rows) or a DataFrame/Series.
 * @param options - columns with headers and formats, language, row limit, caption.
 * @throws RangeError when maxRows is not a positive integer, or a column's digits is not an integer 0..10.
 * @example
 * tableHtml([{ tier: "Tier 1", cost: 4_800_000 }], { lang: "en", columns: ["tier", { key: "cost", header: "cost", format: "wan" }] });
 * // '<table class="churnlab-table" ...><th ...>tier</th><th ...>cost</th>...<td ...>4,800万</td>...'
 */
export function tableHtml(source: TableSource, options: TableOptions = {}): string {
  const lang = options.lang ?? "zh";
  const maxRows = options.maxRows ?? 20;
  if (!Number.isInteger(maxRows) || maxRows < 1) throw new RangeError(`maxRows must be a positive integer, got ${maxRows}`);
  const grid = toGrid(source, options);
  const columns = options.columns === undefined ? grid.columns : options.columns.map((c) => (typeof c === "string" ? { key: c } : c));
  const shown = grid.rows.slice(0, maxRows);
  const plans = columns.map((column) => {
    const values = shown.map((row) => row[column.key]);
    const format = column.format ?? "auto";
    const numeric =
      numericCellFormats.has(format) ||
      (format === "auto" && values.some((v) => typeof v === "number") && values.every((v) => typeof v === "number" || v === null || v === undefined));
    return { column, format, numeric: column.align === undefined ? numeric : column.align === "right", digits: column.digits };
  });
  const head = plans.map(
    ({ column, numeric }) =>
      `<th style="${cellStyle}text-align:${numeric ? "right" : "left"};font-weight:600;border-bottom:2px solid #95A5A6;">${escapeHtml(headerText(column, lang))}</th>`,
  );
  const body = shown.map((row) => {
    const cells = plans.map(({ column, format, numeric, digits }) => {
      const value = row[column.key];
      const text = formatCell(value, format, lang, digits ?? (format === "auto" ? autoDigits(value) : undefined));
      return `<td style="${cellStyle}text-align:${numeric ? "right" : "left"};">${escapeHtml(text)}</td>`;
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  const rest = grid.rows.length - shown.length;
  if (rest > 0) {
    const note = t("table.moreRows", lang, { rest: formatNumber(rest), total: formatNumber(grid.rows.length) });
    body.push(`<tr><td colspan="${Math.max(1, plans.length)}" style="${cellStyle}color:#7F8C8D;font-style:italic;">${escapeHtml(note)}</td></tr>`);
  }
  // A caption element would wrap at the table's width: a line above it reads better for narrow tables.
  const caption =
    options.caption === undefined
      ? ""
      : `<div class="churnlab-table-caption" style="font-weight:600;font-size:13px;margin:8px 0 2px;">${escapeHtml(options.caption)}</div>`;
  return (
    `${caption}<table class="churnlab-table" style="border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13px;margin:4px 0;">` +
    `<thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table>`
  );
}
