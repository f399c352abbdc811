// Benchmark of the synthetic population (issue 3): seconds and peak memory
// for 50k, 200k and 1M customers x 104 weeks, each size in its own child
// process so that its peak RSS (process.resourceUsage().maxRSS) is its own.
// Generation and CSV writing are timed separately; both should grow linearly.
//
//   npx tsx bench/synth.ts                 all sizes
//   npx tsx bench/synth.ts 50000 200000    chosen sizes
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { synthesize } from "../src/data/synthesize";
import { writeTablesCsv } from "../src/data/writeCsv";

/** One measured size. */
export interface SynthBenchRow {
  customers: number;
  /** Seconds to generate the tables in memory. */
  generateSeconds: number;
  /** Seconds to write the six CSV files. */
  writeSeconds: number;
  /** Peak resident memory of the child process, MB. */
  peakRssMb: number;
  /** Rows written: visits + surveys + app activity + risk snapshots. */
  eventRows: number;
  /** Bytes written in total. */
  bytes: number;
}

/** Child: generate and write one size, print one JSON line. */
async function child(customers: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-bench-synth-"));
  try {
    const t0 = process.hrtime.bigint();
    const p = synthesize({ customers, seed: 42 });
    const t1 = process.hrtime.bigint();
    const files = writeTablesCsv(dir, [p.customers, p.visits, p.surveys, p.appActivity, p.truth, p.truthRisk]);
    const t2 = process.hrtime.bigint();
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const row: SynthBenchRow = {
      customers,
      generateSeconds: Number(t1 - t0) / 1e9,
      writeSeconds: Number(t2 - t1) / 1e9,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      eventRows: p.visits.length + p.surveys.length + p.appActivity.length + p.truthRisk.length,
      bytes,
    };
    process.stdout.write(`${JSON.stringify(row)}\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the synth benchmark: each size in a fresh child process (tsx), printing
 * a table of generate/write seconds, peak RSS and per-customer ratios.
 *
 * @param sizes - customer counts (default 50,000, 200,000 and 1,000,000).
 * @returns the measured rows.
 */
export async function benchSynth(sizes: readonly number[] = [50_000, 200_000, 1_000_000]): Promise<SynthBenchRow[]> {
  const rows: SynthBenchRow[] = [];
  process.stdout.write("customers  generate s  write s  peak RSS MB  µs/customer-week  KB RSS/customer  event rows   CSV MB\n");
  for (const customers of sizes) {
    const result = spawnSync(process.execPath, ["--import", "tsx", __filename, "--child", String(customers)], {
      cwd: path.resolve(__dirname, ".."),
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    if (result.status !== 0) throw new Error(`synth bench child (${customers}) failed: ${result.stderr}`);
    const line = result.stdout.trim().split("\n").pop() ?? "";
    const row = JSON.parse(line) as SynthBenchRow;
    rows.push(row);
    const perWeek = (row.generateSeconds * 1e6) / (customers * 104);
    process.stdout.write(
      `${String(customers).padStart(9)}  ${row.generateSeconds.toFixed(1).padStart(10)}  ${row.writeSeconds.toFixed(1).padStart(7)}  ${row.peakRssMb.toFixed(0).padStart(11)}  ${perWeek.toFixed(2).padStart(16)}  ${((row.peakRssMb * 1024) / customers).toFixed(1).padStart(15)}  ${String(row.eventRows).padStart(10)}  ${(row.bytes / 1e6).toFixed(0).padStart(7)}\n`,
    );
  }
  return rows;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    child(Number(args[1])).catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
  } else {
    const sizes = args.map(Number).filter((n) => Number.isInteger(n) && n > 0);
    benchSynth(sizes.length > 0 ? sizes : undefined).catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
  }
}
