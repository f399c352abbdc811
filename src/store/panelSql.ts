import { aggregateFeaturesSql } from "./panelAggregateSql";
import { dayOf, visitEventsSql } from "./panelEventsSql";

/** Sum of `value` over events of the customer in [d - from, d - to] (days, inclusive), d the snapshot row's day. */
const windowSum = (value: string, from: number | "UNBOUNDED", to: number): string =>
  `sum(${value}) OVER (PARTITION BY idx ORDER BY day RANGE BETWEEN ${from} PRECEDING AND ${to} PRECEDING)`;

/**
 * SQL of the features of one event table by window queries: the events of
 * each customer and a marker row per snapshot day are stacked and ordered by
 * day; a window `RANGE BETWEEN k PRECEDING AND 1 PRECEDING` on a marker sums
 * the events in [d - k, d), i.e. strictly before the snapshot day. Only the
 * marker rows are kept.
 */
function visitFeaturesSql(): string {
  return `${visitEventsSql()},
  visit_stack AS (
    SELECT idx, day, 0 AS marker, 1 AS one, spend, long_wait, repeat_repair, day AS visit_day, maintenance_day FROM visit_events
    UNION ALL SELECT idx, day, 1, 0, 0, 0, 0, NULL, NULL FROM markers
  ),
  visit_features AS (
    SELECT * FROM (
      SELECT idx, day, marker,
        ${windowSum("one", 90, 1)} AS v90, ${windowSum("one", 180, 1)} AS v180, ${windowSum("one", 360, 181)} AS v180_360,
        ${windowSum("one", 365, 1)} AS v365, ${windowSum("spend", 365, 1)} AS spend365,
        ${windowSum("spend", 168, 1)} AS spend168, ${windowSum("spend", 336, 169)} AS spend168_336,
        ${windowSum("long_wait", 365, 1)} AS long365, ${windowSum("repeat_repair", 180, 1)} AS repeat180,
        max(visit_day) OVER (PARTITION BY idx ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_visit,
        max(maintenance_day) OVER (PARTITION BY idx ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_maintenance
      FROM visit_stack
    ) WHERE marker = 1
  )`;
}

function surveyFeaturesSql(): string {
  return `survey_stack AS (
    SELECT k.idx, ${dayOf("s.date")} AS day, 0 AS marker, 1 AS one, CAST(s.score AS DOUBLE) AS score, s.complaint AS complaint,
      CAST(${dayOf("s.date")} AS BIGINT) * 4294967296 + s.rowid AS position
    FROM surveys s JOIN keyed k USING (customer_id)
    UNION ALL SELECT idx, day, 1, 0, NULL, 0, NULL FROM markers
  ),
  survey_features AS (
    SELECT * FROM (
      SELECT idx, day, marker,
        ${windowSum("one", 365, 1)} AS s365, ${windowSum("score", 365, 1)} AS score365,
        ${windowSum("one", 730, 1)} AS s730, ${windowSum("score", 730, 1)} AS score730,
        ${windowSum("complaint", 180, 1)} AS complaints180,
        arg_max(score, position) OVER (PARTITION BY idx ORDER BY day RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS last_score
      FROM survey_stack
    ) WHERE marker = 1
  )`;
}

function appFeaturesSql(): string {
  // An app week counts once it has ended before the snapshot: week_start + 7 <= d, i.e. week_start in [.., d - 7].
  return `app_stack AS (
    SELECT k.idx, ${dayOf("a.week_start")} AS day, 0 AS marker, 1 AS one, a.active_days AS active, a.coupon_redemptions AS coupons
    FROM app_activity a JOIN keyed k USING (customer_id)
    UNION ALL SELECT idx, day, 1, 0, 0, 0 FROM markers
  ),
  app_features AS (
    SELECT * FROM (
      SELECT idx, day, marker,
        ${windowSum("active", 28, 7)} AS active28, ${windowSum("active", 84, 29)} AS active28_84,
        ${windowSum("coupons", 84, 7)} AS coupons84, ${windowSum("one", "UNBOUNDED", 7)} AS weeks_ever
      FROM app_stack
    ) WHERE marker = 1
  )`;
}

/** How the panel's event features are computed: window queries over all events (many snapshots), or grouped aggregation (few). */
export type PanelMethod = "window" | "aggregate";

/** Largest number of snapshot days computed by grouped aggregation (measured at 1M customers, see docs/architecture.md). */
export const maxAggregateSnapshots = 8;

/**
 * The faster method for a number of snapshot days: "aggregate" up to
 * {@link maxAggregateSnapshots} (the weekly scoring run has one), "window" beyond.
 *
 * @example
 * panelMethodFor(1); // "aggregate"
 * panelMethodFor(104); // "window"
 */
