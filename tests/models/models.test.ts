import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { createStream } from "../../src/random/createStream";
import type { LabelledData } from "../../src/models/ChurnModel";
import { loadPipeline, savePipeline } from "../../src/models/persistence";
import { scoreWithPipeline } from "../../src/models/ChurnPipeline";
import { trainNetwork } from "../../src/models/tfjsNetwork";
import { trainGbdt } from "../../src/models/gbdtModel";
import { trainChurnModel } from "../../src/models/trainChurnModel";
import { rocAuc } from "../../src/models/metrics/rocAuc";
import { stratifiedSplit } from "../../src/models/stratifiedSplit";

/** Rows from a known logistic model: logit = −1 + 1.5·x0 − 1·x1 (x2 is noise), x ~ N(0, 1). */
function logisticData(n: number, seed: number): LabelledData {
  const rng = createStream(seed, "logistic-data");
  const gauss = (): number => Math.sqrt(-2 * Math.log(rng())) * Math.cos(2 * Math.PI * rng());
  const data = new Float32Array(n * 3);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < 3; j++) data[i * 3 + j] = gauss();
    const logit = -1 + 1.5 * (data[i * 3] as number) - (data[i * 3 + 1] as number);
    y[i] = rng() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
  }
  return { x: { data, rows: n, cols: 3 }, y };
}

