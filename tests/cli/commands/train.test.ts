import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { trainCommand } from "../../../src/cli/commands/train";
import { scoreCommand } from "../../../src/cli/commands/score";
import { telcoLikeCsv } from "../../models/fixtures/telcoLike";

async function run(factory: () => import("commander").Command, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  process.exitCode = 0;
  try {
    await factory()
      .exitOverride()
      .parseAsync(["node", "churnlab", ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout, stderr, code };
}

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
    const r = await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--seed", "3", "--out", out, "--json"]);
    expect(r.code).toBe(0);
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
      (await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--seed", "3", "--json"])).stdout,
    ) as Record<string, number>;
    const b = JSON.parse(
      (await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--seed", "3", "--json"])).stdout,
    ) as Record<string, number>;
    expect(a["auc"]).toBe(b["auc"]);
    expect(a["brier"]).toBe(b["brier"]);
  });

  it("auto trains all three models and says which won", async () => {
    const r = await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "auto", "--json"]);
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
      const r = await run(trainCommand, ["--csv", file, ...args, "--out", out, "--json"]);
      expect(r.code).toBe(2);
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
    const r = await run(trainCommand, ["--csv", file, "--target", "churn", "--id", "id", "--model", "logistic", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ids in column "id" repeat');
    expect(r.stderr).toContain("pass --group id");
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ splitBy: "customer", customers: 100, intervals: "cluster-bootstrap" });
    const quiet = await run(trainCommand, ["--csv", file, "--target", "churn", "--id", "id", "--group", "id", "--model", "logistic", "--json"]);
    expect(quiet.stderr).not.toContain("repeat");
    expect(JSON.parse(quiet.stdout)).toMatchObject({ splitBy: "customer" });
  });
  it("rejects --out naming an existing file before training (exit 2, the file untouched; it used to exit 1 with EEXIST)", async () => {
    const file = path.join(dir, "precious.txt");
    fs.writeFileSync(file, "keep me\n");
    const r = await run(trainCommand, ["--csv", csv, "--target", "Churn", "--model", "logistic", "--out", file, "--json"]);
    expect(r.code).toBe(2);
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
});

describe("churnlab score", () => {
  it("writes id, probability and the plan's tier for each row", async () => {
    const model = path.join(dir, "model-score");
    await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "gbdt", "--out", model, "--json"]);
    const scores = path.join(dir, "scores.csv");
    const r = await run(scoreCommand, ["--model", model, "--csv", csv, "--out", scores, "--json"]);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(scores, "utf8").trim().split("\n");
    expect(lines[0]).toBe("customerID,probability,tier");
    expect(lines).toHaveLength(1501);
    expect(lines[1]).toMatch(/^C00001,0\.\d{6},(very-high|high|medium|low)$/);
    const json = JSON.parse(r.stdout) as { tierCounts: Record<string, number> };
    expect(Object.values(json.tierCounts).reduce((a, b) => a + b, 0)).toBe(1500);
  }, 30_000);

  it("warns about drift (PSI per feature) on a shifted table and stays quiet on a fresh draw of the same population", async () => {
    const model = path.join(dir, "model-drift");
    await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--out", model, "--json"]);
    const fresh = path.join(dir, "fresh.csv");
    fs.writeFileSync(fresh, telcoLikeCsv(1500, 99));
    const quiet = await run(scoreCommand, ["--model", model, "--csv", fresh, "--out", path.join(dir, "fresh-scores.csv"), "--json"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toContain("drifted");
    const drift = (JSON.parse(quiet.stdout) as { drift: Array<{ feature: string; psi: number }> }).drift;
    expect(drift.map((d) => d.feature).sort()).toEqual(["Contract", "MonthlyCharges", "PaymentMethod", "SeniorCitizen", "TotalCharges", "gender", "tenure"]);
    expect(Math.max(...drift.map((d) => d.psi))).toBeLessThan(0.1);
    // prices up 30% and every contract month-to-month
    const [header, ...lines] = telcoLikeCsv(1500, 99).trim().split("\n");
    const cols = (header as string).split(",");
    const charges = cols.indexOf("MonthlyCharges");
    const contract = cols.indexOf("Contract");
    const shifted = lines.map((line) => {
      const cells = line.split(",");
      cells[charges] = (Number(cells[charges]) * 1.3).toFixed(2);
      cells[contract] = "Month-to-month";
      return cells.join(",");
    });
    const file = path.join(dir, "shifted.csv");
    fs.writeFileSync(file, `${header}\n${shifted.join("\n")}\n`);
    const loud = await run(scoreCommand, ["--model", model, "--csv", file, "--out", path.join(dir, "shifted-scores.csv")]);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/feature "Contract" has drifted from the training data \(population stability index \d\.\d{3}, major shift/);
    expect(loud.stderr).toMatch(/feature "MonthlyCharges" has drifted/);
    expect(loud.stderr).not.toMatch(/feature "tenure" has drifted/);
  }, 30_000);

  it("saves a model card with the split, the test metrics and their intervals, and the plan's tiers", async () => {
    const model = path.join(dir, "model-card");
    const r = await run(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--out", model, "--json"]);
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

  it("names the columns a table lacks (exit 2)", async () => {
    const model = path.join(dir, "model-logistic");
    const lacking = path.join(dir, "lacking.csv");
    fs.writeFileSync(lacking, "customerID,gender,tenure\nA,Male,3\n");
    const r = await run(scoreCommand, ["--model", model, "--csv", lacking, "--out", path.join(dir, "never.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column Contract: missing: the model was trained with it/);
    expect(fs.existsSync(path.join(dir, "never.csv"))).toBe(false);
  });

  it("finds its default plan when run from another folder (not the repository root)", async () => {
    const model = path.join(dir, "model-logistic");
    const scores = path.join(dir, "scores-elsewhere.csv");
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      const r = await run(scoreCommand, ["--model", model, "--csv", csv, "--out", scores]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readFileSync(scores, "utf8").split("\n")[0]).toBe("customerID,probability,tier");
  });

  it("warns on stderr about text in a numeric column (scored as missing), keeping --json stdout pure", async () => {
    const model = path.join(dir, "model-logistic");
    const lines = fs.readFileSync(csv, "utf8").trim().split("\n");
    const k = (lines[0] as string).split(",").indexOf("tenure");
    const cells = (lines[2] as string).split(",");
    cells[k] = "abc";
    lines[2] = cells.join(",");
    const typo = path.join(dir, "typo.csv");
    fs.writeFileSync(typo, `${lines.join("\n")}\n`);
    const r = await run(scoreCommand, ["--model", model, "--csv", typo, "--out", path.join(dir, "typo-scores.csv"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`warning: ${typo}: column tenure: 1 value is not a number (data row 2: "abc"); scored as missing (the training median)\n`);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it("rejects a folder that is not a model", async () => {
    const r = await run(scoreCommand, ["--model", dir, "--csv", csv, "--out", path.join(os.tmpdir(), `churnlab-never-${process.pid}.csv`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/metadata.json: missing/);
  });
});
