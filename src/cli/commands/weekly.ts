import * as path from "node:path";
import { Command } from "commander";
import { prepareOutputs } from "../../io/outputWriter";
import { ledgerFileName } from "../../actions/ledgerFile";
import { action, intOption, printJson } from "../run";
import { loadUncertainPlan } from "../../simulation/inputs/uncertainPlan";
import { seedPlanFile } from "../../plan/seedPlanFile";
import { formatWeeklySummary, runWeekly } from "../../actions/runWeekly";
import { weekWindowWeeks } from "../../actions/weekWindow";

/** Raw option values of `churnlab weekly`. */
interface WeeklyFlags {
  scores: string;
  previous: string;
  week: string;
  out: string;
  advisors?: string;
  plan?: string;
  cooldownDays?: number;
  force?: boolean;
  json?: boolean;
}

/**
 * `churnlab weekly --scores FILE --previous FILE --week YYYY-MM-DD --out DIR
 * [--advisors FILE] [--plan FILE] [--cooldown-days N] [--force] [--json]`: one Monday
 * of the plan's loop. Flags the newly high risk (this week > trigger, last
 * week <= trigger, or first seen above it), queues them with tier, action,
 * first-detection date and golden-window dates, assigns advisors by outlet
 * within capacity (overflow is reported and carried over), and writes
 * `DIR/queue-<week>.csv`, `DIR/queue-<week>.json` and `DIR/queue-ledger.json`
 * atomically. Re-running a week replaces its own files and never duplicates
 * customers. Prints a summary (stdout; with --json the JSON document goes to
 * stdout and the summary to stderr). Bad input exits 2 and writes nothing:
 * a week more than 8 weeks after the ledger's last week or today (a typo
 * would lock the ledger) and two score files with the same scores need
 * --force; rows must have one cell per header column. One run at a time per
 * folder: the ledger's read-modify-write holds `weekly.lock` in --out; a
 * second run waits up to 10 s, then exits 2 naming the holder.
 *
 * @example
 * // churnlab weekly --scores s-2025-01-13.csv --previous s-2025-01-06.csv --week 2025-01-13 --out crm/
 */
export function weeklyCommand(): Command {
  return new Command("weekly")
    .description("Monday loop: queue the newly high-risk customers for the CRM (tier, action, golden window, advisor) and write the queue atomically")
    .requiredOption("--scores <file>", "this week's scores, CSV: customer_id, probability (0..1) [, outlet_id] [, week]")
    .requiredOption("--previous <file>", "last week's scores, same format")
    .requiredOption("--week <date>", "the Monday of this run, YYYY-MM-DD")
    .requiredOption("--out <dir>", "output folder: queue-<week>.csv, queue-<week>.json and queue-ledger.json (the state between weeks)")
    .option("--advisors <file>", "advisor roster, CSV: advisor_id, outlet_id, weekly_capacity (without it, entries are handed off unassigned)")
    .option("--plan <file>", "plan JSON (tiers, trigger, golden window, horizon; default: churnlab's data/plans/seed-plan.json, wherever it is run from)")
    .option(
      "--cooldown-days <n>",
      "days after a hand-off during which a customer is not queued again (default: the plan's horizon, 30)",
      intOption("--cooldown-days", 0, 3650),
    )
    .option("--force", `accept a week more than ${weekWindowWeeks} weeks after the ledger's last week or today, and score files with identical scores`)
    .option("--json", "print the week's queue document as JSON on stdout (summary to stderr)")
    .action(
      action((flags: WeeklyFlags) => {
        const week = /^\d{4}-\d{2}-\d{2}$/.test(flags.week) ? [`queue-${flags.week}.csv`, `queue-${flags.week}.json`] : [];
        const outputs = prepareOutputs({
          inputs: { "--scores": flags.scores, "--previous": flags.previous, "--advisors": flags.advisors, "--plan": flags.plan },
          folders: { "--out": flags.out },
          files: { "--out": [...week, ledgerFileName].map((name) => path.join(flags.out, name)) },
        });
        const plan = loadUncertainPlan(flags.plan ?? seedPlanFile).base;
        const report = runWeekly({
          scoresFile: flags.scores,
          previousFile: flags.previous,
          week: flags.week,
          outDir: flags.out,
          plan,
          writeFiles: (files) => void outputs.write(files),
          ...(flags.advisors !== undefined ? { advisorsFile: flags.advisors } : {}),
          ...(flags.cooldownDays !== undefined ? { cooldownDays: flags.cooldownDays } : {}),
          ...(flags.force === true ? { force: true } : {}),
        });
        const text = `${formatWeeklySummary(report.summary, report.warnings)}  wrote ${report.files.queueCsv}, ${report.files.queueJson}, ${report.files.ledger}${report.rerun ? " (re-run: replaced this week's files)" : ""}\n`;
        if (flags.json) {
          printJson({
            week: report.summary.week,
            summary: report.summary,
            warnings: report.warnings,
            files: report.files,
            rerun: report.rerun,
            queue: report.queue,
          });
          process.stderr.write(text);
        } else process.stdout.write(text);
      }),
    );
}
