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
import { runRolloutKernel } from "../src/simulation/rolloutKernel";
import { rolloutScenarioFor } from "../src/simulation/rolloutPlanScenario";
import { calibrationForPlan, runRollout } from "../src/simulation/rolloutSimulation";
import { loadUncertainPlan } from "../src/simulation/uncertainPlan";

const planFile = join(__dirname, "..", "data", "plans", "seed-plan-uncertain.json");
const CUSTOMERS = 200_000;
const WEEKS = 52;

interface ChildConfig {
  kind: "kernel" | "study";
  trials: number;
  workers: number;
}

interface ChildResult {
  seconds: number;
  customerWeeks: number;
  maxRssMb: number;
  calibrationSeconds: number;
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
  const r = await runRollout(plan, { trials: config.trials, seed: 1, replicates: 1, workers: config.workers, calibration });
  return { seconds: (performance.now() - start) / 1000, customerWeeks: r.customerWeeks, maxRssMb: process.resourceUsage().maxRSS / 1024, calibrationSeconds };
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
  process.stdout.write(`${CUSTOMERS.toLocaleString("en-US")} customers × ${WEEKS} weeks per run (plus 12 burn-in weeks); target >= 50 M customer-weeks/s per core\n`);
  process.stdout.write("config                       seconds   M cust-weeks/s   per worker   peak RSS MB   calibration s\n");
  for (const c of configs) {
    const out = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), __filename, "--child", JSON.stringify(c)], { encoding: "utf8", maxBuffer: 1 << 20 });
    const r = JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
    const rate = r.customerWeeks / r.seconds / 1e6;
    const label = c.kind === "kernel" ? "kernel only, 1 thread" : `${c.trials} trial${c.trials > 1 ? "s" : ""}, ${c.workers} worker${c.workers > 1 ? "s" : ""}`;
    const perWorker = c.kind === "kernel" ? rate : rate / Math.max(1, Math.min(c.workers, c.trials));
    const row = `${label.padEnd(28)} ${r.seconds.toFixed(2).padStart(7)} ${rate.toFixed(1).padStart(16)} ${perWorker.toFixed(1).padStart(12)} ${r.maxRssMb.toFixed(0).padStart(13)} ${r.calibrationSeconds.toFixed(2).padStart(15)}`;
    rows.push(row);
    process.stdout.write(`${row}\n`);
  }
}

if (process.argv[2] === "--child") {
  runConfig(JSON.parse(process.argv[3]!) as ChildConfig)
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
}
