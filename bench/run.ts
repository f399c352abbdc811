// `npm run bench`: every benchmark with its reference implementation, in one run.
// Speed targets live here, never in timed tests. Each suite is a module in
// bench/ exporting an async function that prints its own table.
//
//   npm run bench                 all suites
//   npm run bench -- synth mc     only the named suites
import * as fs from "node:fs";
import * as path from "node:path";

interface Suite {
  name: string;
  file: string;
  fn: string;
  about: string;
}

const suites: Suite[] = [
  { name: "synth", file: "synth.ts", fn: "benchSynth", about: "synthetic population: seconds and peak memory, 50k / 200k / 1M customers" },
  { name: "models", file: "models.ts", fn: "benchModels", about: "churn models vs scikit-learn: AUC and fit time" },
  { name: "mc", file: "monteCarlo.ts", fn: "benchMonteCarlo", about: "Monte Carlo ROI engine vs NumPy: trials/s, worker scaling, memory" },
  { name: "rollout", file: "rollout.ts", fn: "benchRollout", about: "customer-level rollout: customer-weeks/s and memory" },
  {
    name: "optimize",
    file: "optimize.ts",
    fn: "benchOptimize",
    about: "design search on the seed plan: seconds against the 5-minute target, 2 workers and 1 thread",
  },
  { name: "notebooks", file: "notebooks.ts", fn: "benchNotebooks", about: "notebook kernel first import, chart exports (kernel, batch, CLI), HTML sizes" },
  { name: "scale", file: "scale.ts", fn: "benchScale", about: "national scale: synth to Parquet, DuckDB panel, batch scoring at 200k / 1M / 5M customers" },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const chosen = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
  if (wanted.length && chosen.length !== wanted.length) {
    const known = suites.map((s) => s.name).join(", ");
    process.stderr.write(`unknown suite in ${wanted.join(" ")}; known: ${known}\n`);
    process.exitCode = 2;
    return;
  }
  for (const suite of chosen) {
    const file = path.join(__dirname, suite.file);
    process.stdout.write(`\n=== ${suite.name}: ${suite.about}\n`);
    if (!fs.existsSync(file)) {
      process.stdout.write(`(not available: ${suite.file} missing)\n`);
      continue;
    }
    const mod = (await import(file)) as Record<string, unknown>;
    const fn = mod[suite.fn];
    if (typeof fn !== "function") throw new Error(`${suite.file} does not export ${suite.fn}()`);
    const started = Date.now();
    await (fn as () => Promise<void>)();
    process.stdout.write(`(${suite.name} took ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
