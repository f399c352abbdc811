import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { loadUncertainPlan, type UncertainPlan } from "../../simulation/uncertainPlan";
import { runMonteCarlo, type MonteCarloOptions, type MonteCarloResult } from "../../simulation/monteCarlo";
import { simulationJson } from "../../simulation/simulationJson";

/** Raw flags of `churnlab simulate` (strings, as commander hands them over). */
interface SimulateFlags {
  trials: string;
  seed: string;
  workers?: string;
  model?: string;
  sampling?: string;
  costs?: string;
  independent?: boolean;
  coverageRamp?: boolean;
  progress?: boolean;
  json?: boolean;
}

const intIn = (problems: InputProblem[], flag: string, text: string, min: number, max: number): number => {
  const v = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(v) || v < min || v > max) {
    problems.push({ where: flag, message: `must be an integer from ${min} to ${max}, got "${text}"` });
    return min;
  }
  return v;
};

const oneOf = <T extends string>(problems: InputProblem[], flag: string, text: string | undefined, allowed: readonly T[]): T | undefined => {
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  problems.push({ where: flag, message: `must be one of ${allowed.join(", ")}, got "${text}"` });
  return undefined;
};

/**
 * Validates the flags of `churnlab simulate`, collecting every problem.
 *
 * @throws InputError("command line", problems)
 * @example
 * simulateOptions({ trials: "1000", seed: "7" }) // { trials: 1000, seed: 7 }
 */
export function simulateOptions(flags: SimulateFlags): Omit<MonteCarloOptions, "onProgress"> {
  const problems: InputProblem[] = [];
  const options: Omit<MonteCarloOptions, "onProgress"> = {
    trials: intIn(problems, "--trials", flags.trials, 1, 1_000_000_000),
    seed: intIn(problems, "--seed", flags.seed, -(2 ** 53 - 1), 2 ** 53 - 1),
  };
  if (flags.workers !== undefined) options.workers = intIn(problems, "--workers", flags.workers, 0, 256);
  const model = oneOf(problems, "--model", flags.model, ["as-stated", "bottom-up"] as const);
  if (model !== undefined) options.model = model;
  const sampling = oneOf(problems, "--sampling", flags.sampling, ["random", "latin-hypercube"] as const);
  if (sampling !== undefined) options.sampling = sampling;
  const costs = oneOf(problems, "--costs", flags.costs, ["stated", "recomputed"] as const);
  if (costs !== undefined) options.costs = costs;
  if (flags.independent === true) options.independent = true;
  if (flags.coverageRamp === true) {
    if (options.model !== "bottom-up") problems.push({ where: "--coverage-ramp", message: "applies to the bottom-up model only: add --model bottom-up" });
    options.coverageRamp = true;
  }
  if (problems.length > 0) throw new InputError("command line", problems);
  return options;
}

/** A number for the text output: infinite values in words ("never" for a payback), no NaN. */
const shown =
  (f: (x: number) => string, infinite = "∞") =>
  (x: number): string =>
    Number.isNaN(x) ? "n/a" : Number.isFinite(x) ? f(x) : x > 0 ? infinite : `-${infinite}`;
const pct = shown((x) => `${(x * 100).toFixed(1)}%`);

/** The payback row: months over the trials that pay back, and in words when some or all never do (benefit <= 0). */
function paybackRow(s: MonteCarloResult["paybackMonths"], trials: number, noPaybackReason: string | undefined): string {
  const label = "payback (months)".padEnd(16);
  if (s.finite === 0) return `${label} no payback in any trial: ${noPaybackReason ?? "the first-year benefit is never positive"}`;
  const f = shown((x) => x.toFixed(2), "never");
  const never = trials - s.finite;
  const note = never > 0 ? `  (${pct(never / trials)} of trials never pay back; mean and sd over the others)` : "";
  const quantiles = `P5 ${f(s.p5)}  P25 ${f(s.p25)}  P50 ${f(s.p50)}  P75 ${f(s.p75)}  P95 ${f(s.p95)}`;
  return `${label} mean ${f(s.mean)} (±${f(s.se.mean)})  sd ${f(s.sd)}  ${quantiles}${note}`;
}

/**
 * Human-readable summary of a run (the default, non-JSON output). Never
 * prints NaN: a payback that no trial reaches is said in words, with
 * `noPaybackReason` when the caller knows it.
 *
 * @example
 * simulateText(result, "plan.json", "the programme loses customers").split("\n")[2]
 * // "payback (months) no payback in any trial: the programme loses customers"
 */
