// The store-backed panel (SQL window queries) equals the in-memory buildPanel on the committed
// sample, row for row and feature for feature (issue 17).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoToDay } from "../../src/data/dates";
import { loadDataset } from "../../src/data/loaders";
import { loadTable } from "../../src/data/loadTable";
import { truthSchema } from "../../src/data/schemas";
import { buildPanel, mondaysBetween, numericFeatureNames, type FeaturePanel } from "../../src/features/buildPanel";
import { buildPanelInStore, loadFolder, openStore, type Store } from "../../src/store";

let store: Store;
let inMemory: FeaturePanel;
let fromStore: FeaturePanel;
// Every Monday of the sample's history whose 30-day label is observed: the whole range of window positions.
const snapshots = mondaysBetween(isoToDay("2024-01-01"), isoToDay("2025-12-01"));

beforeAll(async () => {
  const { dataset } = loadDataset("data/sample");
  const truth = loadTable("data/sample/truth.csv", truthSchema).table;
  inMemory = buildPanel(dataset, truth, snapshots);
  store = await openStore(":memory:");
  await loadFolder(store, "data/sample");
  fromStore = await buildPanelInStore(store, snapshots);
}, 120_000);
afterAll(() => store.close());

describe("buildPanelInStore", () => {
  it("has the rows of buildPanel: same snapshot days, customers and labels, in the same order", () => {
    expect(fromStore.rows).toBe(inMemory.rows);
    expect(fromStore.rows).toBeGreaterThan(2500 * 80); // 100 weekly snapshots, less the churned
    expect(fromStore.snapshotDay).toEqual(inMemory.snapshotDay);
    expect(fromStore.customerIndex).toEqual(inMemory.customerIndex);
    expect(fromStore.label).toEqual(inMemory.label);
    expect(fromStore.segment).toEqual(inMemory.segment);
  });

  it.each(numericFeatureNames.map((name) => [name]))("computes %s exactly as buildPanel (float32, NaN where unobservable)", (name) => {
    const a = inMemory.numeric[name];
    const b = fromStore.numeric[name];
    const differing: number[] = [];
    for (let r = 0; r < a.length; r++) if (!Object.is(a[r], b[r]) && !(a[r] === b[r])) differing.push(r);
    expect(differing.slice(0, 5).map((r) => [r, a[r], b[r]])).toEqual([]);
  });

  it("refuses events naming a customer the customers table lacks, counting them (2 here)", async () => {
    const other = await openStore(":memory:");
    try {
      await loadFolder(other, "data/sample");
      await other.connection.run("INSERT INTO visits SELECT * REPLACE ('C9999999' AS customer_id) FROM visits LIMIT 2");
      await expect(buildPanelInStore(other, snapshots.slice(0, 1))).rejects.toThrow("2 events name a customer id not in the customers table");
    } finally {
      other.close();
    }
  });
});
