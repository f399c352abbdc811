import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rolloutGateProblems } from "../../../src/simulation/rollout/rolloutGateProblems";
import { gateCriteriaFor } from "../../../src/simulation/rollout/rolloutGates";
import { rolloutCommand } from "../../../src/cli/commands/rollout";
import { parsePlan } from "../../../src/plan/parsePlan";
import type { Plan } from "../../../src/plan/schema";
import { seedPlanJson } from "../fixtures";

/** The seed plan with success criteria kept only on the stages listed (by index). */
function planWithCriteriaOn(keep: number[]): Plan {
  const json = seedPlanJson();
  (json["rollout"] as Array<Record<string, unknown>>).forEach((stage, i) => {
    if (keep.includes(i)) stage["successCriteria"] = { aucMin: 0.85, saveRateMin: 0.5, roiMin: 2 };
    else delete stage["successCriteria"];
  });
  return parsePlan(json, "test-plan.json");
}

describe("rolloutGateProblems: the rollout's gates need success criteria", () => {
  it("finds nothing missing in the article's plan (criteria on the MVP serve every later gate)", () => {
    expect(rolloutGateProblems(planWithCriteriaOn([0]))).toEqual([]);
  });
  it("names each gate without criteria when no stage states them (the last stage has no gate)", () => {
    const problems = rolloutGateProblems(planWithCriteriaOn([]));
    expect(problems.map((p) => p.where)).toEqual(["$.rollout[0].successCriteria", "$.rollout[1].successCriteria"]);
    expect(problems[0]!.message).toMatch(/gate at the end of stage mvp \(month 3\)/);
  });
  it("names only the gates before the first stage that states criteria", () => {
    expect(rolloutGateProblems(planWithCriteriaOn([1])).map((p) => p.where)).toEqual(["$.rollout[0].successCriteria"]);
    expect(rolloutGateProblems(planWithCriteriaOn([2])).map((p) => p.where)).toEqual(["$.rollout[0].successCriteria", "$.rollout[1].successCriteria"]);
  });
  it("agrees with gateCriteriaFor: no problem exactly when every gated stage has criteria", () => {
    for (const keep of [[], [0], [1], [2], [1, 2]]) {
      const plan = planWithCriteriaOn(keep);
      const failing = [0, 1].filter((i) => {
        try {
          gateCriteriaFor(plan, i);
          return false;
        } catch {
          return true;
        }
      });
      expect(rolloutGateProblems(plan).map((p) => p.where)).toEqual(failing.map((i) => `$.rollout[${i}].successCriteria`));
    }
  });
});

describe("churnlab rollout on a plan without success criteria", () => {
  afterEach(() => vi.restoreAllMocks());
  it("exits 2 naming the file and JSON path, with nothing on stdout (it used to exit 1 from a worker)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-gates-"));
    const file = path.join(dir, "no-criteria.json");
    const json = seedPlanJson();
    for (const stage of json["rollout"] as Array<Record<string, unknown>>) delete stage["successCriteria"];
    fs.writeFileSync(file, JSON.stringify(json));
    let stdout = "";
    let stderr = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    process.exitCode = 0;
    await rolloutCommand().exitOverride().parseAsync(["node", "churnlab", file, "--trials", "1", "--seed", "1", "--workers", "0", "--json", "--no-progress"]);
    const code = process.exitCode;
    process.exitCode = 0;
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${file}: $.rollout[0].successCriteria: missing`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