export function simulateText(r: MonteCarloResult, source: string, noPaybackReason?: string): string {
  const row = (label: string, s: MonteCarloResult["roi"], f: (x: number) => string): string =>
    `${label.padEnd(16)} mean ${f(s.mean)} (±${f(s.se.mean)})  sd ${f(s.sd)}  P5 ${f(s.p5)}  P25 ${f(s.p25)}  P50 ${f(s.p50)}  P75 ${f(s.p75)}  P95 ${f(s.p95)}`;
  const wan = shown((x) => `${(x / 10_000).toFixed(0)}万`);
  return [
    `${source}: ${r.trials.toLocaleString("en-US")} trials, seed ${r.seed}, model ${r.model}${r.coverageRamp ? " with coverage ramp" : ""}, costs ${r.costs}, sampling ${r.sampling}`,
    row("ROI", r.roi, pct),
    paybackRow(r.paybackMonths, r.trials, noPaybackReason),
    row("net benefit", r.netBenefit, wan),
    row("NPV", r.npv, wan),
    `P(ROI < 0)            ${pct(r.probLoss.value)} (±${pct(r.probLoss.se)})`,
    `P(ROI > 200%, MVP bar) ${pct(r.probRoiAbove200.value)} (±${pct(r.probRoiAbove200.se)})`,
    `P(payback > 12 months) ${pct(r.probPaybackOver12.value)} (±${pct(r.probPaybackOver12.se)})`,
    "",
  ].join("\n");
}

/** Why a plan never pays back, when its base says so: churn after the programme above churn before. */
function noPaybackReason(plan: UncertainPlan): string | undefined {
  const { churnBefore, churnAfter } = plan.base.benefits;
  if (churnAfter > churnBefore) return `the programme loses customers (churn after it, ${pct(churnAfter)}, is above churn before, ${pct(churnBefore)})`;
  return undefined;
}

/**
 * `churnlab simulate <plan> --trials N --seed S [--workers W] [--model as-stated|bottom-up]
 * [--sampling random|latin-hypercube] [--costs stated|recomputed] [--independent] [--coverage-ramp] [--json]`:
 * Monte Carlo of a plan's first-year ROI. The JSON (see `simulationJson`) is
 * identical for any --workers apart from the `workers` field. A progress bar
 * goes to stderr when it is a terminal (or with --progress).
 *
 * @example
 * // churnlab simulate data/plans/seed-plan-uncertain.json --trials 1000000 --seed 7 --json
 */
export function simulateCommand(): Command {
  return new Command("simulate")
    .description("Monte Carlo of a plan's first-year ROI, payback and NPV with every uncertain input drawn from its distribution")
    .argument("<plan>", "plan JSON; numbers may be distributions (see data/plans/seed-plan-uncertain.json)")
    .option("-n, --trials <n>", "number of trials, 1 to 1e9", "100000")
    .option("-s, --seed <seed>", "master seed (integer); same seed, same result", "1")
    .option("-w, --workers <n>", "worker threads (0: this thread; default: one per core for runs over 65,536 trials); does not change the result")
    .option("-m, --model <model>", "benefit model: as-stated (top-down churn reduction) or bottom-up (per tier); default from the plan")
    .option("--sampling <method>", "random or latin-hypercube; default from the plan")
    .option("--costs <view>", "stated (the plan's cost lines) or recomputed (customers x share x budget); default from the plan")
    .option("--independent", "ignore the plan's declared correlations")
    .option("--coverage-ramp", "bottom-up model: scale benefits and tier interventions by the rollout's customer coverage over the year")
    .option("--progress", "show a progress bar on stderr even when it is not a terminal")
    .option("--json", "print the result as JSON")
    .action(
      action(async (planPath: string, flags: SimulateFlags) => {
        const options: MonteCarloOptions = simulateOptions(flags);
        const plan = loadUncertainPlan(planPath);
        let bar: SingleBar | undefined;
        if (flags.progress === true || process.stderr.isTTY === true) {
          bar = new SingleBar({ stream: process.stderr, noTTYOutput: flags.progress === true, notTTYSchedule: 1000, format: "simulate [{bar}] {percentage}% | {value}/{total} trials | eta {eta}s", hideCursor: true }, Presets.shades_classic);
          bar.start(options.trials, 0);
          options.onProgress = (done) => bar!.update(done);
        }
        try {
          const result = await runMonteCarlo(plan, { ...options, keepSamples: false });
          bar?.stop();
          if (flags.json) printJson(simulationJson(result));
          else process.stdout.write(simulateText(result, planPath, noPaybackReason(plan)));
        } finally {
          bar?.stop();
        }
      }),
    );
}
