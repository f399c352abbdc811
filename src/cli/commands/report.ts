import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { languages } from "../../charts/labels";
import { formatNumber, formatWan } from "../../charts/format";
import { probabilityMeaning } from "../../simulation/recommendation";
import type { CeoReportResult } from "../../report/writeCeoReport";
import { defaultCeoRollout, defaultCeoTrials } from "../../report/collectCeoInputs";
import { ceoReportFiles, writeCeoReport, type CeoReportOptions } from "../../report/writeCeoReport";
import { prepareOutputs } from "../../io/outputWriter";
import { isOneOf } from "../isOneOf";

/** Raw option values of `churnlab report`, as commander hands them over (strings). */
interface ReportFlags {
  out: string;
  lang: string;
  trials: string;
  seed: string;
  rolloutTrials: string;
  json?: boolean;
}

/** Most rollout draws `churnlab report` accepts (each simulates every customer week by week: about 0.4 s per draw at 20,000 customers). */
export const maxRolloutTrials = 10_000;

/** Most trials `churnlab report` accepts (the ROI sample is kept for the histogram: 16 bytes per trial). */
export const maxReportTrials = 10_000_000;

/**
 * Validates the flags of `churnlab report`, collecting every problem.
 *
 * @throws InputError("command line", problems) naming each bad flag
 * @example
 * reportOptions({ out: "out", lang: "en", trials: "20000", seed: "7", rolloutTrials: "0" }) // { outDir: "out", lang: "en", trials: 20000, seed: 7, rollout: false }
 */
export function reportOptions(flags: ReportFlags): CeoReportOptions {
  const problems: InputProblem[] = [];
  if (flags.out.trim() === "") problems.push({ where: "--out", message: "must name a folder" });
  else if (fs.existsSync(flags.out) && !fs.statSync(flags.out).isDirectory())
    problems.push({ where: "--out", message: `"${flags.out}" is a file, not a folder` });
  const langText = flags.lang.toLowerCase();
  const lang = isOneOf(languages, langText) ? langText : undefined;
  if (lang === undefined) problems.push({ where: "--lang", message: `must be one of ${languages.join(", ")}, got "${flags.lang}"` });
  const trials = Number(flags.trials);
  if (!/^\s*\d+\s*$/.test(flags.trials) || !(trials >= 1 && trials <= maxReportTrials))
    problems.push({ where: "--trials", message: `must be an integer from 1 to ${maxReportTrials}, got "${flags.trials}"` });
  const seed = Number(flags.seed);
  if (!/^\s*-?\d+\s*$/.test(flags.seed) || !Number.isSafeInteger(seed)) problems.push({ where: "--seed", message: `must be an integer, got "${flags.seed}"` });
  const rolloutTrials = Number(flags.rolloutTrials);
  if (!/^\s*\d+\s*$/.test(flags.rolloutTrials) || !(rolloutTrials >= 0 && rolloutTrials <= maxRolloutTrials))
    problems.push({
      where: "--rollout-trials",
      message: `must be an integer from 0 to ${maxRolloutTrials} (0 skips the rollout simulation), got "${flags.rolloutTrials}"`,
    });
  if (problems.length > 0 || lang === undefined) throw new InputError("command line", problems);
  return { outDir: flags.out, lang, trials, seed, rollout: rolloutTrials === 0 ? false : { trials: rolloutTrials } };
}

/**
 * The figures `churnlab report` prints, from the page's inputs: the paths,
 * the plan file and run, the recommendation (decision, probability and what
 * it is the probability of, reasons as English sentences, pivots), the
 * headline ROI (the bridge's end), the bridge, the gates and the programme
 * model's Monte Carlo summaries (lifetime-value ROI, cash ROI, NPV).
 *
 * @example
 * reportSummary(await writeCeoReport(plan, options)).headlineRoi // { value: -0.946, se: 0.0001 }: the bridge's end
 */
export function reportSummary(result: CeoReportResult) {
  const { inputs } = result;
  const mc = inputs.monteCarlo;
  const rec = inputs.recommendation;
  return {
    html: result.html,
    pdf: result.pdf,
    screenshot: result.screenshot,
    plan: inputs.planFile.name,
    planSha256: inputs.planFile.sha256,
    seed: inputs.run.seed,
    trials: inputs.run.trials,
    rolloutTrials: inputs.rollout?.trials ?? 0,
    recommendation: { decision: rec.decision, probability: rec.probability, probabilityOf: rec.probabilityOf, reasons: rec.reasons, pivots: rec.pivots },
    headlineRoi: inputs.headlineRoi,
    bridge: { start: inputs.bridge.start, steps: inputs.bridge.steps, end: inputs.bridge.end },
    gates: inputs.gates.map((g) => ({
      stage: g.stageId,
      month: g.decisionMonth,
      source: g.source,
      go: g.passProbability,
      hold: g.holdProbability,
      stop: g.stopProbability,
    })),
    roi: { mean: mc.roi.mean, se: mc.roi.se.mean, p5: mc.roi.p5, p50: mc.roi.p50, p95: mc.roi.p95 },
    cashRoi: { mean: mc.cashRoi.mean, se: mc.cashRoi.se.mean, p5: mc.cashRoi.p5, p50: mc.cashRoi.p50, p95: mc.cashRoi.p95 },
    npv: { years: mc.npvYears, discountRate: mc.discountRate, mean: mc.npv.mean, se: mc.npv.se.mean },
    probPaybackWithinYear: 1 - mc.probPaybackOver12.value,
    probRoiAbove200: mc.probRoiAbove200.value,
  };
}

