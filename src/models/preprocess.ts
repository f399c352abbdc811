import { InputError, type InputProblem } from "../io/InputError";
import type { Matrix } from "./Matrix";

/** A raw input column: numbers (NaN = missing) or text as read from a CSV. */
export type RawColumn = ArrayLike<number> | readonly string[];

/** Raw input columns by name, all of the same length. */
export type RawColumns = Readonly<Record<string, RawColumn>>;

/** A numeric input: imputed with its training median, then standardised. */
export interface NumericInput {
  name: string;
  kind: "numeric";
  /** Training median (imputation value). */
  median: number;
  /** Training mean and standard deviation after imputation (sd 1 when constant). */
  mean: number;
  sd: number;
  /** True when the training data had missing values: a `<name>__missing` 0/1 column follows. */
  missingIndicator: boolean;
}

/** A categorical input: one-hot over its training levels. */
export interface CategoricalInput {
  name: string;
  kind: "categorical";
  /** Levels kept (most frequent first); each gets a `<name>=<level>` column. */
  levels: string[];
  /** True when rarer or unseen levels share a `<name>=(other)` column. */
  other: boolean;
  /** Most frequent training level (imputation value for missing cells). */
  mode: string;
  missingIndicator: boolean;
}

/** A fitted preprocessing: how raw columns become the model's float matrix. Saved as preprocessing.json. */
export interface Preprocessor {
  version: 1;
  inputs: Array<NumericInput | CategoricalInput>;
  /** Names of the matrix columns, in order. */
  outputNames: string[];
  /** Input name → its matrix columns (for permutation importance). */
  groups: Record<string, number[]>;
  /** Inputs left out at fit time and why (constant, identifier-like, all missing). */
  dropped: Array<{ name: string; reason: string }>;
}

/** Options of {@link fitPreprocessor}. */
export interface PreprocessOptions {
  /** Columns forced numeric (text that does not parse becomes missing). */
  numeric?: readonly string[];
  /** Columns forced categorical (numbers are used as level names). */
  categorical?: readonly string[];
  /** Most levels kept per categorical column (default 30); the rest share "(other)". */
  maxLevels?: number;
  /** Levels seen fewer times than this in training share "(other)" (default 5). */
  minLevelCount?: number;
}

