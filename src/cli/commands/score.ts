import * as fs from "node:fs";
import * as path from "node:path";
import { lazyModule } from "../lazyModule";
import { Command } from "commander";
import { action, printJson } from "../run";
import { InputError } from "../../io/InputError";
import { prepareOutputs } from "../../io/outputWriter";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { seedPlanFile } from "../../plan/seedPlanFile";
import { tierThresholds, tiersByRisk } from "../../plan/tiers";
import { checkIds } from "../../models/parseTarget";
import { loadPipeline } from "../../models/persistence";
import { readTabularCsv } from "../../models/readTabularCsv";
import { cellWarnings } from "../../models/cellWarnings";
import { scoreWithPipeline } from "../../models/ChurnPipeline";
import { riskTiers } from "../../models/metrics/tierConfusion";
import { driftMinimumRows, featureDrift, savedProfiles, type FeatureDrift } from "../../models/featureDrift";
import type { ModelMetadata } from "../../models/ChurnPipeline";
import type { RawColumns } from "../../models/preprocess";
import type { scoreInBatches as ScoreInBatches, ScoreSource } from "./scoreBatches";
import { csvField } from "../../data/writeCsv";

interface ScoreFlags {
  model: string;
  csv?: string;
  store?: string;
  table?: string;
  out: string;
  plan?: string;
  id?: string;
  batchRows?: string;
  json?: boolean;
}

/** CSV files larger than this are scored in batches (as are Parquet files and any run with --batch-rows). */
const BATCH_ABOVE_BYTES = 64 * 1024 * 1024;

/**
 * Prints a warning on stderr per feature whose population stability index against the training rows is 0.1 or more
 * ("moderate") or 0.25 or more ("major").
 */
function warnDrift(drift: readonly FeatureDrift[], source: string): void {
  for (const d of drift.filter((x) => x.band !== "stable")) {
    process.stderr.write(
      `warning: ${source}: feature "${d.feature}" has drifted from the training data (population stability index ${d.psi.toFixed(3)}, ` +
        `${d.band === "major" ? "major shift, >= 0.25" : "moderate shift, >= 0.1"}): its scores may be less reliable; check the export or retrain\n`,
    );
  }
}

/** Drift of a table read whole: [] for folders saved without profiles and tables under `driftMinimumRows` rows (too few to tell drift from noise). */
function tableDrift(meta: ModelMetadata, columns: RawColumns, rows: number): FeatureDrift[] {
  const profiles = savedProfiles(meta.trainingProfile);
  return profiles === undefined || rows < driftMinimumRows ? [] : featureDrift(profiles, columns);
}

/**
 * `churnlab score --model DIR (--csv FILE | --store FILE [--table NAME]) --out FILE [--plan FILE] [--id COL] [--json]`:
 * scores a churn table with a saved model and writes `id,probability,tier`
 * (tier = the plan's tier id, e.g. very-high / high / medium / low, from its
 * probability thresholds; default data/plans/seed-plan.json). The id column
 * is the model's (or --id); without one, ids are data row numbers. A table
 * lacking a column the model was trained with exits 2 naming each column.
 * Text in a numeric column ("abc" for an age) is scored as missing, and a
 * category level the model was not trained with as "(other)" (or, without
 * that column, the most frequent training level), each with a warning on
 * stderr naming the column, the rows or levels and the count. A number too
 * large for the model ("1e400") exits 2 naming the column and data row.
 * A feature whose distribution has drifted from the training rows (population
 * stability index per feature: 0.1 moderate, 0.25 major) gets a warning
 * (tables of 500 rows or more; in batch mode the bins are counted batch by batch).
 * `--plan` may be an uncertain plan (its base values are used). An --out
 * that is an input (`--csv`, a file in `--model`, `--plan`) or cannot be
 * written is refused before scoring (exit 2). A Parquet file, a CSV over
 * 64 MB, or any run with `--batch-rows N` is read by DuckDB and scored in
 * batches (memory independent of the rows; ids checked over the whole file;
 * a damaged or truncated file exits 2 with nothing written). `--store` scores
 * a table of a churnlab store (default `panel`, where the store's feature
 * panel goes) the same way, in batches, attaching the store read-only: a
 * store another process is writing, or one lacking the table, exits 2.
 *
 * @example
 * // churnlab score --model models/telco --csv telco.csv --out scores.csv
 */
