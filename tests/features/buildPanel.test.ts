import { describe, expect, it } from "vitest";
import { isoToDay } from "../../src/data/dates";
import type { Dataset } from "../../src/data/loaders";
import { synthesize, type SyntheticPopulation } from "../../src/data/synthesize";
import { buildPanel, mondaysBetween, numericFeatureNames, timeSplit } from "../../src/features/index";

const population: SyntheticPopulation = synthesize({ customers: 400, seed: 11, weeks: 80 });
const snapshot = population.meta.startDay + 7 * 60; // a Monday, week 60

/** A copy of the dataset with every row on or after `day` altered, and new rows added after it. */
function perturbAfter(dataset: Dataset, day: number): Dataset {
  const v = dataset.visits.columns;
  const visitsLength = dataset.visits.length + 1;
  const firstId = dataset.customers.columns.customer_id[0] as string;
  const visits = {
    ...dataset.visits,
    length: visitsLength,
    columns: {
      customer_id: [...v.customer_id, firstId],
      date: Int32Array.from([...v.date, day + 3]),
      type: [...v.type.map((t, k) => ((v.date[k] as number) >= day ? "repair" : t)), "accident"],
      spend_yuan: Float64Array.from([...v.spend_yuan].map((s, k) => ((v.date[k] as number) >= day ? s * 10 + 999 : s)).concat([50000])),
      wait_hours: Float64Array.from([...v.wait_hours].map((w, k) => ((v.date[k] as number) >= day ? 700 : w)).concat([700])),
      outlet_id: [...v.outlet_id, v.outlet_id[0] as string],
    },
  } as typeof dataset.visits;
  const s = dataset.surveys.columns;
  const surveys = {
    ...dataset.surveys,
    length: dataset.surveys.length + 1,
    columns: {
      customer_id: [...s.customer_id, firstId],
      date: Int32Array.from([...s.date, day]),
      score: Int32Array.from([...s.score].map((x, k) => ((s.date[k] as number) >= day ? 0 : x)).concat([0])),
      complaint: Uint8Array.from([...s.complaint].map((x, k) => ((s.date[k] as number) >= day ? 1 : x)).concat([1])),
      complaint_category: [...s.complaint_category.map((x, k) => ((s.date[k] as number) >= day ? "price" : x)), "price"],
    },
  } as typeof dataset.surveys;
  const a = dataset.appActivity.columns;
  // an app week that has not ended by the snapshot (week_start + 7 > day) is future information too
  const appActivity = {
    ...dataset.appActivity,
    columns: {
      ...a,
      active_days: Int32Array.from([...a.active_days].map((x, k) => ((a.week_start[k] as number) + 7 > day ? 7 - x : x))),
      coupon_redemptions: Int32Array.from([...a.coupon_redemptions].map((x, k) => ((a.week_start[k] as number) + 7 > day ? x + 5 : x))),
    },
  } as typeof dataset.appActivity;
  return { customers: dataset.customers, visits, surveys, appActivity };
}

describe("buildPanel", () => {
  it("uses nothing on or after the snapshot day: perturbing later rows leaves every feature unchanged", () => {
    const before = buildPanel(population, population.truth, [snapshot]);
    const after = buildPanel(perturbAfter(population, snapshot), population.truth, [snapshot]);
    expect(after.rows).toBe(before.rows);
    for (const name of numericFeatureNames) expect(Array.from(after.numeric[name]), name).toEqual(Array.from(before.numeric[name]));
    expect(after.segment).toEqual(before.segment);
    expect(Array.from(after.label)).toEqual(Array.from(before.label));
  });
  it("does see a change the day before the snapshot (the test above is not vacuous)", () => {
    const before = buildPanel(population, population.truth, [snapshot]);
    const after = buildPanel(perturbAfter(population, snapshot - 1), population.truth, [snapshot]);
    expect(Array.from(after.numeric.spend_365d_yuan)).not.toEqual(Array.from(before.numeric.spend_365d_yuan));
  });
  it("labels churn within 30 days from the truth table and keeps only customers still active", () => {
    const panel = buildPanel(population, population.truth, [snapshot]);
    const churn = population.truth.columns.churn_date;
    let active = 0;
    let churners = 0;
    for (let i = 0; i < population.customers.length; i++) {
      const c = churn[i] as number;
      if (!(c < snapshot)) active++;
      if (c >= snapshot && c < snapshot + 30) churners++;
    }
    expect(panel.rows).toBe(active);
    expect(panel.label.reduce((x, y) => x + y, 0)).toBe(churners);
  });
  it("computes a customer's features by hand (reference: plain loops over that customer's rows)", () => {
    const panel = buildPanel(population, population.truth, [snapshot]);
    const r = 5;
    const i = panel.customerIndex[r] as number;
    const id = population.customers.columns.customer_id[i];
    const v = population.visits.columns;
    let last = -Infinity;
    let count365 = 0;
    let spend365 = 0;
    for (let k = 0; k < population.visits.length; k++) {
      if (v.customer_id[k] !== id || (v.date[k] as number) >= snapshot) continue;
      last = Math.max(last, v.date[k] as number);
      if ((v.date[k] as number) >= snapshot - 365) {
        count365++;
        spend365 += v.spend_yuan[k] as number;
      }
    }
    expect(panel.numeric.recency_days[r]).toBe(Number.isFinite(last) ? snapshot - last : NaN);
    expect(panel.numeric.visits_365d[r]).toBe(count365);
    expect(panel.numeric.spend_365d_yuan[r]).toBeCloseTo(spend365, 0);
    const age = (snapshot - (population.customers.columns.purchase_date[i] as number)) / 365.25;
    expect(panel.numeric.vehicle_age_years[r]).toBeCloseTo(age, 5);
  });
  it("stacks weekly snapshots and refuses censored labels and non-Mondays", () => {
    const snaps = mondaysBetween(snapshot, snapshot + 21);
    expect(snaps).toEqual([snapshot, snapshot + 7, snapshot + 14, snapshot + 21]);
    const panel = buildPanel(population, population.truth, snaps, { historyEndDay: population.meta.endDay });
    expect(new Set(panel.snapshotDay)).toEqual(new Set(snaps));
    expect(() => buildPanel(population, population.truth, [population.meta.endDay - 7], { historyEndDay: population.meta.endDay })).toThrow(/censored/);
    expect(() => buildPanel(population, population.truth, [snapshot + 1])).toThrow(/not a Monday/);
    expect(buildPanel(population, population.truth, []).rows).toBe(0);
  });
  it("mondaysBetween starts at the first Monday on or after the start", () => {
    expect(mondaysBetween(isoToDay("2025-01-01"), isoToDay("2025-01-20"))).toEqual([isoToDay("2025-01-06"), isoToDay("2025-01-13"), isoToDay("2025-01-20")]);
  });
});

describe("timeSplit", () => {
  it("splits by time with an embargo of one label window", () => {
    const split = timeSplit([0, 7, 14, 21, 28, 35, 42], 7, 21, 35);
    expect(Array.from(split.train)).toEqual([0, 1, 2]);
    expect(Array.from(split.validation)).toEqual([3, 4]);
    expect(Array.from(split.test)).toEqual([5, 6]);
  });
  it("drops rows whose 30-day window would reach into the next period", () => {
    const split = timeSplit([0, 7, 14], 30, 14, 100);
    expect(Array.from(split.train)).toEqual([]);
    expect(Array.from(split.validation)).toEqual([2]);
    expect(() => timeSplit([0], 30, 10, 5)).toThrow(RangeError);
  });
});
