import { evaluateProgrammeModel, programmeModelFor } from "../../../src/simulation/programme/index";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatPlanReport, planCommand, planReport } from "../../../src/cli/commands/plan";
import { loadPlan } from "../../../src/plan";
import { commandSession, runCommand } from "../../helpers/captureOutput";
import { repoFile } from "../../simulation/fixtures";

const cli = commandSession(planCommand);

const keys = [
  "oneTimeCost",
  "annualCost",
  "firstYearCost",
  "retainedCustomers",
  "retainedValue",
  "referralCustomers",
  "referralValue",
  "totalBenefit",
  "roi",
  "paybackMonths",
];

describe("churnlab plan <file> --json", () => {
  it("prints only JSON {asStated, recomputed, findings} reproducing the article: 10,840,000 yuan, 49,728,000 yuan, ROI 3.5875, payback 2.6158", async () => {
    expect(await cli.run("data/plans/seed-plan.json", "--json")).toBe(0);
    expect(cli.stderr).toBe("");
    const out = JSON.parse(cli.stdout);
    expect(Object.keys(out)).toEqual(["asStated", "recomputed", "findings"]);
    expect(Object.keys(out.asStated)).toEqual(keys);
    expect(Object.keys(out.recomputed)).toEqual(keys);
    expect(out.asStated).toEqual({
      oneTimeCost: 2_800_000,
      annualCost: 8_040_000,
      firstYearCost: 10_840_000,
      retainedCustomers: 12_000,
      retainedValue: 48_000_000,
      referralCustomers: 2_160,
      referralValue: 1_728_000,
      totalBenefit: 49_728_000,
      roi: 3.5875,
      paybackMonths: 2.6158,
    });
    expect(out.recomputed).toMatchObject({ annualCost: 12_940_000, firstYearCost: 15_740_000, roi: 2.1593, paybackMonths: 3.7983 });
    expect(out.findings.find((f: { id: string }) => f.id === "cost.annual.product")).toMatchObject({
      severity: "error",
      path: "$.costs.annual[2].amountYuan",
      subject: { kind: "costLine", list: "annual", index: 2, field: "amountYuan" },
      stated: 1_440_000,
      recomputed: 4_800_000,
    });
  });
});

describe("churnlab plan <file> (tables)", () => {
  it("reads an uncertain plan at its base values (the seed's uncertain plan reproduces the article), with a note on stderr", async () => {
    expect(await cli.run("data/plans/seed-plan-uncertain.json", "--json")).toBe(0);
    const out = JSON.parse(cli.stdout);
    expect(Object.keys(out)).toEqual(["asStated", "recomputed", "findings"]);
    expect(out.asStated).toMatchObject({ firstYearCost: 10_840_000, totalBenefit: 49_728_000, roi: 3.5875, paybackMonths: 2.6158 });
    expect(out).toEqual(planReport(loadPlan("data/plans/seed-plan.json")));
    expect(cli.stderr).toMatch(/^note: data\/plans\/seed-plan-uncertain.json is an uncertain plan/);
  });

  it("shows both views in 万元 and every finding with its path", async () => {
    expect(await cli.run("data/plans/seed-plan.json")).toBe(0);
    expect(cli.stdout).toMatch(/First-year cost \(万元\)\s+1,084\.0\s+1,574\.0/);
    expect(cli.stdout).toMatch(/ROI\s+358\.75%\s+215\.93%/);
    expect(cli.stdout).toMatch(/Total benefit \(万元\)\s+4,972\.8\s+4,972\.8/);
    expect(cli.stdout).toContain("[error] cost.tier.missing  $.tiers[3].budgetYuanPerPerson");
    expect(cli.stdout).toContain("Findings: 6 errors, 7 warnings, 7 info");
  });

  it("--lang zh labels the tables in Chinese", async () => {
    expect(await cli.run("data/plans/seed-plan.json", "--lang", "zh")).toBe(0);
    expect(cli.stdout).toMatch(/首年总投资\(万元\)\s+1,084\.0\s+1,574\.0/);
    expect(cli.stdout).toContain("错误 6 项");
  });

  it("formatPlanReport is a pure function of the report", () => {
    const report = planReport(loadPlan("data/plans/seed-plan.json"));
    expect(formatPlanReport("t", report, "en")).toBe(formatPlanReport("t", report, "en"));
    expect(formatPlanReport("t", report, "en").split("\n")[0]).toBe("t");
  });
});

