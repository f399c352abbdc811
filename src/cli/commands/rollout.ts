import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { action, intOption, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { rolloutGateProblems } from "../../simulation/rollout/rolloutGateProblems";
import { calibrationForPlan, checkAuc, runRollout, type RolloutOptions, type RolloutResult } from "../../simulation/rollout/rolloutSimulation";
import { callsPerAdvisor } from "../../simulation/programme/stageCapacity";
import { rankTiers } from "../../plan/tiers";
import { wanAmount } from "../../io/numberText";

/** Raw option values of `churnlab rollout` (commander hands strings, parsed integers via intOption). */
interface RolloutFlags {
  trials: number;
  seed: number;
  workers?: number;
  replicates: number;
  customers?: number;
  auc?: string;
  advisors?: number;
  delay?: string;
  queue?: string;
  json?: boolean;
  progress: boolean;
}

/** The JSON document `churnlab rollout --json` prints (money in yuan, ROI and rates as fractions; null for non-finite values). It leaves out the worker count, so it is the same for any. */
export type RolloutReport = Omit<RolloutResult, "runs" | "workers">;

/** Parses the fractional flags (all problems together). */
function parseFlags(flags: RolloutFlags): Partial<RolloutOptions> {
  const problems: InputProblem[] = [];
  const out: Partial<RolloutOptions> = {};
  if (flags.auc !== undefined) {
    const auc = Number(flags.auc);
    if (!(flags.auc.trim() !== "" && auc > 0.5 && auc < 1))
      problems.push({ where: "--auc", message: `must be a model AUC between 0.5 and 1, got "${flags.auc}"` });
    else out.modelAuc = auc;
  }
  if (flags.delay !== undefined) {
    const d = Number(flags.delay);
    if (!(flags.delay.trim() !== "" && d >= 0 && d <= 60))
      problems.push({ where: "--delay", message: `must be a number of days from 0 to 60, got "${flags.delay}"` });
    else out.minContactDelayDays = d;
  }
  if (flags.queue !== undefined) {
    if (flags.queue !== "value-first" && flags.queue !== "oldest-first" && flags.queue !== "newest-first")
      problems.push({ where: "--queue", message: `must be value-first, oldest-first or newest-first, got "${flags.queue}"` });
    else out.queueRule = flags.queue;
  }
  if (problems.length > 0) throw new InputError("command line", problems);
  return out;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "—");
const controlNote = (m: RolloutResult["estimates"]["roi"]): string =>
  Number.isFinite(m.beta) ? `; plain mean ${pct(m.naiveMean)} ±${pct(m.naiveSe)}, control variate r = ${m.correlation.toFixed(2)}` : "";
const wan = (yuan: number): string => (Number.isFinite(yuan) ? wanAmount(yuan, 1) : "—");

/**
 * Plain-text summary of a rollout study (money in 万元).
 *
 * @example
 * formatRolloutReport(report).startsWith("Rollout:") // true
 */
function formatRolloutReport(r: RolloutReport): string {
  const lines = [
    `Rollout: ${r.plan} (${r.source})`,
    `  ${r.trials} trials × ${r.replicates} runs of ${r.customers.toLocaleString("en-US")} customers × ${r.weeks} weeks, seed ${r.seed}; model AUC ${r.modelAuc.mean.toFixed(3)} (oracle ${r.calibration.oracleAuc.toFixed(3)})`,
    `  churn without / with the programme: ${pct(r.churn.baseline.mean)} / ${pct(r.churn.programme.mean)} (reduction ${pct(r.churn.reduction.mean)}, 90%: ${pct(r.churn.reduction.p5)}..${pct(r.churn.reduction.p95)})`,
    `  first-year ROI, lifetime value: ${pct(r.estimates.roi.mean)} (±${pct(r.estimates.roi.se)}${controlNote(r.estimates.roi)}), 5-95% of runs: ${pct(r.roi.p5)}..${pct(r.roi.p95)}; P(ROI > 0) ${pct(r.probRoiPositive.value)}`,
    `  first-year ROI, cash: ${pct(r.estimates.cashRoi.mean)} (±${pct(r.estimates.cashRoi.se)}); NPV ${wan(r.estimates.npv.mean)}万 (±${wan(r.estimates.npv.se)})`,
    `  payback within the horizon: ${pct(r.probPaybackWithinRun.value)}; median month ${Number.isFinite(r.paybackMonth.p50) ? r.paybackMonth.p50.toFixed(1) : "beyond the horizon"}`,
    `  cost ${wan(r.costYuan.mean)}万, benefit ${wan(r.benefitYuan.mean)}万, retained customers ${Math.round(r.retainedCustomers.mean)}`,
    "",
    "  tier        flagged  contacts   saved  spend(万)  delay(d)  ≤7d",
    ...r.byTier.map(
      (t) =>
        `  ${t.tierId.padEnd(10)} ${Math.round(t.flagged).toString().padStart(8)} ${Math.round(t.contacts).toString().padStart(9)} ${Math.round(t.saved).toString().padStart(7)} ${wan(t.spendYuan).padStart(10)} ${t.meanDelayDays.toFixed(1).padStart(9)} ${pct(t.within7DaysShare).padStart(6)}`,
    ),
    "",
    "  gate               go    hold   pause  redesign  truly good  false stop|good  false go|not good",
    ...r.gates.map(
      (g) =>
        `  ${`${g.stageId}→${g.nextStageId}`.padEnd(17)} ${pct(g.probGo.value).padStart(6)} ${pct(g.probHold.value).padStart(7)} ${pct(g.probPause.value).padStart(7)} ${pct(g.probRedesign.value).padStart(9)} ${pct(g.probTrulyGood.value).padStart(11)} ${pct(g.falseStopRate.value).padStart(16)} ${pct(g.falseGoRate.value).padStart(18)}`,
    ),
  ];
  if (r.roiVariance !== null)
    lines.push(
      "",
      `  ROI variance: ${pct(r.roiVariance.parameterShare)} from uncertain inputs, ${pct(r.roiVariance.customerShare)} from customer-level randomness`,
    );
  lines.push("", "  month  cumulative cash flow 万元 (5% / 50% / 95%)");
  for (const m of r.cumulativeCashFlow)
    lines.push(`  ${String(m.month).padStart(5)}  ${wan(m.p5).padStart(9)} ${wan(m.p50).padStart(9)} ${wan(m.p95).padStart(9)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `churnlab rollout <plan> --trials N --seed S [--workers W] [--replicates R]
 * [--customers C] [--auc A] [--advisors K] [--delay D] [--queue value-first|oldest-first|newest-first] [--json]`: the
 * customer-level rollout simulation of a plan (plain or uncertain): churn
 * with and without the programme, ROI and payback, monthly cumulative cash
 * flow percentiles, tiers, and the stage gates (decision probabilities,
 * false stop / go, pilot sizes). The same seed gives the same JSON for any
 * number of workers. Bad flags or plans exit 2 with every problem on stderr.
 *
 * @example
 * // churnlab rollout data/plans/seed-plan-uncertain.json --trials 20 --seed 1 --json
 */
export function rolloutCommand(): Command {
  return new Command("rollout")
    .description("Simulate the staged rollout customer by customer and week by week: churn, cash flow, ROI, payback and stage gates")
    .argument("<plan>", "plan JSON, plain or with distributions (e.g. data/plans/seed-plan-uncertain.json)")
    .option("-t, --trials <n>", "outer draws of the uncertain inputs, 1..100000", intOption("--trials", 1, 100_000), 20)
    .option("-s, --seed <n>", "master seed (an integer)", intOption("--seed", -(2 ** 31), 2 ** 31 - 1), 1)
    .option("-w, --workers <n>", "worker threads, 0..64 (default: one per core; the result does not depend on it)", intOption("--workers", 0, 64))
    .option("-r, --replicates <n>", "customer-level runs per draw, 1..100 (2+ splits the ROI variance)", intOption("--replicates", 1, 100), 2)
    .option(
      "-n, --customers <n>",
      "customers simulated, 1000..5000000 (default the plan's base; fewer = a scale model)",
      intOption("--customers", 1000, 5_000_000),
    )
    .option("--auc <a>", "fix the model's AUC (default: the plan's $.simulation.modelAuc, drawn when uncertain)")
    .option(
      "--advisors <k>",
      "service advisors for the tier-2 calls at full scale, in every stage (calls per advisor: the plan's, else what its budget implies)",
      intOption("--advisors", 0, 100_000),
    )
    .option("--delay <days>", "contact no earlier than this many days after the trigger (timing policy; default 0)")
    .option("--queue <rule>", "which flags a saturated channel serves first: value-first (default), oldest-first or newest-first")
    .option("--json", "print JSON (money in yuan, rates and ROI as fractions)")
    .option("--no-progress", "no progress bar on stderr")
    .action(
      action(async (file: string, flags: RolloutFlags) => {
        const parsed = parseFlags(flags);
        const plan = loadUncertainPlan(file);
        const calibration = calibrationForPlan(plan);
        if (typeof parsed.modelAuc === "number") {
          try {
            checkAuc(calibration, parsed.modelAuc);
          } catch (err) {
            throw new InputError("command line", [{ where: "--auc", message: err instanceof Error ? err.message : String(err) }]);
          }
        }
        const gateProblems = rolloutGateProblems(plan.base);
        if (gateProblems.length > 0) throw new InputError(file, gateProblems);
        const options: RolloutOptions = { trials: flags.trials, seed: flags.seed, replicates: flags.replicates, calibration, ...parsed };
        if (flags.workers !== undefined) options.workers = flags.workers;
        if (flags.customers !== undefined) options.customers = flags.customers;
        if (flags.advisors !== undefined)
          options.capacityPerWeek = {
            [rankTiers(plan.base)[1]?.tier.id ?? "high"]: flags.advisors * callsPerAdvisor(plan.base, plan.assumptions.programme).perWeek,
          };
        const bar =
          flags.progress && process.stderr.isTTY
            ? new SingleBar({ format: "rollout [{bar}] {value}/{total} trials", clearOnComplete: true }, Presets.shades_classic)
            : undefined;
        bar?.start(flags.trials, 0);
        options.onProgress = (done) => bar?.update(done);
        let result: RolloutResult;
        try {
          result = await runRollout(plan, options);
        } finally {
          bar?.stop();
        }
        const { runs: _runs, workers: _workers, ...report } = result;
        if (flags.json) printJson(report);
        else process.stdout.write(formatRolloutReport(report));
      }),
    );
}
