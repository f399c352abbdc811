import type { Dataset } from "../data/loaders";
import { seedPlan } from "../plan/seedPlan";
/**
 * Churn dates per customer (row i = customer i of the customers table; NaN = still a customer): the
 * synthetic `truth` table and a real export's `churn` table both fit.
 */
export interface ChurnDates {
  readonly length: number;
  /** With `customer_id`, the ids must be the customers table's, in its order (see `alignChurn`). */
  readonly columns: { readonly churn_date: Float64Array; readonly customer_id?: readonly string[] };
}
import { dayToIso, isoWeekday } from "../data/dates";
import { type AppEvents, type EventIndex, indexEvents, lowerBound, type SurveyEvents, type VisitEvents } from "./eventIndex";

/** Numeric features of a snapshot, in panel column order (segment, the one categorical feature, comes last). */
export const numericFeatureNames = [
  "recency_days",
  "visits_90d",
  "visits_365d",
  "visit_trend_180d",
  "spend_365d_yuan",
  "spend_trend_log",
  "maintenance_lateness_days",
  "long_waits_365d",
  "repeat_repairs_180d",
  "last_score",
  "mean_score_365d",
  "score_trend",
  "complaints_180d",
  "app_active_days_28d",
  "app_trend_28d",
  "app_coupons_84d",
  "app_ever",
  "distance_km",
  "price_sensitivity",
  "vehicle_age_years",
] as const;

/** A numeric feature's name. */
export type NumericFeature = (typeof numericFeatureNames)[number];

/** Customer snapshots stacked over snapshot days: features, labels and keys, one row per (snapshot, active customer). */
export interface FeaturePanel {
  rows: number;
  /** Numeric features (float32, NaN = not observable, e.g. no survey yet). */
  numeric: Record<NumericFeature, Float32Array>;
  /** Vehicle segment of each row. */
  segment: string[];
  /** Row index into the customers table. */
  customerIndex: Int32Array;
  /** Snapshot day of each row (days since 1970-01-01, a Monday). */
  snapshotDay: Int32Array;
  /** 1 when the customer churned within `horizonDays` from the snapshot day (day ≤ churn < day + horizon). */
  label: Uint8Array;
  horizonDays: number;
  /** The snapshot days, ascending. */
  snapshots: number[];
}

/** Options of {@link buildPanel}. */
export interface PanelOptions {
  /** Label horizon in days (default the seed plan's predictionHorizonDays, 30). */
  horizonDays?: number;
  /** Last day the truth is known (exclusive end of history); snapshots need day + horizon ≤ this. Default: no check. */
  historyEndDay?: number;
  /** Prebuilt event index (reuse across calls). */
  index?: EventIndex;
}

/**
 * Every Monday from `fromDay` to `toDay` inclusive (day numbers).
 * @throws RangeError when the bounds are not integers.
 * @example
 * mondaysBetween(isoToDay("2025-01-01"), isoToDay("2025-01-20")).map(dayToIso); // ["2025-01-06", "2025-01-13", "2025-01-20"]
 */
export function mondaysBetween(fromDay: number, toDay: number): number[] {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay)) throw new RangeError("mondaysBetween: days must be integers");
  const out: number[] = [];
  let d = fromDay + ((8 - isoWeekday(fromDay)) % 7);
  for (; d <= toDay; d += 7) out.push(d);
  return out;
}

/**
 * Builds the training panel: for each snapshot day, every customer still a
 * customer that day (no churn before it) gets one row of features computed
 * ONLY from events strictly before the snapshot day (app weeks only when the
 * whole week ended before it), and a label from the truth table: churn within
 * the following `horizonDays`. The truth is used for nothing else.
 *
 * Features: recency (days since the last visit), visit counts in 90 and 365
 * days and their 180-day trend, 365-day spend and its log trend (last 168 vs
 * previous 168 days, +100 yuan smoothing), maintenance lateness (days since
 * the last maintenance visit minus 180), long waits in 365 days, repeat
 * repairs in 180 days, last survey score, mean score in 365 days and its
 * trend (last score minus the mean of the earlier ones in 730 days),
 * complaints in 180 days, app active days in 28 days and its trend (minus the
 * weekly-equivalent of the 56 days before), coupons in 84 days, whether the
 * app was ever used, distance, price sensitivity, vehicle age at the snapshot
 * (from the purchase date), and segment. Unobservable values are NaN (the
 * preprocessing imputes them with a missing indicator).
 *
 * @param truth churn date of each customer, in the customers table's order: the synthetic `truth` table or a
 *   real export's `churn` table (see `mapExport`).
 * @param snapshots snapshot days (Mondays, ascending, integers).
 * @throws RangeError when truth and customers differ in length or order, a snapshot is
 *   not a Monday, snapshots are not ascending, or a label window passes historyEndDay.
 * @example
 * const panel = buildPanel(dataset, truth, mondaysBetween(isoToDay("2025-01-06"), isoToDay("2025-06-30")));
 * panel.rows; // ≈ customers × 26 weeks (minus churned)
 */
