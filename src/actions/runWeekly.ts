import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { makeOutputFolder } from "../io/makeOutputFolder";
import { withFileLock } from "../io/withFileLock";
import { writeFilesAtomic } from "../io/writeFileAtomic";
import { dayToIso, isoToDay, isoWeekday } from "../data/dates";
import type { Plan } from "../plan/schema";
import { loadScores, type ScoreFile } from "./loadScores";
import { loadAdvisors } from "./loadAdvisors";
import { ledgerFileName, loadLedger, queueToCsv } from "./ledgerFile";
import { weeklyQueue, type WeeklyQueueResult } from "./weeklyQueue";
import { weekWindowProblems } from "./weekWindow";
import type { Advisor, WeeklySummary } from "./queueTypes";

/** File name of the lock a weekly run holds in its output folder while it reads, updates and writes the ledger: "weekly.lock". */
const weeklyLockFileName = "weekly.lock";

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
  /** Accept a week beyond the sanity window ({@link weekWindowProblems}) and score files with identical content (default false). */
  force?: boolean;
  /** Today's date, YYYY-MM-DD, for the sanity window (default: the system date, UTC). */
  today?: string;
  /** How long to wait for another run holding the ledger's lock, in milliseconds (default 10,000). */
  lockWaitMs?: number;
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

