import type { Dataset } from "./loaders";
import { longWaitHours, visitTypes, type TruthTable } from "./schemas";

/** The plan's signals of each customer on one day, as an analyst sees them in the exports, plus the churn outcome. */
export interface SignalSnapshot {
  /** Snapshot day (days since 1970-01-01); signals use only events before it. */
  day: number;
  /** Row index into the customers table of each customer still a customer on `day`. */
  customerIndex: Int32Array;
  /** Days since the last workshop visit (since the first day of history when none; see `firstDay`). */
  recencyDays: Float64Array;
  /** Last survey score in the 365 days before `day` (NaN when none). */
  lastScore: Float64Array;
  /** 1 when a complaint was lodged in the 90 days before `day`. */
  complaint90d: Uint8Array;
  /** Long waits and repeat repairs (a repair within 60 days of another) in the 90 days before `day`. */
  badExperiences90d: Float64Array;
  /** App active days in the 28 days before `day`; NaN for customers with no app activity ever before `day`. */
  appActiveDays28d: Float64Array;
  /** Spend in the last 24 weeks divided by the 24 weeks before (NaN when the earlier period had no spend or is outside history). */
  spendTrend: Float64Array;
  /** Days past due for maintenance, assuming a 180-day interval from the last maintenance visit (0 when not due). */
  maintenanceOverdueDays: Float64Array;
  /** Workshop visits in the 365 days before `day`. */
  visits365d: Float64Array;
  distanceKm: Float64Array;
  priceSensitivity: Float64Array;
  vehicleAgeYears: Float64Array;
  segment: string[];
  /** 1 when the customer churned within `horizonDays` after `day` (from the ground truth). */
  churned: Uint8Array;
  horizonDays: number;
}

/** Per customer row (by index): what the visits before `day` say. */
interface VisitSignals {
  lastVisit: Float64Array;
  lastMaint: Float64Array;
  bad: Float64Array;
  visitsYear: Float64Array;
  spendRecent: Float64Array;
  spendPrevious: Float64Array;
}

/** Visits before `day` in date order: last visit and maintenance, bad experiences in 90 days, visits in 365 days, spend in two 24-week periods. */
function visitSignals(visits: Dataset["visits"], index: ReadonlyMap<string, number>, n: number, day: number): VisitSignals {
  const lastVisit = new Float64Array(n).fill(-Infinity);
  const lastMaint = new Float64Array(n).fill(-Infinity);
  const lastRepair = new Float64Array(n).fill(-Infinity);
  const bad = new Float64Array(n);
  const visitsYear = new Float64Array(n);
  const spendRecent = new Float64Array(n);
  const spendPrevious = new Float64Array(n);
  const order = Int32Array.from({ length: visits.length }, (_, k) => k).sort((a, b) => (visits.columns.date[a] ?? 0) - (visits.columns.date[b] ?? 0));
  for (const k of order) {
    const d = visits.columns.date[k] ?? 0;
    if (d >= day) break;
    const i = index.get(visits.columns.customer_id[k] ?? "");
    if (i === undefined) continue;
    const type = visitTypes.indexOf(visits.columns.type[k] as (typeof visitTypes)[number]);
    const wait = visits.columns.wait_hours[k] ?? 0;
    const spend = visits.columns.spend_yuan[k] ?? 0;
    if (d >= day - 90) {
      if (wait > (longWaitHours[type] ?? Infinity)) bad[i] = (bad[i] ?? 0) + 1;
      if (type === 1 && d - (lastRepair[i] ?? -Infinity) <= 60) bad[i] = (bad[i] ?? 0) + 1;
    }
    if (type === 1) lastRepair[i] = d;
    if (type === 0) lastMaint[i] = d;
    lastVisit[i] = d;
    if (d >= day - 365) visitsYear[i] = (visitsYear[i] ?? 0) + 1;
    if (d >= day - 168) spendRecent[i] = (spendRecent[i] ?? 0) + spend;
    else if (d >= day - 336) spendPrevious[i] = (spendPrevious[i] ?? 0) + spend;
  }
  return { lastVisit, lastMaint, bad, visitsYear, spendRecent, spendPrevious };
}

/** Surveys in the 365 days before `day`: the last score (NaN when none) and a complaint in the last 90 days. */
function surveySignals(
  surveys: Dataset["surveys"],
  index: ReadonlyMap<string, number>,
  n: number,
  day: number,
): { lastScore: Float64Array; complaint: Uint8Array } {
  const lastScore = new Float64Array(n).fill(NaN);
  const lastScoreDay = new Float64Array(n).fill(-Infinity);
  const complaint = new Uint8Array(n);
  for (let k = 0; k < surveys.length; k++) {
    const d = surveys.columns.date[k] ?? 0;
    if (d >= day || d < day - 365) continue;
    const i = index.get(surveys.columns.customer_id[k] ?? "");
    if (i === undefined) continue;
    if (d >= (lastScoreDay[i] ?? -Infinity)) {
      lastScoreDay[i] = d;
      lastScore[i] = surveys.columns.score[k] ?? NaN;
    }
    if (d >= day - 90 && surveys.columns.complaint[k] === 1) complaint[i] = 1;
  }
  return { lastScore, complaint };
}

