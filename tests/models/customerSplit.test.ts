import { describe, expect, it } from "vitest";
import { createStream } from "../../src/random/createStream";
import { sampleNormal } from "../../src/random/normal";
import { chooseSplit } from "../../src/models/chooseSplit";
import { customerSplit, groupCodes, latestSnapshotsCut } from "../../src/models/customerSplit";
import { clusterBootstrap } from "../../src/models/metrics/clusterBootstrap";
import { averagePrecision } from "../../src/models/metrics/averagePrecision";
import { aucWithDeLongInterval, rocAuc } from "../../src/models/metrics/rocAuc";
import { brierScore, logLoss } from "../../src/models/metrics/probabilityScores";
import { trainChurnModel } from "../../src/models/trainChurnModel";

/**
 * A panel of `customers` × `weeks` snapshot rows. Each customer has a lasting churn risk z (normal, sd 1.5) that
 * sets the label of each of their rows, a weak signal of it per row (`signal` = 0.5·z + noise) and a
 * `fingerprint` (uniform, the same on all their rows, unrelated to risk: a distance or a vehicle age in real
 * data) that identifies them. A model that sees a customer's other rows in training learns their risk from the
 * fingerprint; on new customers the fingerprint is worthless.
 */
function repeatedCustomerPanel(customers: number, weeks: number, seed: number) {
  const rng = createStream(seed, "panel");
  const ids: string[] = [];
  const week: number[] = [];
  const signal: string[] = [];
  const fingerprint: string[] = [];
  const labels: number[] = [];
  for (let c = 0; c < customers; c++) {
    const z = sampleNormal(rng, 0, 1.5);
    const print = rng().toFixed(6);
    for (let w = 0; w < weeks; w++) {
      ids.push(`C${c}`);
      week.push(w);
      signal.push((0.3 * z + sampleNormal(rng, 0, 1)).toFixed(4));
      fingerprint.push(print);
      labels.push(rng() < 1 / (1 + Math.exp(-(-1.5 + 1.5 * z))) ? 1 : 0);
    }
  }
  return { ids, week, features: { signal, fingerprint }, labels: Uint8Array.from(labels) };
}

