import { describe, expect, it } from "vitest";
import { sensitivityCommand } from "../../../src/cli/commands/sensitivity";
import { repoFile } from "../../simulation/fixtures";
import { runCommand } from "../../helpers/captureOutput";

const uncertain = repoFile("data/plans/seed-plan-uncertain.json");

describe("churnlab sensitivity", () => {
  it("prints tornado, break-even and Sobol results as JSON", async () => {
    const { stdout, exitCode } = await runCommand(sensitivityCommand, [
      uncertain,
      "--json",
      "--trials",
      "2000",
      "--sobol-samples",
      "256",
      "--model",
      "as-stated",
    ]);
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.baseRoi).toBe(3.58745);
    expect(json.tornado[0]).toHaveProperty("swing");
    expect(json.breakEven.find((b: { name: string; targetRoi: number }) => b.name === "benefits.churnAfter" && b.targetRoi === 0).value).toBeCloseTo(
      0.166921,
      5,
    );
    expect(json.sobol.length).toBeGreaterThan(10);
    expect(json.valueOfInformation.decision).toBe("go");
  });
  it("prints a readable report and rejects bad flags with exit 2", async () => {
    const { stdout } = await runCommand(sensitivityCommand, [uncertain, "--trials", "1000", "--sobol-samples", "128"]);
    expect(stdout).toMatch(/Tornado/);
    expect(stdout).toMatch(/Break-even/);
    const bad = await runCommand(sensitivityCommand, [uncertain, "--trials", "5", "--model", "x"]);
    expect(bad.exitCode).toBe(2);
  });
});
