import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { scoreWithPipeline } from "../../src/models/ChurnPipeline";
import { buildModelManifest, checkModelManifest, sha256Hex } from "../../src/models/modelManifest";
import { loadPipeline, savePipeline } from "../../src/models/persistence";
import { trainChurnModel } from "../../src/models/trainChurnModel";
import type { ModelKind } from "../../src/models/ChurnModel";

// Issue 11, items 5 and 10: model folder files are checked against each other (SHA-256 manifest, shapes), and every
// damaged or truncated file is bad input naming the file.

let root = "";
const folders: Partial<Record<ModelKind | "logistic2", string>> = {};
const columns: Record<string, string[]> = { age: [], city: [] };
let labels = new Uint8Array(0);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-model-folder-"));
  let x = 3;
  const n = 600;
  labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const age = 20 + (x % 50);
    const city = ["A", "B", "C"][x % 3] as string;
    columns["age"]?.push(String(age));
    columns["city"]?.push(city);
    labels[i] = (x >> 8) % 10 < (age > 50 ? 4 : 1) + (city === "C" ? 2 : 0) ? 1 : 0;
  }
  const runs: Array<[keyof typeof folders, ModelKind, number]> = [
    ["logistic", "logistic", 1],
    ["logistic2", "logistic", 2],
    ["mlp", "mlp", 1],
    ["gbdt", "gbdt", 1],
  ];
  for (const [name, model, seed] of runs) {
    const result = await trainChurnModel(columns, labels, { model, seed, network: { maxEpochs: 3 }, gbdt: { rounds: 10 } });
    folders[name] = path.join(root, name);
    await savePipeline(folders[name] as string, result.pipeline);
    result.pipeline.model.dispose();
  }
}, 60_000);
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** A copy of a saved folder, changed by `damage`. */
function damaged(kind: keyof typeof folders, damage: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(root, `${kind}-damaged-`));
  fs.cpSync(folders[kind] as string, dir, { recursive: true });
  damage(dir);
  return dir;
}

/** The folder as an older churnlab saved it: no manifest.json, and metadata.json not naming one. */
function withoutManifest(dir: string): void {
  fs.rmSync(path.join(dir, "manifest.json"));
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "metadata.json"), "utf8")) as Record<string, unknown>;
  delete meta["manifest"];
  fs.writeFileSync(path.join(dir, "metadata.json"), JSON.stringify(meta, null, 2));
}

async function problemsOf(dir: string): Promise<Array<{ where: string; message: string }>> {
  try {
    const loaded = await loadPipeline(dir);
    loaded.model.dispose();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).source).toBe(dir);
    return [...(err as InputError).problems];
  }
  throw new Error(`${dir} loaded`);
}

