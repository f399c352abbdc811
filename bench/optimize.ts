// Benchmark of the design search (issue 16): `churnlab optimize` on the seed
// plan with its defaults (20,000 draws for the plan and the best, 4,000 per
// design in the search, a 50,000-customer panel, design models built on 2
// worker threads), in a child process with the design-model disk cache off,
// so every model is built (calibrations may come from the cache). Target:
// within 5 minutes on 2 cores. Prints the wall time, the CPU time of all
// threads, peak memory, and the result's headline figures.
//
//   npm run bench -- optimize
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { optimizeProgramme } from "../src/simulation/design/optimizeProgramme";
import { loadUncertainPlan } from "../src/simulation/inputs/uncertainPlan";

const planFile = join(__dirname, "..", "data", "plans", "seed-plan-uncertain.json");
const TARGET_SECONDS = 300;

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  evaluated: number;
  passes: number;
  planNpv: { mean: number; se: number };
  bestNpv: { mean: number; se: number };
  probMvpGate: number;
  phases: Array<{ at: number; message: string }>;
}

/** One optimize run in this process (the child). */
async function runChild(workers: number): Promise<ChildResult> {
  const plan = loadUncertainPlan(planFile);
  const phases: ChildResult["phases"] = [];
  const start = performance.now();
  const r = await optimizeProgramme(plan, {
    seed: 1,
    workers,
    modelOptions: { cache: false },
    onProgress: (message) => phases.push({ at: (performance.now() - start) / 1000, message }),
  });
  const seconds = (performance.now() - start) / 1000;
  const usage = process.resourceUsage();
  return {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMb: usage.maxRSS / 1024,
    evaluated: r.search.evaluated,
    passes: r.search.passes,
    planNpv: r.plan.npv,
    bestNpv: r.best.npv,
    probMvpGate: r.best.probMvpGate,
    phases,
  };
}

/** Runs optimize on 2 workers (the bench machine's cores) and on 0 (this thread only), each in a child process. */
export async function benchOptimize(): Promise<void> {
  process.stdout.write(
    `churnlab optimize ${planFile.split("/").pop()} --seed 1 (defaults), design models built cold; target <= ${TARGET_SECONDS} s on 2 cores\n`,
  );
  process.stdout.write("workers   seconds   CPU s (all threads)   peak RSS MB   designs   passes   plan NPV 万      best NPV 万   P(MVP gate)\n");
  for (const workers of [2, 0]) {
    const out = execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), __filename, "--child", String(workers)], {
      encoding: "utf8",
      maxBuffer: 1 << 22,
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as ChildResult;
    const wan = (x: { mean: number; se: number }): string => `${(x.mean / 1e4).toFixed(0)} ±${(x.se / 1e4).toFixed(1)}`;
    const row = [
      String(workers).padEnd(7),
      r.seconds.toFixed(1).padStart(9),
      r.cpuSeconds.toFixed(1).padStart(21),
      r.maxRssMb.toFixed(0).padStart(13),
      String(r.evaluated).padStart(9),
      String(r.passes).padStart(8),
      wan(r.planNpv).padStart(15),
      wan(r.bestNpv).padStart(13),
      r.probMvpGate.toFixed(3).padStart(13),
    ].join(" ");
    process.stdout.write(`${row}${r.seconds <= TARGET_SECONDS ? "" : "   OVER TARGET"}\n`);
    const last = r.phases.filter((p) => p.message.startsWith("frontier") || p.message.startsWith("final"));
    for (const p of last) process.stdout.write(`          ${p.at.toFixed(1).padStart(6)} s  ${p.message}\n`);
  }
}

if (process.argv[2] === "--child") {
  runChild(Number(process.argv[3]))
    .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    });
}
