// Exploration helpers: churn rate by bucket (Wilson intervals), visit gaps, correlations, signal snapshot.
import { describe, expect, it } from "vitest";
import { churnRateByBucket, churnRateByCategory, wilsonInterval } from "../../src/data/churnRateByBucket";
import { correlationMatrix } from "../../src/data/correlationMatrix";
import { isoToDay } from "../../src/data/dates";
import { signalSnapshot } from "../../src/data/signalSnapshot";
import { daysBetweenVisits } from "../../src/data/visitGaps";
import { appActivitySchema, customersSchema, surveysSchema, truthSchema, visitsSchema } from "../../src/data/schemas";
import type { Dataset } from "../../src/data/loaders";

describe("wilsonInterval", () => {
  it("matches the textbook values (Agresti & Coull 1998; R binom::binom.wilson)", () => {
    const { lower, upper } = wilsonInterval(5, 10);
    expect(lower).toBeCloseTo(0.2366, 4);
    expect(upper).toBeCloseTo(0.7634, 4);
    const zero = wilsonInterval(0, 20);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.1611, 4);
    expect(Number.isNaN(wilsonInterval(0, 0).lower)).toBe(true);
  });
});

describe("churnRateByBucket", () => {
  it("buckets left-closed by ascending edges, with a missing bucket for NaN", () => {
    const buckets = churnRateByBucket([10, 90, 100, 400, 500, NaN], [0, 1, 0, 1, 0, 1], [90, 365]);
    expect(buckets.map((b) => [b.label, b.customers, b.churners])).toEqual([
      ["< 90", 1, 0],
      ["90–365", 2, 1],
      ["≥ 365", 2, 1],
      ["missing", 1, 1],
    ]);
    expect(buckets[1]?.rate).toBe(0.5);
  });

  it("gives NaN for empty buckets and leaves out an empty missing bucket", () => {
    const buckets = churnRateByBucket([1], [1], [5, 10]);
    expect(buckets.length).toBe(3);
    expect(Number.isNaN(buckets[1]?.rate ?? 0)).toBe(true);
  });

  it("rejects bad edges and mismatched lengths", () => {
    expect(() => churnRateByBucket([1], [1], [])).toThrow(RangeError);
    expect(() => churnRateByBucket([1], [1], [5, 5])).toThrow(RangeError);
    expect(() => churnRateByBucket([1], [1], [NaN])).toThrow(RangeError);
    expect(() => churnRateByBucket([1, 2], [1], [1])).toThrow(RangeError);
  });

  it("by category keeps the given order", () => {
    expect(churnRateByCategory(["b", "a", "b"], [1, 0, 0], ["a", "b", "c"]).map((b) => [b.label, b.customers, b.churners])).toEqual([
      ["a", 1, 0],
      ["b", 2, 1],
      ["c", 0, 0],
    ]);
  });
});

describe("correlationMatrix", () => {
  it("computes Pearson correlations pairwise over finite values (numpy.corrcoef([1,2,3],[2,4,7]) = 0.99339927)", () => {
    const m = correlationMatrix({ x: [1, 2, 3, NaN], y: [2, 4, 7, 100], z: [3, 2, 1, 0] });
    expect(m.values[0]?.[1]).toBeCloseTo(0.99339927, 7);
    expect(m.values[0]?.[2]).toBeCloseTo(-1, 12);
    expect(m.counts[0]?.[1]).toBe(3);
    expect(m.values[1]?.[1]).toBeCloseTo(1, 12);
  });

  it("is NaN for a constant column", () => {
    expect(Number.isNaN(correlationMatrix({ x: [1, 1, 1], y: [1, 2, 3] }).values[0]?.[1] ?? 0)).toBe(true);
  });
});

const d = isoToDay;
const dataset: Dataset = {
  customers: {
    schema: customersSchema,
    length: 2,
    columns: {
      customer_id: ["C1", "C2"],
      city: ["Hangzhou", "Hangzhou"],
      outlet_id: ["HZ01", "HZ01"],
      distance_km: new Float64Array([5, 25]),
      vehicle_model: ["Breeze", "Zenith"],
      segment: ["economy", "premium"],
      vehicle_age_years: new Float64Array([3, 6]),
      purchase_date: new Int32Array([d("2021-01-01"), d("2018-01-01")]),
      price_sensitivity: new Float64Array([0.2, 0.8]),
    },
  },
  visits: {
    schema: visitsSchema,
    length: 4,
    columns: {
      customer_id: ["C1", "C1", "C2", "C1"],
      date: new Int32Array([d("2024-01-10"), d("2024-07-01"), d("2024-02-01"), d("2024-08-01")]),
      type: ["maintenance", "repair", "maintenance", "repair"],
      spend_yuan: new Float64Array([500, 2000, 800, 1000]),
      wait_hours: new Float64Array([2, 60, 3, 10]),
      outlet_id: ["HZ01", "HZ01", "HZ01", "HZ01"],
    },
  },
  surveys: {
    schema: surveysSchema,
    length: 2,
    columns: {
      customer_id: ["C1", "C1"],
      date: new Int32Array([d("2024-07-03"), d("2024-08-03")]),
      score: new Int32Array([3, 5]),
      complaint: new Uint8Array([1, 0]),
      complaint_category: ["waiting_time", ""],
    },
  },
  appActivity: {
    schema: appActivitySchema,
    length: 2,
    columns: {
      customer_id: ["C2", "C2"],
      week_start: new Int32Array([d("2024-01-01"), d("2024-08-19")]),
      active_days: new Int32Array([3, 2]),
      coupon_redemptions: new Int32Array([0, 1]),
    },
  },
};

describe("daysBetweenVisits", () => {
  it("gives gaps between consecutive visits of each customer", () => {
    expect(Array.from(daysBetweenVisits(dataset.visits)).sort((a, b) => a - b)).toEqual([31, 173]);
  });
});

describe("signalSnapshot", () => {
  it("computes each signal from events before the snapshot day only", () => {
    const truth = {
      schema: truthSchema,
      length: 2,
      columns: {
        customer_id: ["C1", "C2"],
        churn_date: new Float64Array([d("2024-10-01"), NaN]),
        frailty: new Float64Array(2),
        peak_risk_30d: new Float64Array(2),
      },
    };
    const day = d("2024-09-02");
    const snap = signalSnapshot(dataset, truth, day, { horizonDays: 30, firstDay: d("2024-01-01") });
    expect(Array.from(snap.customerIndex)).toEqual([0, 1]);
    expect(Array.from(snap.recencyDays)).toEqual([day - d("2024-08-01"), day - d("2024-02-01")]);
    expect(snap.lastScore[0]).toBe(5);
    expect(Number.isNaN(snap.lastScore[1] ?? 0)).toBe(true);
    expect(Array.from(snap.complaint90d)).toEqual([1, 0]);
    // C1: a 60-hour repair wait (long, > 48 h) and a repeat repair (31 days after the previous one).
    expect(Array.from(snap.badExperiences90d)).toEqual([2, 0]);
    expect(Number.isNaN(snap.appActiveDays28d[0] ?? 0)).toBe(true);
    expect(snap.appActiveDays28d[1]).toBe(2);
    expect(Number.isNaN(snap.spendTrend[0] ?? 0)).toBe(true); // less than 48 weeks of history
    expect(Array.from(snap.churned)).toEqual([1, 0]);
    expect(snap.maintenanceOverdueDays[0]).toBe(day - d("2024-01-10") - 180);
    expect(snap.segment).toEqual(["economy", "premium"]);
  });
});