/**
 * The text `churnlab report` prints: the decision first (with its
 * probability and what it is the probability of, the reasons and the
 * assumptions that would change it), then the headline figures with their
 * standard errors, then the files written and the run.
 *
 * @example
 * reportText(summary).split("\n")[0] // "recommendation: redesign (100.0%: the first-year lifetime-value ROI misses the MVP line)"
 */
export function reportText(r: ReturnType<typeof reportSummary>): string {
  const pct = (x: number): string => `${formatNumber(x * 100, 1)}%`;
  const points = (se: number): string => `±${formatNumber(se * 100, 2)} points`;
  const rec = r.recommendation;
  const pivots = rec.pivots.map((p) => `${p.name} (ROI ${pct(p.roiAtP10)} at P10, ${pct(p.roiAtP90)} at P90)`);
  const npv = `${r.npv.years}-year NPV ${formatWan(r.npv.mean, "en")} (±${formatWan(r.npv.se, "en")}) at ${pct(r.npv.discountRate)}`;
  return [
    `recommendation: ${rec.decision} (${pct(rec.probability)}: ${probabilityMeaning[rec.probabilityOf]})`,
    ...rec.reasons.map((x) => `  - ${x}`),
    ...(pivots.length > 0 ? [`  would change it most: ${pivots.join("; ")}`] : []),
    `headline: first-year cash ROI ${pct(r.headlineRoi.value)} (${points(r.headlineRoi.se)}), the end of the ROI bridge from the stated ${pct(r.bridge.start.roi)}`,
    `  lifetime-value ROI ${pct(r.roi.mean)} (${points(r.roi.se)}); ${npv}; payback within the year ${pct(r.probPaybackWithinYear)}`,
    `wrote ${r.html}`,
    `wrote ${r.pdf} (1 A4 page)`,
    `wrote ${r.screenshot}`,
    `(seed ${r.seed}, ${formatNumber(r.trials)} trials, plan sha256 ${r.planSha256.slice(0, 12)}…)`,
    "",
  ].join("\n");
}

/**
 * `churnlab report <plan> --out DIR [--lang zh|en] [--trials N] [--seed S] [--rollout-trials R] [--json]`:
 * writes the CEO one-pager (`ceo-page.html`, self-contained and offline;
 * `ceo-page.pdf`, one A4 page; `ceo-page.png`, a screenshot for review) for
 * a plan or uncertain-plan file, all three atomically. Prints the decision
 * first, then the headline figures and the paths (or, with `--json`,
 * {@link reportSummary}: `recommendation: {decision, probability,
 * probabilityOf, reasons, pivots}`, `headlineRoi: {value, se}` equal to the
 * end of `churnlab bridge` for the same plan, seed and trials, the bridge,
 * gates and summaries). Bad flags, a bad plan, an unwritable --out
 * (checked before any work) or plan texts too long for one A4 page (each
 * named by its JSON path) exit 2 and write nothing; a Chromium failure
 * exits 1 and writes nothing.
 */
export function reportCommand(): Command {
  return new Command("report")
    .description(
      "Write the CEO one-pager for a plan: ceo-page.html (offline), ceo-page.pdf (one A4 page) and ceo-page.png: " +
        "the recommendation, the reconciled ROI and the bridge to it, the stage gates, from one run of the programme model",
    )
    .argument("<plan>", "plan or uncertain-plan JSON file, e.g. data/plans/seed-plan-uncertain.json")
    .requiredOption("-o, --out <dir>", "output folder (created when missing)")
    .option("-l, --lang <lang>", `page language: ${languages.join(" or ")}`, "zh")
    .option("-n, --trials <n>", `Monte Carlo trials of each bridge variant, 1 to ${maxReportTrials}`, String(defaultCeoTrials))
    .option("-s, --seed <seed>", "master seed (integer) of the Monte Carlo and rollout runs; same seed, same figures", "1")
    .option(
      "--rollout-trials <n>",
      `draws of the customer-level rollout simulation behind the stage gates (a ${formatNumber(defaultCeoRollout.customers)}-customer scale model), 0 to ${maxRolloutTrials}; 0 skips it`,
      String(defaultCeoRollout.trials),
    )
    .option("--json", "print the paths, recommendation and headline figures as JSON")
    .action(
      action(async (planFile: string, flags: ReportFlags) => {
        const options = reportOptions(flags);
        // Checked before the simulation and rendering: the folder and its three files must be writable, and none may be the plan.
        const pageFiles = Object.values(ceoReportFiles).map((name) => path.join(options.outDir, name));
        prepareOutputs({ inputs: { "<plan>": planFile }, folders: { "--out": options.outDir }, files: { "--out": pageFiles } });
        const summary = reportSummary(await writeCeoReport(planFile, options));
        if (flags.json) printJson(summary);
        else process.stdout.write(reportText(summary));
      }),
    );
}