/** App weeks ended before `day`: any activity ever, and active days in the last 28 days. */
function appSignals(
  appActivity: Dataset["appActivity"],
  index: ReadonlyMap<string, number>,
  n: number,
  day: number,
): { appEver: Uint8Array; app28: Float64Array } {
  const appEver = new Uint8Array(n);
  const app28 = new Float64Array(n);
  for (let k = 0; k < appActivity.length; k++) {
    const d = appActivity.columns.week_start[k] ?? 0;
    if (d + 7 > day) continue;
    const i = index.get(appActivity.columns.customer_id[k] ?? "");
    if (i === undefined) continue;
    appEver[i] = 1;
    if (d >= day - 28) app28[i] = (app28[i] ?? 0) + (appActivity.columns.active_days[k] ?? 0);
  }
  return { appEver, app28 };
}

/** An empty snapshot of m customers (the rows of `alive`). */
function emptySnapshot(day: number, alive: readonly number[], horizon: number): SignalSnapshot {
  const m = alive.length;
  return {
    day,
    customerIndex: Int32Array.from(alive),
    recencyDays: new Float64Array(m),
    lastScore: new Float64Array(m),
    complaint90d: new Uint8Array(m),
    badExperiences90d: new Float64Array(m),
    appActiveDays28d: new Float64Array(m),
    spendTrend: new Float64Array(m),
    maintenanceOverdueDays: new Float64Array(m),
    visits365d: new Float64Array(m),
    distanceKm: new Float64Array(m),
    priceSensitivity: new Float64Array(m),
    vehicleAgeYears: new Float64Array(m),
    segment: new Array<string>(m),
    churned: new Uint8Array(m),
    horizonDays: horizon,
  };
}

/**
 * Computes the plan's signals for every customer still a customer on `day`,
 * from the four source tables only (what an analyst can see), and the
 * churn outcome in the following `horizonDays` from the ground truth.
 * Exploration-grade: the feature layer builds the model's weekly snapshots.
 *
 * @param dataset - customers, visits, surveys, app activity.
 * @param truth - ground truth (churn dates) of the same customers, in the same order.
 * @param day - snapshot day (days since 1970-01-01); e.g. the first day of the second year.
 * @param options - `horizonDays` of the churn outcome (default 90), `firstDay` of history (default: earliest visit).
 * @throws RangeError when truth and customers differ in length or horizonDays is not a positive integer.
 * @example
 * const snap = signalSnapshot(dataset, population.truth, isoToDay("2025-01-06"));
 * churnRateByBucket(snap.recencyDays, snap.churned, [90, 180, 365]); // rates rising with recency
 */
export function signalSnapshot(dataset: Dataset, truth: TruthTable, day: number, options: { horizonDays?: number; firstDay?: number } = {}): SignalSnapshot {
  const { customers, visits } = dataset;
  const n = customers.length;
  if (truth.length !== n) throw new RangeError(`truth has ${truth.length} rows, customers ${n}`);
  const horizon = options.horizonDays ?? 90;
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizonDays must be a positive integer, got ${horizon}`);
  const index = new Map<string, number>();
  customers.columns.customer_id.forEach((id, i) => {
    index.set(id, i);
  });
  let firstDay = options.firstDay ?? Infinity;
  if (options.firstDay === undefined) for (const d of visits.columns.date) if (d < firstDay) firstDay = d;
  if (!Number.isFinite(firstDay)) firstDay = day;

  const { lastVisit, lastMaint, bad, visitsYear, spendRecent, spendPrevious } = visitSignals(visits, index, n, day);
  const { lastScore, complaint } = surveySignals(dataset.surveys, index, n, day);
  const { appEver, app28 } = appSignals(dataset.appActivity, index, n, day);

  const alive: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = truth.columns.churn_date[i] ?? NaN;
    if (Number.isNaN(c) || c >= day) alive.push(i);
  }
  const out = emptySnapshot(day, alive, horizon);
  const hasPreviousPeriod = day - 336 >= firstDay;
  alive.forEach((i, j) => {
    const lv = lastVisit[i] ?? -Infinity;
    out.recencyDays[j] = Number.isFinite(lv) ? day - lv : day - firstDay;
    out.lastScore[j] = lastScore[i] ?? NaN;
    out.complaint90d[j] = complaint[i] ?? 0;
    out.badExperiences90d[j] = bad[i] ?? 0;
    out.appActiveDays28d[j] = appEver[i] === 1 ? (app28[i] ?? 0) : NaN;
    const prev = spendPrevious[i] ?? 0;
    out.spendTrend[j] = hasPreviousPeriod && prev > 0 ? (spendRecent[i] ?? 0) / prev : NaN;
    const lm = lastMaint[i] ?? -Infinity;
    out.maintenanceOverdueDays[j] = Number.isFinite(lm) ? Math.max(0, day - lm - 180) : Math.max(0, day - firstDay - 180);
    out.visits365d[j] = visitsYear[i] ?? 0;
    out.distanceKm[j] = customers.columns.distance_km[i] ?? NaN;
    out.priceSensitivity[j] = customers.columns.price_sensitivity[i] ?? NaN;
    out.vehicleAgeYears[j] = customers.columns.vehicle_age_years[i] ?? NaN;
    out.segment[j] = customers.columns.segment[i] ?? "";
    const c = truth.columns.churn_date[i] ?? NaN;
    out.churned[j] = !Number.isNaN(c) && c < day + horizon ? 1 : 0;
  });
  return out;
}
