import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { pilotCommand, pilotOptions } from "../../../src/cli/commands/pilot";
import { InputError } from "../../../src/io/InputError";
import { repoFile } from "../../simulation/fixtures";
import { runCommand } from "../../helpers/captureOutput";

const uncertain = repoFile("data/plans/seed-plan-uncertain.json");

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