export function panelMethodFor(snapshotCount: number): PanelMethod {
  return snapshotCount <= maxAggregateSnapshots ? "aggregate" : "window";
}

/**
 * The SQL of the feature panel of `buildPanel`, over the store's customers,
 * visits, surveys, app_activity and truth tables and a `snapshot_days`
 * table (one INTEGER column `day`, Mondays as day numbers): one row per
 * snapshot day and customer still a customer that day, ordered by snapshot
 * day and customer row, with the same features, computed only from events
 * strictly before the day, the label (churn within `horizonDays`) and the customer's id.
 *
 * Both methods give the same table. "window" sorts every event of the base
 * once, whatever the number of snapshots; "aggregate" joins the events to
 * each snapshot and groups, so its work grows with the number of snapshots
 * (see `panelMethodFor`).
 *
 * @param snapshots for "aggregate", the days of `snapshot_days` (their range bounds the app rows read).
 * @example
 * await store.connection.run(`CREATE TABLE panel AS ${panelSql(30)}`);
 * await store.connection.run(`CREATE TABLE panel AS ${panelSql(30, "aggregate", [20600])}`);
 */
export function panelSql(horizonDays: number, method: PanelMethod = "window", snapshots: readonly number[] = []): string {
  const f = (name: string, expr: string): string => `CAST(${expr} AS DOUBLE) AS ${name}`;
  const features =
    method === "window"
      ? `${visitFeaturesSql()},\n  ${surveyFeaturesSql()},\n  ${appFeaturesSql()}`
      : aggregateFeaturesSql(snapshots.length === 0 ? 0 : Math.min(...snapshots), snapshots.length === 0 ? 0 : Math.max(...snapshots));
  return `WITH keyed AS (SELECT customer_id, rowid AS idx FROM customers),
  churn AS (SELECT k.idx, ${dayOf("t.churn_date")} AS churn_day FROM truth t JOIN keyed k USING (customer_id)),
  markers AS (
    SELECT k.idx, s.day FROM keyed k CROSS JOIN snapshot_days s LEFT JOIN churn c ON c.idx = k.idx
    WHERE c.churn_day IS NULL OR c.churn_day >= s.day
  ),
  ${features}
  SELECT m.day AS snapshot_day, m.idx AS customer_index, cu.customer_id,
    CAST(c.churn_day IS NOT NULL AND c.churn_day < m.day + ${horizonDays} AS INTEGER) AS label,
    ${f("recency_days", "m.day - v.last_visit")},
    ${f("visits_90d", "coalesce(v.v90, 0)")}, ${f("visits_365d", "coalesce(v.v365, 0)")},
    ${f("visit_trend_180d", "coalesce(v.v180, 0) - coalesce(v.v180_360, 0)")},
    ${f("spend_365d_yuan", "coalesce(v.spend365, 0)")},
    ${f("spend_trend_log", "ln((coalesce(v.spend168, 0) + 100) / (coalesce(v.spend168_336, 0) + 100))")},
    ${f("maintenance_lateness_days", "m.day - v.last_maintenance - 180")},
    ${f("long_waits_365d", "coalesce(v.long365, 0)")}, ${f("repeat_repairs_180d", "coalesce(v.repeat180, 0)")},
    ${f("last_score", "CASE WHEN s.s365 > 0 THEN s.last_score END")},
    ${f("mean_score_365d", "CASE WHEN s.s365 > 0 THEN s.score365 / s.s365 END")},
    ${f("score_trend", "CASE WHEN s.s365 > 0 AND s.s730 > 1 THEN s.last_score - (s.score730 - s.last_score) / (s.s730 - 1) END")},
    ${f("complaints_180d", "coalesce(s.complaints180, 0)")},
    ${f("app_active_days_28d", "coalesce(a.active28, 0)")},
    ${f("app_trend_28d", "coalesce(a.active28, 0) - coalesce(a.active28_84, 0) / 2")},
    ${f("app_coupons_84d", "coalesce(a.coupons84, 0)")},
    ${f("app_ever", "CASE WHEN coalesce(a.weeks_ever, 0) > 0 THEN 1 ELSE 0 END")},
    ${f("distance_km", "cu.distance_km")}, ${f("price_sensitivity", "cu.price_sensitivity")},
    ${f("vehicle_age_years", `(m.day - ${dayOf("cu.purchase_date")}) / 365.25`)},
    cu.segment AS segment
  FROM markers m
  JOIN customers cu ON cu.rowid = m.idx
  LEFT JOIN churn c ON c.idx = m.idx
  LEFT JOIN visit_features v ON v.idx = m.idx AND v.day = m.day
  LEFT JOIN survey_features s ON s.idx = m.idx AND s.day = m.day
  LEFT JOIN app_features a ON a.idx = m.idx AND a.day = m.day
  ORDER BY m.day, m.idx`;
}
