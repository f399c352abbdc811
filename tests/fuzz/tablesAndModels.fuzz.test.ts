// Fuzz: damaged CSV tables (score, weekly, train) and damaged model folders (score) through the real commands.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { scoreCommand } from "../../src/cli/commands/score";
import { trainCommand } from "../../src/cli/commands/train";
import { weeklyCommand } from "../../src/cli/commands/weekly";
import { runCommand } from "../helpers/captureOutput";
import { telcoLikeCsv } from "../models/fixtures/telcoLike";
import { corruptBytes, corruptJson } from "./corruptions";
import { fuzzCommand } from "./fuzzCommand";
import fc from "fast-check";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-fuzz-tables-"));
const modelHome = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-fuzz-model-"));
const model = path.join(modelHome, "model");
const table = telcoLikeCsv(300);
beforeAll(async () => {
  fs.writeFileSync(path.join(work, "train.csv"), table);
  const r = await runCommand(trainCommand, [
    "--csv",
    path.join(work, "train.csv"),
    "--target",
    "Churn",
    "--id",
    "customerID",
    "--model",
    "logistic",
    "--out",
    model,
  ]);
  if (r.exitCode !== 0) throw new Error(r.stderr);
}, 120_000);
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(modelHome, { recursive: true, force: true });
});

describe("fuzz: a damaged CSV table is exit 0 or 2, never 1; on 2 the file and place are named and nothing is written", () => {
  it("score --csv", async () => {
    const file = path.join(work, "customers.csv");
    await fuzzCommand({
      command: scoreCommand,
      work,
      file,
      corruptions: corruptBytes(Buffer.from(table)),
      args: (out) => ["--model", model, "--csv", file, "--out", path.join(out, "scores.csv")],
      runs: 30,
    });
  });
  it("weekly --scores", async () => {
    const file = path.join(work, "scores.csv");
    const previous = path.join(work, "previous.csv");
    fs.writeFileSync(previous, "customer_id,probability,outlet_id\nc1,0.2,O1\nc2,0.3,O1\nc3,0.1,O2\nc4,0.45,O2\n");
    const scores = "customer_id,probability,outlet_id\nc1,0.92,O1\nc2,0.55,O1\nc3,0.1,O2\nc4,0.51,O2\n";
    await fuzzCommand({
      command: weeklyCommand,
      work,
      file,
      corruptions: corruptBytes(Buffer.from(scores)),
      args: (out) => ["--scores", file, "--previous", previous, "--week", "2025-01-13", "--out", out],
      runs: 40,
    });
  });
  it("train --csv", async () => {
    const file = path.join(work, "to-train.csv");
    await fuzzCommand({
      command: trainCommand,
      work,
      file,
      corruptions: corruptBytes(Buffer.from(table)),
      args: (out) => ["--csv", file, "--target", "Churn", "--model", "logistic", "--out", out],
      runs: 6,
    });
  });
});

describe("fuzz: a damaged model folder is exit 0 or 2 in score, never 1", () => {
  // Model folders belong to src/models (issue 11 items 5 and 10: checksums per file, messages naming the file).
  // Today score exits 1 on a damaged model.json ("Unexpected end of JSON input", "shape.forEach is not a function"),
  // weights.bin ("byte length of Float32Array should be a multiple of 4", or exit 0 with NaN or wrong scores) and
  // preprocessing.json (`inputs[0].levels = -1`: "input.levels.map is not a function"). Those three are expected to
  // fail until that work lands: vitest reports them when they start to pass, so they can become plain tests.
  const names = ["metadata.json", "calibration.json", "preprocessing.json", "model.json", "weights.bin"];
  const knownDefects = new Set(["preprocessing.json", "model.json", "weights.bin"]);
  for (const name of names) {
    (knownDefects.has(name) ? it.fails : it)(`score --model with a damaged ${name}`, async () => {
      const file = path.join(model, name);
      const original = fs.readFileSync(file);
      const corruptions = name.endsWith(".json") ? fc.oneof(corruptBytes(original), corruptJson(original.toString("utf8"))) : corruptBytes(original);
      const csv = path.join(work, "to-score.csv");
      fs.writeFileSync(csv, table);
      await fuzzCommand({
        command: scoreCommand,
        work: modelHome,
        file,
        source: model,
        corruptions,
        args: (out) => ["--model", model, "--csv", csv, "--out", path.join(out, "s.csv")],
        runs: 12,
      });
    });
  }
});
