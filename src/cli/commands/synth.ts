import * as path from "node:path";
import * as fs from "node:fs";
import { lazyModule } from "../lazyModule";
import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { prepareOutputs } from "../../io/outputWriter";
import { isoToDay, isoWeekday } from "../../data/dates";
import { synthesize, type SynthOptions } from "../../data/synthesize";
import { summarizePopulation } from "../../data/summarizePopulation";
import { percentText } from "../../io/numberText";
import { seedPlan } from "../../plan/seedPlan";
import { tiersByRisk } from "../../plan/tiers";
import { tableCsvFiles } from "../../data/writeCsv";
import { sourceSchemas, truthSchemas } from "../../data/schemas";
import type { SynthFormat } from "./synthStreamed";

/** Raw option values of `churnlab synth`, as commander hands them over (strings). */
interface SynthFlags {
  customers: string;
  seed: string;
  out: string;
  weeks: string;
  start: string;
  snapshotWeeks: string;
  format?: string;
  json?: boolean;
  progress: boolean;
}

/**
 * `churnlab synth --customers N --seed S --out DIR [--weeks W] [--start YYYY-MM-DD] [--snapshot-weeks K] [--json] [--no-progress]`:
 * generates a synthetic after-sales population and writes customers.csv,
 * visits.csv, surveys.csv, app_activity.csv and the ground truth (truth.csv,
 * truth_risk.csv) plus manifest.json (options and measured churn/tier figures)
 * to DIR, all seven as one unit (atomically: a kill or a failure leaves the
 * previous set). The same options give byte-identical files. Bad flags and
 * unwritable places are reported before generating (exit 2); nothing is written on failure.
 * With `--format csv|parquet` the population is streamed in blocks of 200,000
 * customers with flat memory (5 million customers fit in well under a GB) and
 * written as `<table>.csv` or `<table>.parquet`; a population of one block is
 * the same as without `--format`, larger ones draw each block from its own
 * substreams. Its manifest holds row and churn counts instead of the tier summary.
 *
 * @example
 * // churnlab synth --customers 200000 --seed 42 --out data/synth-200k
 * // churnlab synth --customers 5000000 --seed 42 --format parquet --out data/national
 */
