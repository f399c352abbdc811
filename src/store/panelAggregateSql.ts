import { dayOf, visitEventsSql } from "./panelEventsSql";

/** `agg` over the joined events e of snapshot s whose day is in [s.day - from, s.day - to] (days, inclusive; the join already keeps e.day < s.day). */
const within = (agg: string, from: number, to = 1): string => `${agg} FILTER (WHERE e.day >= s.day - ${from}${to > 1 ? ` AND e.day <= s.day - ${to}` : ""})`;

/**
 * The visit, survey and app features of the panel by grouped aggregation,
 * for few snapshot days: each event table is joined to `snapshot_days` on
 * `e.day < s.day` and every feature is a filtered aggregate grouped by
 * (customer, snapshot day); hash aggregation on integer keys, no sort of
 * the events. The CTEs have the columns of the window formulation
 * (`visit_features`, `survey_features`, `app_features`, keyed by idx and day).
 *
 * App rows are read only in [firstDay - 84, lastDay - 7], the reach of the
 * app windows; "app ever" is the customer's first app week, one pass.
 *
 * @param firstDay the earliest snapshot day (day number).
 * @param lastDay the latest snapshot day (day number).
 * @example
 * aggregateFeaturesSql(20241, 20349); // "visit_events AS (...), ..., app_features AS (...)"
 */
export function aggregateFeaturesSql(firstDay: number, lastDay: number): string {
  return `${visitEventsSql()},
  visit_features AS (
    SELECT e.idx, s.day,
      ${within("count(*)", 90)} AS v90, ${within("count(*)", 180)} AS v180, ${within("count(*)", 360, 181)} AS v180_360,
      ${within("count(*)", 365)} AS v365, ${within("sum(e.spend)", 365)} AS spend365,
      ${within("sum(e.spend)", 168)} AS spend168, ${within("sum(e.spend)", 336, 169)} AS spend168_336,
      ${within("sum(e.long_wait)", 365)} AS long365, ${within("sum(e.repeat_repair)", 180)} AS repeat180,
      max(e.day) AS last_visit, max(e.maintenance_day) AS last_maintenance
    FROM visit_events e JOIN snapshot_days s ON e.day < s.day
    GROUP BY e.idx, s.day
  ),
  survey_events AS (
    SELECT k.idx, ${dayOf("s.date")} AS day, CAST(s.score AS DOUBLE) AS score, s.complaint AS complaint,
      CAST(${dayOf("s.date")} AS BIGINT) * 4294967296 + s.rowid AS position
    FROM surveys s JOIN keyed k USING (customer_id)
  ),
  survey_features AS (
    SELECT e.idx, s.day,
      ${within("count(*)", 365)} AS s365, ${within("sum(e.score)", 365)} AS score365,
      ${within("count(*)", 730)} AS s730, ${within("sum(e.score)", 730)} AS score730,
      ${within("sum(e.complaint)", 180)} AS complaints180, arg_max(e.score, e.position) AS last_score
    FROM survey_events e JOIN snapshot_days s ON e.day < s.day
    GROUP BY e.idx, s.day
  ),
  app_recent AS (
    SELECT k.idx, a.day, a.active, a.coupons FROM (
      SELECT customer_id, ${dayOf("week_start")} AS day, active_days AS active, coupon_redemptions AS coupons FROM app_activity
      WHERE week_start BETWEEN DATE '1970-01-01' + ${firstDay - 84} AND DATE '1970-01-01' + ${lastDay - 7}
    ) a JOIN keyed k USING (customer_id)
  ),
  app_window AS (
    SELECT e.idx, s.day, ${within("sum(e.active)", 28, 7)} AS active28, ${within("sum(e.active)", 84, 29)} AS active28_84, sum(e.coupons) AS coupons84
    FROM app_recent e JOIN snapshot_days s ON e.day BETWEEN s.day - 84 AND s.day - 7
    GROUP BY e.idx, s.day
  ),
  app_first AS (
    SELECT k.idx, f.first_week FROM (SELECT customer_id, min(${dayOf("week_start")}) AS first_week FROM app_activity GROUP BY customer_id) f
    JOIN keyed k USING (customer_id)
  ),
  app_features AS (
    -- An app week counts once it has ended before the snapshot: week_start + 7 <= d.
    SELECT m.idx, m.day, w.active28, w.active28_84, w.coupons84, CAST(f.first_week <= m.day - 7 AS INTEGER) AS weeks_ever
    FROM markers m LEFT JOIN app_window w ON w.idx = m.idx AND w.day = m.day LEFT JOIN app_first f ON f.idx = m.idx
  )`;
}
