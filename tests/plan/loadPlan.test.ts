import { describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { loadPlan } from "../../src/plan";

describe("loadPlan", () => {
  it("reads the article's plan (200,000 customers, first-year total 10,840,000 yuan as stated)", () => {
    const plan = loadPlan("data/plans/seed-plan.json");
    expect(plan.customers).toBe(200_000);
    expect(plan.costs.firstYearTotalStated).toBe(10_840_000);
  });
  it("refuses an uncertain plan with one problem that says which loader reads it", () => {
    try {
      loadPlan("data/plans/seed-plan-uncertain.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const problems = (err as InputError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]!.where).toBe("$");
      expect(problems[0]!.message).toMatch(
        /^an uncertain plan \(it has "base", "overlay", "simulation", "correlations", "sampling"\), not a plain plan: read it with loadUncertainPlan/,
      );
    }
  });
});
