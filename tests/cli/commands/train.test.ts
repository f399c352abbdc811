import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { trainCommand } from "../../../src/cli/commands/train";
import { runCommand } from "../../helpers/captureOutput";
import { telcoLikeCsv } from "../../models/fixtures/telcoLike";

let dir = "";
let csv = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-train-"));
  csv = path.join(dir, "telco.csv");
  fs.writeFileSync(csv, telcoLikeCsv(1500));
});
afterEach(() => {
  process.exitCode = 0;
});

describe("churnlab train", () => {
  it("trains on a churn CSV it has never seen and prints the JSON contract", async () => {
    const out = path.join(dir, "model-logistic");
    const r = await runCommand(trainCommand, [
      "--csv",
      csv,
      "--target",
      "Churn",
      "--id",
      "customerID",
      "--model",
      "logistic",
      "--seed",
      "3",
      "--out",
      out,
      "--json",
    ]);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of ["model", "backend", "rows", "features", "positives", "auc", "aucLow", "aucHigh", "prAuc", "brier", "logLoss", "ece"])
      expect(json).toHaveProperty(key);
    expect(json["model"]).toBe("logistic");
    expect(json["backend"]).toBe("wasm");
    expect(json["rows"]).toBe(1500);
    expect(json["features"]).toBe(7); // gender, SeniorCitizen, tenure, Contract, PaymentMethod, MonthlyCharges, TotalCharges
    expect(json["positive"]).toBe("Yes");
    // the generating model has a true AUC of about 0.83; 300 test rows give a CI of about ±0.05
    expect(json["auc"] as number).toBeGreaterThan(0.72);
    expect(json["aucLow"] as number).toBeLessThan(json["auc"] as number);
    expect(fs.readdirSync(out).sort()).toEqual([
      "MODEL_CARD.md",
      "calibration.json",
      "manifest.json",
      "metadata.json",
      "model.json",
      "preprocessing.json",
      "weights.bin",
    ]);
  });

  it("gives the same metrics for the same seed", async () => {
    const a = JSON.parse(
      (await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--seed", "3", "--json"])).stdout,
    ) as Record<string, number>;
    const b = JSON.parse(
      (await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--seed", "3", "--json"])).stdout,
    ) as Record<string, number>;
    expect(a["auc"]).toBe(b["auc"]);
    expect(a["brier"]).toBe(b["brier"]);
  });

  it("auto trains all three models and says which won", async () => {
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "auto", "--json"]);
    const json = JSON.parse(r.stdout) as { model: string; chosenBy: string; validationAuc: Record<string, number> };
    expect(Object.keys(json.validationAuc).sort()).toEqual(["gbdt", "logistic", "mlp"]);
    expect(json.chosenBy).toBe("highest validation AUC");
    const bestAuc = Math.max(...Object.values(json.validationAuc));
    expect(json.validationAuc[json.model]).toBe(bestAuc);
  }, 60_000);

  const bad = (name: string, body: string, args: string[], message: RegExp): void => {
    it(`rejects ${name} (exit 2, nothing written)`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, "-")}.csv`);
      fs.writeFileSync(file, body);
      const out = path.join(dir, `out-${name.replace(/\W+/g, "-")}`);
      const r = await runCommand(trainCommand, ["--csv", file, ...args, "--out", out, "--json"]);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    });
  };
  const rows = (f: (i: number) => string, n = 60): string => Array.from({ length: n }, (_, i) => f(i)).join("\n");
  bad("a missing target column", `id,x,churn\n${rows((i) => `${i},${i},${i % 2}`)}\n`, ["--target", "Churn"], /no column "Churn"/);
  bad("a target with three values", `id,x,churn\n${rows((i) => `${i},${i},${i % 3}`)}\n`, ["--target", "churn"], /exactly two values, found 3/);
  bad("a single class", `id,x,churn\n${rows((i) => `${i},${i},0`)}\n`, ["--target", "churn"], /only one class/);
  bad("an empty file", "", ["--target", "churn"], /empty/);
  bad("a header without rows", "id,x,churn\n", ["--target", "churn"], /no data rows/);
  bad(
    "a customer with two rows for one snapshot",
    `id,week,x,churn\n${rows((i) => `${i % 30},2025-01-0${6 + (i % 2)},${i},${i % 2}`)}\n`,
    ["--target", "churn", "--id", "id", "--snapshot", "week"],
    /customer "0" has two rows for snapshot 2025-01-06 \(data rows 1, 31\)/,
  );
  bad(
    "a snapshot cell that is not a date",
    `id,week,x,churn\n${rows((i) => `${i},${i === 7 ? "2025-02-30" : "2025-01-06"},${i},${i % 2}`)}\n`,
    ["--target", "churn", "--id", "id", "--snapshot", "week"],
    /column week, data row 8: value "2025-02-30": must be a date/,
  );
  bad("a blank id", `id,x,churn\n${rows((i) => `${i === 3 ? "" : i},${i},${i % 2}`)}\n`, ["--target", "churn", "--id", "id"], /data row 4: blank id/);
  it("repeated ids without --group: a warning, a split by customer and intervals over customers", async () => {
    const file = path.join(dir, "repeated.csv");
    fs.writeFileSync(file, `id,x,churn\n${rows((i) => `C${i % 100},${(i * 7919) % 101},${(i % 100) % 3 === 0 ? 1 : 0}`, 400)}\n`);
    const r = await runCommand(trainCommand, ["--csv", file, "--target", "churn", "--id", "id", "--model", "logistic", "--json"]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('ids in column "id" repeat');
    expect(r.stderr).toContain("pass --group id");
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ splitBy: "customer", customers: 100, intervals: "cluster-bootstrap" });
    const quiet = await runCommand(trainCommand, ["--csv", file, "--target", "churn", "--id", "id", "--group", "id", "--model", "logistic", "--json"]);
    expect(quiet.stderr).not.toContain("repeat");
    expect(JSON.parse(quiet.stdout)).toMatchObject({ splitBy: "customer" });
  });
  it("rejects --out naming an existing file before training (exit 2, the file untouched; it used to exit 1 with EEXIST)", async () => {
    const file = path.join(dir, "precious.txt");
    fs.writeFileSync(file, "keep me\n");
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--model", "logistic", "--out", file, "--json"]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`--out: "${file}" is a file`);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me\n");
  });
  bad(
    "feature columns that are all blank or constant",
    `id,blank,same,churn\n${rows((i) => `${i},,A,${i % 2}`)}\n`,
    ["--target", "churn", "--id", "id", "--model", "logistic"],
    /column blank: not usable as a feature: all values missing[\s\S]*column same: not usable as a feature: constant[\s\S]*no usable feature column left/,
  );
  bad("an unknown model kind", `id,x,churn\n${rows((i) => `${i},${i},${i % 2}`)}\n`, ["--target", "churn", "--model", "forest"], /--model/);

  it("saves a model card with the split, the test metrics and their intervals, and the plan's tiers", async () => {
    const model = path.join(dir, "model-card");
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--out", model, "--json"]);
    const json = JSON.parse(r.stdout) as { auc: number; aucLow: number; aucHigh: number; split: { test: number } };
    const card = fs.readFileSync(path.join(model, "MODEL_CARD.md"), "utf8");
    expect(card.split("\n")[0]).toBe("# Model card: churn model (logistic)");
    for (const heading of ["## Intended use", "## Data", "## Split", "## Calibration", "## Thresholds and risk tiers", "## Known limits"])
      expect(card).toContain(heading);
    expect(card).toContain(`| ROC-AUC | ${json.auc.toFixed(3)} | ${json.aucLow.toFixed(3)} – ${json.aucHigh.toFixed(3)} |`);
    expect(card).toContain("95% intervals: DeLong");
    expect(card).toContain("At random by row, stratified by label");
    expect(card).toMatch(/\| very-high \| 0\.700 – 1\.000 \| 3\.0% \| \d+\.\d% \|/); // seed plan: > 70%, ~3% of customers
    expect(card).toContain(`## Metrics on the test rows (${json.split.test} rows`);
  }, 30_000);
});
