import { longWaitHours, visitTypes } from "../data/schemas";

/**
 * Day number (days since 1970-01-01) of a DATE column, as SQL.
 *
 * @example
 * dayOf("v.date"); // "CAST(v.date - DATE '1970-01-01' AS INTEGER)"
 */
export const dayOf = (column: string): string => `CAST(${column} - DATE '1970-01-01' AS INTEGER)`;

/**
 * The CTE `visit_events` of the panel, shared by its two formulations: each
 * visit with its customer row (idx), day, spend, whether the wait was long for
 * its type, whether it is a repeat repair (a repair within 60 days of the
 * customer's previous repair: a lag over the visits only, independent of the
 * snapshots) and its day when it is a maintenance visit.
 *
 * @example
 * `WITH keyed AS (...), ${visitEventsSql()} SELECT * FROM visit_events`;
 */
export function visitEventsSql(): string {
  const longWait = `CASE ${longWaitHours.map((h, t) => `WHEN type = '${visitTypes[t]}' THEN wait_hours > ${h}`).join(" ")} ELSE false END`;
  const columns = `idx, day, spend_yuan AS spend, CAST(${longWait} AS INTEGER) AS long_wait`;
  // The lag runs over the repairs only (a quarter of the visits): the other visits are never repeat repairs.
  return `visit_rows AS (
    SELECT k.idx, ${dayOf("v.date")} AS day, v.type, v.spend_yuan, v.wait_hours, v.rowid AS pos FROM visits v JOIN keyed k USING (customer_id)
  ),
  visit_events AS (
    SELECT ${columns}, coalesce(CAST(day - lag(day) OVER (PARTITION BY idx ORDER BY day, pos) <= 60 AS INTEGER), 0) AS repeat_repair,
      CAST(NULL AS INTEGER) AS maintenance_day
    FROM visit_rows WHERE type = 'repair'
    UNION ALL SELECT ${columns}, 0, CASE WHEN type = 'maintenance' THEN day END FROM visit_rows WHERE type IS DISTINCT FROM 'repair'
  )`;
}
