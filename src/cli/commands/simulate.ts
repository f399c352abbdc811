import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { loadUncertainPlan, type UncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { runMonteCarlo, type MonteCarloOptions, type MonteCarloResult } from "../../simulation/montecarlo/monteCarlo";
import { simulationJson } from "../../simulation/montecarlo/simulationJson";
import { isOneOf } from "../isOneOf";
import { wanAmount } from "../../io/numberText";

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
  if (isOneOf(allowed, text)) return text;
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
  const model = oneOf(problems, "--model", flags.model, ["programme", "as-stated", "bottom-up"] as const);
  if (model === "bottom-up")
    process.stderr.write(
      "warning: --model bottom-up is replaced by the programme model (flows of newly high-risk customers, not tier stocks); simulating --model programme\n",
    );
  if (model !== undefined) options.model = model === "bottom-up" ? "programme" : model;
  const sampling = oneOf(problems, "--sampling", flags.sampling, ["random", "latin-hypercube"] as const);
  if (sampling !== undefined) options.sampling = sampling;
  const costs = oneOf(problems, "--costs", flags.costs, ["stated", "recomputed"] as const);
  if (costs !== undefined) options.costs = costs;
  if (flags.independent === true) options.independent = true;
  if (flags.coverageRamp === true) {
    if (options.model !== "as-stated")
      problems.push({
        where: "--coverage-ramp",
        message: "applies to the as-stated model only (the programme model follows the rollout's stages itself): add --model as-stated",
      });
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

/**
 * One output's line: mean with its standard error and percentiles; when
 * some trials have no finite value (no payback within the horizon), it says
 * so in words, with the reason when it is known, instead of printing NaN.
 */
function summaryLine(label: string, s: MonteCarloResult["roi"], trials: number, f: (x: number) => string, never = "no value", reason?: string): string {
  const head = label.padEnd(22);
  if (s.finite === 0) return `${head}${never} in any trial${reason === undefined ? "" : `: ${reason}`}`;
  const q = shown(f, "never");
  const share = s.finite < trials ? `  (${never} in ${pct(1 - s.finite / trials)} of trials; mean and sd over the others)` : "";
  return `${head}mean ${f(s.mean)} (±${f(s.se.mean)})  sd ${f(s.sd)}  P5 ${q(s.p5)}  P25 ${q(s.p25)}  P50 ${q(s.p50)}  P75 ${q(s.p75)}  P95 ${q(s.p95)}${share}`;
}

/**
 * Human-readable summary of a run (the default, non-JSON output). Never
 * prints NaN: a payback that no trial reaches is said in words, with
 * `noPaybackReason` when the caller knows it.
 *
 * @example
 * simulateText(result, "plan.json", "the programme loses customers").includes("no payback in any trial: the programme loses customers") // true
 */
export function simulateText(r: MonteCarloResult, source: string, noPaybackReason?: string): string {
  const wan = shown((x) => `${wanAmount(x, 0, "fixed", "")}万`);
  const months = (x: number): string => x.toFixed(2);
  const programme = r.model === "programme";
  return [
    `${source}: ${r.trials.toLocaleString("en-US")} trials, seed ${r.seed}, model ${r.model}${r.coverageRamp ? " with coverage ramp" : ""}${programme ? "" : `, costs ${r.costs}`}, sampling ${r.sampling}`,
    summaryLine("ROI (lifetime value)", r.roi, r.trials, pct),
    summaryLine("ROI (year-1 cash)", r.cashRoi, r.trials, pct),
    summaryLine(`NPV (${r.npvYears} yr, ${(r.discountRate * 100).toFixed(1)}%)`, r.npv, r.trials, wan),
    summaryLine("payback (months)", r.paybackMonths, r.trials, months, programme ? `no payback within ${r.npvYears} years` : "no payback", noPaybackReason),
    summaryLine("net benefit", r.netBenefit, r.trials, wan),
    `P(ROI < 0)             ${pct(r.probLoss.value)} (±${pct(r.probLoss.se)})`,
    `P(ROI > 200%, MVP bar) ${pct(r.probRoiAbove200.value)} (±${pct(r.probRoiAbove200.se)})`,
    `P(payback > 12 months) ${pct(r.probPaybackOver12.value)} (±${pct(r.probPaybackOver12.se)})`,
    `P(NPV < 0)             ${pct(r.probNpvNegative.value)} (±${pct(r.probNpvNegative.se)})`,
    ...r.warnings.map((w) => `warning: ${w}`),
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
 * `churnlab simulate <plan> --trials N --seed S [--workers W] [--model programme|as-stated]
 * [--sampling random|latin-hypercube] [--costs stated|recomputed] [--independent] [--coverage-ramp] [--json]`:
 * Monte Carlo of a plan's ROI (lifetime value and first-year cash), NPV and payback. The JSON (see `simulationJson`) is
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
    .option(
      "-m, --model <model>",
      "programme (flows through the channels, cash and lifetime value) or as-stated (the plan's top-down arithmetic); default from the plan, else programme",
    )
    .option("--sampling <method>", "random or latin-hypercube; default from the plan")
    .option("--costs <view>", "stated (the plan's cost lines) or recomputed (customers x share x budget); default from the plan")
    .option("--independent", "ignore the plan's declared correlations")
    .option("--coverage-ramp", "as-stated model: scale benefits and tier interventions by the rollout's customer coverage over the year")
    .option("--progress", "show a progress bar on stderr even when it is not a terminal")
    .option("--json", "print the result as JSON")
    .action(
      action(async (planPath: string, flags: SimulateFlags) => {
        const options: MonteCarloOptions = simulateOptions(flags);
        const plan = loadUncertainPlan(planPath);
        let bar: SingleBar | undefined;
        if (flags.progress === true || process.stderr.isTTY === true) {
          bar = new SingleBar(
            {
              stream: process.stderr,
              noTTYOutput: flags.progress === true,
              notTTYSchedule: 1000,
              format: "simulate [{bar}] {percentage}% | {value}/{total} trials | eta {eta}s",
              hideCursor: true,
            },
            Presets.shades_classic,
          );
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
