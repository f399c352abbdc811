import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { writeFilesAtomic } from "../io/writeFileAtomic";
import { isoToDay, isoWeekday } from "../data/dates";
import type { Plan } from "../plan/schema";
import { loadScores } from "./loadScores";
import { loadAdvisors } from "./loadAdvisors";
import { ledgerFileName, loadLedger, queueToCsv } from "./ledgerFile";
import { weeklyQueue, type WeeklyQueueResult } from "./weeklyQueue";
import type { Advisor, WeeklySummary } from "./queueTypes";

/** Options of {@link runWeekly}: the files of one Monday run. */
export interface RunWeeklyOptions {
  /** This week's score file (CSV: customer_id, probability[, outlet_id][, week]). */
  scoresFile: string;
  /** Last week's score file, same format. */
  previousFile: string;
  /** The Monday of this run, YYYY-MM-DD. */
  week: string;
  /** Output folder: receives queue-<week>.csv, queue-<week>.json and the ledger. */
  outDir: string;
  plan: Plan;
  /** Advisor roster CSV (advisor_id, outlet_id, weekly_capacity); without it entries are handed off unassigned. */
  advisorsFile?: string;
  /** Cool-down after a hand-off, days; default the plan's horizon. */
  cooldownDays?: number;
  /** The writer (default writeFilesAtomic); tests inject failures here. */
  writeFiles?: (files: Map<string, string>) => void;
}

/** What {@link runWeekly} did: the queue result, the files written, and warnings worth reading. */
export interface RunWeeklyReport extends WeeklyQueueResult {
  files: { queueCsv: string; queueJson: string; ledger: string };
  warnings: string[];
  /** True when this week had been run before (its files were replaced). */
  rerun: boolean;
}

/**
 * The CRM hand-off of one Monday: validates the inputs (every problem at
 * once), runs {@link weeklyQueue} against the ledger in `outDir`, then writes
 * `queue-<week>.csv`, `queue-<week>.json` and `queue-ledger.json` as one
 * atomic unit (staged, then renamed; a failure leaves no partial file and
 * earlier weeks' files are never touched: each week has its own file names).
 *
 * Checks: `week` is a valid Monday; the score files differ; a week stated in
 * a score file (week column or a date in its name) matches `week` for this
 * week and is earlier than `week` for the previous file; the two files share
 * at least one customer (else they are probably mismatched); the ledger has
 * no week after `week` (only the latest week can be re-run).
 *
 * @throws InputError naming the file (or "command line") and every problem.
 * @example
 * runWeekly({ scoresFile: "s-2025-01-13.csv", previousFile: "s-2025-01-06.csv", week: "2025-01-13", outDir: "out", plan }).summary.queued;
 */