export function synthCommand(): Command {
  return new Command("synth")
    .description("Generate a synthetic after-sales population (customers, visits, surveys, app activity, ground truth) as CSV")
    .option("-n, --customers <n>", "number of customers, 1..5000000", "200000")
    .option("-s, --seed <seed>", "master seed (an integer, or any text)", "42")
    .requiredOption("-o, --out <dir>", "output folder (created when missing; files in it are replaced)")
    .option("-w, --weeks <n>", "weeks of history, 53..520 (104 = 24 months)", "104")
    .option("--start <date>", "first day of history, a Monday (YYYY-MM-DD)", "2024-01-01")
    .option("--snapshot-weeks <k>", "write the latent 30-day risk every k weeks to truth_risk.csv, 0..52 (0: none)", "4")
    .option("--format <format>", "csv or parquet: stream the population in blocks of 200,000 customers with flat memory (for millions)")
    .option("--json", "print the summary as JSON")
    .option("--no-progress", "no progress bar on stderr")
    .action(
      action(async (flags: SynthFlags) => {
        const options = synthOptions(flags);
        if (flags.format !== undefined) return synthStreamed(flags, options, flags.format as SynthFormat);
        // The six tables and the manifest are one unit: checked before generating, then written together or not at all.
        const targets = [...sourceSchemas, ...truthSchemas].map((s) => path.join(flags.out, `${s.name}.csv`));
        const out = prepareOutputs({ inputs: {}, folders: { "--out": flags.out }, files: { "--out": [...targets, path.join(flags.out, "manifest.json")] } });
        const bar =
          flags.progress && process.stderr.isTTY
            ? new SingleBar({ format: "synth [{bar}] {value}/{total} weeks", clearOnComplete: true }, Presets.shades_classic)
            : undefined;
        bar?.start(options.weeks ?? 104, 0);
        const started = Date.now();
        const population = synthesize({ ...options, onProgress: (done) => bar?.update(done) });
        bar?.stop();
        const summary = summarizePopulation(population);
        const tables = [population.customers, population.visits, population.surveys, population.appActivity, population.truth, population.truthRisk];
        const csvFiles = tableCsvFiles(flags.out, tables);
        const files = [...csvFiles.keys()];
        const manifest = {
          generator: "churnlab synth",
          options: {
            customers: options.customers,
            seed: options.seed,
            weeks: population.meta.weeks,
            startDate: flags.start,
            snapshotWeeks: options.riskSnapshotEveryWeeks,
          },
          effects: population.meta.effects,
          summary,
          files: files.map((f) => path.basename(f)),
        };
        out.write(new Map([...csvFiles, [path.join(flags.out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`]]));
        if (flags.json) printJson({ ...manifest, out: flags.out, seconds: (Date.now() - started) / 1000 });
        else {
          const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
          const p = summary.peakTierSharesYear2;
          const plan = seedPlan(); // the plan the population is calibrated to
          const planShares = tiersByRisk(plan)
            .map((t) => percentText(t.shareStated))
            .join(" / ");
          process.stdout.write(
            `${[
              `wrote ${files.length + 1} files to ${flags.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
              `  ${summary.customers} customers, ${summary.visits} visits, ${summary.surveys} surveys, ${summary.appActivityRows} app-activity rows`,
              `  churn rate: year 1 ${pct(summary.churnRateYear1)}, year 2 ${pct(summary.churnRateYear2)} (target ${percentText(plan.benefits.churnBefore)})`,
              `  peak 30-day risk tiers in year 2: ${pct(p.tier1)} / ${pct(p.tier2)} / ${pct(p.tier3)} / ${pct(p.tier4)} (plan: ${planShares})`,
            ].join("\n")}\n`,
          );
        }
      }),
    );
}

/**
 * Validates the flags of `churnlab synth`, collecting every problem.
 *
 * @throws InputError ("command line") listing each bad flag.
 * @example
 * synthOptions({ customers: "3000", seed: "42", out: "x", weeks: "104", start: "2024-01-01", snapshotWeeks: "4", progress: false }).customers; // 3000
 */
function synthOptions(flags: SynthFlags): SynthOptions {
  const problems: InputProblem[] = [];
  const integer = (flag: string, text: string, min: number, max: number): number => {
    const value = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push({ where: flag, message: `must be an integer from ${min} to ${max}, got "${text}"` });
      return NaN;
    }
    return value;
  };
  const customers = integer("--customers", flags.customers, 1, 5_000_000);
  const weeks = integer("--weeks", flags.weeks, 53, 520);
  const snapshotWeeks = integer("--snapshot-weeks", flags.snapshotWeeks, 0, 52);
  const startDay = isoToDay(flags.start);
  if (Number.isNaN(startDay)) problems.push({ where: "--start", message: `must be a date written YYYY-MM-DD, got "${flags.start}"` });
  else if (isoWeekday(startDay) !== 1) problems.push({ where: "--start", message: `must be a Monday, got "${flags.start}"` });
  if (flags.seed.trim() === "") problems.push({ where: "--seed", message: "must not be empty" });
  if (flags.out.trim() === "") problems.push({ where: "--out", message: "must not be empty" });
  if (flags.format !== undefined && flags.format !== "csv" && flags.format !== "parquet") {
    problems.push({ where: "--format", message: `must be csv or parquet, got "${flags.format}"` });
  }
  if (flags.out.trim() !== "") problems.push(...otherFormatFiles(flags.out, flags.format === "parquet" ? "parquet" : "csv"));
  if (problems.length > 0) throw new InputError("command line", problems);
  const seed = /^-?\d+$/.test(flags.seed) && Number.isSafeInteger(Number(flags.seed)) ? Number(flags.seed) : flags.seed;
  return { customers, seed, weeks, startDate: flags.start, riskSnapshotEveryWeeks: snapshotWeeks };
}

/** `synth --format`: the population streamed in blocks to CSV or Parquet, with a manifest of rows and churn counts. */
async function synthStreamed(flags: SynthFlags, options: SynthOptions, format: SynthFormat): Promise<void> {
  // DuckDB is loaded only for a streamed population (the other commands start without its native module).
  const { synthSchemas, writeStreamedPopulation } = await lazyModule<typeof import("./synthStreamed")>(
    () => require("./synthStreamed"),
    () => import("./synthStreamed"),
  );
  const targets = [...synthSchemas.map((s) => path.join(flags.out, `${s.name}.${format}`)), path.join(flags.out, "manifest.json")];
  const out = prepareOutputs({ inputs: {}, folders: { "--out": flags.out }, files: { "--out": targets } });
  const weeks = options.weeks ?? 104;
  const barFormat = { format: "synth [{bar}] {percentage}% of block-weeks", clearOnComplete: true };
  const bar = flags.progress && process.stderr.isTTY ? new SingleBar(barFormat, Presets.shades_classic) : undefined;
  bar?.start(1, 0);
  const started = Date.now();
  const { population, files } = await writeStreamedPopulation(
    { ...options, onProgress: (done, total) => bar?.update(done / total) },
    format,
    flags.out,
    out,
    (p, names) => ({
      generator: "churnlab synth",
      options: { customers: options.customers, seed: options.seed, weeks, startDate: flags.start, snapshotWeeks: options.riskSnapshotEveryWeeks, format },
      blocks: p.blocks,
      rows: p.rows,
      churnedInHistory: p.churnedInHistory,
      churnRateYear1: p.churnedYear1 / p.customers,
      files: names,
    }),
  );
  bar?.stop();
  const seconds = (Date.now() - started) / 1000;
  if (flags.json) printJson({ out: flags.out, format, rows: population.rows, blocks: population.blocks, files, seconds });
  else {
    const r = population.rows;
    process.stdout.write(
      `wrote ${files.length + 1} files (${format}) to ${flags.out} in ${seconds.toFixed(1)} s\n` +
        `  ${population.customers} customers in ${population.blocks} blocks, ${r.visits ?? 0} visits, ${r.surveys ?? 0} surveys, ` +
        `${r.app_activity ?? 0} app-activity rows\n` +
        `  churn rate year 1: ${((population.churnedYear1 / population.customers) * 100).toFixed(1)}% (target ${percentText(seedPlan().benefits.churnBefore)})\n`,
    );
  }
}

/**
 * A folder already holding population tables in the other format would end up
 * with two populations (the store's loader takes `.parquet` before `.csv`):
 * refused, naming the files, rather than deleting anything the user has.
 */
function otherFormatFiles(dir: string, format: "csv" | "parquet"): InputProblem[] {
  const other = format === "csv" ? "parquet" : "csv";
  const stale = [...sourceSchemas, ...truthSchemas].map((s) => `${s.name}.${other}`).filter((f) => fs.existsSync(path.join(dir, f)));
  if (stale.length === 0) return [];
  return [
    {
      where: "--out",
      message:
        `already holds population tables as ${other} (${stale.join(", ")}): writing ${format} beside them would leave two populations in one folder; ` +
        "choose another folder or remove those files",
    },
  ];
}
