import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { optimizeCommand, optimizeOptions } from "../../../src/cli/commands/optimize";
import { InputError } from "../../../src/io/InputError";
import { repoFile } from "../../simulation/fixtures";
import { runCommand } from "../../helpers/captureOutput";
import type { JsonDocument } from "../../helpers/jsonDocument";

afterEach(() => {
  vi.restoreAllMocks();
});

const uncertain = repoFile("data/plans/seed-plan-uncertain.json");
// Small panel and few draws: the command's contract, not the seed plan's figures (the bench runs the full size).
const quick = ["--trials", "1000", "--search-trials", "500", "--panel", "10000", "--workers", "0"];

describe("churnlab optimize", () => {
  let json: JsonDocument;
  let stderr = "";
  beforeAll(async () => {
    const run = await runCommand(optimizeCommand, [uncertain, ...quick, "--seed", "3", "--json"]);
    expect(run.exitCode).toBe(0);
    json = JSON.parse(run.stdout);
    stderr = run.stderr;
  }, 300_000);
  it("prints the JSON the issue asks for: plan {npv {mean, se}, probMvpGate}, best {npv, probMvpGate, design}, frontier [{cost, retained}]", () => {
    for (const side of ["plan", "best"]) {
      expect(typeof json[side].npv.mean).toBe("number");
      expect(json[side].npv.se).toBeGreaterThan(0);
      expect(json[side].probMvpGate).toBeGreaterThanOrEqual(0);
      expect(json[side].probMvpGate).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(json["best"].design)).toEqual([
      "channels",
      "cumulativeShares",
      "capacityPerWeek",
      "stageTiers",
      "allocation",
      "queueRule",
      "minContactDelayDays",
    ]);
    expect(json["frontier"].length).toBeGreaterThan(1);
    for (const p of json["frontier"]) expect(Object.keys(p)).toEqual(expect.arrayContaining(["cost", "retained"]));
    expect(json["trials"]).toBe(1000);
    expect(json["seed"]).toBe(3);
  });
  it("finds a design with a higher expected NPV than the plan's, and its bridge adds up to the difference", () => {
    expect(json["best"].npv.mean).toBeGreaterThan(json["plan"].npv.mean);
    const sum = json["bridge"].reduce((s: number, b: { npv: { mean: number } }) => s + b.npv.mean, 0);
    expect(sum).toBeCloseTo(json["best"].npv.mean - json["plan"].npv.mean, 2);
    expect(json["difference"].npv.mean).toBeCloseTo(json["best"].npv.mean - json["plan"].npv.mean, 2);
    expect(json["best"].feasible).toBe(true);
  });
  it("writes progress to stderr, one line per dimension and pass", () => {
    expect(stderr).toMatch(/pass 1, channels: \d+ designs/);
  });
  it("prints the comparison as text without --json", async () => {
    const run = await runCommand(optimizeCommand, [uncertain, ...quick, "--seed", "3"]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/plan's design\s+best design/);
    expect(run.stdout).toMatch(/why it beats the plan's design/);
    expect(run.stdout).toMatch(/efficient frontier/);
  }, 300_000);
  it("reports every bad flag at once and exits 2 without output", async () => {
    expect(() => optimizeOptions({ budget: "-1", objective: "profit", minGate: "2", crossChannel: "x" })).toThrow(InputError);
    const bad = await runCommand(optimizeCommand, [uncertain, "--budget", "-1", "--objective", "profit", "--trials", "10"]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/--budget/);
    expect(bad.stderr).toMatch(/--objective/);
    expect(bad.stderr).toMatch(/--trials/);
    const missing = await runCommand(optimizeCommand, [repoFile("data/plans/nope.json")]);
    expect(missing.exitCode).toBe(2);
    expect(optimizeOptions({ budget: "8000000", objective: "cash", crossChannel: "0.3" })).toMatchObject({
      budgetYuan: 8_000_000,
      objective: "cash",
      assumptions: { crossChannelFactor: 0.3 },
    });
  });
});
