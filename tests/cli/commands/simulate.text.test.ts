import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simulateCommand } from "../../../src/cli/commands/simulate";
import { runCommand } from "../../helpers/captureOutput";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-simtext-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("simulate's text output never prints NaN", () => {
  it("a plan whose churn rises says in words that it never pays back", async () => {
    const plan = JSON.parse(fs.readFileSync("data/plans/seed-plan.json", "utf8"));
    plan.benefits.churnAfter = 0.3;
    const file = path.join(dir, "rising-churn.json");
    fs.writeFileSync(file, JSON.stringify(plan));
    // The plan's own arithmetic (as-stated) takes churnAfter at its word: more customers lost than before.
    const r = await runCommand(simulateCommand, [file, "--trials", "2000", "--workers", "0", "--model", "as-stated"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    const line = (start: string): string => r.stdout.split("\n").find((l) => l.startsWith(start)) ?? "";
    expect(line("payback")).toBe(
      "payback (months)      no payback in any trial: the programme loses customers (churn after it, 30.0%, is above churn before, 18.0%)",
    );
    // ROI = (benefit - cost) / cost: the retained value is negative (more customers lost), -1017.5% as in the JSON output.
    expect(line("ROI (lifetime value)")).toMatch(/^ROI \(lifetime value\) {2}mean -1017\.5% /);
  });
  it("a plan where some trials pay back and others do not gives the share that never does", async () => {
    const plan = JSON.parse(fs.readFileSync("data/plans/seed-plan.json", "utf8"));
    plan.benefits.churnAfter = { dist: "uniform", min: 0.1, max: 0.3 };
    const file = path.join(dir, "mixed.json");
    fs.writeFileSync(file, JSON.stringify(plan));
    const r = await runCommand(simulateCommand, [file, "--trials", "4000", "--workers", "0", "--model", "as-stated"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(/NaN/);
    const never = Number(/\(no payback in (\d+\.\d)% of trials; mean and sd over the others\)/.exec(r.stdout)?.[1]);
    // churnAfter ~ U(0.10, 0.30) is above churnBefore 0.18 with probability 0.6.
    expect(never).toBeGreaterThan(57);
    expect(never).toBeLessThan(63);
    expect(r.stdout).toMatch(/P95 never/);
  });
});
