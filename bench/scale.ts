// Benchmark of national scale (issue 17): the population streamed to Parquet, loaded into a
// DuckDB store, the feature panel by SQL at one snapshot (grouped aggregation, see panelSql) into
// the store, and scoring of the whole base in batches from the store (score --store); seconds and peak memory at 200k, 1M and 5M customers x 104 weeks.
// Loading checks every source against its schema (types, ranges, unique keys), as for a real export.
// Each stage runs in its own child process so that its peak RSS (maxRSS, DuckDB included) is
// its own. Beside it, the in-memory buildPanel on the same data (200k: one block, the very
// population of synthesize) and on 1M (synthesize's own draws); 5M does not fit in memory.
//
//   npm run bench -- scale                 200k, 1M and 5M
//   npx tsx bench/scale.ts 200000 1000000  chosen sizes
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { scoreCommand } from "../src/cli/commands/score";
import { trainCommand } from "../src/cli/commands/train";
import { sourceSchemas, truthSchemas } from "../src/data/schemas";
import { synthesize } from "../src/data/synthesize";
import { resolveSynthSettings } from "../src/data/synth/settings";
import { buildPanel, mondaysBetween, numericFeatureNames } from "../src/features/buildPanel";
import { createPanelTable, loadFolder, openStore } from "../src/store";
import { streamPopulationParquet } from "../src/store/streamPopulationParquet";

const SEED = 42;
const schemas = [...sourceSchemas, ...truthSchemas];

/** The scoring snapshot: the last Monday whose 30-day label is inside the 104-week history. */
function snapshotDay(customers: number): number {
  const { endDay } = resolveSynthSettings({ customers, seed: SEED });
  return mondaysBetween(endDay - 37, endDay - 30).at(-1) as number;
}

const peakMb = (): number => process.resourceUsage().maxRSS / 1024;
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
/** CPU seconds of this process so far, every thread (DuckDB's and the workers' included): steadier than wall time on a shared machine. */
const cpuSeconds = (): number => {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
};

/** Lines of a text file less the header, read 1 MB at a time (the bench must not hold the scores it measures). */
function dataLines(file: string): number {
  const fd = fs.openSync(file, "r");
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
    for (let i = buffer.indexOf(10); i !== -1 && i < read; i = buffer.indexOf(10, i + 1)) lines++;
  }
  fs.closeSync(fd);
  return lines - 1;
}

/** What the score stage reads: the panel table of dir's store, or the Parquet panel of a scoring-memory folder. */
const source = (dir: string): string[] =>
  fs.existsSync(path.join(dir, "store.duckdb")) ? ["--store", path.join(dir, "store.duckdb"), "--table", "panel"] : ["--csv", path.join(dir, "panel.parquet")];

/** Child stages; each prints one JSON line. */
const stages: Record<string, (customers: number, dir: string, model: string) => Promise<Record<string, number>>> = {
  async synth(customers, dir) {
    const t0 = process.hrtime.bigint();
    const scratch = fs.mkdtempSync(path.join(dir, "stage-"));
    const files = Object.fromEntries(schemas.map((s) => [s.name, path.join(dir, `${s.name}.parquet`)]));
    const p = await streamPopulationParquet({ customers, seed: SEED }, schemas, files, scratch, 2);
    fs.rmSync(scratch, { recursive: true, force: true });
    const eventRows = (p.rows.visits ?? 0) + (p.rows.surveys ?? 0) + (p.rows.app_activity ?? 0) + (p.rows.truth_risk ?? 0);
    const bytes = schemas.reduce((sum, s) => sum + fs.statSync(files[s.name] as string).size, 0);
    return { seconds: seconds(t0), cpuSeconds: cpuSeconds(), peakMb: peakMb(), eventRows, mb: bytes / 1e6 };
  },
  async panel(customers, dir) {
    const store = await openStore(path.join(dir, "store.duckdb"), { memoryLimit: "4GB" });
    try {
      const t0 = process.hrtime.bigint();
      const c0 = cpuSeconds();
      await loadFolder(store, dir, ["customers", "visits", "surveys", "app_activity", "truth"]);
      const loadSeconds = seconds(t0);
      const loadCpuSeconds = cpuSeconds() - c0;
      const t1 = process.hrtime.bigint();
      const rows = await createPanelTable(store, [snapshotDay(customers)]);
      return { loadSeconds, loadCpuSeconds, seconds: seconds(t1), cpuSeconds: cpuSeconds() - c0 - loadCpuSeconds, rows, peakMb: peakMb() };
    } finally {
      store.close();
    }
  },
  async score(_customers, dir, model) {
    const t0 = process.hrtime.bigint();
    const c0 = cpuSeconds();
    const out = path.join(dir, "scores.csv");
    await scoreCommand()
      .exitOverride()
      .parseAsync(["node", "score", "--model", model, ...source(dir), "--id", "customer_id", "--out", out, "--json"]);
    if (process.exitCode) throw new Error(`score exited ${process.exitCode}`);
    return { seconds: seconds(t0), cpuSeconds: cpuSeconds() - c0, peakMb: peakMb(), rows: dataLines(out) };
  },
  /** A panel of `rows` rows (`customers` is the row count here) made by repeating the panel of dir's store under new ids, as Parquet, for the scoring-memory check. */
  async repeatPanel(rows, dir) {
    const store = await openStore(":memory:", { memoryLimit: "1GB", threads: 2 });
    try {
      await store.connection.run(`ATTACH '${path.join(dir, "store.duckdb")}' AS national (READ_ONLY)`);
      const source = "national.panel";
      const one = Number((await store.connection.runAndReadAll(`SELECT count(*) FROM ${source}`)).getColumnsJS()[0]?.[0] ?? 1);
      const target = path.join(dir, `rows${rows}`);
      fs.mkdirSync(target, { recursive: true });
      await store.connection.run(
        `COPY (SELECT p.* REPLACE (p.customer_id || '-' || k AS customer_id) FROM range(${Math.ceil(rows / one)}) r(k), ${source} p LIMIT ${rows}) ` +
          `TO '${path.join(target, "panel.parquet")}' (FORMAT parquet)`,
      );
      return { rows };
    } finally {
      store.close();
    }
  },
  async memory(customers) {
    const p = synthesize({ customers, seed: SEED });
    const t0 = process.hrtime.bigint();
    const panel = buildPanel(p, p.truth, [snapshotDay(customers)]);
    return { seconds: seconds(t0), peakMb: peakMb(), rows: panel.rows };
  },
};

