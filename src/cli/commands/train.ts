import * as path from "node:path";
import { Command } from "commander";
import { prepareOutputs } from "../../io/outputWriter";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { modelKinds, type ModelKind } from "../../models/ChurnModel";
import { parseTarget, type ParsedTarget } from "../../models/parseTarget";
import { splitColumns, type SplitColumns } from "../../models/splitColumns";
import { savePipeline } from "../../models/persistence";
import { readTabularCsv, type TabularCsv } from "../../models/readTabularCsv";
import { trainChurnModel, type TrainResult } from "../../models/trainChurnModel";
import { NoUsableFeaturesError } from "../../models/preprocess";
import { identifierLikeColumns } from "../../models/identifierLikeColumns";
import type { CalibrationMethod } from "../../models/calibration";
import { formatSummary, summarize } from "./trainSummary";
import { isOneOf } from "../isOneOf";

/** Raw option values of `churnlab train` (strings from commander). */
export interface TrainFlags {
  csv: string;
  target: string;
  positive?: string;
  id?: string;
  group?: string;
  snapshot?: string;
  horizon?: string;
  model: string;
  seed: string;
  out?: string;
  numeric?: string;
  categorical?: string;
  drop?: string;
  calibration: string;
  json?: boolean;
}

/** Files every model folder holds besides the model's own (see `savePipeline`). */
const modelFolderFiles = ["preprocessing.json", "calibration.json", "metadata.json", "manifest.json", "MODEL_CARD.md"];

const list = (text: string | undefined): string[] =>
  text === undefined
    ? []
    : text
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");

/**
 * Columns named by two flags that contradict each other: --numeric and
 * --categorical, or the target, the id and --drop given to any other column
 * flag (a target or id is never a feature; a dropped column has no type).
 */
function contradictoryFlags(flags: TrainFlags): InputProblem[] {
  const named: Array<[flag: string, columns: string[]]> = [
    ["--target", [flags.target]],
    ["--id", flags.id === undefined ? [] : [flags.id]],
    ["--snapshot", flags.snapshot === undefined ? [] : [flags.snapshot]],
    ["--drop", list(flags.drop)],
    ["--numeric", list(flags.numeric)],
    ["--categorical", list(flags.categorical)],
  ];
  const problems: InputProblem[] = [];
  for (let a = 0; a < named.length; a++) {
    for (let b = a + 1; b < named.length; b++) {
      const [flagA, columnsA] = named[a]!;
      const [flagB, columnsB] = named[b]!;
      for (const column of new Set(columnsA.filter((c) => columnsB.includes(c)))) {
        problems.push({ where: `${flagA} and ${flagB}`, message: `both name column "${column}": they contradict each other; give it to one of them` });
      }
    }
  }
  return problems;
}

/** Checks the flags that need no data (model, seed, calibration, --out, contradictions); every problem at once. */
function checkFlags(flags: TrainFlags): void {
  const problems: InputProblem[] = [];
  if (!(flags.model === "auto" || isOneOf(modelKinds, flags.model)))
    problems.push({ where: "--model", message: `must be logistic, mlp, gbdt or auto, got "${flags.model}"` });
  if (!/^\d+$/.test(flags.seed.trim()) || !Number.isSafeInteger(Number(flags.seed)))
    problems.push({ where: "--seed", message: `must be a non-negative integer, got "${flags.seed}"` });
  if (flags.horizon !== undefined && !(/^\d{1,3}$/.test(flags.horizon.trim()) && Number(flags.horizon) <= 365)) {
    problems.push({ where: "--horizon", message: `must be a whole number of days, 0 to 365, got "${flags.horizon}"` });
  }
  if (flags.horizon !== undefined && flags.snapshot === undefined) {
    problems.push({ where: "--horizon", message: "needs --snapshot (the label window of a time split)" });
  }
  if (!["platt", "isotonic", "none"].includes(flags.calibration))
    problems.push({ where: "--calibration", message: `must be platt, isotonic or none, got "${flags.calibration}"` });
  for (const p of contradictoryFlags(flags)) problems.push(p);
  if (problems.length > 0) throw new InputError("command line", problems);
  // The model folder is checked before training: not the --csv, writable, not a file.
  if (flags.out !== undefined) {
    const files = modelFolderFiles.map((name) => path.join(flags.out as string, name));
    prepareOutputs({ inputs: { "--csv": flags.csv }, folders: { "--out": flags.out }, files: { "--out": files } });
  }
}

