import { describe, expect, it } from "vitest";
import { finding, findingIds, subjectPath } from "../../src/plan/Finding";

describe("subjectPath(subject)", () => {
  it("writes each kind of subject as the JSON path of the plan field", () => {
    expect(subjectPath({ kind: "field", path: "benefits.roiStated" })).toBe("$.benefits.roiStated");
    expect(subjectPath({ kind: "field", path: "tiers" })).toBe("$.tiers");
    expect(subjectPath({ kind: "costLine", list: "annual", index: 2, field: "amountYuan" })).toBe("$.costs.annual[2].amountYuan");
    expect(subjectPath({ kind: "costLine", list: "oneTime", index: 0, field: "amountYuan" })).toBe("$.costs.oneTime[0].amountYuan");
    expect(subjectPath({ kind: "tier", tier: "low", index: 3, field: "saveRate" })).toBe("$.tiers[3].saveRate");
    expect(subjectPath({ kind: "stage", stage: "mvp", index: 0, field: "interveneCountStated" })).toBe("$.rollout[0].interveneCountStated");
  });
});

describe("finding(id, severity, subject, stated, recomputed, message)", () => {
  it("derives the path from the subject and keeps the figures", () => {
    expect(finding("cost.tier.missing", "error", { kind: "tier", tier: "low", index: 3, field: "budgetYuanPerPerson" }, 0, 1_540_000, "m")).toEqual({
      id: "cost.tier.missing",
      severity: "error",
      path: "$.tiers[3].budgetYuanPerPerson",
      subject: { kind: "tier", tier: "low", index: 3, field: "budgetYuanPerPerson" },
      stated: 0,
      recomputed: 1_540_000,
      message: "m",
    });
  });

  it("has 31 distinct finding ids", () => {
    expect(new Set(findingIds).size).toBe(31);
  });
});
