import { afterEach, describe, expect, it, vi } from "vitest";
import { simulateCommand, simulateOptions } from "../../../src/cli/commands/simulate";
import { InputError } from "../../../src/io/InputError";
import { repoFile } from "../../simulation/fixtures";
import { runCommand } from "../../helpers/captureOutput";

afterEach(() => {
  vi.restoreAllMocks();
});

const uncertain = repoFile("data/plans/seed-plan-uncertain.json");

describe("churnlab simulate", () => {
  it("prints the JSON contract: trials, seed, workers, roi {mean, sd, p5..p95}, paybackMonths, probabilities", async () => {
    const { stdout, exitCode } = await runCommand(simulateCommand, [uncertain, "--trials", "2000", "--seed", "7", "--json"]);
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        "trials",
        "seed",
        "workers",
        "model",
        "roi",
        "cashRoi",
        "npv",
        "npvYears",
        "discountRate",
        "paybackMonths",
        "probLoss",
        "probRoiAbove200",
        "probPaybackOver12",
        "probNpvNegative",
        "warnings",
      ]),
    );
    expect(json.model).toBe("programme");
    expect(json.trials).toBe(2000);
    expect(json.seed).toBe(7);
    expect(json.npvYears).toBe(3);
    for (const key of ["mean", "sd", "p5", "p25", "p50", "p75", "p95"]) {
      expect(typeof json.roi[key]).toBe("number");
      expect(typeof json.cashRoi[key]).toBe("number");
      expect(typeof json.npv[key]).toBe("number");
      // Payback from the monthly cash flow: null (JSON for "never") when it does not come within the horizon.
      expect(json.paybackMonths[key] === null || typeof json.paybackMonths[key] === "number").toBe(true);
    }
    expect(json.probLoss).toBeGreaterThanOrEqual(0);
    // The programme model pays per contact: the stated tier cost lines it does not read are named.
    expect(json.warnings.some((w: string) => w.startsWith("$.costs.annual[2].amountYuan is uncertain but the programme model does not use it"))).toBe(true);
  });

  it("gives byte-identical JSON for 1, 2 and 3 workers apart from the workers field itself", async () => {
    const texts: string[] = [];
    for (const w of ["1", "2", "3"]) {
      const { stdout } = await runCommand(simulateCommand, [uncertain, "--trials", "140000", "--seed", "3", "--workers", w, "--json"]);
      expect(JSON.parse(stdout).workers).toBe(Number(w));
      texts.push(stdout.replace(/"workers": \d+/, '"workers": W'));
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[2]).toBe(texts[0]);
  }, 120_000);

  it("simulates the deterministic seed plan with the plan's own arithmetic to ROI 3.587454 with zero spread", async () => {
    const { stdout } = await runCommand(simulateCommand, [
      repoFile("data/plans/seed-plan.json"),
      "--trials",
      "500",
      "--seed",
      "1",
      "--model",
      "as-stated",
      "--json",
    ]);
    const json = JSON.parse(stdout);
    expect(json.roi.mean).toBe(3.587454);
    expect(json.roi.sd).toBe(0);
    expect(json.roi.p5).toBe(3.587454);
    expect(json.probLoss).toBe(0);
  });

  it("prints a readable summary without --json", async () => {
    const { stdout, stderr } = await runCommand(simulateCommand, [uncertain, "--trials", "1000", "--seed", "1", "--model", "bottom-up"]);
    // bottom-up is the former name: simulated as the programme model, with a warning.
    expect(stdout).toMatch(/model programme/);
    expect(stdout).toMatch(/ROI \(year-1 cash\)/);
    expect(stdout).toMatch(/NPV \(3 yr, 8\.0%\)/);
    expect(stdout).toMatch(/P\(ROI < 0\)/);
    expect(stderr).toMatch(/bottom-up/);
  });

  it("reports every bad flag at once and exits 2; a bad plan file also exits 2", async () => {
    expect(() => simulateOptions({ trials: "0", seed: "x", workers: "-1", model: "top", sampling: "sobol" })).toThrow(InputError);
    const bad = await runCommand(simulateCommand, [uncertain, "--trials", "0", "--seed", "x", "--model", "top"]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--trials/);
    expect(bad.stderr).toMatch(/--seed/);
    expect(bad.stderr).toMatch(/--model/);
    const missing = await runCommand(simulateCommand, ["/nonexistent.json", "--json"]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stdout).toBe("");
  });
});

describe("churnlab simulate --coverage-ramp", () => {
  it("lowers the as-stated ROI (65% coverage in year one) and is refused without --model as-stated", async () => {
    const flat = JSON.parse((await runCommand(simulateCommand, [uncertain, "--trials", "2000", "--seed", "1", "--model", "as-stated", "--json"])).stdout);
    const ramp = JSON.parse(
      (await runCommand(simulateCommand, [uncertain, "--trials", "2000", "--seed", "1", "--model", "as-stated", "--coverage-ramp", "--json"])).stdout,
    );
    expect(ramp.coverageRamp).toBe(true);
    expect(ramp.roi.mean).toBeLessThan(flat.roi.mean);
    const bad = await runCommand(simulateCommand, [uncertain, "--coverage-ramp"]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--coverage-ramp/);
  });
});
