// Fuzz: damaged plans, uncertain plans and figure files through the real commands (in-process).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { chartCommand } from "../../src/cli/commands/chart";
import { planCommand } from "../../src/cli/commands/plan";
import { simulateCommand } from "../../src/cli/commands/simulate";
import { sensitivityCommand } from "../../src/cli/commands/sensitivity";
import { weeklyCommand } from "../../src/cli/commands/weekly";
import { corruptBytes, corruptJson } from "./corruptions";
import { fuzzCommand } from "./fuzzCommand";

const root = path.join(__dirname, "..", "..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-fuzz-json-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const seedPlan = fs.readFileSync(path.join(root, "data/plans/seed-plan.json"), "utf8");
const uncertainPlan = fs.readFileSync(path.join(root, "data/plans/seed-plan-uncertain.json"), "utf8");
// The uncertain plan is an overlay on seed-plan.json, resolved next to the overlay file: the damaged copies find their base beside them.
fs.writeFileSync(path.join(work, "seed-plan.json"), seedPlan);
const damage = (text: string): fc.Arbitrary<{ what: string; bytes: Buffer }> => fc.oneof(corruptBytes(Buffer.from(text)), corruptJson(text));

describe("fuzz: a damaged plan file is exit 0 or 2, never 1; on 2 the file and place are named and nothing is written", () => {
  it("plan --json on the article's plan", async () => {
    const file = path.join(work, "plan.json");
    const r = await fuzzCommand({ command: planCommand, work, file, corruptions: damage(seedPlan), args: () => [file, "--json"], runs: 60 });
    expect(r.refused).toBeGreaterThan(20);
  });
  it("simulate on the uncertain plan (the plan's own arithmetic: quick, so many damaged plans)", async () => {
    const file = path.join(work, "uncertain.json");
    await fuzzCommand({
      command: simulateCommand,
      work,
      file,
      corruptions: damage(uncertainPlan),
      args: () => [file, "--trials", "300", "--workers", "0", "--model", "as-stated", "--json"],
      runs: 40,
    });
  });
  it("simulate on the uncertain plan with the programme model (each valid damaged plan builds its own model: fewer runs)", async () => {
    const file = path.join(work, "uncertain-programme.json");
    await fuzzCommand({
      command: simulateCommand,
      work,
      file,
      corruptions: damage(uncertainPlan),
      args: () => [file, "--trials", "300", "--workers", "0", "--json"],
      runs: 8,
    });
  }, 300_000);
  it("sensitivity on the uncertain plan", async () => {
    const file = path.join(work, "sens.json");
    await fuzzCommand({
      command: sensitivityCommand,
      work,
      file,
      corruptions: damage(uncertainPlan),
      args: () => [file, "--trials", "100", "--sobol-samples", "64", "--json"],
      runs: 15,
    });
  });
  it("weekly --plan, writing the queue", async () => {
    const file = path.join(work, "weekly-plan.json");
    const scores = path.join(work, "s2.csv");
    const previous = path.join(work, "s1.csv");
    fs.writeFileSync(scores, "customer_id,probability,outlet_id\nc1,0.92,O1\nc2,0.55,O1\nc3,0.1,O2\n");
    fs.writeFileSync(previous, "customer_id,probability,outlet_id\nc1,0.2,O1\nc2,0.3,O1\nc3,0.1,O2\n");
    await fuzzCommand({
      command: weeklyCommand,
      work,
      file,
      corruptions: damage(seedPlan),
      args: (out) => ["--scores", scores, "--previous", previous, "--week", "2025-01-13", "--out", out, "--plan", file],
      runs: 40,
    });
  });
});

describe("fuzz: a damaged figure file is exit 0 or 2 in chart, never 1", () => {
  const figure = JSON.stringify({
    data: [{ type: "bar", x: ["very high", "high", "medium", "low"], y: [6000, 16000, 24000, 154000], marker: { color: "#C0392B" } }],
    layout: { title: { text: "Customers by tier" }, width: 600, height: 400, yaxis: { title: { text: "customers" } } },
  });
  it("chart --format html (no browser needed)", async () => {
    const file = path.join(work, "tiers.figure.json");
    await fuzzCommand({
      command: chartCommand,
      work,
      file,
      corruptions: damage(figure),
      args: (out) => [file, "--out", path.join(out, "tiers.html"), "--format", "html"],
      runs: 25,
    });
  });
});
