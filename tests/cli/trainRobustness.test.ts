import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trainCommand } from "../../src/cli/commands/train";
import { runCommand } from "../helpers/captureOutput";

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
