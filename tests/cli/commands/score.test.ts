import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { scoreCommand } from "../../../src/cli/commands/score";
import { trainCommand } from "../../../src/cli/commands/train";
import { runCommand } from "../../helpers/captureOutput";
import { telcoLikeCsv } from "../../models/fixtures/telcoLike";

let dir = "";
let csv = "";
/** A logistic model of the telco-like table, trained once for the tests that score with it. */
let logistic = "";
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-score-"));
  csv = path.join(dir, "telco.csv");
  fs.writeFileSync(csv, telcoLikeCsv(1500));
  logistic = path.join(dir, "model-logistic");
  const trained = await runCommand(trainCommand, [
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
    logistic,
    "--json",
  ]);
  expect(trained.exitCode).toBe(0);
}, 60_000);
afterEach(() => {
  process.exitCode = 0;
});

describe("churnlab score", () => {
  it("writes id, probability and the plan's tier for each row", async () => {
    const model = path.join(dir, "model-score");
    await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "gbdt", "--out", model, "--json"]);
    const scores = path.join(dir, "scores.csv");
    const r = await runCommand(scoreCommand, ["--model", model, "--csv", csv, "--out", scores, "--json"]);
    expect(r.exitCode).toBe(0);
    const lines = fs.readFileSync(scores, "utf8").trim().split("\n");
    expect(lines[0]).toBe("customerID,probability,tier");
    expect(lines).toHaveLength(1501);
    expect(lines[1]).toMatch(/^C00001,0\.\d{6},(very-high|high|medium|low)$/);
    const json = JSON.parse(r.stdout) as { tierCounts: Record<string, number> };
    expect(Object.values(json.tierCounts).reduce((a, b) => a + b, 0)).toBe(1500);
  }, 30_000);

  it("warns about drift (PSI per feature) on a shifted table and stays quiet on a fresh draw of the same population", async () => {
    const model = path.join(dir, "model-drift");
    await runCommand(trainCommand, ["--csv", csv, "--target", "Churn", "--id", "customerID", "--model", "logistic", "--out", model, "--json"]);
    const fresh = path.join(dir, "fresh.csv");
    fs.writeFileSync(fresh, telcoLikeCsv(1500, 99));
    const quiet = await runCommand(scoreCommand, ["--model", model, "--csv", fresh, "--out", path.join(dir, "fresh-scores.csv"), "--json"]);
    expect(quiet.exitCode).toBe(0);
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
    const loud = await runCommand(scoreCommand, ["--model", model, "--csv", file, "--out", path.join(dir, "shifted-scores.csv")]);
    expect(loud.exitCode).toBe(0);
    expect(loud.stderr).toMatch(/feature "Contract" has drifted from the training data \(population stability index \d\.\d{3}, major shift/);
    expect(loud.stderr).toMatch(/feature "MonthlyCharges" has drifted/);
    expect(loud.stderr).not.toMatch(/feature "tenure" has drifted/);
    // In batches of 200 rows (DuckDB reads the CSV as text), the drift bins are summed batch by batch: the same indices, to the bit.
    const whole = await runCommand(scoreCommand, ["--model", model, "--csv", file, "--out", path.join(dir, "shifted-whole.csv"), "--json"]);
    const batched = await runCommand(scoreCommand, [
      "--model",
      model,
      "--csv",
      file,
      "--out",
      path.join(dir, "shifted-batched.csv"),
      "--json",
      "--batch-rows",
      "200",
    ]);
    expect(batched.exitCode).toBe(0);
    const driftOf = (stdout: string) => (JSON.parse(stdout) as { drift: Array<{ feature: string; psi: number; band: string }> }).drift;
    expect(driftOf(batched.stdout)).toEqual(driftOf(whole.stdout));
    expect(driftOf(batched.stdout).find((d) => d.feature === "Contract")?.band).toBe("major");
    expect(batched.stderr).toMatch(/feature "Contract" has drifted from the training data \(population stability index \d\.\d{3}, major shift/);
  }, 30_000);

  it("names the columns a table lacks (exit 2)", async () => {
    const model = logistic;
    const lacking = path.join(dir, "lacking.csv");
    fs.writeFileSync(lacking, "customerID,gender,tenure\nA,Male,3\n");
    const r = await runCommand(scoreCommand, ["--model", model, "--csv", lacking, "--out", path.join(dir, "never.csv")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/column Contract: missing: the model was trained with it/);
    expect(fs.existsSync(path.join(dir, "never.csv"))).toBe(false);
  });

  it("finds its default plan when run from another folder (not the repository root)", async () => {
    const model = logistic;
    const scores = path.join(dir, "scores-elsewhere.csv");
    const cwd = process.cwd();
    process.chdir(os.tmpdir());
    try {
      const r = await runCommand(scoreCommand, ["--model", model, "--csv", csv, "--out", scores]);
      expect(r.stderr).toBe("");
      expect(r.exitCode).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readFileSync(scores, "utf8").split("\n")[0]).toBe("customerID,probability,tier");
  });

  it("warns on stderr about text in a numeric column (scored as missing), keeping --json stdout pure", async () => {
    const model = logistic;
    const lines = fs.readFileSync(csv, "utf8").trim().split("\n");
    const k = (lines[0] as string).split(",").indexOf("tenure");
    const cells = (lines[2] as string).split(",");
    cells[k] = "abc";
    lines[2] = cells.join(",");
    const typo = path.join(dir, "typo.csv");
    fs.writeFileSync(typo, `${lines.join("\n")}\n`);
    const r = await runCommand(scoreCommand, ["--model", model, "--csv", typo, "--out", path.join(dir, "typo-scores.csv"), "--json"]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe(`warning: ${typo}: column tenure: 1 value is not a number (data row 2: "abc"); scored as missing (the training median)\n`);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it("rejects a folder that is not a model", async () => {
    const r = await runCommand(scoreCommand, ["--model", dir, "--csv", csv, "--out", path.join(os.tmpdir(), `churnlab-never-${process.pid}.csv`)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/metadata.json: missing/);
  });
});