/** Reads the table and its target, checking every named column, the ids and the class counts; returns the feature columns. */
function readTrainingTable(flags: TrainFlags): { table: TabularCsv; target: ParsedTarget; features: Record<string, string[]>; split: SplitColumns } {
  const table = readTabularCsv(flags.csv);
  const problems: InputProblem[] = [];
  const keys = [flags.id, flags.group, flags.snapshot].filter((c): c is string => c !== undefined);
  const named = [flags.target, ...keys, ...list(flags.numeric), ...list(flags.categorical), ...list(flags.drop)];
  const flagByColumn = new Map<string | undefined, string>([
    [flags.snapshot, "--snapshot"],
    [flags.group, "--group"],
    [flags.id, "--id"],
    [flags.target, "--target"],
  ]);
  const flagOf = (name: string): string => flagByColumn.get(name) ?? "--numeric/--categorical/--drop";
  for (const name of named)
    if (!(name in table.columns))
      problems.push({
        where: flagOf(name),
        message: `no column "${name}" in the header (${table.header.slice(0, 12).join(", ")}${table.header.length > 12 ? ", ..." : ""})`,
      });
  if (problems.length > 0) throw new InputError(flags.csv, problems);
  const target = parseTarget(table.columns[flags.target]!, flags.csv, flags.target, flags.positive);
  const split = splitColumns(table.columns, { ...pickFlags(flags) }, flags.csv);
  if (target.positives < 5 || table.rows - target.positives < 5 || table.rows < 50) {
    throw new InputError(flags.csv, [
      {
        where: `column ${flags.target}`,
        message: `too few rows to train and test honestly (${table.rows} rows, ${target.positives} churners; need 50 rows and 5 of each class)`,
      },
    ]);
  }
  const excluded = new Set([flags.target, ...keys, ...list(flags.drop)]);
  const features: Record<string, string[]> = {};
  for (const name of table.header) if (!excluded.has(name)) features[name] = table.columns[name]!;
  if (Object.keys(features).length === 0) throw new InputError(flags.csv, [{ where: "header", message: "no feature columns left besides the target and id" }]);
  return { table, target, features, split };
}

/** The label window of a time split: --horizon, else N of a target named like churned_30d, else 0. */
function embargoDays(flags: TrainFlags): number {
  if (flags.snapshot === undefined) return 0;
  if (flags.horizon !== undefined) return Number(flags.horizon);
  const named = /_(\d{1,3})d$/.exec(flags.target);
  return named === null ? 0 : Number(named[1]);
}

/** The key flags that are set (for `exactOptionalPropertyTypes`). */
function pickFlags(flags: TrainFlags): { id?: string; group?: string; snapshot?: string } {
  return {
    ...(flags.id === undefined ? {} : { id: flags.id }),
    ...(flags.group === undefined ? {} : { group: flags.group }),
    ...(flags.snapshot === undefined ? {} : { snapshot: flags.snapshot }),
  };
}

/** Trains, turning "no usable feature" into bad input naming the file and each column's reason. */
async function train(flags: TrainFlags, features: Record<string, string[]>, target: ParsedTarget, split: SplitColumns): Promise<TrainResult> {
  try {
    return await trainChurnModel(features, target.labels, {
      model: flags.model as ModelKind | "auto",
      seed: Number(flags.seed),
      calibration: flags.calibration as CalibrationMethod,
      numeric: list(flags.numeric),
      categorical: list(flags.categorical),
      target: flags.target,
      positive: target.positive,
      idColumn: flags.id ?? null,
      source: flags.csv,
      ...(split.groups === undefined ? {} : { groups: split.groups }),
      ...(split.times === undefined ? {} : { times: split.times }),
      timeText: split.timeText,
      embargo: embargoDays(flags),
      groupColumn: split.groupColumn,
      snapshotColumn: split.snapshotColumn,
    });
  } catch (err) {
    if (err instanceof NoUsableFeaturesError) {
      throw new InputError(flags.csv, [
        ...err.dropped.map((d) => ({ where: `column ${d.name}`, message: `not usable as a feature: ${d.reason}` })),
        { where: "header", message: "no usable feature column left besides the target and id: a churn model needs at least one column with information" },
      ]);
    }
    throw err;
  }
}

