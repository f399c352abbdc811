import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { seedPlanFile } from "../../src/plan/seedPlanFile";
import { loadPlan } from "../../src/plan/loadPlan";

describe("seedPlanFile", () => {
  it("is an absolute path to the shipped data/plans/seed-plan.json, independent of the working directory", () => {
    expect(path.isAbsolute(seedPlanFile)).toBe(true);
    expect(seedPlanFile).toBe(path.resolve(__dirname, "..", "..", "data", "plans", "seed-plan.json"));
    expect(fs.existsSync(seedPlanFile)).toBe(true);
  });
  it("loads as the article's plan (200,000 customers, 4 tiers)", () => {
    const plan = loadPlan(seedPlanFile);
    expect(plan.customers).toBe(200_000);
    expect(plan.tiers).toHaveLength(4);
  });
});