/** Trains the logistic model the score stage uses, on a 20k-customer panel at four snapshots (CSV through churnlab train). */
async function trainModel(dir: string): Promise<string> {
  const p = synthesize({ customers: 20_000, seed: 7 });
  const last = snapshotDay(20_000);
  const panel = buildPanel(p, p.truth, [last - 84, last - 56, last - 28, last]);
  const names = [...numericFeatureNames, "segment", "churn"];
  const lines = [["row_id", ...names].join(",")];
  for (let r = 0; r < panel.rows; r++) {
    const cells = numericFeatureNames.map((n) => {
      const v = panel.numeric[n][r] as number;
      return Number.isNaN(v) ? "" : String(v);
    });
    lines.push([`r${r + 1}`, ...cells, panel.segment[r], panel.label[r]].join(","));
  }
  const csv = path.join(dir, "train.csv");
  fs.writeFileSync(csv, `${lines.join("\n")}\n`);
  const model = path.join(dir, "model");
  const silent = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    await trainCommand()
      .exitOverride()
      .parseAsync(["node", "train", "--csv", csv, "--target", "churn", "--id", "row_id", "--model", "logistic", "--seed", "1", "--out", model]);
  } finally {
    process.stdout.write = silent;
  }
  if (process.exitCode) throw new Error("training the bench model failed");
  return model;
}

