// The store-backed panel (SQL window queries for many snapshots, grouped aggregation for few) equals
// the in-memory buildPanel on the committed sample, row for row and feature for feature (issue 17).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoToDay } from "../../src/data/dates";
import { loadDataset } from "../../src/data/loaders";
import { loadTable } from "../../src/data/loadTable";
import { truthSchema } from "../../src/data/schemas";
import { buildPanel, type ChurnDates, mondaysBetween, numericFeatureNames, type FeaturePanel } from "../../src/features/buildPanel";
import { buildPanelInStore, loadFolder, openStore, type Store } from "../../src/store";
import { maxAggregateSnapshots, panelMethodFor, type PanelMethod } from "../../src/store/panelSql";

let store: Store;
let dataset: ReturnType<typeof loadDataset>["dataset"];
let truth: ChurnDates;
let inMemory: FeaturePanel;
let fromStore: FeaturePanel;
// Every Monday of the sample's history whose 30-day label is observed: the whole range of window positions.
const snapshots = mondaysBetween(isoToDay("2024-01-01"), isoToDay("2025-12-01"));
const first = snapshots[0] as number;
const last = snapshots.at(-1) as number;

beforeAll(async () => {
  dataset = loadDataset("data/sample").dataset;
  truth = loadTable("data/sample/truth.csv", truthSchema).table;
  inMemory = buildPanel(dataset, truth, snapshots);
  store = await openStore(":memory:");
  await loadFolder(store, "data/sample");
  fromStore = await buildPanelInStore(store, snapshots);
}, 120_000);
afterAll(() => store.close());

/** Rows where the store's feature differs from buildPanel's (float32, NaN equals NaN), with both values; [] when equal. */
function differences(a: FeaturePanel, b: FeaturePanel, name: (typeof numericFeatureNames)[number]): [number, number, number][] {
  const x = a.numeric[name];
  const y = b.numeric[name];
  const differing: [number, number, number][] = [];
  for (let r = 0; r < x.length && differing.length < 5; r++)
    if (!Object.is(x[r], y[r]) && !(x[r] === y[r])) differing.push([r, x[r] as number, y[r] as number]);
  return differing;
}

/** Expects the store's panel to be buildPanel's: rows, keys, labels, segments and every numeric feature. */
function expectSamePanel(expected: FeaturePanel, actual: FeaturePanel): void {
  expect(actual.rows).toBe(expected.rows);
  expect(actual.snapshotDay).toEqual(expected.snapshotDay);
  expect(actual.customerIndex).toEqual(expected.customerIndex);
  expect(actual.label).toEqual(expected.label);
  expect(actual.segment).toEqual(expected.segment);
  const differing = numericFeatureNames.map((name) => [name, differences(expected, actual, name)] as const).filter(([, d]) => d.length > 0);
  expect(differing).toEqual([]);
}

describe("buildPanelInStore, window method (many snapshots)", () => {
  it("is the default for 100 snapshots", () => {
    expect(panelMethodFor(snapshots.length)).toBe("window");
    expect(panelMethodFor(maxAggregateSnapshots + 1)).toBe("window");
  });

  it("has the rows of buildPanel: same snapshot days, customers and labels, in the same order", () => {
    expect(fromStore.rows).toBe(inMemory.rows);
    expect(fromStore.rows).toBeGreaterThan(2500 * 80); // 100 weekly snapshots, less the churned
    expect(fromStore.snapshotDay).toEqual(inMemory.snapshotDay);
    expect(fromStore.customerIndex).toEqual(inMemory.customerIndex);
    expect(fromStore.label).toEqual(inMemory.label);
    expect(fromStore.segment).toEqual(inMemory.segment);
  });

  it.each(numericFeatureNames.map((name) => [name]))("computes %s exactly as buildPanel (float32, NaN where unobservable)", (name) => {
    expect(differences(inMemory, fromStore, name)).toEqual([]);
  });

  it("equals buildPanel on one snapshot too, when forced", async () => {
    const day = isoToDay("2025-06-02");
    expectSamePanel(buildPanel(dataset, truth, [day]), await buildPanelInStore(store, [day], { method: "window" }));
  });
});

// Few snapshots (the weekly scoring run has one): grouped aggregation, no sort of the events.
const fewSnapshotSets: [string, number[]][] = [
  ["one snapshot mid-history", [isoToDay("2025-06-02")]],
  ["the first Monday alone (no history before it)", [first]],
  ["the last Monday alone", [last]],
  ["two snapshots far apart", [isoToDay("2024-03-04"), isoToDay("2025-11-03")]],
  ["the first and last Mondays", [first, last]],
  ["four consecutive Mondays", mondaysBetween(isoToDay("2025-01-06"), isoToDay("2025-01-27"))],
  ["eight quarterly Mondays (the most the aggregation takes)", snapshots.filter((_, k) => k % 13 === 0)],
];

describe("buildPanelInStore, aggregate method (few snapshots)", () => {
  it("is the default up to maxAggregateSnapshots snapshots", () => {
    expect(maxAggregateSnapshots).toBe(8);
    for (const [, days] of fewSnapshotSets) expect(panelMethodFor(days.length)).toBe("aggregate" satisfies PanelMethod);
  });

  it.each(fewSnapshotSets)("equals buildPanel on %s", async (_, days) => {
    const expected = buildPanel(dataset, truth, days);
    expect(expected.rows).toBeGreaterThan(2500 * days.length * 0.5);
    expectSamePanel(expected, await buildPanelInStore(store, days));
  });

  it("equals buildPanel on all 100 snapshots when forced (every window position)", async () => {
    expectSamePanel(inMemory, await buildPanelInStore(store, snapshots, { method: "aggregate" }));
  }, 60_000);
});

describe("buildPanelInStore input checks", () => {
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