export function buildPanel(dataset: Dataset, truth: ChurnDates, snapshots: readonly number[], options: PanelOptions = {}): FeaturePanel {
  const horizon = options.horizonDays ?? seedPlan().predictionHorizonDays;
  checkPanelInputs(dataset, truth, snapshots, horizon, options.historyEndDay);
  const n = dataset.customers.length;
  const index = options.index ?? indexEvents(dataset);
  const churnDay = truth.columns.churn_date;
  let rows = 0;
  for (const d of snapshots) for (let i = 0; i < n; i++) if (!((churnDay[i] as number) < d)) rows++;

  const numeric = Object.fromEntries(numericFeatureNames.map((name) => [name, new Float32Array(rows)])) as Record<NumericFeature, Float32Array>;
  const segment = new Array<string>(rows);
  const customerIndex = new Int32Array(rows);
  const snapshotDay = new Int32Array(rows);
  const label = new Uint8Array(rows);
  const c = dataset.customers.columns;
  let r = 0;
  for (const d of snapshots) {
    for (let i = 0; i < n; i++) {
      const churn = churnDay[i] as number;
      if (churn < d) continue;
      customerIndex[r] = i;
      snapshotDay[r] = d;
      label[r] = churn >= d && churn < d + horizon ? 1 : 0;
      segment[r] = c.segment[i] as string;
      numeric.distance_km[r] = c.distance_km[i] as number;
      numeric.price_sensitivity[r] = c.price_sensitivity[i] as number;
      numeric.vehicle_age_years[r] = (d - (c.purchase_date[i] as number)) / 365.25;
      writeVisitFeatures(numeric, r, index.visits, i, d);
      writeSurveyFeatures(numeric, r, index.surveys, i, d);
      writeAppFeatures(numeric, r, index.app, i, d);
      r++;
    }
  }
  return { rows, numeric, segment, customerIndex, snapshotDay, label, horizonDays: horizon, snapshots: [...snapshots] };
}

/**
 * Throws when the horizon is not a positive integer, truth and customers differ in length or order,
 * a snapshot is not a Monday, snapshots are not ascending, or a label window passes historyEndDay.
 */
function checkPanelInputs(dataset: Dataset, truth: ChurnDates, snapshots: readonly number[], horizon: number, historyEndDay: number | undefined): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`buildPanel: horizonDays must be a positive integer, got ${horizon}`);
  const n = dataset.customers.length;
  if (truth.length !== n) throw new RangeError(`buildPanel: truth has ${truth.length} rows, customers ${n}`);
  const ids = truth.columns.customer_id;
  const misplaced = ids === undefined ? -1 : ids.findIndex((id, i) => id !== dataset.customers.columns.customer_id[i]);
  if (misplaced >= 0)
    throw new RangeError(
      `buildPanel: churn row ${misplaced + 1} is customer ${ids?.[misplaced]}, not ${dataset.customers.columns.customer_id[misplaced]}: align it with alignChurn`,
    );
  for (let k = 0; k < snapshots.length; k++) {
    const d = snapshots[k] as number;
    if (!Number.isInteger(d) || isoWeekday(d) !== 1) throw new RangeError(`buildPanel: snapshot ${d} is not a Monday`);
    if (k > 0 && !(d > (snapshots[k - 1] as number))) throw new RangeError("buildPanel: snapshots must be ascending");
    if (historyEndDay !== undefined && d + horizon > historyEndDay) {
      throw new RangeError(`buildPanel: snapshot ${dayToIso(d)} + ${horizon} days passes the end of history ${dayToIso(historyEndDay)}: its label is censored`);
    }
  }
}

