import * as fs from "node:fs";
import * as path from "node:path";
import { Command } from "commander";
import { action, printJson } from "../run";
import { InputError, type InputProblem } from "../../io/InputError";
import { languages, type Lang } from "../../charts/labels";
import { formatNumber } from "../../charts/format";
import { defaultCeoRollout, defaultCeoTrials } from "../../report/collectCeoInputs";
import { ceoReportFiles, writeCeoReport, type CeoReportOptions } from "../../report/writeCeoReport";
import { prepareOutputs } from "../../io/outputWriter";

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
  else if (fs.existsSync(flags.out) && !fs.statSync(flags.out).isDirectory()) problems.push({ where: "--out", message: `"${flags.out}" is a file, not a folder` });
  const lang = flags.lang.toLowerCase();
  if (!(languages as readonly string[]).includes(lang)) problems.push({ where: "--lang", message: `must be one of ${languages.join(", ")}, got "${flags.lang}"` });
  const trials = Number(flags.trials);
  if (!/^\s*\d+\s*$/.test(flags.trials) || !(trials >= 1 && trials <= maxReportTrials)) problems.push({ where: "--trials", message: `must be an integer from 1 to ${maxReportTrials}, got "${flags.trials}"` });
  const seed = Number(flags.seed);
  if (!/^\s*-?\d+\s*$/.test(flags.seed) || !Number.isSafeInteger(seed)) problems.push({ where: "--seed", message: `must be an integer, got "${flags.seed}"` });
  const rolloutTrials = Number(flags.rolloutTrials);
  if (!/^\s*\d+\s*$/.test(flags.rolloutTrials) || !(rolloutTrials >= 0 && rolloutTrials <= maxRolloutTrials)) problems.push({ where: "--rollout-trials", message: `must be an integer from 0 to ${maxRolloutTrials} (0 skips the rollout simulation), got "${flags.rolloutTrials}"` });
  if (problems.length > 0) throw new InputError("command line", problems);
  return { outDir: flags.out, lang: lang as Lang, trials, seed, rollout: rolloutTrials === 0 ? false : { trials: rolloutTrials } };
}

/**
 * `churnlab report <plan> --out DIR [--lang zh|en] [--trials N] [--seed S] [--rollout-trials R] [--json]`:
 * writes the CEO one-pager (`ceo-page.html`, self-contained and offline;
 * `ceo-page.pdf`, one A4 page; `ceo-page.png`, a screenshot for review) for
 * a plan or uncertain-plan file, all three atomically. Prints the paths and
 * the headline figures (or, with `--json`, `{html, pdf, screenshot, planSha256,
 * seed, trials, roi: {p5, p50, p95}, probPaybackWithinYear, probRoiAbove200}`).
 * Bad flags, a bad plan, an unwritable --out (checked before any work) or
 * plan texts too long for one A4 page (each named by its JSON path) exit 2
 * and write nothing; a Chromium failure exits 1 and writes nothing.
 */
export function reportCommand(): Command {
  return new Command("report")
    .description("Write the CEO one-pager for a plan: ceo-page.html (offline), ceo-page.pdf (one A4 page) and ceo-page.png, from the plan, its audit, a Monte Carlo run and the stage gates")
    .argument("<plan>", "plan or uncertain-plan JSON file, e.g. data/plans/seed-plan-uncertain.json")
    .requiredOption("-o, --out <dir>", "output folder (created when missing)")
    .option("-l, --lang <lang>", `page language: ${languages.join(" or ")}`, "zh")
    .option("-n, --trials <n>", `Monte Carlo trials, 1 to ${maxReportTrials}`, String(defaultCeoTrials))
    .option("-s, --seed <seed>", "master seed (integer) of the Monte Carlo and rollout runs; same seed, same figures", "1")
    .option("--rollout-trials <n>", `draws of the customer-level rollout simulation behind the stage gates (a ${formatNumber(defaultCeoRollout.customers)}-customer scale model), 0 to ${maxRolloutTrials}; 0 skips it`, String(defaultCeoRollout.trials))
    .option("--json", "print the paths and headline figures as JSON")
    .action(
      action(async (planFile: string, flags: ReportFlags) => {
        const options = reportOptions(flags);
        // Checked before the simulation and rendering: the folder and its three files must be writable, and none may be the plan.
        const pageFiles = Object.values(ceoReportFiles).map((name) => path.join(options.outDir, name));
        prepareOutputs({ inputs: { "<plan>": planFile }, folders: { "--out": options.outDir }, files: { "--out": pageFiles } });
        const result = await writeCeoReport(planFile, options);
        const mc = result.inputs.monteCarlo;
        const summary = {
          html: result.html,
          pdf: result.pdf,
          screenshot: result.screenshot,
          plan: result.inputs.planFile.name,
          planSha256: result.inputs.planFile.sha256,
          seed: result.inputs.run.seed,
          trials: result.inputs.run.trials,
          costs: result.inputs.run.costs,
          rolloutTrials: result.inputs.rollout?.trials ?? 0,
          gates: result.inputs.gates.map((g) => ({ stage: g.stageId, month: g.decisionMonth, source: g.source, go: g.passProbability, hold: g.holdProbability, stop: g.stopProbability })),
          roi: { p5: mc.roi.p5, p50: mc.roi.p50, p95: mc.roi.p95 },
          probPaybackWithinYear: 1 - mc.probPaybackOver12.value,
          probRoiAbove200: mc.probRoiAbove200.value,
        };
        if (flags.json) printJson(summary);
        else {
          const pct = (x: number): string => `${formatNumber(x * 100, 1)}%`;
          process.stdout.write(
            `wrote ${result.html}\nwrote ${result.pdf} (1 A4 page)\nwrote ${result.screenshot}\n` +
              `ROI median ${pct(mc.roi.p50)} (90% range ${pct(mc.roi.p5)}–${pct(mc.roi.p95)}), payback within the year ${pct(summary.probPaybackWithinYear)}, ROI > 200% ${pct(summary.probRoiAbove200)} ` +
              `(seed ${summary.seed}, ${formatNumber(summary.trials)} trials, plan sha256 ${summary.planSha256.slice(0, 12)}…)\n`,
          );
        }
      }),
    );
}
