import type { FeaturePanel, NumericFeature, PanelOptions } from "../features/buildPanel";
import { seedPlan } from "../plan/seedPlan";
import { numericFeatureNames } from "../features/buildPanel";
import { dayToIso, isoWeekday } from "../data/dates";
import type { Store } from "./openStore";
import { type PanelMethod, panelMethodFor, panelSql } from "./panelSql";
import { sqlName } from "./sourceSql";

/** Options of {@link createPanelTable} and {@link buildPanelInStore}: those of `buildPanel` without the in-memory index. */
export type StorePanelOptions = Omit<PanelOptions, "index"> & {
  /** How the event features are computed (same result): default `panelMethodFor(snapshots.length)`, grouped aggregation for few snapshots. */
  method?: PanelMethod;
};

function checkSnapshots(snapshots: readonly number[], horizon: number, historyEndDay: number | undefined): void {
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`buildPanelInStore: horizonDays must be a positive integer, got ${horizon}`);
  snapshots.forEach((d, k) => {
    if (!Number.isInteger(d) || isoWeekday(d) !== 1) throw new RangeError(`buildPanelInStore: snapshot ${d} is not a Monday`);
    if (k > 0 && !(d > (snapshots[k - 1] as number))) throw new RangeError("buildPanelInStore: snapshots must be ascending");
    if (historyEndDay !== undefined && d + horizon > historyEndDay) {
      throw new RangeError(
        `buildPanelInStore: snapshot ${dayToIso(d)} + ${horizon} days passes the end of history ${dayToIso(historyEndDay)}: its label is censored`,
      );
    }
  });
}

/**
 * Computes the feature panel of `buildPanel` inside the store, by window
 * queries or, for few snapshots, grouped aggregation (`options.method`,
 * default `panelMethodFor`) over its customers, visits, surveys,
 * app_activity and truth tables, into the table `table` (snapshot_day, customer_index, label, the
 * numeric features as DOUBLE, segment), ordered by snapshot day and
 * customer row. Memory is DuckDB's (it spills to disk past its limit), so
 * this scales to the national base; score it in place with
 * `churnlab score --store FILE --table panel`, or export it with `COPY panel TO 'x.parquet'`.
 *
 * @returns the number of rows.
 * @throws RangeError as `buildPanel` (snapshots not ascending Mondays, censored labels), or when an event names an unknown customer.
 * @example
 * await createPanelTable(store, [isoToDay("2025-06-02")]); // 4_100_000
 */
export async function createPanelTable(store: Store, snapshots: readonly number[], options: StorePanelOptions = {}, table = "panel"): Promise<number> {
  const horizon = options.horizonDays ?? seedPlan().predictionHorizonDays;
  checkSnapshots(snapshots, horizon, options.historyEndDay);
  const db = store.connection;
  const unknown = await db.runAndReadAll(
    ["visits", "surveys", "app_activity"].map((t) => `SELECT count(*) FROM ${t} e ANTI JOIN customers c ON c.customer_id = e.customer_id`).join(" UNION ALL "),
  );
  const orphans =
    unknown
      .getColumnsJS()[0]
      ?.map(Number)
      .reduce((a, b) => a + b, 0) ?? 0;
  if (orphans > 0) throw new RangeError(`buildPanelInStore: ${orphans} events name a customer id not in the customers table`);
  await db.run("CREATE OR REPLACE TEMP TABLE snapshot_days (day INTEGER)");
  if (snapshots.length > 0) await db.run(`INSERT INTO snapshot_days VALUES ${snapshots.map((d) => `(${d})`).join(", ")}`);
  const method = options.method ?? panelMethodFor(snapshots.length);
  await db.run(`CREATE OR REPLACE TABLE ${sqlName(table)} AS ${panelSql(horizon, method, snapshots)}`);
  const rows = await db.runAndReadAll(`SELECT count(*) FROM ${sqlName(table)}`);
  return Number(rows.getColumnsJS()[0]?.[0] ?? 0);
}

/**
 * The store-backed twin of `buildPanel`: the same panel (rows, features,
 * labels, keys), computed by SQL in the store
 * ({@link createPanelTable}) and read back into typed arrays. For panels that
 * fit in memory; larger ones stay in the store or go to Parquet.
 *
 * @throws RangeError as {@link createPanelTable}.
 * @example
 * const panel = await buildPanelInStore(store, mondaysBetween(isoToDay("2025-01-06"), isoToDay("2025-06-30")));
 */
export async function buildPanelInStore(store: Store, snapshots: readonly number[], options: StorePanelOptions = {}): Promise<FeaturePanel> {
  const rows = await createPanelTable(store, snapshots, options, "panel");
  const result = await store.connection.runAndReadAll("SELECT * FROM panel");
  const columns = result.getColumnsObjectJS() as Record<string, unknown[]>;
  const numbers = (name: string): number[] => (columns[name] ?? []).map((v) => (v === null ? NaN : Number(v)));
  const numeric = Object.fromEntries(numericFeatureNames.map((name) => [name, Float32Array.from(numbers(name))])) as Record<NumericFeature, Float32Array>;
  return {
    rows,
    numeric,
    segment: (columns.segment ?? []).map(String),
    customerIndex: Int32Array.from(numbers("customer_index")),
    snapshotDay: Int32Array.from(numbers("snapshot_day")),
    label: Uint8Array.from(numbers("label")),
    horizonDays: options.horizonDays ?? seedPlan().predictionHorizonDays,
    snapshots: [...snapshots],
  };
}
