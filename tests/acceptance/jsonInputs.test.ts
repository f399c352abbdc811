// Every JSON input goes through one reader (src/io/readJson): limits, duplicate keys, UTF-8, stdin; and one plan
// loader (loadUncertainPlan) for plans and uncertain plans.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCommand } from "../../src/cli/commands/plan";
import { rolloutCommand } from "../../src/cli/commands/rollout";
import { scoreCommand } from "../../src/cli/commands/score";
import { sensitivityCommand } from "../../src/cli/commands/sensitivity";
import { simulateCommand } from "../../src/cli/commands/simulate";
import { trainCommand } from "../../src/cli/commands/train";
import { weeklyCommand } from "../../src/cli/commands/weekly";
import { chartCommand } from "../../src/cli/commands/chart";
import { runCommand } from "../helpers/captureOutput";
import { telcoLikeCsv } from "../models/fixtures/telcoLike";

const root = path.join(__dirname, "..", "..");
const seedText = fs.readFileSync(path.join(root, "data/plans/seed-plan.json"), "utf8");
const uncertainPlan = path.join(root, "data/plans/seed-plan-uncertain.json");
let dir = "";
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-json-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("plan files are read by the one JSON reader", () => {
  it("a plan nested 2,000 arrays deep is exit 2 in simulate, sensitivity and rollout (not a stack overflow)", async () => {
    const deep = write("deep.json", `${seedText.trimEnd().slice(0, -1)}, "x": ${"[".repeat(2000)}${"]".repeat(2000)}}`);
    for (const command of [simulateCommand, sensitivityCommand, rolloutCommand, planCommand]) {
      const r = await runCommand(command, [deep]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`${deep}: $.x[0][0][0][0][0][0][0]…: nested more than 64 levels deep`);
    }
  });
  it("a duplicate key is exit 2 naming its JSON path, instead of the last value winning", async () => {
    const dup = write("dup.json", `{"customers": 100,\n${seedText.trim().slice(1)}`);
    const r = await runCommand(planCommand, [dup]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/dup\.json: \$\.customers: duplicate key "customers" \(line \d+, column \d+\): each key may appear once in an object/);
  });
  it("invalid UTF-8 in a plan is exit 2 with its byte offset", async () => {
    const at = seedText.indexOf("very high risk");
    const bad = write("bad-utf8.json", Buffer.concat([Buffer.from(seedText.slice(0, at)), Buffer.from([0xe9]), Buffer.from(seedText.slice(at))]));
    const r = await runCommand(planCommand, [bad]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`bad-utf8.json: byte ${Buffer.byteLength(seedText.slice(0, at))}: not valid UTF-8`);
  });
  it("plan /dev/zero stops at the size limit with exit 2 instead of filling memory", async () => {
    process.env["CHURNLAB_MAX_INPUT_MB"] = "8";
    try {
      const r = await runCommand(planCommand, ["/dev/zero"]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(
        "/dev/zero: $: is larger than 8 MB, the most churnlab reads from one plan file (set CHURNLAB_MAX_INPUT_MB to raise the limit)",
      );
    } finally {
      delete process.env["CHURNLAB_MAX_INPUT_MB"];
    }
  });
  it("plan /dev/stdin and plan - read a plan from a pipe", () => {
    for (const file of ["/dev/stdin", "-"]) {
      const r = spawnSync(process.execPath, [path.join(root, "bin/churnlab.js"), "plan", file, "--json"], { input: seedText, encoding: "utf8" });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).asStated.firstYearCost).toBe(10_840_000);
    }
  });
  it("a figure file with a duplicate key is exit 2 before rendering", async () => {
    const fig = write("dup.figure.json", '{"data":[],"layout":{"width":400,"width":500}}');
    const r = await runCommand(chartCommand, [fig, "--out", path.join(dir, "dup.png")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("$.layout.width: duplicate key");
  });
});

describe("score and weekly --plan take an uncertain plan (its base values)", () => {
  it("weekly --plan data/plans/seed-plan-uncertain.json queues as with the plain plan", async () => {
    const scores = write("s2.csv", "customer_id,probability\nc1,0.8\nc2,0.2\n");
    const previous = write("s1.csv", "customer_id,probability\nc1,0.3\nc2,0.2\n");
    const r = await runCommand(weeklyCommand, [
      "--scores",
      scores,
      "--previous",
      previous,
      "--week",
      "2025-01-13",
      "--out",
      path.join(dir, "crm"),
      "--plan",
      uncertainPlan,
      "--json",
    ]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).queue.map((q: { customerId: string }) => q.customerId)).toEqual(["c1"]);
  });
  it("score --plan data/plans/seed-plan-uncertain.json gives the plain plan's tiers", async () => {
    const csv = write("telco.csv", telcoLikeCsv(400));
    const model = path.join(dir, "model");
    expect(
      (
        await runCommand(trainCommand, [
          "--csv",
          csv,
          "--target",
          "Churn",
          "--id",
          "customerID",
          "--model",
          "logistic",
          "--out",
          model,
          "--calibration",
          "none",
        ])
      ).exitCode,
    ).toBe(0);
    const plain = await runCommand(scoreCommand, [
      "--model",
      model,
      "--csv",
      csv,
      "--out",
      path.join(dir, "plain.csv"),
      "--plan",
      path.join(root, "data/plans/seed-plan.json"),
    ]);
    const uncertain = await runCommand(scoreCommand, ["--model", model, "--csv", csv, "--out", path.join(dir, "uncertain.csv"), "--plan", uncertainPlan]);
    expect([plain.exitCode, uncertain.exitCode]).toEqual([0, 0]);
    expect(fs.readFileSync(path.join(dir, "uncertain.csv"), "utf8")).toBe(fs.readFileSync(path.join(dir, "plain.csv"), "utf8"));
  });
});