describe("model folder manifest", () => {
  it("sha256Hex matches the FIPS 180-2 test vector", () => {
    expect(sha256Hex(new TextEncoder().encode("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("savePipeline writes manifest.json with each file's size and SHA-256, and metadata.json names it", () => {
    const dir = folders.logistic as string;
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { files: Record<string, { bytes: number; sha256: string }> };
    expect(Object.keys(manifest.files).sort()).toEqual(["calibration.json", "metadata.json", "model.json", "preprocessing.json", "weights.bin"]);
    for (const [name, entry] of Object.entries(manifest.files)) {
      const bytes = fs.readFileSync(path.join(dir, name));
      expect(entry).toEqual({ bytes: bytes.length, sha256: sha256Hex(bytes) });
    }
    expect(JSON.parse(fs.readFileSync(path.join(dir, "metadata.json"), "utf8"))).toMatchObject({ manifest: "manifest.json" });
  });
  it("checkModelManifest names each file that differs and the rule", () => {
    const manifest = buildModelManifest({ "a.json": "{}\n", "b.bin": new Uint8Array([1, 2]) }, "0.1.0");
    const read = new Map([
      ["a.json", new TextEncoder().encode("[]\n")],
      ["b.bin", new Uint8Array([1, 2, 3])],
    ]);
    expect(checkModelManifest(manifest, read, ["a.json", "c.json"]).map((p) => `${p.where}: ${p.message}`)).toEqual([
      "c.json: not listed in manifest.json: the folder's files were not saved together",
      "a.json: SHA-256 differs from manifest.json: the file was changed or comes from another model",
      "b.bin: is 3 bytes, manifest.json says 2: the file was cut, extended or replaced after training",
      "manifest.json: the model folder is not as churnlab saved it: restore it from a backup or train it again",
    ]);
  });
});

describe("loadPipeline refuses a model folder whose files do not belong together (was: exit 0 and wrong tiers)", () => {
  it("a weights.bin from another model of the same shape is refused by its SHA-256", async () => {
    const dir = damaged("logistic", (d) => fs.copyFileSync(path.join(folders.logistic2 as string, "weights.bin"), path.join(d, "weights.bin")));
    expect(fs.statSync(path.join(dir, "weights.bin")).size).toBe(fs.statSync(path.join(folders.logistic as string, "weights.bin")).size);
    expect((await problemsOf(dir))[0]).toEqual({
      where: "weights.bin",
      message: "SHA-256 differs from manifest.json: the file was changed or comes from another model",
    });
  });
  it("bytes appended to weights.bin or xgboost.bin are refused by the size in the manifest", async () => {
    for (const [kind, file] of [
      ["logistic", "weights.bin"],
      ["gbdt", "xgboost.bin"],
    ] as const) {
      const dir = damaged(kind, (d) => fs.appendFileSync(path.join(d, file), "ABCD"));
      expect((await problemsOf(dir))[0]?.where).toBe(file);
      expect((await problemsOf(dir))[0]?.message).toMatch(/^is \d+ bytes, manifest.json says \d+: the file was cut, extended or replaced after training$/);
    }
  });
  it("a folder whose metadata.json names a manifest that is gone is refused (deleting the manifest is no way round the checks)", async () => {
    const dir = damaged("logistic", (d) => fs.rmSync(path.join(d, "manifest.json")));
    expect(await problemsOf(dir)).toContainEqual({
      where: "manifest.json",
      message: "missing, but metadata.json says the folder was saved with it: the folder is incomplete or was tampered with",
    });
  });
  it("an older folder without a manifest loads with a warning and the same scores; its shapes are still checked", async () => {
    const dir = damaged("logistic", withoutManifest);
    const loaded = await loadPipeline(dir);
    expect(loaded.warnings).toEqual([
      `${dir}: no manifest.json (saved by an older churnlab): its files cannot be checked against each other, only their shapes; train it again to add checksums`,
    ]);
    const original = await loadPipeline(folders.logistic as string);
    expect(original.warnings).toEqual([]);
    expect(Array.from(scoreWithPipeline(loaded, columns))).toEqual(Array.from(scoreWithPipeline(original, columns)));
    loaded.model.dispose();
    original.model.dispose();
    const mlpWeights = damaged("logistic", (d) => {
      withoutManifest(d);
      fs.copyFileSync(path.join(folders.mlp as string, "weights.bin"), path.join(d, "weights.bin"));
    });
    expect((await problemsOf(mlpWeights))[0]?.message).toMatch(
      /^is \d+ bytes; model.json's weightsManifest describes 20 \(5 float32 values\): the weights belong to another model or are damaged$/,
    );
  });
});

describe("every damaged or truncated model file is bad input naming the file (was: 'tensor should have 9 values but has 5', 'Unexpected end of JSON input', exit 1)", () => {
  const damages: Record<string, (file: string) => void> = {
    "cut in half": (f) => fs.writeFileSync(f, fs.readFileSync(f).subarray(0, Math.floor(fs.statSync(f).size / 2))),
    emptied: (f) => fs.writeFileSync(f, ""),
    "bytes appended": (f) => fs.appendFileSync(f, "ABCD"),
    "overwritten with other bytes": (f) => fs.writeFileSync(f, Buffer.alloc(fs.statSync(f).size, 0xff)),
    deleted: (f) => fs.rmSync(f),
  };
  const files = {
    logistic: ["metadata.json", "preprocessing.json", "calibration.json", "model.json", "weights.bin"],
    gbdt: ["xgboost.json", "xgboost.bin"],
  } as const;
  for (const manifest of [true, false]) {
    for (const [kind, names] of Object.entries(files) as Array<[keyof typeof files, readonly string[]]>) {
      it(`${kind}${manifest ? "" : ", older folder without manifest"}: each file ${Object.keys(damages).join(", ")}`, async () => {
        for (const name of names) {
          for (const [how, damage] of Object.entries(damages)) {
            const dir = damaged(kind, (d) => {
              if (!manifest) withoutManifest(d);
              damage(path.join(d, name));
            });
            let problems: Array<{ where: string; message: string }>;
            try {
              problems = await problemsOf(dir);
            } catch (err) {
              // without a manifest, bytes appended to xgboost.bin are ignored by XGBoost: the one case only a checksum catches
              expect([manifest, name, how]).toEqual([false, "xgboost.bin", "bytes appended"]);
              expect(String(err)).toMatch(/loaded/);
              continue;
            }
            expect(
              problems.some((p) => p.where.split(/[: ]/).includes(name)),
              `${name} ${how}: ${JSON.stringify(problems)}`,
            ).toBe(true);
            for (const p of problems) expect(p.message).not.toMatch(/tensor should have|^Unexpected end of JSON input$/);
          }
        }
      }, 60_000);
    }
  }
  it("a good gbdt folder still loads after XGBoost refused a damaged one in the same process", async () => {
    const bad = damaged("gbdt", (d) => {
      withoutManifest(d);
      fs.writeFileSync(path.join(d, "xgboost.bin"), Buffer.alloc(100, 7));
    });
    expect((await problemsOf(bad))[0]?.message).toBe(
      "cannot be loaded as a gbdt model: XGBoost could not read xgboost.bin (damaged, cut short, or not an XGBoost model)",
    );
    const good = await loadPipeline(folders.gbdt as string);
    const p = scoreWithPipeline(good, columns);
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    good.model.dispose();
  });
});
