import { InputError, type InputProblem } from "../io/InputError";
import type { Matrix } from "./Matrix";
import { isTextColumn, looksNumeric, numericValues, outOfRangeNumericCells, textValues } from "./numberCells";

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
  /** Name of the data in error messages, e.g. the CSV path (default "data"). */
  source?: string;
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

type Fitted<T> = T | { dropped: string };

/** A numeric input from its values on the training rows, or why it is dropped. */
function fitNumeric(name: string, all: Float64Array, index: ArrayLike<number>): Fitted<NumericInput> {
  const present: number[] = [];
  let missing = 0;
  for (let k = 0; k < index.length; k++) {
    const v = all[index[k] as number] as number;
    if (Number.isNaN(v)) missing++;
    else present.push(v);
  }
  if (present.length === 0) return { dropped: "all values missing in training rows" };
  const med = median(Float64Array.from(present).sort());
  let sum = med * missing;
  for (const v of present) sum += v;
  const mean = sum / index.length;
  let ss = missing * (med - mean) * (med - mean);
  for (const v of present) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / index.length);
  if (sd === 0 && missing === 0) return { dropped: "constant in training rows" };
  return { name, kind: "numeric", median: med, mean, sd: sd > 0 ? sd : 1, missingIndicator: missing > 0 };
}

