import type { InputProblem } from "../io/InputError";
import { isoToDay } from "../data/dates";

/**
 * How far ahead a weekly run may go without `--force`: 8 weeks after the
 * ledger's last week, and 8 weeks after today. A week once in the ledger
 * blocks every earlier week (history is only rewritten for the latest week),
 * so a typo such as 2099-01-05, or 2052 for 2025, would lock the ledger.
 */
export const weekWindowWeeks = 8;

/**
 * The sanity window of a weekly run: problems when `week` is more than
 * {@link weekWindowWeeks} weeks after the ledger's last week or after today,
 * each saying how far, why it matters and how to proceed. Empty when the week
 * is inside the window (or `week` is not a date: checked elsewhere).
 *
 * @param week the run's Monday, YYYY-MM-DD; lastLedgerWeek: the ledger's latest week (null: not checked, e.g. the first run);
 *   today: YYYY-MM-DD (null: not checked).
 * @example
 * weekWindowProblems("2099-01-05", "2025-01-13", "2025-01-14")[0]?.message;
 * // "2099-01-05 is 3,860 weeks after the ledger's last week 2025-01-13 (more than 8): ..."
 */
export function weekWindowProblems(week: string, lastLedgerWeek: string | null, today: string | null): InputProblem[] {
  const day = isoToDay(week);
  if (Number.isNaN(day)) return [];
  const problems: InputProblem[] = [];
  const why = "probably a typo; once in the ledger it would block every earlier week. Check the date, or pass --force if it is right";
  const weeksAfter = (other: number): number => Math.round((day - other) / 7);
  const n = (x: number): string => x.toLocaleString("en-US");
  if (lastLedgerWeek !== null) {
    const gap = weeksAfter(isoToDay(lastLedgerWeek));
    if (gap > weekWindowWeeks)
      problems.push({
        where: "--week",
        message: `${week} is ${n(gap)} weeks after the ledger's last week ${lastLedgerWeek} (more than ${weekWindowWeeks}): ${why}`,
      });
  }
  const ahead = today === null ? 0 : weeksAfter(isoToDay(today));
  if (ahead > weekWindowWeeks)
    problems.push({
      where: "--week",
      message: `${week} is ${n(ahead)} weeks after today, ${today} (more than ${weekWindowWeeks}): ${why}`,
    });
  return problems;
}
