import { describe, expect, it } from "vitest";
import { rolloutGateProblems } from "../../../src/simulation/rollout/rolloutGateProblems";
import { gateCriteriaFor } from "../../../src/simulation/rollout/rolloutGates";
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