/** A categorical input from its text on the training rows, or why it is dropped. */
function fitCategorical(
  name: string,
  all: string[],
  index: ArrayLike<number>,
  forced: boolean,
  maxLevels: number,
  minLevelCount: number,
): Fitted<CategoricalInput> {
  const counts = new Map<string, number>();
  let missing = 0;
  for (let k = 0; k < index.length; k++) {
    const v = all[index[k] as number] as string;
    if (v === "") missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  if (counts.size === 0) return { dropped: "all values missing in training rows" };
  if (!forced && counts.size > 0.5 * index.length && counts.size > maxLevels) {
    return { dropped: `identifier-like text (${counts.size} distinct values in ${index.length} rows)` };
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const levels = ranked
    .filter(([, c]) => c >= minLevelCount)
    .slice(0, maxLevels)
    .map(([v]) => v);
  const other = levels.length < ranked.length;
  if (levels.length + (other ? 1 : 0) < 2 && missing === 0) return { dropped: "constant in training rows" };
  return { name, kind: "categorical", levels, other, mode: ranked[0]![0], missingIndicator: missing > 0 };
}

/**
 * The matrix layout that follows from a preprocessing's inputs: output column
 * names in order (a numeric input's column; a categorical input's
 * `name=level` columns then `name=(other)`; then `name__missing` when it has
 * an indicator) and each input's group of columns. A saved preprocessing must
 * match it.
 *
 * @example
 * preprocessorLayout([{ name: "age", kind: "numeric", median: 40, mean: 41, sd: 9, missingIndicator: true }]);
 * // { outputNames: ["age", "age__missing"], groups: { age: [0, 1] } }
 */
export function preprocessorLayout(inputs: ReadonlyArray<NumericInput | CategoricalInput>): Pick<Preprocessor, "outputNames" | "groups"> {
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
  return { outputNames, groups };
}

/**
 * Fits the preprocessing on training rows only: detects numeric and
 * categorical columns (numbers, or text of which ≥ 98% parses as numbers, are
 * numeric; overrides in options), imputes numeric gaps with the training
 * median and categorical gaps with the mode, adds a `__missing` indicator
 * where training data had gaps, standardises numbers with the training mean
 * and sd, and one-hot encodes categories (rare levels pooled in "(other)").
 * Constant columns, all-missing columns and identifier-like text (more than
 * half of the rows distinct, not numeric) are dropped and listed. Text in a
 * numeric column is missing (see `cellWarnings` to report it); a number too
 * large for the model ("1e400", beyond ±3.4e38) in any row is bad input.
 *
 * @param columns raw columns (equal lengths, at least one row); all rows are checked for out-of-range numbers.
 * @param rows indices of the training rows (default: all).
 * @throws RangeError when columns differ in length or there are no rows; {@link NoUsableFeaturesError} (a RangeError) when every column is dropped;
 *   InputError (source `options.source`) naming the column and data row of each number too large for a model.
 * @example
 * const pre = fitPreprocessor({ tenure: ["1", "", "30"], contract: ["Month", "Year", "Month"] });
 * pre.outputNames; // ["tenure", "tenure__missing", "contract=Month", "contract=Year"] (with minLevelCount 1)
 */
export function fitPreprocessor(columns: RawColumns, options: PreprocessOptions = {}, rows?: ArrayLike<number>): Preprocessor {
  const names = Object.keys(columns);
  const length = names.length === 0 ? 0 : columns[names[0] as string]!.length;
  for (const name of names) {
    if (columns[name]!.length !== length) throw new RangeError(`fitPreprocessor: column "${name}" has ${columns[name]!.length} rows, expected ${length}`);
  }
  const index = rows ?? Int32Array.from({ length }, (_, i) => i);
  if (index.length === 0) throw new RangeError("fitPreprocessor: no training rows");
  const isNumeric = (name: string): boolean => {
    const column = columns[name]!;
    if (options.numeric?.includes(name) ?? false) return true;
    return !(options.categorical?.includes(name) ?? false) && (!isTextColumn(column) || looksNumeric(column));
  };
  const numericNames = names.filter(isNumeric);
  const outOfRange = outOfRangeNumericCells(columns, numericNames);
  if (outOfRange.length > 0) throw new InputError(options.source ?? "data", outOfRange);
  const inputs: Array<NumericInput | CategoricalInput> = [];
  const dropped: Array<{ name: string; reason: string }> = [];
  for (const name of names) {
    const column = columns[name]!;
    const fitted = numericNames.includes(name)
      ? fitNumeric(name, numericValues(column), index)
      : fitCategorical(name, textValues(column), index, options.categorical?.includes(name) ?? false, options.maxLevels ?? 30, options.minLevelCount ?? 5);
    if ("dropped" in fitted) dropped.push({ name, reason: fitted.dropped });
    else inputs.push(fitted);
  }
  if (inputs.length === 0) throw new NoUsableFeaturesError(dropped);
  return { version: 1, inputs, ...preprocessorLayout(inputs), dropped };
}

/**
 * Applies a fitted preprocessing to raw columns: the model's float32 matrix.
 * Columns the preprocessing does not use are ignored. Text in a numeric
 * column is missing (the training median, with the missing indicator when
 * the model has one); a categorical level the model has no column for is
 * scored as "(other)" when that column exists, else as the most frequent
 * training level (like a missing cell, without the indicator), never as an
 * all-zero row (see `cellWarnings` to report both).
 *
 * @param source name of the data for error messages (e.g. the CSV path).
 * @throws InputError listing every input column the preprocessing needs that `columns` lacks, and every number too
 *   large for the model ("1e400") or too far from the training values to standardise in float32, by column and data row.
 * @example
 * transform(pre, { tenure: ["12"], contract: ["Year"] }).cols; // pre.outputNames.length
 */
export function transform(pre: Preprocessor, columns: RawColumns, source = "data"): Matrix {
  const problems: InputProblem[] = [];
  for (const input of pre.inputs) {
    if (!(input.name in columns)) problems.push({ where: `column ${input.name}`, message: `missing: the model was trained with it (${input.kind})` });
  }
  if (problems.length > 0) throw new InputError(source, problems);
  const numeric = pre.inputs.filter((i) => i.kind === "numeric").map((i) => i.name);
  for (const p of outOfRangeNumericCells(columns, numeric)) problems.push(p);
  if (problems.length > 0) throw new InputError(source, problems);
  const rows = pre.inputs.length === 0 ? 0 : columns[pre.inputs[0]!.name]!.length;
  const cols = pre.outputNames.length;
  const data = new Float32Array(rows * cols);
  for (const input of pre.inputs) {
    const start = pre.groups[input.name]![0] as number;
    const column = columns[input.name]!;
    if (column.length !== rows) throw new RangeError(`transform: column "${input.name}" has ${column.length} rows, expected ${rows}`);
    if (input.kind === "numeric") encodeNumeric(input, numericValues(column), data, cols, start, problems);
    else encodeCategorical(input, textValues(column), data, cols, start);
  }
  if (problems.length > 0) throw new InputError(source, problems);
  return { data, rows, cols };
}

/** Writes a numeric input's standardised values (and missing indicator) into the matrix; a value beyond float32 after standardising is a problem. */
function encodeNumeric(input: NumericInput, values: Float64Array, data: Float32Array, cols: number, start: number, problems: InputProblem[]): void {
  let bad = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const missing = Number.isNaN(v);
    const at = i * cols + start;
    data[at] = ((missing ? input.median : v) - input.mean) / input.sd;
    if (input.missingIndicator) data[at + 1] = missing ? 1 : 0;
    if (!Number.isFinite(data[at] as number) && ++bad <= 5) {
      const message = `${v} is too far from the training values (mean ${input.mean}, sd ${input.sd}) to be scored`;
      problems.push({ where: `column ${input.name}, data row ${i + 1}`, message });
    }
  }
  if (bad > 5) problems.push({ where: `column ${input.name}`, message: `... and ${bad - 5} more values too far from the training values` });
}

/** Writes a categorical input's one-hot columns (and missing indicator) into the matrix. */
function encodeCategorical(input: CategoricalInput, values: string[], data: Float32Array, cols: number, start: number): void {
  const position = new Map(input.levels.map((level, k) => [level, k] as const));
  const otherCol = input.other ? input.levels.length : -1;
  const modeCol = position.get(input.mode) ?? otherCol;
  const indicatorCol = input.missingIndicator ? input.levels.length + (input.other ? 1 : 0) : -1;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i] as string;
    const missing = raw === "";
    const k = missing ? modeCol : (position.get(raw) ?? (otherCol >= 0 ? otherCol : modeCol));
    if (k >= 0) data[i * cols + start + k] = 1;
    if (indicatorCol >= 0 && missing) data[i * cols + start + indicatorCol] = 1;
  }
}