describe("bad input: exit 2, problems on stderr, nothing on stdout", () => {
  const cases: Array<[string, string]> = [
    ["invalid-json", "$: not valid JSON"],
    ["missing-field", "$.benefits.ltvYuan: missing field"],
    ["negative-cost", "$.costs.oneTime[1].amountYuan: must be an amount in yuan >= 0, got -800000"],
    ["share-out-of-range", "$.tiers[1].shareStated: must be a fraction from 0 to 1"],
    ["thresholds-out-of-order", "$.tiers[1].probabilityMin: must be below probabilityMax (0.5), got 0.7"],
    ["overlapping-months", "$.rollout[1].monthStart: months 2–6 overlap stage $.rollout[0]"],
  ];
  for (const [file, message] of cases) {
    it(`${file}.json`, async () => {
      const path = `tests/fixtures/plans/${file}.json`;
      expect(await cli.run(path, "--json")).toBe(2);
      expect(cli.stdout).toBe("");
      expect(cli.stderr).toContain(`${path}: ${message}`);
    });
  }

  it("an overlay with a bad distribution names the overlay file and its key", async () => {
    const path = "tests/fixtures/plans/overlay-bad-distribution.json";
    expect(await cli.run(path, "--json")).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toContain(`${path}: $.overlay["benefits.churnAfter"].max: must be above min (0.2), got 0.1`);
  });

  it("an overlay whose base file is missing names both files", async () => {
    const path = "tests/fixtures/plans/overlay-missing-base.json";
    expect(await cli.run(path, "--json")).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toContain(
      `${path}: $.base: the base plan "no-such-plan.json" (tests/fixtures/plans/no-such-plan.json, relative to ${path}) cannot be used: cannot read the base plan file: no such file`,
    );
  });

  it("an unknown --lang is a command-line problem", async () => {
    expect(await cli.run("data/plans/seed-plan.json", "--lang", "fr")).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toContain('--lang: must be en or zh, got "fr"');
  });
});

describe("the churnlab binary", () => {
  const bin = (...args: string[]) => spawnSync(process.execPath, ["bin/churnlab.js", "plan", ...args], { encoding: "utf8" });

  it("plan --json on the seed plan exits 0 with pure JSON on stdout", () => {
    const r = bin("data/plans/seed-plan.json", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).asStated.firstYearCost).toBe(10_840_000);
  });

  it("a bad plan exits 2 with nothing on stdout", () => {
    const r = bin("tests/fixtures/plans/many-problems.json", "--json");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("many-problems.json: 4 problems");
  });

  it("plan --help describes the command", () => {
    const r = bin("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage: churnlab plan [options] <file>");
  });
});

describe("churnlab plan <file> --programme", () => {
  it("adds the programme model's view at base values: lifetime-value and cash ROI, NPV, contacts per tier, capacity and assumptions with their sources", async () => {
    const { stdout, exitCode } = await runCommand(planCommand, [repoFile("data/plans/seed-plan.json"), "--json", "--programme"]);
    expect(exitCode).toBe(0);
    const p = JSON.parse(stdout).programme;
    // The same figures as the programme model's deterministic evaluation (src/simulation/programme).
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan.json"));
    const det = evaluateProgrammeModel(programmeModelFor(plan, { baseOnly: true })).outputs;
    expect(p.roi).toBe(det.roi);
    expect(p.cashRoi).toBe(det.cashRoi);
    expect(p.npv).toBe(det.npv);
    expect(p.npvYears).toBe(3);
    expect(p.tiers.map((t: { tierId: string }) => t.tierId)).toEqual(["very-high", "high", "medium"]);
    // With the plan's budget as capacity, the first year's tier-1 contacts are its budgeted visits: 11.5 / 57.7 / 115.4 a week over 13 / 13 / 26 weeks.
    expect(p.tiers[0].contactsYear1).toBeCloseTo((6000 / 52) * (0.1 * 13 + 0.5 * 13 + 26), 0);
    expect(p.assumptions.find((a: { path: string }) => a.path === "$.simulation.annualMarginYuan").value).toBe(720);
  });
  it("without --programme the tables end with a pointer to the reconciled figures", async () => {
    const { stdout } = await runCommand(planCommand, [repoFile("data/plans/seed-plan.json")]);
    expect(stdout).toMatch(/churnlab bridge/);
  });
});