export function scoreCommand(): Command {
  return new Command("score")
    .description("Score a churn table with a saved model: id, calibrated 30-day churn probability, plan tier")
    .requiredOption("--model <dir>", "model folder written by churnlab train")
    .option("--csv <file>", "table to score, CSV or Parquet (same columns as the training table; the target may be absent)")
    .option("--store <file>", "or: a churnlab store (DuckDB file) holding the table to score, read in batches")
    .option("--table <name>", "the store's table to score (with --store; default panel, the table the store's feature panel is written to)")
    .requiredOption("--out <file>", "CSV to write: id,probability,tier")
    .option("--plan <file>", "plan whose tier thresholds to use (default: churnlab's data/plans/seed-plan.json, wherever it is run from)")
    .option("--id <column>", "id column (default: the model's)")
    .option("--batch-rows <n>", "score in batches of n rows with flat memory (automatic for Parquet and CSVs over 64 MB, 100000 rows)")
    .option("--json", "print a summary as JSON")
    .action(
      action(async (flags: ScoreFlags) => {
        const batchRows = flags.batchRows === undefined ? undefined : Number(flags.batchRows);
        if (batchRows !== undefined && !(Number.isSafeInteger(batchRows) && batchRows >= 1 && /^\d+$/.test(flags.batchRows ?? ""))) {
          throw new InputError("command line", [{ where: "--batch-rows", message: `must be a positive integer, got "${flags.batchRows}"` }]);
        }
        const source = sourceOf(flags);
        const out = prepareOutputs({
          inputs: { "--model": flags.model, "--csv": flags.csv, "--store": flags.store, "--plan": flags.plan },
          // A store's write-ahead log holds committed changes not yet in the store file.
          sidecars: flags.store === undefined ? {} : { [`the write-ahead log of --store "${flags.store}"`]: `${flags.store}.wal` },
          files: { "--out": flags.out },
        });
        const plan = loadUncertainPlan(flags.plan ?? seedPlanFile).base;
        const tiers = tiersByRisk(plan);
        const thresholds = tierThresholds(plan);
        const pipeline = await loadPipeline(flags.model);
        for (const w of pipeline.warnings) process.stderr.write(`warning: ${w}\n`);
        try {
          if (batchRows !== undefined || source.table !== undefined || isLarge(source.file)) {
            const idColumn = flags.id ?? pipeline.metadata.idColumn ?? undefined;
            // DuckDB is loaded only when a table is scored in batches (the other commands start without its native module).
            const batches: { scoreInBatches: typeof ScoreInBatches } = await lazyModule(
              () => require("./scoreBatches"),
              () => import("./scoreBatches"),
            );
            const { rows, counts, warnings, drift } = await batches.scoreInBatches(pipeline, source, flags.out, idColumn, tiers, thresholds, out, batchRows);
            for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
            warnDrift(drift, source.file);
            report(flags, pipeline.metadata.kind, rows, counts, tiers, drift);
            return;
          }
          const csv = source.file;
          const table = readTabularCsv(csv);
          const idColumn = flags.id ?? pipeline.metadata.idColumn ?? undefined;
          if (idColumn !== undefined && !(idColumn in table.columns))
            throw new InputError(csv, [{ where: flags.id === undefined ? "id column" : "--id", message: `no column "${idColumn}" in the header` }]);
          const ids = idColumn === undefined ? Array.from({ length: table.rows }, (_, i) => String(i + 1)) : table.columns[idColumn]!;
          if (idColumn !== undefined) checkIds(ids, csv, idColumn);
          const probabilities = scoreWithPipeline(pipeline, table.columns, csv);
          for (const w of cellWarnings(pipeline.preprocessor, table.columns, csv, "score")) process.stderr.write(`warning: ${w}\n`);
          const drift = tableDrift(pipeline.metadata, table.columns, table.rows);
          warnDrift(drift, csv);
          const tierOf = riskTiers(probabilities, thresholds);
          const lines = [`${csvField(idColumn ?? "row")},probability,tier`];
          const counts: Record<string, number> = Object.fromEntries(tiers.map((t) => [t.id, 0]));
          for (let i = 0; i < probabilities.length; i++) {
            const tier = tiers[(tierOf[i] as number) - 1]?.id ?? "unknown";
            counts[tier] = (counts[tier] ?? 0) + 1;
            lines.push(`${csvField((ids[i] as string).trim())},${(probabilities[i] as number).toFixed(6)},${tier}`);
          }
          out.write(new Map([[flags.out, `${lines.join("\n")}\n`]]));
          report(flags, pipeline.metadata.kind, probabilities.length, counts, tiers, drift);
        } finally {
          pipeline.model.dispose();
        }
      }),
    );
}

/** The rows to score: `--csv FILE`, or `--store FILE [--table NAME]` (exactly one of --csv and --store). */
function sourceOf(flags: ScoreFlags): ScoreSource {
  const wrong = (where: string, message: string): InputError => new InputError("command line", [{ where, message }]);
  if ((flags.csv === undefined) === (flags.store === undefined))
    throw wrong("--csv / --store", "give the table to score as exactly one of --csv FILE (CSV or Parquet) and --store FILE [--table NAME]");
  if (flags.store !== undefined) {
    const table = flags.table ?? "panel";
    if (table.trim() === "") throw wrong("--table", "must name a table of the store");
    return { file: flags.store, table };
  }
  if (flags.table !== undefined) throw wrong("--table", "names a table of a store: use it with --store, not --csv");
  return { file: flags.csv ?? "" };
}

/** Whether a table is scored in batches: Parquet, or a CSV over 64 MB. */
function isLarge(file: string): boolean {
  if (path.extname(file).toLowerCase() === ".parquet") return true;
  try {
    return fs.statSync(file).size > BATCH_ABOVE_BYTES;
  } catch {
    return false; // a missing file is reported by the CSV reader
  }
}

/**
 * Prints the tier counts and shares beside the plan's (text or --json), and with --json the features' drift from the
 * training rows.
 */
type PlanTier = { id: string; shareStated: number };
function report(flags: ScoreFlags, kind: string, rows: number, counts: Record<string, number>, tiers: readonly PlanTier[], drift: FeatureDrift[]): void {
  const shares = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / rows]));
  const planShares = Object.fromEntries(tiers.map((t) => [t.id, t.shareStated]));
  if (flags.json) printJson({ model: kind, rows, out: flags.out, tierCounts: counts, tierShares: shares, planShares, drift });
  else {
    const lines = tiers.map((t) => `  ${t.id}: ${counts[t.id]} (${((shares[t.id] ?? 0) * 100).toFixed(1)}%, plan ${(t.shareStated * 100).toFixed(0)}%)`);
    process.stdout.write(`scored ${rows} rows with the ${kind} model -> ${flags.out}\n${lines.join("\n")}\n`);
  }
}
