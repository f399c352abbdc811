import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreCommand } from "../../../src/cli/commands/score";
import { trainCommand } from "../../../src/cli/commands/train";
import { runCommand } from "../../helpers/captureOutput";

// Regressions of issue 11 (red team) on `churnlab score`: damaged or mismatched model folders (items 5, 10),
// overflowing numbers (7), unseen category levels (8).

let dir = "";
let csv = "";
let model = "";
let other = "";
const header = "id,age,city,churn";
const rows: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-score-robust-"));
  let x = 11;
  for (let i = 0; i < 1500; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const age = 20 + (x % 50);
    const city = ["A", "B", "C"][x % 3] as string;
    rows.push(`${i + 1},${age},${city},${(x >> 8) % 10 < (age > 50 ? 4 : 1) + (city === "C" ? 3 : 0) ? 1 : 0}`);
  }
  csv = path.join(dir, "customers.csv");
  fs.writeFileSync(csv, `${header}\n${rows.join("\n")}\n`);
  model = path.join(dir, "model");
  other = path.join(dir, "other");
  for (const [out, seed] of [
    [model, "1"],
    [other, "2"],
  ] as const) {
    const r = await runCommand(trainCommand, ["--csv", csv, "--target", "churn", "--id", "id", "--model", "logistic", "--seed", seed, "--out", out]);
    expect(r.exitCode).toBe(0);
  }
}, 60_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function table(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${header}\n${lines.join("\n")}\n`);
  return file;
}

function copyModel(name: string, change: (folder: string) => void): string {
  const folder = path.join(dir, name);
  fs.cpSync(model, folder, { recursive: true });
  change(folder);
  return folder;
}

async function score(modelDir: string, input: string): Promise<{ exitCode: number; stderr: string; out: string }> {
  const out = path.join(dir, `scores-${path.basename(modelDir)}-${path.basename(input)}`);
  const r = await runCommand(scoreCommand, ["--model", modelDir, "--csv", input, "--out", out]);
  return { exitCode: r.exitCode, stderr: r.stderr, out };
}

describe("churnlab score refuses model folders whose files do not belong together (items 5, 10)", () => {
  it("a weights.bin from another model: exit 2 naming weights.bin and the checksum rule, no scores written (it scored with exit 0)", async () => {
    const folder = copyModel("swapped", (f) => fs.copyFileSync(path.join(other, "weights.bin"), path.join(f, "weights.bin")));
    const r = await score(folder, csv);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${folder}: weights.bin: SHA-256 differs from manifest.json: the file was changed or comes from another model`);
    expect(fs.existsSync(r.out)).toBe(false);
  });
  it("bytes appended to weights.bin: exit 2 naming the file and both sizes", async () => {
    const folder = copyModel("appended", (f) => fs.appendFileSync(path.join(f, "weights.bin"), "XXXX"));
    const r = await score(folder, csv);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/weights\.bin: is 24 bytes, manifest\.json says 20: the file was cut, extended or replaced after training/);
  });
  it("a truncated model.json: exit 2 naming model.json (it said 'Unexpected end of JSON input' and exit 1)", async () => {
    const folder = copyModel("cut", (f) => {
      const file = path.join(f, "model.json");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").slice(0, 100));
    });
    const r = await score(folder, csv);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/model\.json: is 100 bytes, manifest\.json says \d+/);
  });
});

describe("churnlab score: numbers too large for a model and unseen levels (items 7, 8)", () => {
  it("1e400 in a numeric column: exit 2 naming file, column and data row, nothing written (it gave probability 1.0)", async () => {
    const input = table(
      "overflow.csv",
      rows.slice(0, 20).map((line, i) => (i === 6 ? line.replace(/^(\d+),\d+,/, "$1,1e400,") : line)),
    );
    const r = await score(model, input);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${input}: column age, data row 7: "1e400" is too large for a number`);
    expect(fs.existsSync(r.out)).toBe(false);
  });
  it("an unseen city warns naming the column, level and rows, and scores as the most frequent training city (it moved a customer low -> medium)", async () => {
    const base = rows.slice(0, 30);
    const modeCity = (JSON.parse(fs.readFileSync(path.join(model, "preprocessing.json"), "utf8")) as { inputs: Array<{ mode?: string }> }).inputs[1]
      ?.mode as string;
    const asMode = table(
      "mode.csv",
      base.map((line) => line.replace(/,[ABC],/, `,${modeCity},`)),
    );
    const unseen = table(
      "unseen.csv",
      base.map((line, i) => (i < 2 ? line.replace(/,[ABC],/, ",Paris,") : line.replace(/,[ABC],/, `,${modeCity},`))),
    );
    const a = await score(model, asMode);
    const b = await score(model, unseen);
    expect(a.exitCode).toBe(0);
    expect(b.exitCode).toBe(0);
    expect(a.stderr).toBe("");
    expect(b.stderr).toBe(
      `warning: ${unseen}: column city: 2 rows hold levels the model was not trained with (Paris: 2); scored as the most frequent training level "${modeCity}"\n`,
    );
    expect(fs.readFileSync(b.out, "utf8")).toBe(fs.readFileSync(a.out, "utf8"));
  });
});