/**
 * `churnlab train --csv FILE --target COL [--positive VALUE] [--id COL] [--model logistic|mlp|gbdt|auto] [--seed S] [--out DIR] [--json]`:
 * trains a churn model on any tabular churn export. Numeric and categorical
 * columns are detected (override with --numeric / --categorical), numbers
 * stored as text with blanks are handled, gaps imputed with indicator
 * columns; an 80/20 holdout at the seed gives the test metrics (the 80% is
 * split again 80/20 for early stopping, calibration and `auto`): by time with
 * --snapshot (the latest weeks are validation and test), by customer with
 * --group or when --id repeats (a warning then), else stratified by row;
 * with repeated customers the intervals come from a cluster bootstrap.
 * Bad input (missing target, more than two target values, one class, empty
 * file, blank ids, two rows of a customer for one snapshot, a number too large for a model such as `1e400`, a
 * column given to two contradicting flags such as --numeric and
 * --categorical) exits 2 listing every problem; nothing is written.
 * Warnings go to stderr (and `warnings` in the JSON): text cells in numeric
 * columns (treated as missing), a held-out AUC below 0.5 or whose 95%
 * interval includes 0.5, more encoded features than training rows.
 *
 * @example
 * // churnlab train --csv telco.csv --target Churn --id customerID --model auto --out models/telco --json
 * // → {"model":"logistic","backend":"wasm","rows":7043,"features":19,"positives":1869,"auc":0.84,...}
 */
export function trainCommand(): Command {
  return new Command("train")
    .description("Train a churn model (logistic, MLP or boosted trees) on any tabular churn CSV, with held-out metrics")
    .requiredOption("--csv <file>", "churn table, one row per customer, with a header line")
    .requiredOption("--target <column>", "column holding churn (two values)")
    .option("--positive <value>", "target value meaning churn (default: 1/yes/true/churned..., else the rarer value)")
    .option("--id <column>", "customer id column (not a feature; when ids repeat, rows are split by customer)")
    .option("--group <column>", "customer column of a panel (several rows per customer): split by customer, intervals resample customers")
    .option("--snapshot <column>", "snapshot date column (YYYY-MM-DD or a number): validation and test are the latest snapshots")
    .option(
      "--horizon <days>",
      "label window with --snapshot: training rows whose window reaches the validation weeks are left out (default: N of a target churned_Nd, else 0)",
    )
    .option("--model <kind>", "logistic | mlp | gbdt | auto (train all, keep the best validation AUC)", "auto")
    .option("--seed <n>", "seed of the split, initialisation and shuffling", "42")
    .option("--out <dir>", "write the model folder here")
    .option("--numeric <columns>", "comma-separated columns forced numeric")
    .option("--categorical <columns>", "comma-separated columns forced categorical")
    .option("--drop <columns>", "comma-separated columns left out")
    .option("--calibration <method>", "platt | isotonic | none (fitted on validation rows)", "platt")
    .option("--json", "print the result as JSON")
    .action(
      action(async (flags: TrainFlags) => {
        checkFlags(flags);
        const { table, target, features, split } = readTrainingTable(flags);
        for (const w of split.warnings) process.stderr.write(`warning: ${w}\n`);
        const forcedNumeric = new Set(list(flags.numeric));
        for (const name of identifierLikeColumns(features)) {
          if (forcedNumeric.has(name)) continue;
          process.stderr.write(
            `warning: ${flags.csv}: column "${name}" looks like an identifier (a distinct whole number in every row) and is used as a feature; pass --id ${name} or --drop ${name} if it carries no information\n`,
          );
        }
        const result = await train(flags, features, target, split);
        const written = flags.out === undefined ? [] : await savePipeline(flags.out, result.pipeline, { test: result.test });
        result.pipeline.model.dispose();
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        if (flags.json) printJson(summarize(flags, table, target, result, written));
        else process.stdout.write(formatSummary(flags, table, target, result));
      }),
    );
}
