import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { optimizeCommand, optimizeOptions } from "../../../src/cli/commands/optimize";
import { pilotCommand, pilotOptions } from "../../../src/cli/commands/pilot";
import { InputError } from "../../../src/io/InputError";
import { repoFile } from "../../simulation/fixtures";
import { runCommand } from "../../helpers/captureOutput";

afterEach(() => {
  vi.restoreAllMocks();
});

const uncertain = repoFile("data/plans/seed-plan-uncertain.json");
// Small panel and few draws: the command's contract, not the seed plan's figures (the bench runs the full size).
const quick = ["--trials", "1000", "--search-trials", "500", "--panel", "10000", "--workers", "0"];

describe("churnlab optimize", () => {
  let json: Record<string, any>;
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

describe("churnlab pilot", () => {
  it("prints the sizes and the error rates as JSON, checked by simulation", async () => {
    const run = await runCommand(pilotCommand, [uncertain, "--json"]);
    expect(run.exitCode).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.tiers).toEqual(["very-high", "high"]);
    expect(json.recommended.errors.falseGo).toBeLessThanOrEqual(0.05);
    expect(json.recommended.errors.falseStop).toBeLessThanOrEqual(0.1);
    expect(json.recommended.tiers[0]).toMatchObject({ tierId: "very-high" });
    expect(typeof json.recommended.tiers[0].uplift.lower).toBe("number");
    expect(json.verification.falseGo.value).toBeGreaterThan(0);
    expect(json.planMvp.errors.falseGo).toBeGreaterThan(0.05);
  }, 120_000);
  it("takes a design file (optimize's output) and other limits", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-"));
    const file = path.join(dir, "best.json");
    const design = {
      channels: { "very-high": "medium", high: "medium", medium: "medium", low: "none" },
      cumulativeShares: [0.03, 0.11, 0.23],
      capacityPerWeek: { "very-high": "unlimited", high: "unlimited", medium: "unlimited" },
      stageTiers: "all",
      allocation: "value",
      queueRule: "value-first",
      minContactDelayDays: 0,
    };
    fs.writeFileSync(file, JSON.stringify({ best: { design } }));
    const run = await runCommand(pilotCommand, [uncertain, "--design", file, "--max-false-go", "0.02", "--json"]);
    expect(run.exitCode).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.tiers).toEqual(["very-high", "high", "medium"]);
    expect(json.maxFalseGo).toBe(0.02);
    expect(json.recommended.errors.falseGo).toBeLessThanOrEqual(0.02);
    const text = await runCommand(pilotCommand, [uncertain, "--design", file]);
    expect(text.stdout).toMatch(/recommended \(shortest that meets the targets\)/);
  }, 120_000);
  it("bad flags, an unknown tier or a bad design file exit 2", async () => {
    expect(() => pilotOptions({ maxFalseGo: "0", customers: "12.5" })).toThrow(InputError);
    expect((await runCommand(pilotCommand, [uncertain, "--max-false-go", "0.9"])).exitCode).toBe(2);
    const tier = await runCommand(pilotCommand, [uncertain, "--tiers", "vip"]);
    expect(tier.exitCode).toBe(2);
    expect(tier.stderr).toMatch(/unknown tier vip/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-"));
    fs.writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ queueRule: "random" }));
    const bad = await runCommand(pilotCommand, [uncertain, "--design", path.join(dir, "bad.json")]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stdout).toBe("");
  });
});
