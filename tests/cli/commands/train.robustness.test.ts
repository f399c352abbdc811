import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainCommand } from "../../../src/cli/commands/train";
import { runCommand } from "../../helpers/captureOutput";

// Regressions of issue 11 (red team) on `churnlab train`: scale, overflowing numbers, text in numeric columns,
// contradictory flags and weak-model warnings.

let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-train-robust-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A table with a known signal: churn more likely for older customers and city C (LCG, so the file is the same every run). */
function table(rows: number, cell: (i: number, age: number, city: string) => string[] = (_, age, city) => [String(age), city]): string {
  const lines = ["id,age,city,churn"];
  let x = 1;
  for (let i = 0; i < rows; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const age = 20 + (x % 50);
    const city = ["A", "B", "C"][x % 3] as string;
    const churn = (x >> 8) % 10 < (age > 50 ? 4 : 1) + (city === "C" ? 2 : 0) ? 1 : 0;
    lines.push([String(i + 1), ...cell(i, age, city), String(churn)].join(","));
  }
  return `${lines.join("\n")}\n`;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe("churnlab train at the plan's scale", () => {
  it("trains on 300,000 rows (it exited 1 with 'Maximum call stack size exceeded' from 200,000 rows)", async () => {
    const csv = write("big.csv", table(300_000));
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as { rows: number; split: { train: number; validation: number; test: number }; auc: number };
    expect(json.rows).toBe(300_000);
    expect(json.split).toEqual({ train: 192_000, validation: 48_000, test: 60_000 });
    // age > 50 and city C raise churn: a real signal, far from 0.5
    expect(json.auc).toBeGreaterThan(0.6);
  }, 60_000);
});

/** The same table with one cell replaced (data row `row`, 1-based; `column` 0 = age, 1 = city). */
function withCell(rows: number, row: number, column: 0 | 1, text: string): string {
  return table(rows, (i, age, city) => {
    const cells = [String(age), city];
    if (i === row - 1) cells[column] = text;
    return cells;
  });
}

describe("churnlab train: numbers too large for a model, text in numbers (issue 11, items 7 and 8)", () => {
  it("train rejects 1e400 in a numeric column naming file, column and data row (exit 2; it exited 1 naming nothing)", async () => {
    const csv = write("overflow.csv", withCell(400, 17, 0, "1e400"));
    const out = path.join(dir, "never-overflow");
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--out", out]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${csv}: column age, data row 17: "1e400" is too large for a number`);
    expect(fs.existsSync(out)).toBe(false);
  });
  it("train warns on stderr and in the JSON about text cells in a numeric column, naming the column, rows and count", async () => {
    const csv = write("text-in-age.csv", withCell(3000, 5, 0, "abc"));
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--json"]);
    expect(r.exitCode).toBe(0);
    const warning = `${csv}: column age: 1 value is not a number (data row 5: "abc"); treated as missing (imputed with the training median)`;
    expect(r.stderr).toBe(`warning: ${warning}\n`);
    expect((JSON.parse(r.stdout) as { warnings: string[] }).warnings).toEqual([warning]);
  });
});

describe("churnlab train: contradictory flags (issue 11, item 23)", () => {
  const cases: Array<[string[], string[]]> = [
    [["--numeric", "city", "--categorical", "city"], ['--numeric and --categorical: both name column "city"']],
    [["--id", "id", "--drop", "id"], ['--id and --drop: both name column "id"']],
    [["--numeric", "churn"], ['--target and --numeric: both name column "churn"']],
    [["--id", "churn"], ['--target and --id: both name column "churn"']],
    [
      ["--drop", "age", "--categorical", "age,city", "--numeric", "city"],
      ['--drop and --categorical: both name column "age"', '--numeric and --categorical: both name column "city"'],
    ],
  ];
  for (const [flags, messages] of cases) {
    it(`refuses ${flags.join(" ")} naming both flags (exit 2, nothing written)`, async () => {
      const csv = write("flags.csv", table(200));
      const out = path.join(dir, "never-flags");
      const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", ...flags, "--model", "logistic", "--out", out]);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe("");
      for (const m of messages) expect(r.stderr).toContain(`command line: ${m}: they contradict each other; give it to one of them`);
      expect(r.stderr.match(/contradict/g)).toHaveLength(messages.length);
      expect(fs.existsSync(out)).toBe(false);
    });
  }
});

describe("churnlab train: warnings about a model not to trust", () => {
  it("warns when the held-out AUC is below 0.5 or its interval includes 0.5, and when encoded features outnumber training rows", async () => {
    // 100 rows of pure noise in 150 columns: no signal, 64 training rows
    let x = 7;
    const u = (): number => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    const lines = [["id", ...Array.from({ length: 150 }, (_, j) => `f${j}`), "churn"].join(",")];
    for (let i = 0; i < 100; i++) lines.push([i, ...Array.from({ length: 150 }, () => u().toFixed(3)), u() < 0.3 ? 1 : 0].join(","));
    const csv = write("noise.csv", `${lines.join("\n")}\n`);
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic"]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: held-out AUC 0\.\d{3} \(95% interval \d\.\d{3} to 0\.\d{3}, 20 test rows\)(: the interval includes 0\.5| is below 0\.5)/,
    );
    expect(r.stderr).toContain("warning: 150 encoded feature columns outnumber the 64 training rows: the model can memorise them");
    expect(r.stdout).toContain("2 warnings (on stderr, above): read them before using this model");
  }, 30_000);
  it("gives no warning for a sound model", async () => {
    const csv = write("sound.csv", table(3000));
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--json"]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as { warnings: string[]; aucLow: number }).aucLow).toBeGreaterThan(0.5);
  });
});