export function runWeekly(options: RunWeeklyOptions): RunWeeklyReport {
  const { plan, week } = options;
  const flagProblems: InputProblem[] = [];
  const day = isoToDay(week);
  if (Number.isNaN(day)) flagProblems.push({ where: "--week", message: `must be a date YYYY-MM-DD, got "${week}"` });
  else if (isoWeekday(day) !== 1) flagProblems.push({ where: "--week", message: `${week} is not a Monday (scoring runs every Monday)` });
  if (options.cooldownDays !== undefined && !(Number.isInteger(options.cooldownDays) && options.cooldownDays >= 0)) {
    flagProblems.push({ where: "--cooldown-days", message: `must be a whole number of days >= 0, got ${options.cooldownDays}` });
  }
  if (path.resolve(options.scoresFile) === path.resolve(options.previousFile)) flagProblems.push({ where: "--previous", message: "is the same file as --scores" });
  if (flagProblems.length > 0) throw new InputError("command line", flagProblems);

  const current = loadScores(options.scoresFile);
  const previous = loadScores(options.previousFile);
  const warnings: string[] = [];
  if (current.week !== null && current.week !== week) {
    throw new InputError(options.scoresFile, [{ where: current.weekFrom === "column" ? "column week" : "file name", message: `scores are for week ${current.week}, but --week is ${week}` }]);
  }
  if (previous.week !== null) {
    if (!(previous.week < week)) {
      throw new InputError(options.previousFile, [{ where: previous.weekFrom === "column" ? "column week" : "file name", message: `previous scores are for week ${previous.week}, which is not before --week ${week}` }]);
    }
    const gap = day - isoToDay(previous.week);
    if (gap !== plan.timing.scoringIntervalDays) warnings.push(`previous scores are ${gap} days before ${week}; the plan scores every ${plan.timing.scoringIntervalDays} days`);
  }
  const currentIds = new Set(current.customers.map((c) => c.customerId));
  if (!previous.customers.some((c) => currentIds.has(c.customerId))) {
    throw new InputError(options.previousFile, [{ where: "column customer_id", message: `no customer id in common with ${options.scoresFile}: the files do not look like two weeks of the same population` }]);
  }

  let advisors: Advisor[] | undefined;
  if (options.advisorsFile !== undefined) {
    advisors = loadAdvisors(options.advisorsFile);
    if (!current.hasOutlet) warnings.push("the score file has no outlet column: customers are assigned to any advisor");
    else {
      const outlets = new Set(advisors.map((a) => a.outletId));
      const missing = new Set(current.customers.filter((c) => c.outletId !== undefined && c.outletId !== "" && !outlets.has(c.outletId)).map((c) => c.outletId));
      if (missing.size > 0) warnings.push(`${missing.size} outlet(s) in the scores have no advisor (e.g. ${[...missing].slice(0, 3).join(", ")}): their flagged customers overflow`);
    }
  }

  const ledgerPath = path.join(options.outDir, ledgerFileName);
  const ledger = loadLedger(ledgerPath);
  const last = ledger.weeks[ledger.weeks.length - 1];
  if (last !== undefined && last.week > week) {
    throw new InputError(ledgerPath, [{ where: `$.weeks[${ledger.weeks.length - 1}].week`, message: `the ledger already holds week ${last.week}, after --week ${week}: only the latest week can be re-run` }]);
  }
  const rerun = ledger.weeks.some((w) => w.week === week);
  const lastBefore = [...ledger.weeks].reverse().find((w) => w.week < week);
  if (lastBefore !== undefined && previous.week !== null && previous.week !== lastBefore.week) {
    warnings.push(`the ledger's last run is for ${lastBefore.week} but the previous scores are for ${previous.week}`);
  }

  const result = weeklyQueue({
    week,
    current: current.customers,
    previous: previous.customers,
    plan,
    ledger,
    ...(advisors !== undefined ? { advisors } : {}),
    ...(options.cooldownDays !== undefined ? { cooldownDays: options.cooldownDays } : {}),
  });

  const files = {
    queueCsv: path.join(options.outDir, `queue-${week}.csv`),
    queueJson: path.join(options.outDir, `queue-${week}.json`),
    ledger: ledgerPath,
  };
  const json = { week, scores: options.scoresFile, previous: options.previousFile, summary: result.summary, warnings, queue: result.queue };
  const write = options.writeFiles ?? ((f: Map<string, string>) => writeFilesAtomic(f));
  write(
    new Map([
      [files.queueCsv, queueToCsv(result.queue)],
      [files.queueJson, `${JSON.stringify(json, null, 2)}\n`],
      [files.ledger, `${JSON.stringify(result.ledger)}\n`],
    ]),
  );
  return { ...result, files, warnings, rerun };
}

/**
 * The week's summary as a few lines of plain text (for the terminal).
 *
 * @example
 * formatWeeklySummary(summary).split("\n")[0]; // "Week 2025-01-13: 2,000 scored, 231 above 0.5"
 */
export function formatWeeklySummary(summary: WeeklySummary, warnings: readonly string[] = []): string {
  const n = (x: number): string => x.toLocaleString("en-US");
  const lines = [
    `Week ${summary.week}: ${n(summary.scored)} scored, ${n(summary.aboveTrigger)} above ${summary.triggerProbability}`,
    `  newly high risk: ${n(summary.crossed)} crossed, ${n(summary.firstSeen)} first seen; skipped ${n(summary.alreadyQueued)} already queued, ${n(summary.inCooldown)} in ${summary.cooldownDays}-day cool-down`,
    `  carried over: ${n(summary.carriedOver)}, expired: ${n(summary.expired)}, resolved (fell back to ${summary.triggerProbability} or below): ${n(summary.resolved)}`,
    `  queue: ${n(summary.queued)} (${summary.byTier.map((c, i) => `tier ${i + 1}: ${n(c)}`).join(", ")}), budget ${n(summary.budgetYuan)} yuan`,
    `  assigned ${n(summary.assigned)}, unassigned ${n(summary.unassigned)}, overflow ${n(summary.overflow)}`,
  ];
  const full = summary.advisorLoad.filter((a) => a.assigned >= a.weeklyCapacity).length;
  if (summary.advisorLoad.length > 0) lines.push(`  advisors: ${summary.advisorLoad.length}, at capacity: ${full}`);
  for (const w of warnings) lines.push(`  warning: ${w}`);
  return `${lines.join("\n")}\n`;
}