/** The file a path names, through symbolic and hard links (null when it cannot be read: the loader reports that). */
function fileIdentity(file: string): string | null {
  try {
    const st = fs.statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/** Problems with the flags alone: the week's date and weekday, the cool-down, the two score files being one file. */
function flagProblems(options: RunWeeklyOptions): InputProblem[] {
  const problems: InputProblem[] = [];
  const day = isoToDay(options.week);
  if (Number.isNaN(day)) problems.push({ where: "--week", message: `must be a date YYYY-MM-DD, got "${options.week}"` });
  else if (isoWeekday(day) !== 1) problems.push({ where: "--week", message: `${options.week} is not a Monday (scoring runs every Monday)` });
  if (options.cooldownDays !== undefined && !(Number.isInteger(options.cooldownDays) && options.cooldownDays >= 0)) {
    problems.push({ where: "--cooldown-days", message: `must be a whole number of days >= 0, got ${options.cooldownDays}` });
  }
  const a = fileIdentity(options.scoresFile);
  if (path.resolve(options.scoresFile) === path.resolve(options.previousFile) || (a !== null && a === fileIdentity(options.previousFile))) {
    problems.push({ where: "--previous", message: `is the same file as --scores (${options.scoresFile})` });
  }
  return problems;
}

/** True when two score files hold the same customers with the same probabilities (a copied file). */
function sameScores(a: ScoreFile, b: ScoreFile): boolean {
  if (a.customers.length !== b.customers.length) return false;
  const p = new Map(b.customers.map((c) => [c.customerId, c.probability]));
  return a.customers.every((c) => p.get(c.customerId) === c.probability);
}

/** Checks the two score files against --week and each other; returns warnings. */
function checkScores(options: RunWeeklyOptions, current: ScoreFile, previous: ScoreFile): string[] {
  const { week, plan } = options;
  const warnings: string[] = [];
  if (current.week !== null && current.week !== week) {
    throw new InputError(options.scoresFile, [
      {
        where: current.weekFrom === "column" ? "column week" : "file name",
        message: `scores are for week ${current.week}, but --week is ${week}`,
      },
    ]);
  }
  if (previous.week !== null) {
    if (!(previous.week < week)) {
      throw new InputError(options.previousFile, [
        {
          where: previous.weekFrom === "column" ? "column week" : "file name",
          message: `previous scores are for week ${previous.week}, which is not before --week ${week}`,
        },
      ]);
    }
    const gap = isoToDay(week) - isoToDay(previous.week);
    const every = plan.timing.scoringIntervalDays;
    if (gap !== every) warnings.push(`previous scores are ${gap} days before ${week}; the plan scores every ${every} days`);
  }
  const currentIds = new Set(current.customers.map((c) => c.customerId));
  if (!previous.customers.some((c) => currentIds.has(c.customerId))) {
    throw new InputError(options.previousFile, [
      {
        where: "column customer_id",
        message: `no customer id in common with ${options.scoresFile}: the files do not look like two weeks of the same population`,
      },
    ]);
  }
  if (sameScores(current, previous)) {
    const same = `--scores ${options.scoresFile} and --previous ${options.previousFile} hold the same customers with the same probabilities`;
    if (options.force !== true) {
      throw new InputError("command line", [
        {
          where: "--scores, --previous",
          message: `${same}: last week's file was probably copied, and no customer can cross the trigger; pass --force if the scores really did not change`,
        },
      ]);
    }
    warnings.push(`${same} (accepted with --force): no customer crosses the trigger this week`);
  }
  return warnings;
}

/** Warnings about the advisor roster against this week's outlets. */
function advisorWarnings(advisors: readonly Advisor[], current: ScoreFile): string[] {
  if (!current.hasOutlet) return ["the score file has no outlet column: customers are assigned to any advisor"];
  const outlets = new Set(advisors.map((a) => a.outletId));
  const missing = new Set(current.customers.filter((c) => c.outletId !== undefined && c.outletId !== "" && !outlets.has(c.outletId)).map((c) => c.outletId));
  if (missing.size === 0) return [];
  return [`${missing.size} outlet(s) in the scores have no advisor (e.g. ${[...missing].slice(0, 3).join(", ")}): their flagged customers overflow`];
}

/**
 * The CRM hand-off of one Monday: validates the inputs (every problem at
 * once), then, holding the folder's lock (`weekly.lock`, see
 * `withFileLock`: one run at a time per folder, a second run waits up to
 * `lockWaitMs` and then exits 2 naming the holder), reads the ledger, runs
 * {@link weeklyQueue} against it and writes `queue-<week>.csv`,
 * `queue-<week>.json` and `queue-ledger.json` as one atomic unit (staged,
 * then renamed; a failure leaves no partial file and earlier weeks' files
 * are never touched: each week has its own file names).
 *
 * Checks: `week` is a valid Monday, at most 8 weeks after the ledger's last
 * week and after today unless `force` ({@link weekWindowProblems}); the score
 * files are different files and, unless `force`, not the same scores; a week
 * stated in a score file (week column or a date in its name) matches `week`
 * for this week and is earlier than `week` for the previous file; the two
 * files share at least one customer (else they are probably mismatched);
 * rows have one cell per header column; the ledger has no week after `week`
 * (only the latest week can be re-run).
 *
 * @throws InputError naming the file (or "command line") and every problem.
 * @example
 * runWeekly({ scoresFile: "s-2025-01-13.csv", previousFile: "s-2025-01-06.csv", week: "2025-01-13", outDir: "out", plan }).summary.queued;
 */
export function runWeekly(options: RunWeeklyOptions): RunWeeklyReport {
  const { week } = options;
  const today = options.today ?? dayToIso(Math.floor(Date.now() / 86_400_000));
  const problems = flagProblems(options);
  if (options.force !== true) for (const p of weekWindowProblems(week, null, today)) problems.push(p);
  if (problems.length > 0) throw new InputError("command line", problems);
  const current = loadScores(options.scoresFile);
  const previous = loadScores(options.previousFile);
  const warnings = checkScores(options, current, previous);
  let advisors: Advisor[] | undefined;
  if (options.advisorsFile !== undefined) {
    advisors = loadAdvisors(options.advisorsFile);
    for (const w of advisorWarnings(advisors, current)) warnings.push(w);
  }
  const created = !fs.existsSync(options.outDir);
  makeOutputFolder(options.outDir);
  const lockOptions = { purpose: `churnlab weekly --week ${week}`, ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}) };
  try {
    return withFileLock(path.join(options.outDir, weeklyLockFileName), () => queueUnderLock(options, current, previous, advisors, warnings), lockOptions);
  } catch (err) {
    if (created && fs.readdirSync(options.outDir).length === 0) fs.rmdirSync(options.outDir); // bad input leaves no new empty folder
    throw err;
  }
}

/** The read-modify-write of the ledger: must run under the ledger's lock. */
function queueUnderLock(
  options: RunWeeklyOptions,
  current: ScoreFile,
  previous: ScoreFile,
  advisors: Advisor[] | undefined,
  warnings: string[],
): RunWeeklyReport {
  const { week, plan } = options;
  const ledgerPath = path.join(options.outDir, ledgerFileName);
  const ledger = loadLedger(ledgerPath);
  const last = ledger.weeks[ledger.weeks.length - 1];
  if (last !== undefined && last.week > week) {
    throw new InputError(ledgerPath, [
      {
        where: `$.weeks[${ledger.weeks.length - 1}].week`,
        message: `the ledger already holds week ${last.week}, after --week ${week}: only the latest week can be re-run`,
      },
    ]);
  }
  const window = options.force === true || last === undefined ? [] : weekWindowProblems(week, last.week, null);
  if (window.length > 0) throw new InputError("command line", window);
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
  const files = { queueCsv: path.join(options.outDir, `queue-${week}.csv`), queueJson: path.join(options.outDir, `queue-${week}.json`), ledger: ledgerPath };
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