function runStage(stage: string, customers: number, dir: string, model: string): Record<string, number> {
  const result = spawnSync(process.execPath, ["--import", "tsx", __filename, "--child", stage, String(customers), dir, model], {
    cwd: path.resolve(__dirname, ".."),
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) throw new Error(`scale bench ${stage} (${customers}) failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as Record<string, number>;
}

const fmt = (x: number | undefined, digits = 1): string => (x === undefined ? "-" : x.toFixed(digits));

/** Seconds from synth to scores (synth, load, panel, score) and the largest stage peak (MB). */
function endToEnd(r: Record<string, Record<string, number>>): { total: number; peak: number } {
  const total = (r.synth?.seconds ?? 0) + (r.panel?.loadSeconds ?? 0) + (r.panel?.seconds ?? 0) + (r.score?.seconds ?? 0);
  return { total, peak: Math.max(r.synth?.peakMb ?? 0, r.panel?.peakMb ?? 0, r.score?.peakMb ?? 0) };
}

/** One size's line of the table. */
function tableLine(customers: number, r: Record<string, Record<string, number>>): string {
  const { synth, panel, score, memory } = r;
  const { total, peak } = endToEnd(r);
  const inMemory =
    memory === undefined ? "does not fit (about 3.4 KB per customer)" : `${fmt(memory.seconds).padStart(6)}  ${fmt(memory.peakMb, 0)} (${memory.rows} rows)`;
  const cells = [
    `${String(customers).padStart(9)}  ${String(synth?.eventRows).padStart(10)}  ${fmt(synth?.mb, 0).padStart(10)}`,
    `${fmt(synth?.seconds).padStart(7)}  ${fmt(synth?.peakMb, 0).padStart(4)}`,
    `${fmt(panel?.loadSeconds).padStart(6)}  ${fmt(panel?.seconds).padStart(7)}  ${String(panel?.rows).padStart(10)}  ${fmt(panel?.peakMb, 0).padStart(4)}`,
    `${fmt(score?.seconds).padStart(7)}  ${fmt(score?.peakMb, 0).padStart(4)}`,
    `${fmt(total).padStart(7)}  ${fmt(peak, 0).padStart(7)}`,
    inMemory,
  ];
  return cells.join(" | ");
}

/** Seconds per million customers of each stage and end to end (wall, and CPU of every thread in brackets): flat when time is linear. */
function linearityLine(customers: number, r: Record<string, Record<string, number>>): string {
  const perM = (wall: number | undefined, cpu: number | undefined): string =>
    `${fmt(wall === undefined ? undefined : (wall * 1e6) / customers).padStart(6)} (${fmt(cpu === undefined ? undefined : (cpu * 1e6) / customers).padStart(5)})`;
  const { synth, panel, score } = r;
  const cpuTotal = (synth?.cpuSeconds ?? 0) + (panel?.loadCpuSeconds ?? 0) + (panel?.cpuSeconds ?? 0) + (score?.cpuSeconds ?? 0);
  return [
    String(customers).padStart(9),
    perM(synth?.seconds, synth?.cpuSeconds),
    perM(panel?.loadSeconds, panel?.loadCpuSeconds),
    perM(panel?.seconds, panel?.cpuSeconds),
    perM(score?.seconds, score?.cpuSeconds),
    perM(endToEnd(r).total, cpuTotal),
  ].join(" | ");
}

/** Scores panels of 0.2M, 1M and 3M rows (dir's panel repeated under new ids): peak RSS should not grow with the rows. */
function scoringMemory(dir: string, model: string): string[] {
  const lines = ["scoring memory by rows (the first size's panel repeated under new ids)", "     rows | score s  cpu s | peak MB"];
  for (const rows of [200_000, 1_000_000, 3_000_000]) {
    runStage("repeatPanel", rows, dir, model);
    const r = runStage("score", rows, path.join(dir, `rows${rows}`), model);
    lines.push(`${String(r.rows).padStart(9)} | ${fmt(r.seconds).padStart(7)}  ${fmt(r.cpuSeconds).padStart(5)} | ${fmt(r.peakMb, 0).padStart(7)}`);
    process.stdout.write(`${lines.at(-1)}\n`);
    fs.rmSync(path.join(dir, `rows${rows}`), { recursive: true, force: true });
  }
  return lines;
}

/**
 * Runs the scale benchmark: for each size, synth to Parquet, load + panel in
 * DuckDB, scoring in batches, and the in-memory buildPanel beside (up to 1M),
 * each in a fresh child process; prints seconds and peak RSS per stage, the
 * seconds per million customers of each stage (linear time: flat), the
 * scoring peak at 0.2M, 1M and 3M rows (flat memory), and the end-to-end
 * total against the targets (5M within 10 min and 8 GB).
 *
 * @param sizes customer counts (default 200,000, 1,000,000 and 5,000,000).
 * @returns the measured stages by size.
 */
export async function benchScale(sizes: readonly number[] = [200_000, 1_000_000, 5_000_000]): Promise<Array<Record<string, Record<string, number>>>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-bench-scale-"));
  const all: Array<Record<string, Record<string, number>>> = [];
  try {
    const model = await trainModel(work);
    process.stdout.write(
      `machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, load average ${os.loadavg()[0]?.toFixed(1)} (shared)\n`,
    );
    const table = [
      "customers  event rows  Parquet MB | synth s    MB | load s  panel s  panel rows    MB | score s    MB | total s  peak MB | in-memory buildPanel s  MB",
    ];
    const linear = [
      "seconds per million customers, wall (CPU of all threads)",
      "customers |  synth        |  load         |  panel        |  score        |  total",
    ];
    let memory: string[] = [];
    for (const [k, customers] of sizes.entries()) {
      const dir = fs.mkdtempSync(path.join(work, `n${customers}-`));
      const r: Record<string, Record<string, number>> = {};
      for (const stage of ["synth", "panel", "score"]) {
        r[stage] = runStage(stage, customers, dir, model);
        process.stdout.write(`  ${customers} ${stage}: ${JSON.stringify(r[stage])}\n`);
      }
      if (customers <= 1_000_000) r.memory = runStage("memory", customers, dir, model);
      if (k === 0) memory = scoringMemory(dir, model);
      fs.rmSync(dir, { recursive: true, force: true });
      table.push(tableLine(customers, r));
      linear.push(linearityLine(customers, r));
      process.stdout.write(`${table.at(-1)}\n`);
      all.push(r);
    }
    process.stdout.write(`\n${[...table, "", ...linear, "", ...memory].join("\n")}\n`);
    const last = all.at(-1);
    if (last !== undefined) {
      const { total, peak } = endToEnd(last);
      process.stdout.write(
        `${sizes.at(-1)} customers end to end: ${(total / 60).toFixed(1)} min (target 10), peak ${(peak / 1024).toFixed(1)} GB (target 8)\n`,
      );
    }
    return all;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    const [, stage, customers, dir, model] = args as [string, string, string, string, string];
    (stages[stage] as (typeof stages)[string])(Number(customers), dir, model)
      .then((row) => process.stdout.write(`${JSON.stringify(row)}\n`))
      .catch((err: unknown) => {
        process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
        process.exitCode = 1;
      });
  } else {
    const sizes = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
    benchScale(sizes.length > 0 ? sizes : undefined).catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
  }
}
