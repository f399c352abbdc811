import { Command } from "commander";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { sensitivityReport, type SensitivityReport } from "../../simulation/montecarlo/sensitivity";
import { wanAmount } from "../../io/numberText";

/** Raw flags of `churnlab sensitivity`. */
interface SensitivityFlags {
  model?: string;
  seed: string;
  trials: string;
  sobolSamples: string;
  json?: boolean;
}

/**
 * Validates the flags of `churnlab sensitivity`, collecting every problem.
 *
 * @throws InputError("command line", problems)
 */
export function sensitivityOptions(flags: SensitivityFlags): { model?: "programme" | "as-stated"; seed: number; trials: number; sobolSamples: number } {
  const problems: InputProblem[] = [];
  const int = (flag: string, text: string, min: number, max: number): number => {
    const v = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(v) || v < min || v > max)
      problems.push({ where: flag, message: `must be an integer from ${min} to ${max}, got "${text}"` });
    return v;
  };
  const out: { model?: "programme" | "as-stated"; seed: number; trials: number; sobolSamples: number } = {
    seed: int("--seed", flags.seed, -(2 ** 53 - 1), 2 ** 53 - 1),
    trials: int("--trials", flags.trials, 100, 10_000_000),
    sobolSamples: int("--sobol-samples", flags.sobolSamples, 64, 1_000_000),
  };
  if (flags.model !== undefined) {
    if (flags.model === "as-stated" || flags.model === "programme") out.model = flags.model;
    else if (flags.model === "bottom-up") out.model = "programme";
    else problems.push({ where: "--model", message: `must be one of programme, as-stated, got "${flags.model}"` });
  }
  if (problems.length > 0) throw new InputError("command line", problems);
  return out;
}

const r6 = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : Number(x.toPrecision(6)));

/** The JSON contract of `churnlab sensitivity --json` (numbers to 6 significant digits). */
export function sensitivityJson(r: SensitivityReport): Record<string, unknown> {
  return {
    model: r.model,
    costs: r.costs,
    seed: r.seed,
    trials: r.trials,
    sobolSamples: r.sobolSamples,
    baseRoi: r6(r.baseRoi),
    tornado: r.tornado.map((b) => ({
      name: b.name,
      path: b.path,
      base: r6(b.base),
      p10: r6(b.p10),
      p90: r6(b.p90),
      roiAtP10: r6(b.outputAtP10),
      roiAtP90: r6(b.outputAtP90),
      swing: r6(b.swing),
    })),
    breakEven: r.breakEven.map((b) => ({
      name: b.name,
      path: b.path,
      targetRoi: b.target,
      base: r6(b.base),
      value: r6(b.value),
      reachable: b.value !== null,
      percentile: r6(b.percentile),
      basePercentile: r6(b.basePercentile),
    })),
    sobol: r.sobol.map((s) => ({ name: s.name, first: r6(s.first), firstCi: s.firstCi.map(r6), total: r6(s.total), totalCi: s.totalCi.map(r6) })),
    rankCorrelations: r.rankCorrelations.map((c) => ({ name: c.name, rankCorrelation: r6(c.rankCorrelation) })),
    valueOfInformation: {
      expectedNetBenefit: r6(r.valueOfInformation.expectedNetBenefit),
      decision: r.valueOfInformation.decision,
      evpi: r6(r.valueOfInformation.evpi),
      bins: r.valueOfInformation.bins,
      perInput: r.valueOfInformation.perInput.map((p) => ({ name: p.name, evppi: r6(p.evppi) })),
    },
  };
}

/** Human-readable report (the default output). */
export function sensitivityText(r: SensitivityReport, source: string): string {
  const pct = (x: number | null): string => (x === null ? "-" : `${(x * 100).toFixed(1)}%`);
  const num = (x: number | null): string => (x === null ? "not reachable" : Math.abs(x) >= 1000 ? x.toFixed(0) : x.toPrecision(4));
  const lines = [`${source}: model ${r.model}, base ROI ${pct(r.baseRoi)}`, "", "Tornado (ROI with the input at its P10 / P90, others at base):"];
  for (const b of r.tornado.filter((x) => x.swing > 0))
    lines.push(`  ${b.name.padEnd(48)} ${pct(b.outputAtP10).padStart(8)} ${pct(b.outputAtP90).padStart(8)}  swing ${pct(b.swing)}`);
  lines.push("", "Break-even (others at base): value for ROI = 0 / ROI = 200%, and its percentile in the input's distribution:");
  const names = [...new Set(r.breakEven.map((b) => b.name))];
  for (const name of names) {
    const zero = r.breakEven.find((b) => b.name === name && b.target === 0);
    const mvp = r.breakEven.find((b) => b.name === name && b.target === 2);
    if (zero === undefined || mvp === undefined || (zero.value === null && mvp.value === null)) continue;
    const at = (b: typeof zero): string => (b.value === null ? "not reachable" : `${num(b.value)} (P${pct(b.percentile)})`);
    lines.push(`  ${name.padEnd(48)} ROI 0: ${at(zero)}   ROI 200%: ${at(mvp)}`);
  }
  lines.push("", "Sobol first-order indices of ROI (95% bootstrap interval):");
  for (const s of r.sobol.filter((x) => x.first > 0.005 || x.total > 0.005))
    lines.push(`  ${s.name.padEnd(48)} S ${s.first.toFixed(3)} [${s.firstCi[0].toFixed(3)}, ${s.firstCi[1].toFixed(3)}]  ST ${s.total.toFixed(3)}`);
  const v = r.valueOfInformation;
  lines.push(
    "",
    `Value of information on go/no-go: decision ${v.decision}, E[net benefit] ${wanAmount(v.expectedNetBenefit, 0, "fixed", "")}万, EVPI ${wanAmount(v.evpi, 2, "fixed", "")}万 yuan`,
  );
  for (const p of v.perInput.filter((x) => x.evppi >= 0.5).slice(0, 8)) lines.push(`  EVPPI ${p.name.padEnd(42)} ${p.evppi.toFixed(0)} yuan`);
  return `${lines.join("\n")}\n`;
}

/**
 * `churnlab sensitivity <plan> [--model programme|as-stated] [--seed S] [--trials N] [--sobol-samples N] [--json]`:
 * tornado, break-even, rank correlations, Sobol indices and value of information for a plan's ROI.
 *
 * @example
 * // churnlab sensitivity data/plans/seed-plan-uncertain.json --json
 */
export function sensitivityCommand(): Command {
  return new Command("sensitivity")
    .description("Which uncertain inputs matter: tornado, break-even values, Sobol indices, rank correlations and value of information")
    .argument("<plan>", "plan JSON with distributions (see data/plans/seed-plan-uncertain.json)")
    .option(
      "-m, --model <model>",
      "programme (flows through the channels) or as-stated (the plan's top-down arithmetic); default from the plan, else programme",
    )
    .option("-s, --seed <seed>", "master seed (integer)", "1")
    .option("-n, --trials <n>", "trials of the joint sample for rank correlations and EVPI", "20000")
    .option("--sobol-samples <n>", "base sample size N of the Sobol design (N x (inputs + 2) evaluations)", "4096")
    .option("--json", "print the result as JSON")
    .action(
      action((planPath: string, flags: SensitivityFlags) => {
        const options = sensitivityOptions(flags);
        const plan = loadUncertainPlan(planPath);
        const report = sensitivityReport(plan, options);
        if (flags.json) printJson(sensitivityJson(report));
        else process.stdout.write(sensitivityText(report, planPath));
      }),
    );
}