describe("customer-level splits", () => {
  it("customerSplit keeps every customer on one side and holds out about a fifth of them", () => {
    const { codes, count } = groupCodes(Array.from({ length: 1000 }, (_, i) => `C${i % 200}`));
    const labels = Array.from({ length: 1000 }, (_, i) => (i % 200 < 40 ? 1 : 0));
    const split = customerSplit(
      Int32Array.from({ length: 1000 }, (_, i) => i),
      codes,
      labels,
      0.2,
      createStream(1, "split"),
    );
    const held = new Set(Array.from(split.heldOut, (r) => codes[r]));
    expect(Array.from(split.kept).some((r) => held.has(codes[r] as number))).toBe(false);
    expect(count).toBe(200);
    expect(held.size).toBe(40); // round(0.2·40 churning) + round(0.2·160 others) customers
    expect(split.kept.length + split.heldOut.length).toBe(1000);
  });

  it("latestSnapshotsCut holds out the latest snapshots with about the share of rows, keeping at least one", () => {
    const rows = Int32Array.from([0, 1, 2, 3, 4]);
    expect(latestSnapshotsCut(rows, [1, 1, 2, 3, 3], 0.4)).toBe(3);
    expect(latestSnapshotsCut(rows, [1, 1, 2, 3, 3], 0.5)).toBe(2);
    expect(latestSnapshotsCut(rows, [1, 2, 2, 2, 2], 0.99)).toBe(2);
    expect(() => latestSnapshotsCut(rows, [1, 1, 1, 1, 1], 0.2)).toThrow(RangeError);
  });

  it("chooseSplit picks time with snapshot times, customer when ids repeat, row otherwise", () => {
    const labels = Uint8Array.from({ length: 100 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const ids = Array.from({ length: 100 }, (_, i) => `C${i % 25}`);
    expect(chooseSplit(labels, { seed: 1, groups: ids, times: Array.from({ length: 100 }, (_, i) => Math.floor(i / 25)) }).description.method).toBe("time");
    expect(chooseSplit(labels, { seed: 1, groups: ids }).description).toMatchObject({ method: "customer", customers: 25, maxRowsPerCustomer: 4 });
    expect(chooseSplit(labels, { seed: 1, groups: ids.map((_, i) => `U${i}`) }).description.method).toBe("row");
  });
});

describe("clusterBootstrap", () => {
  it("matches the plain bootstrap that copies each drawn customer's rows (same draws)", () => {
    const rng = createStream(3, "data");
    const n = 300;
    const clusters = Int32Array.from({ length: n }, (_, i) => i % 60);
    const labels = Uint8Array.from({ length: n }, () => (rng() < 0.3 ? 1 : 0));
    const p = Float64Array.from(labels, (y) => Math.round(Math.min(0.99, Math.max(0.01, 0.3 + 0.25 * y + 0.2 * (rng() - 0.5))) * 20) / 20); // ties
    const got = clusterBootstrap(p, labels, clusters, { random: createStream(9, "boot"), resamples: 200 });
    // reference: draw 60 customers with replacement from the same stream, copy their rows, compute the metrics
    const draw = createStream(9, "boot");
    const values: number[][] = [[], [], [], []];
    for (let r = 0; r < 200; r++) {
      const picked = Array.from({ length: 60 }, () => Math.floor(draw() * 60));
      const rows = picked.flatMap((c) => Array.from({ length: n }, (_, i) => i).filter((i) => clusters[i] === c));
      const pp = rows.map((i) => p[i] as number);
      const yy = rows.map((i) => labels[i] as number);
      if (yy.every((y) => y === yy[0])) continue;
      values[0]?.push(rocAuc(pp, yy));
      values[1]?.push(averagePrecision(pp, yy));
      values[2]?.push(brierScore(pp, yy));
      values[3]?.push(logLoss(pp, yy));
    }
    const pct = (v: number[], q: number): number => {
      const s = [...v].sort((a, b) => a - b);
      const h = (s.length - 1) * q;
      const lo = Math.floor(h);
      return (s[lo] as number) + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number));
    };
    const intervals = [got.auc, got.prAuc, got.brier, got.logLoss];
    intervals.forEach((interval, m) => {
      expect(interval[0]).toBeCloseTo(pct(values[m] as number[], 0.025), 10);
      expect(interval[1]).toBeCloseTo(pct(values[m] as number[], 0.975), 10);
    });
    expect(got.clusters).toBe(60);
  });

  it("is wider than DeLong's interval when customers repeat their rows, and close to it when they do not", () => {
    const rng = createStream(5, "data");
    const customers = 400;
    const z = Array.from({ length: customers }, () => sampleNormal(rng, 0, 1));
    const repeat = 8;
    const p: number[] = [];
    const y: number[] = [];
    const c: number[] = [];
    for (let k = 0; k < customers; k++) {
      const label = rng() < 1 / (1 + Math.exp(-(z[k] as number))) ? 1 : 0;
      for (let w = 0; w < repeat; w++) {
        p.push(1 / (1 + Math.exp(-((z[k] as number) + sampleNormal(rng, 0, 0.3)))));
        y.push(label);
        c.push(k);
      }
    }
    const delong = aucWithDeLongInterval(p, y);
    const boot = clusterBootstrap(p, y, Int32Array.from(c), { random: createStream(1, "boot") });
    // 8 near-copies of each customer: the effective sample is ~400, not 3,200, so the interval is about sqrt(8) ≈ 2.8 times wider
    expect((boot.auc[1] - boot.auc[0]) / (delong.high - delong.low)).toBeGreaterThan(2);
    const single = clusterBootstrap(
      p,
      y,
      Int32Array.from(c, (_, i) => i),
      { random: createStream(1, "boot") },
    );
    expect((single.auc[1] - single.auc[0]) / (delong.high - delong.low)).toBeGreaterThan(0.85);
    expect((single.auc[1] - single.auc[0]) / (delong.high - delong.low)).toBeLessThan(1.15);
  });
});