describe("tfjs logistic regression", () => {
  it("recovers the generating coefficients (maximum likelihood, tiny L2)", async () => {
    const train = logisticData(4000, 1);
    const valid = logisticData(1000, 2);
    const { model, history } = await trainNetwork("logistic", train, valid, { hidden: [], seed: 1, l2: 0, learningRate: 0.05, maxEpochs: 60 });
    const files = await model.save();
    expect(Object.keys(files).sort()).toEqual(["model.json", "weights.bin"]);
    const weights = new Float32Array((files["weights.bin"] as Uint8Array).slice().buffer);
    // kernel (3) then bias (1); MLE with n = 4000 has standard errors of about 0.05
    expect(weights[0]).toBeCloseTo(1.5, 0);
    expect(weights[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(weights[2] as number)).toBeLessThan(0.15);
    expect(weights[3]).toBeCloseTo(-1, 0);
    expect(history.bestEpoch).toBeGreaterThan(0);
    model.dispose();
  });
  it("the same seed gives the same model; another seed shuffles differently", async () => {
    const train = logisticData(600, 3);
    const valid = logisticData(200, 4);
    const fit = async (seed: number): Promise<Float64Array> => {
      const { model } = await trainNetwork("mlp", train, valid, { hidden: [8], seed, maxEpochs: 5 });
      const p = model.predictProba(valid.x);
      model.dispose();
      return p;
    };
    const a = await fit(7);
    const b = await fit(7);
    const c = await fit(8);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
  it("rejects empty training data", async () => {
    const empty: LabelledData = { x: { data: new Float32Array(0), rows: 0, cols: 3 }, y: new Uint8Array(0) };
    await expect(trainNetwork("logistic", empty, empty, { hidden: [] })).rejects.toThrow(RangeError);
  });
});

describe("XGBoost trees", () => {
  it("learn an interaction a linear model cannot, deterministically for a seed", async () => {
    const rng = createStream(9, "xor");
    const n = 3000;
    const data = new Float32Array(n * 2);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      data[i * 2] = rng() - 0.5;
      data[i * 2 + 1] = rng() - 0.5;
      y[i] = (data[i * 2] as number) * (data[i * 2 + 1] as number) > 0 === rng() < 0.9 ? 1 : 0;
    }
    const all: LabelledData = { x: { data, rows: n, cols: 2 }, y };
    const a = await trainGbdt(all, all, { seed: 1, rounds: 50, colsample: 1 }); // with 2 columns, colsample 0.8 would leave one per tree
    const b = await trainGbdt(all, all, { seed: 1, rounds: 50, colsample: 1 });
    const pa = a.model.predictProba(all.x);
    expect(Array.from(pa)).toEqual(Array.from(b.model.predictProba(all.x)));
    // the label is XOR of the signs with 10% noise: the best possible AUC is about 0.9
    expect(rocAuc(pa, y)).toBeGreaterThan(0.85);
    a.model.dispose();
    b.model.dispose();
  });
  it("train beyond the 5 MB Emscripten stack (60,000 × 25 floats = 6 MB)", async () => {
    const n = 60000;
    const data = new Float32Array(n * 25).map((_, k) => ((k * 2654435761) % 1000) / 1000);
    const y = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const all: LabelledData = { x: { data, rows: n, cols: 25 }, y };
    const { model } = await trainGbdt(all, { x: { data: data.subarray(0, 250), rows: 10, cols: 25 }, y: y.subarray(0, 10) }, { seed: 1, rounds: 2 });
    expect(model.predictProba({ data: data.subarray(0, 50), rows: 2, cols: 25 })).toHaveLength(2);
    model.dispose();
  }, 30_000);
});

describe("model folders", () => {
  const columns = (n: number, seed: number): { features: Record<string, string[]>; labels: Uint8Array } => {
    const d = logisticData(n, seed);
    const features: Record<string, string[]> = { a: [], b: [], c: [], plan: [] };
    for (let i = 0; i < n; i++) {
      features["a"]!.push((d.x.data[i * 3] as number).toFixed(3));
      features["b"]!.push(i % 17 === 0 ? "" : (d.x.data[i * 3 + 1] as number).toFixed(3));
      features["c"]!.push((d.x.data[i * 3 + 2] as number).toFixed(3));
      features["plan"]!.push(i % 3 === 0 ? "basic" : "premium");
    }
    return { features, labels: d.y };
  };
  for (const kind of ["logistic", "mlp", "gbdt"] as const) {
    it(`${kind}: save then load scores identically, and metadata records the run`, async () => {
      const { features, labels } = columns(1200, 5);
      const result = await trainChurnModel(features, labels, { model: kind, seed: 5, network: { maxEpochs: 8 }, gbdt: { rounds: 30 } });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `churnlab-${kind}-`));
      await savePipeline(dir, result.pipeline);
      const loaded = await loadPipeline(dir);
      const before = scoreWithPipeline(result.pipeline, features);
      const after = scoreWithPipeline(loaded, features);
      expect(Array.from(after)).toEqual(Array.from(before));
      const meta = JSON.parse(fs.readFileSync(path.join(dir, "metadata.json"), "utf8")) as Record<string, unknown>;
      expect(meta).toMatchObject({ kind, seed: 5, features: ["a", "b", "c", "plan"], churnlabVersion: "0.1.0", calibration: "platt" });
      expect(result.testMetrics.auc).toBeGreaterThan(0.75);
      result.pipeline.model.dispose();
      loaded.model.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }, 30_000);
  }
  it("loading against data with another feature set is a clear InputError", async () => {
    const { features, labels } = columns(600, 6);
    const result = await trainChurnModel(features, labels, { model: "logistic", seed: 1, network: { maxEpochs: 3 } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-mismatch-"));
    await savePipeline(dir, result.pipeline);
    const loaded = await loadPipeline(dir);
    const { a, plan } = features;
    expect(() => scoreWithPipeline(loaded, { a: a as string[], plan: plan as string[], extra: a as string[] }, "other.csv")).toThrow(InputError);
    expect(() => scoreWithPipeline(loaded, { a: a as string[], plan: plan as string[] }, "other.csv")).toThrow(/column b: missing/);
    // a preprocessing that does not fit the saved network is refused at load time: by its checksum, and without one by its shape
    const pre = JSON.parse(fs.readFileSync(path.join(dir, "preprocessing.json"), "utf8")) as { outputNames: string[] };
    pre.outputNames.push("surplus");
    fs.writeFileSync(path.join(dir, "preprocessing.json"), JSON.stringify(pre));
    await expect(loadPipeline(dir)).rejects.toThrow(/preprocessing.json: is \d+ bytes, manifest.json says \d+/);
    fs.rmSync(path.join(dir, "manifest.json"));
    const meta = JSON.parse(fs.readFileSync(path.join(dir, "metadata.json"), "utf8")) as Record<string, unknown>;
    delete meta["manifest"];
    fs.writeFileSync(path.join(dir, "metadata.json"), JSON.stringify(meta));
    await expect(loadPipeline(dir)).rejects.toThrow(/preprocessing.json: \$.outputNames: outputNames and groups do not follow from the inputs/);
    result.pipeline.model.dispose();
    loaded.model.dispose();
  });
});

describe("stratifiedSplit", () => {
  it("keeps the positive rate in both parts and is reproducible", () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const a = stratifiedSplit(labels, 0.2, createStream(1, "split"));
    const b = stratifiedSplit(labels, 0.2, createStream(1, "split"));
    expect(Array.from(a.heldOut)).toEqual(Array.from(b.heldOut));
    expect(a.heldOut.length).toBe(200);
    expect(Array.from(a.heldOut).filter((i) => labels[i] === 1)).toHaveLength(40);
    expect(() => stratifiedSplit(labels, 1, createStream(1, "split"))).toThrow(RangeError);
  });
  it("splits 300,000 rows without overflowing the call stack (push(...rows) failed past ~150k rows)", () => {
    const labels = Uint8Array.from({ length: 300_000 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const { kept, heldOut } = stratifiedSplit(labels, 0.2, createStream(1, "split"));
    expect(heldOut.length).toBe(60_000);
    expect(kept.length).toBe(240_000);
    expect(Array.from(heldOut).filter((i) => labels[i] === 1)).toHaveLength(15_000);
    // every row lands in exactly one part
    const seen = new Uint8Array(labels.length);
    for (const i of kept) seen[i] = (seen[i] as number) + 1;
    for (const i of heldOut) seen[i] = (seen[i] as number) + 1;
    expect(seen.every((c) => c === 1)).toBe(true);
  });
});