const MISSING_TOKENS = new Set(["", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a"]);
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Parses a cell as a number: surrounding spaces and thousands separators
 * ("1,234.5") are accepted; blanks and missing tokens (NA, N/A, NaN, null,
 * none, ?, -) give NaN, and so does any other text.
 *
 * @example
 * parseNumberCell(" 1,234.5 "); // 1234.5
 * parseNumberCell(" ");         // NaN
 */
export function parseNumberCell(text: string): number {
  const t = text.trim();
  if (MISSING_TOKENS.has(t.toLowerCase())) return NaN;
  const plain = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(t) ? t.replace(/,/g, "") : t;
  return NUMBER.test(plain) ? Number(plain) : NaN;
}

/** True when a text cell is blank or a missing token. */
export function isMissingCell(text: string): boolean {
  return MISSING_TOKENS.has(text.trim().toLowerCase());
}

function isTextColumn(column: RawColumn): column is readonly string[] {
  return column.length > 0 && typeof column[0] === "string";
}

/**
 * Whether a text column holds numbers: at least 98% of its non-missing
 * cells parse as numbers (see {@link parseNumberCell}) and there is at least one.
 *
 * @example
 * looksNumeric(["29.85", " ", "1889.5"]); // true
 * looksNumeric(["Yes", "No"]);            // false
 */
export function looksNumeric(column: readonly string[]): boolean {
  let present = 0;
  let numbers = 0;
  for (const cell of column) {
    if (isMissingCell(cell)) continue;
    present++;
    if (!Number.isNaN(parseNumberCell(cell))) numbers++;
  }
  return present > 0 && numbers >= 0.98 * present;
}

function numericValues(column: RawColumn): Float64Array {
  if (isTextColumn(column)) return Float64Array.from(column, parseNumberCell);
  return Float64Array.from(column as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : NaN));
}

function textValues(column: RawColumn): string[] {
  if (isTextColumn(column)) return column.map((c) => (isMissingCell(c) ? "" : c.trim()));
  return Array.from(column as ArrayLike<number>, (v) => (Number.isFinite(v) ? String(v) : ""));
}

function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Thrown by {@link fitPreprocessor} when every column is dropped (all blank,
 * constant, or identifier-like): there is nothing to learn from. It carries
 * each column with the reason, so a command line can report them as bad
 * input naming the file.
 *
 * @example
 * try { fitPreprocessor({ y: ["", ""] }); } catch (e) { (e as NoUsableFeaturesError).dropped; } // [{ name: "y", reason: "all values missing in training rows" }]
 */
export class NoUsableFeaturesError extends RangeError {
  readonly dropped: ReadonlyArray<{ name: string; reason: string }>;

  constructor(dropped: ReadonlyArray<{ name: string; reason: string }>) {
    super(`fitPreprocessor: every column was dropped (${dropped.map((d) => `${d.name}: ${d.reason}`).join("; ")})`);
    this.name = "NoUsableFeaturesError";
    this.dropped = dropped;
  }
}

/**
 * Fits the preprocessing on training rows only: detects numeric and
 * categorical columns (numbers, or text of which ≥ 98% parses as numbers, are
 * numeric; overrides in options), imputes numeric gaps with the training
 * median and categorical gaps with the mode, adds a `__missing` indicator
 * where training data had gaps, standardises numbers with the training mean
 * and sd, and one-hot encodes categories (rare levels pooled in "(other)").
 * Constant columns, all-missing columns and identifier-like text (more than
 * half of the rows distinct, not numeric) are dropped and listed.
 *
 * @param columns raw training columns (equal lengths, at least one row).
 * @param rows indices of the training rows (default: all).
 * @throws RangeError when columns differ in length or there are no rows; {@link NoUsableFeaturesError} (a RangeError) when every column is dropped.
 * @example
 * const pre = fitPreprocessor({ tenure: ["1", "", "30"], contract: ["Month", "Year", "Month"] });
 * pre.outputNames; // ["tenure", "tenure__missing", "contract=Month", "contract=Year"] (with minLevelCount 1)
 */
export function fitPreprocessor(columns: RawColumns, options: PreprocessOptions = {}, rows?: ArrayLike<number>): Preprocessor {
  const names = Object.keys(columns);
  const length = names.length === 0 ? 0 : (columns[names[0] as string] as RawColumn).length;
  for (const name of names) {
    if ((columns[name] as RawColumn).length !== length) throw new RangeError(`fitPreprocessor: column "${name}" has ${(columns[name] as RawColumn).length} rows, expected ${length}`);
  }
  const index = rows ?? Int32Array.from({ length }, (_, i) => i);
  if (index.length === 0) throw new RangeError("fitPreprocessor: no training rows");
  const maxLevels = options.maxLevels ?? 30;
  const minLevelCount = options.minLevelCount ?? 5;
  const inputs: Array<NumericInput | CategoricalInput> = [];
  const dropped: Array<{ name: string; reason: string }> = [];
  for (const name of names) {
    const column = columns[name] as RawColumn;
    const forcedNumeric = options.numeric?.includes(name) ?? false;
    const forcedCategorical = options.categorical?.includes(name) ?? false;
    const numeric = forcedNumeric || (!forcedCategorical && (!isTextColumn(column) || looksNumeric(column as readonly string[])));
    if (numeric) {
      const all = numericValues(column);
      const present: number[] = [];
      let missing = 0;
      for (let k = 0; k < index.length; k++) {
        const v = all[index[k] as number] as number;
        if (Number.isNaN(v)) missing++;
        else present.push(v);
      }
      if (present.length === 0) {
        dropped.push({ name, reason: "all values missing in training rows" });
        continue;
      }
      const sorted = Float64Array.from(present).sort();
      const med = median(sorted);
      let sum = med * missing;
      for (const v of present) sum += v;
      const mean = sum / index.length;
      let ss = missing * (med - mean) * (med - mean);
      for (const v of present) ss += (v - mean) * (v - mean);
      const sd = Math.sqrt(ss / index.length);
      if (sd === 0 && missing === 0) {
        dropped.push({ name, reason: "constant in training rows" });
        continue;
      }
      inputs.push({ name, kind: "numeric", median: med, mean, sd: sd > 0 ? sd : 1, missingIndicator: missing > 0 });
    } else {
      const all = textValues(column);
      const counts = new Map<string, number>();
      let missing = 0;
      for (let k = 0; k < index.length; k++) {
        const v = all[index[k] as number] as string;
        if (v === "") missing++;
        else counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      if (counts.size === 0) {
        dropped.push({ name, reason: "all values missing in training rows" });
        continue;
      }
      if (!forcedCategorical && counts.size > 0.5 * index.length && counts.size > maxLevels) {
        dropped.push({ name, reason: `identifier-like text (${counts.size} distinct values in ${index.length} rows)` });
        continue;
      }
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const levels = ranked.filter(([, c]) => c >= minLevelCount).slice(0, maxLevels).map(([v]) => v);
      const other = levels.length < ranked.length;
      if (levels.length + (other ? 1 : 0) < 2 && missing === 0) {
        dropped.push({ name, reason: "constant in training rows" });
        continue;
      }
      inputs.push({ name, kind: "categorical", levels, other, mode: (ranked[0] as [string, number])[0], missingIndicator: missing > 0 });
    }
  }
  if (inputs.length === 0) throw new NoUsableFeaturesError(dropped);
  const outputNames: string[] = [];
  const groups: Record<string, number[]> = {};
  for (const input of inputs) {
    const start = outputNames.length;
    if (input.kind === "numeric") outputNames.push(input.name);
    else {
      for (const level of input.levels) outputNames.push(`${input.name}=${level}`);
      if (input.other) outputNames.push(`${input.name}=(other)`);
    }
    if (input.missingIndicator) outputNames.push(`${input.name}__missing`);
    groups[input.name] = Array.from({ length: outputNames.length - start }, (_, k) => start + k);
  }
  return { version: 1, inputs, outputNames, groups, dropped };
}

/**
 * Applies a fitted preprocessing to raw columns: the model's float32 matrix.
 * Columns the preprocessing does not use are ignored; unseen categorical
 * levels go to "(other)" when it exists, else to no column.
 *
 * @param source name of the data for error messages (e.g. the CSV path).
 * @throws InputError listing every input column the preprocessing needs that `columns` lacks.
 * @example
 * transform(pre, { tenure: ["12"], contract: ["Year"] }).cols; // pre.outputNames.length
 */
export function transform(pre: Preprocessor, columns: RawColumns, source = "data"): Matrix {
  const problems: InputProblem[] = [];
  for (const input of pre.inputs) {
    if (!(input.name in columns)) problems.push({ where: `column ${input.name}`, message: `missing: the model was trained with it (${input.kind})` });
  }
  if (problems.length > 0) throw new InputError(source, problems);
  const rows = pre.inputs.length === 0 ? 0 : (columns[(pre.inputs[0] as NumericInput | CategoricalInput).name] as RawColumn).length;
  const cols = pre.outputNames.length;
  const data = new Float32Array(rows * cols);
  for (const input of pre.inputs) {
    const group = pre.groups[input.name] as number[];
    const start = group[0] as number;
    const column = columns[input.name] as RawColumn;
    if (column.length !== rows) throw new RangeError(`transform: column "${input.name}" has ${column.length} rows, expected ${rows}`);
    if (input.kind === "numeric") {
      const values = numericValues(column);
      for (let i = 0; i < rows; i++) {
        const v = values[i] as number;
        const missing = Number.isNaN(v);
        data[i * cols + start] = ((missing ? input.median : v) - input.mean) / input.sd;
        if (input.missingIndicator) data[i * cols + start + 1] = missing ? 1 : 0;
      }
    } else {
      const values = textValues(column);
      const position = new Map(input.levels.map((level, k) => [level, k] as const));
      const otherCol = input.other ? input.levels.length : -1;
      const indicatorCol = input.missingIndicator ? input.levels.length + (input.other ? 1 : 0) : -1;
      for (let i = 0; i < rows; i++) {
        const raw = values[i] as string;
        const missing = raw === "";
        const level = missing ? input.mode : raw;
        const k = position.get(level) ?? otherCol;
        if (k >= 0) data[i * cols + start + k] = 1;
        if (indicatorCol >= 0 && missing) data[i * cols + start + indicatorCol] = 1;
      }
    }
  }
  return { data, rows, cols };
}

/**
 * Cells of a model's numeric columns that are text, not a number nor a blank
 * or missing token ("abc" in an age column): {@link transform} scores them as
 * missing (the training median, with the missing indicator), so a caller
 * scoring external data should say so rather than coerce silently. One entry
 * per column with such cells: the count and the first few data rows (1-based).
 *
 * @example
 * unparsedNumericCells(pre, { age: ["41", "abc", ""], city: ["A", "B", "C"] }) // [{ column: "age", count: 1, rows: [2], examples: ["abc"] }]
 */
export function unparsedNumericCells(pre: Preprocessor, columns: RawColumns): Array<{ column: string; count: number; rows: number[]; examples: string[] }> {
  const out: Array<{ column: string; count: number; rows: number[]; examples: string[] }> = [];
  for (const input of pre.inputs) {
    const column = columns[input.name];
    if (input.kind !== "numeric" || column === undefined) continue;
    let count = 0;
    const rows: number[] = [];
    const examples: string[] = [];
    for (let i = 0; i < column.length; i++) {
      const cell = column[i];
      if (typeof cell !== "string" || isMissingCell(cell) || !Number.isNaN(parseNumberCell(cell))) continue;
      count++;
      if (rows.length < 5) {
        rows.push(i + 1);
        examples.push(cell);
      }
    }
    if (count > 0) out.push({ column: input.name, count, rows, examples });
  }
  return out;
}
