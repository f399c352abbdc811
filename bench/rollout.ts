// Benchmark of the customer-level rollout simulation (issue 7): 200,000
// customers × 52 weeks, 1 and 100 trials, 1 and 2 worker threads. Each
// configuration runs in its own child process so its peak memory (max RSS,
// all threads) is its own. Prints customer-weeks per second (kernel alone,
// and end to end with calibration, gates and summaries) and peak memory.
//
//   npm run bench -- rollout
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { FastRng } from "../src/random/FastRng";
import { runRolloutKernel } from "../src/simulation/population/rolloutKernel";
import { rolloutScenarioFor } from "../src/simulation/programme/rolloutPlanScenario";
import { calibrationForPlan, runRollout } from "../src/simulation/rollout/rolloutSimulation";
import { loadUncertainPlan } from "../src/simulation/inputs/uncertainPlan";

const planFile = join(__dirname, "..", "data", "plans", "seed-plan-uncertain.json");
const CUSTOMERS = 200_000;
const WEEKS = 52;

interface ChildConfig {
  kind: "kernel" | "study" | "precision";
  trials: number;
  workers: number;
}

interface ChildResult {
  seconds: number;
  customerWeeks: number;
  maxRssMb: number;
  calibrationSeconds: number;
  /** Precision runs: the ROI mean with the control variate and plainly, with standard errors (fractions). */
  roi?: { mean: number; se: number; naiveMean: number; naiveSe: number; correlation: number };
}

/** One configuration, in this process (called in the child). */
async function runConfig(config: ChildConfig): Promise<ChildResult> {
  const plan = loadUncertainPlan(planFile);
  const t0 = performance.now();
  const calibration = calibrationForPlan(plan);
  const calibrationSeconds = (performance.now() - t0) / 1000;
  if (config.kind === "kernel") {
    const sc = rolloutScenarioFor(plan.base, calibration, 0.86, plan.assumptions.programme, { customers: CUSTOMERS });
    let best = Infinity;
    for (let k = 0; k < 3; k += 1) {
      const start = performance.now();
      runRolloutKernel(sc, new FastRng(k, "bench").state);
      best = Math.min(best, (performance.now() - start) / 1000);
    }
    return { seconds: best, customerWeeks: CUSTOMERS * WEEKS, maxRssMb: process.resourceUsage().maxRSS / 1024, calibrationSeconds };
  }
  const start = performance.now();
  const precision = config.kind === "precision";
  const r = await runRollout(plan, { trials: config.trials, seed: 1, replicates: 1, workers: config.workers, calibration, controlVariate: precision });
  const seconds = (performance.now() - start) / 1000;
  const result: ChildResult = { seconds, customerWeeks: r.customerWeeks, maxRssMb: process.resourceUsage().maxRSS / 1024, calibrationSeconds };
  if (precision) {
    const e = r.estimates.roi;
    result.roi = { mean: e.mean, se: e.se, naiveMean: e.naiveMean, naiveSe: e.naiveSe, correlation: e.correlation };
  }
  return result;
}

/**
 * Runs the rollout benchmark and prints one row per configuration: kernel
 * throughput (best of 3 single runs of 200,000 × 52, one thread), then whole
 * studies of 1 and 100 trials on 1 and 2 workers (end to end: parameter
 * draws, kernel, gate AUCs and summaries; calibration excluded and reported
 * separately).
 */
export async function benchRollout(): Promise<void> {
  const configs: ChildConfig[] = [
    { kind: "kernel", trials: 1, workers: 0 },
    { kind: "study", trials: 1, workers: 1 },
    { kind: "study", trials: 1, workers: 2 },
    { kind: "study", trials: 100, workers: 1 },
    { kind: "study", trials: 100, workers: 2 },
  ];
  const rows: string[] = [];
  process.stdout.write(
    `${CUSTOMERS.toLocaleString("en-US")} customers × ${WEEKS} weeks per run (plus 12 burn-in weeks); target >= 50 M customer-weeks/s per core\n`,
  );
  process.stdout.write("config                       seconds   M cust-weeks/s   per worker   peak RSS MB   calibration s\n");
  for (const c of configs) {
    const out = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), __filename, "--child", JSON.stringify(c)], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
    const rate = r.customerWeeks / r.seconds / 1e6;
    const label = c.kind === "kernel" ? "kernel only, 1 thread" : `${c.trials} trial${c.trials > 1 ? "s" : ""}, ${c.workers} worker${c.workers > 1 ? "s" : ""}`;
    const perWorker = c.kind === "kernel" ? rate : rate / Math.max(1, Math.min(c.workers, c.trials));
    const row = `${label.padEnd(28)} ${r.seconds.toFixed(2).padStart(7)} ${rate.toFixed(1).padStart(16)} ${perWorker.toFixed(1).padStart(12)} ${r.maxRssMb.toFixed(0).padStart(13)} ${r.calibrationSeconds.toFixed(2).padStart(15)}`;
    rows.push(row);
    process.stdout.write(`${row}\n`);
  }
  await benchPrecision();
}

/** Trials of the precision run: as many as fit in about a minute on 2 cores at 200,000 customers. */
const PRECISION_TRIALS = 100;

/**
 * Precision of the rollout's first-year ROI at 200,000 customers on 2
 * workers, end to end (programme model, control run, trials): the standard
 * error with the aggregate view as control variate beside the plain mean's,
 * and the seconds it took. Target: a standard error of at most 2 ROI points
 * within 60 s.
 */
async function benchPrecision(): Promise<void> {
  const c: ChildConfig = { kind: "precision", trials: PRECISION_TRIALS, workers: 2 };
  const out = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), __filename, "--child", JSON.stringify(c)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const r = JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
  const e = r.roi!;
  const pts = (x: number): string => (x * 100).toFixed(2);
  process.stdout.write(
    `\nprecision of the first-year ROI, ${CUSTOMERS.toLocaleString("en-US")} customers, ${c.trials} trials, 2 workers (target: se <= 2 points within 60 s)\n`,
  );
  process.stdout.write("estimator                 mean %     se points   seconds\n");
  process.stdout.write(`plain mean of the runs  ${pts(e.naiveMean).padStart(8)} ${pts(e.naiveSe).padStart(12)} ${r.seconds.toFixed(1).padStart(9)}\n`);
  process.stdout.write(
    `control variate         ${pts(e.mean).padStart(8)} ${pts(e.se).padStart(12)} ${r.seconds.toFixed(1).padStart(9)}   (correlation with the aggregate view ${e.correlation.toFixed(3)})\n`,
  );
  const needed = Math.ceil(c.trials * (e.naiveSe / 0.02) ** 2);
  process.stdout.write(
    `the plain mean would need about ${needed.toLocaleString("en-US")} trials for 2 points (${((r.seconds * needed) / c.trials).toFixed(0)} s at this speed)\n`,
  );
}

if (process.argv[2] === "--child") {
  runConfig(JSON.parse(process.argv[3]!) as ChildConfig)
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
}
