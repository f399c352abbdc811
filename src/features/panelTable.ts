import { isoWeekday } from "../data/dates";
import type { Dataset } from "../data/loaders";
import type { ColumnSpec, ColumnValues, Table, TableSchema } from "../data/schema";
import { segments } from "../data/schemas";
import { mondaysBetween, numericFeatureNames, type FeaturePanel } from "./buildPanel";

/** Name of the label column of a panel table with a horizon of `horizonDays`: "churned_30d" for 30 days. */
const panelLabelColumn = (horizonDays: number): string => `churned_${horizonDays}d`;

/**
 * The schema of a feature panel written as a table: `customer_id`,
 * `snapshot_date`, the numeric features (4 decimals; empty when not
 * observable), `segment` and, with a label, `churned_<horizon>d` (0/1).
 * A training table for `churnlab train --id customer_id --snapshot snapshot_date`.
 *
 * @example
 * panelTableSchema(30, true).columns.at(-1)?.name; // "churned_30d"
 */
function panelTableSchema(horizonDays: number, withLabel: boolean): TableSchema {
  const columns: ColumnSpec[] = [
    { name: "customer_id", kind: "text", unit: "", description: "Customer id (repeats: one row per snapshot)." },
    { name: "snapshot_date", kind: "date", unit: "", description: "Snapshot Monday: features use only events before it." },
    ...numericFeatureNames.map(
      (name): ColumnSpec => ({ name, kind: "number", unit: "", decimals: 4, description: `Feature ${name} (empty when not observable).` }),
    ),
    { name: "segment", kind: "category", unit: "", values: segments, description: "Vehicle segment." },
  ];
  if (withLabel)
    columns.push({
      name: panelLabelColumn(horizonDays),
      kind: "flag",
      unit: "",
      description: `1 when the customer churned within ${horizonDays} days of the snapshot.`,
    });
  return {
    name: withLabel ? "panel" : "latest",
    description: "Customer snapshots: features (and label) per customer and snapshot Monday.",
    key: ["customer_id", "snapshot_date"],
    columns,
  };
}

/**
 * A feature panel as a table (see {@link panelTableSchema}), for writing as
 * CSV: one row per customer and snapshot, the customer's id from the
 * customers table.
 *
 * @param customerIds the customers table's ids (panel rows refer to them by index).
 * @param withLabel false for a table to score (the label of the latest snapshot is not known yet).
 * @example
 * writeCsvChunks(panelTable(panel, dataset.customers.columns.customer_id, true), write);
 */
export function panelTable(panel: FeaturePanel, customerIds: readonly string[], withLabel: boolean): Table<TableSchema> {
  const columns: Record<string, ColumnValues> = {
    customer_id: Array.from(panel.customerIndex, (i) => customerIds[i] as string),
    snapshot_date: panel.snapshotDay,
  };
  for (const name of numericFeatureNames) columns[name] = Float64Array.from(panel.numeric[name]);
  columns["segment"] = panel.segment;
  if (withLabel) columns[panelLabelColumn(panel.horizonDays)] = panel.label;
  return { schema: panelTableSchema(panel.horizonDays, withLabel), length: panel.rows, columns };
}

/** Snapshot Mondays of a history: for training (label windows complete) and the one to score. */
export interface PanelSnapshots {
  /** Every `everyWeeks`-th Monday from one year after the first event to the last whose label window ends by the history's end. */
  training: number[];
  /** The last Monday on or before the end of history: every event before it is in the exports. */
  scoring: number;
}

/**
 * Picks the snapshot Mondays of a dataset's history: training snapshots
 * start once a year of history is available (the features look back 365
 * days) and stop where the label window would pass the end of history;
 * the scoring snapshot is the last Monday whose history is complete.
 *
 * @param historyEndDay exclusive end of history (day number); everyWeeks ≥ 1; horizonDays ≥ 1.
 * @throws RangeError when the history is too short for any training snapshot (naming the days needed).
 * @example
 * panelSnapshots(dataset, isoToDay("2025-12-29"), 4, 30).training.length; // 12 (every 4th Monday of the second year)
 */
export function panelSnapshots(dataset: Dataset, historyEndDay: number, everyWeeks: number, horizonDays: number): PanelSnapshots {
  let first = Infinity;
  for (const days of [dataset.visits.columns.date, dataset.surveys.columns.date, dataset.appActivity.columns.week_start]) {
    for (let i = 0; i < days.length; i++) first = Math.min(first, days[i] as number);
  }
  const mondays = Number.isFinite(first) ? mondaysBetween(first + 364, historyEndDay - horizonDays) : [];
  const training = mondays.filter((_, k) => k % everyWeeks === 0);
  if (training.length === 0) {
    throw new RangeError(
      `the history is too short for a training panel: it needs 365 days before the first snapshot and ${horizonDays} days after it for the label`,
    );
  }
  const scoring = historyEndDay - ((isoWeekday(historyEndDay) + 6) % 7);
  return { training, scoring };
}