/** Visit features of row r: customer i's visits strictly before day d. */
function writeVisitFeatures(f: Record<NumericFeature, Float32Array>, r: number, visits: VisitEvents, i: number, d: number): void {
  const v0 = visits.offsets[i] as number;
  const vEnd = lowerBound(visits.day, v0, visits.offsets[i + 1] as number, d);
  const at = (days: number): number => lowerBound(visits.day, v0, vEnd, d - days);
  const v90 = at(90);
  const v180 = at(180);
  const v360 = at(360);
  const v365 = at(365);
  const v168 = at(168);
  const v336 = at(336);
  f.recency_days[r] = vEnd > v0 ? d - (visits.day[vEnd - 1] as number) : NaN;
  f.visits_90d[r] = vEnd - v90;
  f.visits_365d[r] = vEnd - v365;
  f.visit_trend_180d[r] = vEnd - v180 - (v180 - v360);
  f.spend_365d_yuan[r] = (visits.cumSpend[vEnd] as number) - (visits.cumSpend[v365] as number);
  const recent = (visits.cumSpend[vEnd] as number) - (visits.cumSpend[v168] as number);
  const previous = (visits.cumSpend[v168] as number) - (visits.cumSpend[v336] as number);
  f.spend_trend_log[r] = Math.log((recent + 100) / (previous + 100));
  f.long_waits_365d[r] = (visits.cumLongWait[vEnd] as number) - (visits.cumLongWait[v365] as number);
  f.repeat_repairs_180d[r] = (visits.cumRepeatRepair[vEnd] as number) - (visits.cumRepeatRepair[v180] as number);
  let lastMaintenance = NaN;
  for (let p = vEnd - 1; p >= v0; p--) {
    if (visits.type[p] === 0) {
      lastMaintenance = visits.day[p] as number;
      break;
    }
  }
  f.maintenance_lateness_days[r] = Number.isNaN(lastMaintenance) ? NaN : d - lastMaintenance - 180;
}

/** Survey features of row r: customer i's surveys strictly before day d. */
function writeSurveyFeatures(f: Record<NumericFeature, Float32Array>, r: number, surveys: SurveyEvents, i: number, d: number): void {
  const s0 = surveys.offsets[i] as number;
  const sEnd = lowerBound(surveys.day, s0, surveys.offsets[i + 1] as number, d);
  const s365 = lowerBound(surveys.day, s0, sEnd, d - 365);
  const s730 = lowerBound(surveys.day, s0, sEnd, d - 730);
  const s180 = lowerBound(surveys.day, s0, sEnd, d - 180);
  const inYear = sEnd - s365;
  f.last_score[r] = inYear > 0 ? (surveys.score[sEnd - 1] as number) : NaN;
  f.mean_score_365d[r] = inYear > 0 ? ((surveys.cumScore[sEnd] as number) - (surveys.cumScore[s365] as number)) / inYear : NaN;
  const earlier = sEnd - 1 - s730;
  f.score_trend[r] =
    inYear > 0 && earlier > 0
      ? (surveys.score[sEnd - 1] as number) - ((surveys.cumScore[sEnd - 1] as number) - (surveys.cumScore[s730] as number)) / earlier
      : NaN;
  f.complaints_180d[r] = (surveys.cumComplaint[sEnd] as number) - (surveys.cumComplaint[s180] as number);
}

/** App features of row r: customer i's app weeks that ended before day d (week_start + 7 <= d). */
function writeAppFeatures(f: Record<NumericFeature, Float32Array>, r: number, app: AppEvents, i: number, d: number): void {
  const a0 = app.offsets[i] as number;
  const aEnd = lowerBound(app.day, a0, app.offsets[i + 1] as number, d - 6);
  const a28 = lowerBound(app.day, a0, aEnd, d - 28);
  const a84 = lowerBound(app.day, a0, aEnd, d - 84);
  const last4 = (app.cumActiveDays[aEnd] as number) - (app.cumActiveDays[a28] as number);
  const before8 = (app.cumActiveDays[a28] as number) - (app.cumActiveDays[a84] as number);
  f.app_active_days_28d[r] = last4;
  f.app_trend_28d[r] = last4 - before8 / 2;
  f.app_coupons_84d[r] = (app.cumCoupons[aEnd] as number) - (app.cumCoupons[a84] as number);
  f.app_ever[r] = aEnd > a0 ? 1 : 0;
}

/**
 * The panel's features as raw columns for the models' preprocessing
 * (numeric features as float arrays, segment as text).
 * @example
 * const columns = panelColumns(panel); // { recency_days: Float32Array, ..., segment: string[] }
 */
export function panelColumns(panel: FeaturePanel): Record<string, Float32Array | string[]> {
  return { ...panel.numeric, segment: panel.segment };
}