describe("trainChurnModel on a panel with repeated customers", () => {
  it("a random row split inflates the test AUC; the default splits by customer and does not", async () => {
    const panel = repeatedCustomerPanel(250, 20, 11);
    // A flexible model, free to memorise customers (the default min_child_weight 20 mostly stops it on so few rows):
    // on new customers the fingerprint is noise, so the honest AUC falls to about chance while the row split reports ~0.79.
    const gbdt = { maxDepth: 6, minChildWeight: 2 }; // a flexible model, free to memorise customers
    const rowSplit = await trainChurnModel(panel.features, panel.labels, { model: "gbdt", gbdt, seed: 4, groups: panel.ids, splitBy: "row" });
    const byDefault = await trainChurnModel(panel.features, panel.labels, { model: "gbdt", gbdt, seed: 4, groups: panel.ids });
    rowSplit.pipeline.model.dispose();
    byDefault.pipeline.model.dispose();
    // What honest features can give: the AUC of the per-row signal itself on each test set (the best use of it is monotone).
    const signalAuc = (rows: Int32Array): number =>
      rocAuc(
        Array.from(rows, (r) => Number(panel.features.signal[r])),
        Array.from(rows, (r) => panel.labels[r] as number),
      );
    const honestRow = signalAuc(rowSplit.test.rows);
    const honestDefault = signalAuc(byDefault.test.rows);
    expect(byDefault.pipeline.metadata.split?.method).toBe("customer");
    expect(byDefault.pipeline.metadata.split?.sharedCustomers).toBe(0);
    expect(rowSplit.testMetrics.auc - honestRow).toBeGreaterThan(0.05); // learnt each customer's risk from the fingerprint
    expect(byDefault.testMetrics.auc).toBeLessThan(honestDefault + 0.02);
    expect(rowSplit.testMetrics.auc - byDefault.testMetrics.auc).toBeGreaterThan(0.05);
    expect(rowSplit.warnings.some((w) => w.includes("inflates held-out metrics"))).toBe(true);
    expect(byDefault.warnings.some((w) => w.includes("inflates held-out metrics"))).toBe(false);
    expect(byDefault.testMetrics.intervals?.method).toBe("cluster-bootstrap");
    expect(byDefault.testMetrics.aucLow).toBe(byDefault.testMetrics.intervals?.auc[0]);
  });

  it("splits by time when snapshot times are given: validation and test are the latest weeks", async () => {
    const panel = repeatedCustomerPanel(300, 10, 12);
    const result = await trainChurnModel(panel.features, panel.labels, { model: "logistic", seed: 4, groups: panel.ids, times: panel.week });
    result.pipeline.model.dispose();
    expect(result.pipeline.metadata.split).toMatchObject({ method: "time", testFrom: "8", validationFrom: "6" });
    expect(Array.from(result.test.rows).every((r) => (panel.week[r] as number) >= 8)).toBe(true);
    expect(result.pipeline.metadata.rows).toEqual({ train: 1800, validation: 600, test: 600 });
    expect(result.pipeline.metadata.trainingWindow).toEqual({ from: "0", to: "5" });
    // a 2-week label window: training rows must end by week 6 (weeks 0-4), validation rows by week 8 (week 6)
    const embargoed = await trainChurnModel(panel.features, panel.labels, { model: "logistic", seed: 4, groups: panel.ids, times: panel.week, embargo: 2 });
    embargoed.pipeline.model.dispose();
    expect(embargoed.pipeline.metadata.rows).toEqual({ train: 1500, validation: 300, test: 600 });
    expect(embargoed.pipeline.metadata.split?.embargo).toBe(2);
  });
});
