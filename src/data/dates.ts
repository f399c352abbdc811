/**
 * Calendar dates as whole days since 1970-01-01 (UTC), the representation of
 * every date column in churnlab's tables. Day numbers make recency and
 * intervals plain subtraction and fit in an Int32Array.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a strict `YYYY-MM-DD` calendar date to a day number.
 *
 * @param text - e.g. "2024-01-01"; no time part, no other separators, must exist on the calendar.
 * @returns days since 1970-01-01 (UTC), or NaN when the text is not a valid date.
 * @example
 * isoToDay("1970-01-02"); // 1
 * isoToDay("2024-02-30"); // NaN (no such day)
 */
export function isoToDay(text: string): number {
  const m = ISO_DATE.exec(text);
  if (m === null) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return NaN;
  return ms / MS_PER_DAY;
}

/**
 * Formats a day number as `YYYY-MM-DD`.
 *
 * @param day - integer days since 1970-01-01 (UTC).
 * @throws RangeError when day is not an integer.
 * @example
 * dayToIso(19723); // "2024-01-01"
 */
export function dayToIso(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`day must be an integer, got ${day}`);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Day of the week of a day number, ISO numbering: 1 = Monday .. 7 = Sunday.
 *
 * @example
 * isoWeekday(isoToDay("2024-01-01")); // 1 (a Monday)
 */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
