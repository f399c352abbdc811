// The synthetic population: deterministic, churn observable in the exports,
// and calibrated to the documented churn rate and signal effects (data/README.md).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { churnRateByBucket } from "../../src/data/churnRateByBucket";
import { isoToDay } from "../../src/data/dates";
import { loadDataset } from "../../src/data/loaders";
import { signalSnapshot, type SignalSnapshot } from "../../src/data/signalSnapshot";
import { summarizePopulation, tierOfProbability, type PopulationSummary } from "../../src/data/summarizePopulation";
import { synthesize, type SyntheticPopulation } from "../../src/data/synthesize";
import { tableToCsv, writeTablesCsv } from "../../src/data/writeCsv";
import type { TableSchema } from "../../src/data/schema";

function min(values: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < values.length; i++) m = Math.min(m, values[i] ?? NaN);
  return m;
}
function max(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) m = Math.max(m, values[i] ?? NaN);
  return m;
}

function csvs(p: SyntheticPopulation): string[] {
  return [p.customers, p.visits, p.surveys, p.appActivity, p.truth, p.truthRisk].map((t) => tableToCsv<TableSchema>(t));
}

describe("synthesize: reproducibility and shape", () => {
  it("gives byte-identical CSVs for the same seed, and different ones for another seed", () => {
    const a = csvs(synthesize({ customers: 300, seed: 42 }));
    const b = csvs(synthesize({ customers: 300, seed: 42 }));
    const c = csvs(synthesize({ customers: 300, seed: 43 }));
    expect(a).toEqual(b);
    expect(a[1]).not.toEqual(c[1]);
  });

  it("writes files byte-identical across runs (streamed atomic writer)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-synth-"));
    try {
      const files1 = writeTablesCsv(path.join(dir, "a"), [synthesize({ customers: 200, seed: 7 }).visits]);
      const files2 = writeTablesCsv(path.join(dir, "b"), [synthesize({ customers: 200, seed: 7 }).visits]);
      expect(fs.readFileSync(files1[0] ?? "")).toEqual(fs.readFileSync(files2[0] ?? ""));
      expect(fs.readdirSync(path.join(dir, "a"))).toEqual(["visits.csv"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects out-of-range options", () => {
    expect(() => synthesize({ customers: 0, seed: 1 })).toThrow(RangeError);
    expect(() => synthesize({ customers: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => synthesize({ customers: 10, seed: 1, weeks: 52 })).toThrow(RangeError);
    expect(() => synthesize({ customers: 10, seed: 1, startDate: "2024-01-02" })).toThrow(/Monday/);
    expect(() => synthesize({ customers: 10, seed: 1, riskSnapshotEveryWeeks: -1 })).toThrow(RangeError);
    expect(() => synthesize({ customers: 10, seed: Number.NaN })).toThrow(RangeError);
  });

  it("produces tables that the strict loaders accept unchanged", () => {
    const population = synthesize({ customers: 400, seed: 3 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-synth-"));
    try {
      writeTablesCsv(dir, [population.customers, population.visits, population.surveys, population.appActivity]);
      const { dataset, dropped } = loadDataset(dir);
      expect(Object.values(dropped).flat()).toEqual([]);
      expect(dataset.visits.columns.date).toEqual(population.visits.columns.date);
      expect(dataset.visits.columns.spend_yuan).toEqual(population.visits.columns.spend_yuan);
      expect(dataset.surveys.columns.complaint_category).toEqual(population.surveys.columns.complaint_category);
      expect(dataset.customers.columns.price_sensitivity).toEqual(population.customers.columns.price_sensitivity);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("synthesize at seed 42, 20,000 customers (calibration, data/README.md)", () => {
  let population: SyntheticPopulation;
  let summary: PopulationSummary;
  let snap: SignalSnapshot;
  beforeAll(() => {
    population = synthesize({ customers: 20_000, seed: 42 });
    summary = summarizePopulation(population);
    // Signals on the first Monday of year 2; churn in the following 90 days.
    snap = signalSnapshot(population, population.truth, population.meta.startDay + 364, { horizonDays: 90, firstDay: population.meta.startDay });
  });

  it("covers 24 months from Monday 2024-01-01 with every event inside the history", () => {
    expect(population.meta.startDay).toBe(isoToDay("2024-01-01"));
    expect(population.meta.endDay).toBe(isoToDay("2025-12-29"));
    for (const days of [population.visits.columns.date, population.appActivity.columns.week_start]) {
      expect(min(days)).toBeGreaterThanOrEqual(population.meta.startDay);
      expect(max(days)).toBeLessThan(population.meta.endDay);
    }
    expect(max(population.surveys.columns.date)).toBeLessThan(population.meta.endDay);
  });

  it("makes churn observable: no visit, survey or app activity on or after the churn date", () => {
    const churn = new Map<string, number>();
    population.truth.columns.customer_id.forEach((id, i) => {
      churn.set(id, population.truth.columns.churn_date[i] ?? NaN);
    });
    const late = (ids: string[], days: ArrayLike<number>): number => ids.filter((id, k) => (days[k] ?? 0) >= (churn.get(id) ?? Infinity)).length;
    expect(late(population.visits.columns.customer_id, population.visits.columns.date)).toBe(0);
    expect(late(population.surveys.columns.customer_id, population.surveys.columns.date)).toBe(0);
    expect(late(population.appActivity.columns.customer_id, population.appActivity.columns.week_start)).toBe(0);
  });

  it("churns about 18% of customers a year (the plan's baseline), in both years", () => {
    // Measured: year 1 16.6%, year 2 19.2% (200,000 customers: 17.0% and 18.7%; the closed cohort ages, so year 2 is a little higher).
    expect(summary.churnRateYear1).toBeGreaterThan(0.155);
    expect(summary.churnRateYear1).toBeLessThan(0.195);
    expect(summary.churnRateYear2).toBeGreaterThan(0.165);
    expect(summary.churnRateYear2).toBeLessThan(0.205);
    expect((summary.churnRateYear1 + summary.churnRateYear2) / 2).toBeCloseTo(0.18, 1);
  });

  it("puts the documented shares in the plan's tiers by peak latent 30-day risk over a year", () => {
    // Measured 4.7% / 4.0% / 7.2% / 84.1% (documented compromise vs the plan's 3 / 8 / 12 / 77).
    const p = summary.peakTierSharesYear2;
    expect(p.tier1).toBeGreaterThan(0.03);
    expect(p.tier1).toBeLessThan(0.06);
    expect(p.tier2).toBeGreaterThan(0.03);
    expect(p.tier2).toBeLessThan(0.055);
    expect(p.tier3).toBeGreaterThan(0.055);
    expect(p.tier3).toBeLessThan(0.085);
    expect(p.tier1 + p.tier2 + p.tier3 + p.tier4).toBeCloseTo(1, 12);
    // At a single Monday, far fewer customers are at high risk (mean 30-day risk ≈ 1.5%).
    expect(summary.pointTierSharesYear2.tier1).toBeLessThan(0.005);
    expect(summary.meanRisk30dYear2).toBeGreaterThan(0.01);
    expect(summary.meanRisk30dYear2).toBeLessThan(0.02);
  });

  it("has realistic volumes: ~4.4 visits, ~2.3 surveys and ~35 active app-weeks per customer", () => {
    expect(summary.visits / 20_000).toBeGreaterThan(4);
    expect(summary.visits / 20_000).toBeLessThan(4.8);
    expect(summary.surveys / 20_000).toBeGreaterThan(2);
    expect(summary.surveys / 20_000).toBeLessThan(2.7);
    expect(summary.appActivityRows / 20_000).toBeGreaterThan(30);
    expect(summary.appActivityRows / 20_000).toBeLessThan(40);
  });

  it("churn rate rises with the days since the last visit (measured at 200,000: 1.8%, 5.1%, 22%, 37% in 90 days)", () => {
    const rates = churnRateByBucket(snap.recencyDays, snap.churned, [90, 180, 270]).map((b) => b.rate);
    expect(rates.length).toBe(4);
    for (let k = 1; k < rates.length; k++) expect(rates[k]).toBeGreaterThan((rates[k - 1] ?? 0) * 1.5);
    expect(rates[3]).toBeGreaterThan(0.25);
    expect(rates[0]).toBeLessThan(0.03);
  });

  it("a complaint in the last 90 days raises 90-day churn 2.4x at 20,000 and 3.0x at 200,000 customers (conditional hazard ratio e^1.6 = 5.0, diluted by recent visits)", () => {
    const [none, some] = churnRateByBucket(snap.complaint90d, snap.churned, [1]);
    const ratio = (some?.rate ?? NaN) / (none?.rate ?? NaN);
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(4.5);
  });

  it("low satisfaction, app inactivity, halved spend and distance each raise churn", () => {
    const rate = (values: ArrayLike<number>, edges: number[]): number[] => churnRateByBucket(values, snap.churned, edges).map((b) => b.rate);
    const score = rate(snap.lastScore, [7]); // < 7, >= 7, missing
    expect((score[0] ?? 0) / (score[1] ?? 1)).toBeGreaterThan(2);
    const app = rate(snap.appActiveDays28d, [1, 10]); // 0 days, 1-9, >= 10, never
    expect((app[0] ?? 0) / (app[2] ?? 1)).toBeGreaterThan(4);
    const spend = rate(snap.spendTrend, [0.5]); // halved, not halved, missing
    expect((spend[0] ?? 0) / (spend[1] ?? 1)).toBeGreaterThan(2.5);
    const distance = rate(snap.distanceKm, [20]);
    expect((distance[1] ?? 0) / (distance[0] ?? 1)).toBeGreaterThan(1.3);
    const price = rate(snap.priceSensitivity, [0.6]);
    expect((price[1] ?? 0) / (price[0] ?? 1)).toBeGreaterThan(1.3);
  });

  it("keeps the latent risk in the ground truth only, consistent with the tiers", () => {
    expect(population.customers.schema.columns.map((c) => c.name)).not.toContain("frailty");
    const risks = population.truthRisk.columns.risk_30d;
    expect(min(risks)).toBeGreaterThanOrEqual(0);
    expect(max(risks)).toBeLessThanOrEqual(1);
    expect(tierOfProbability(0.7)).toBe(2);
    expect(tierOfProbability(0.7000001)).toBe(1);
    expect(tierOfProbability(0.5)).toBe(3);
    expect(tierOfProbability(0.3)).toBe(4);
  });
});
