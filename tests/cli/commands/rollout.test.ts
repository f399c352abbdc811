import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { rolloutCommand } from "../../../src/cli/commands/rollout";
import { runCommand } from "../../helpers/captureOutput";
import { repoFile, seedPlanJson } from "../../simulation/fixtures";

/** Runs `churnlab rollout` in-process. */
const cli = (args: string[]) => runCommand(rolloutCommand, args);

const uncertainFile = repoFile("data/plans/seed-plan-uncertain.json");

describe("churnlab rollout", () => {
  it("prints the JSON contract, the same for 1 and 2 workers", async () => {
    const args = [uncertainFile, "--trials", "2", "--seed", "4", "--customers", "5000", "--replicates", "1", "--json", "--no-progress"];
    const one = await cli([...args, "--workers", "1"]);
    const two = await cli([...args, "--workers", "2"]);
    expect(one.exitCode).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const json = JSON.parse(one.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["roi", "paybackMonth", "cumulativeCashFlow", "gates", "churn", "byTier"]));
    expect(json.workers).toBeUndefined();
    expect(json.cumulativeCashFlow).toHaveLength(36);
    expect(Object.keys(json.estimates)).toEqual(["roi", "cashRoi", "npv"]);
    expect(Object.keys(json.gates[0])).toEqual(expect.arrayContaining(["probGo", "probStop", "probFalseStop", "probFalseGo", "sampleSize"]));
    for (const key of ["mean", "p5", "p50", "p95"]) expect(typeof json.roi[key]).toBe("number");
  });

  it("prints a text summary without --json", async () => {
    const { stdout, exitCode } = await cli([uncertainFile, "--trials", "1", "--customers", "2000", "--replicates", "1", "--workers", "0", "--no-progress"]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain("Rollout:");
    expect(stdout).toContain("mvp→regional");
  });

  it("exits 2 with every bad flag named and nothing on stdout", async () => {
    const { stdout, stderr, exitCode } = await cli([uncertainFile, "--auc", "1.2", "--delay", "-3", "--queue", "random", "--no-progress"]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--auc");
    expect(stderr).toContain("--delay");
    expect(stderr).toContain("--queue");
  });

  it("exits 2 for a model AUC above what the latent risk allows (the oracle AUC), naming --auc", async () => {
    const { stdout, stderr, exitCode } = await cli([uncertainFile, "--auc", "0.99", "--no-progress"]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("--auc");
  });

  it("exits 2 on a missing plan file", async () => {
    const { stdout, exitCode } = await cli(["no-such-plan.json", "--no-progress"]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
  });
});

describe("churnlab rollout on a plan without success criteria", () => {
  it("exits 2 naming the file and JSON path, with nothing on stdout (it used to exit 1 from a worker)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-gates-"));
    const file = path.join(dir, "no-criteria.json");
    const json = seedPlanJson();
    for (const stage of json["rollout"] as Array<Record<string, unknown>>) delete stage["successCriteria"];
    fs.writeFileSync(file, JSON.stringify(json));
    const { stdout, stderr, exitCode } = await cli([file, "--trials", "1", "--seed", "1", "--workers", "0", "--json", "--no-progress"]);
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${file}: $.rollout[0].successCriteria: missing`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
