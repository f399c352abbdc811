import { Command } from "commander";
import { action, intOption, printJson } from "../run";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { roiBridge, type RoiBridge } from "../../simulation/bridge";
import { wanAmount } from "../../io/numberText";

/** Raw option values of `churnlab bridge`. */
interface BridgeFlags {
  trials: number;
  seed: number;
  workers?: number;
  json?: boolean;
}

const points = (x: number): string => `${x >= 0 ? "+" : "−"}${Math.abs(x * 100).toFixed(1)}`;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The bridge as text: the start, one line per step with its change and
 * standard error in ROI points, the end.
 *
 * @example
 * bridgeText(b).split("\n")[0] // "ROI as the plan states it                                  359.0%"
 */
function bridgeText(b: RoiBridge): string {
  const w = 62;
  const lines = [`${b.start.label.padEnd(w)} ${pct(b.start.roi).padStart(8)}`];
  for (const s of b.steps) lines.push(`  ${s.label.padEnd(w - 2)} ${points(s.delta).padStart(8)}  (±${(s.se * 100).toFixed(2)})`);
  lines.push(`${b.end.label.padEnd(w)} ${pct(b.end.roi).padStart(8)}  (±${(b.end.se * 100).toFixed(2)})`);
  const p = b.programme;
  lines.push(
    "",
    `Programme model, same draws: lifetime-value ROI ${pct(p.roi.mean)} (±${(p.roi.se * 100).toFixed(2)} points), first-year cash ROI ${pct(p.cashRoi.mean)}, ${p.npvYears}-year NPV ${wanAmount(p.npv.mean, 0, "fixed", "")}万 (±${wanAmount(p.npv.se, 0, "fixed", "")}万); P(ROI > 200%) ${pct(p.probMvpRoiBar.value)}.`,
    `${b.trials.toLocaleString("en-US")} trials per variant, seed ${b.seed}; ROI points in brackets are Monte Carlo standard errors of each step (same draws for every variant).`,
    "",
  );
  return lines.join("\n");
}

/**
 * `churnlab bridge <plan> [--trials N] [--seed S] [--workers W] [--json]`:
 * the ROI bridge from the plan's stated ROI to the programme model's
 * first-year cash ROI, one named step at a time with its standard error.
 * JSON: `{"start": {"label", "roi"}, "steps": [{"id", "label", "delta", "se"}],
 * "end": {"label", "roi", "se"}, ...}`, ROI as a fraction.
 *
 * @example
 * // churnlab bridge data/plans/seed-plan-uncertain.json --json
 */
export function bridgeCommand(): Command {
  return new Command("bridge")
    .description("The ROI bridge: from the plan's stated ROI to the programme model's first-year cash ROI, one named step at a time with its standard error")
    .argument("<plan>", "plan JSON, plain or with distributions (e.g. data/plans/seed-plan-uncertain.json)")
    .option("-n, --trials <n>", "Monte Carlo trials of every variant, 1000..10000000", intOption("--trials", 1000, 10_000_000), 100_000)
    .option("-s, --seed <n>", "master seed (an integer)", intOption("--seed", -(2 ** 31), 2 ** 31 - 1), 1)
    .option("-w, --workers <n>", "worker threads, 0..64 (the result does not depend on it)", intOption("--workers", 0, 64))
    .option("--json", "print JSON (ROI as fractions)")
    .action(
      action(async (file: string, flags: BridgeFlags) => {
        const plan = loadUncertainPlan(file);
        for (const w of plan.assumptions.warnings) process.stderr.write(`warning: ${w}\n`);
        const b = await roiBridge(plan, { trials: flags.trials, seed: flags.seed, ...(flags.workers !== undefined ? { workers: flags.workers } : {}) });
        if (flags.json) printJson(b);
        else process.stdout.write(bridgeText(b));
      }),
    );
}
