import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/io/InputError";
import { asStated, parsePlan } from "../../../src/plan";
import { loadUncertainPlan, parseUncertainPlan, inputCorrelationMatrix } from "../../../src/simulation/inputs/uncertainPlan";
import { cholesky, rankToPearson, spearman, ranks } from "../../../src/simulation/inputs/correlation";
import { repoFile, seedPlanJson } from "../fixtures";

function problems(fn: () => unknown): Array<{ where: string; message: string }> {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return [...err.problems];
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("seed-plan-uncertain.json", () => {
  const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
  it("has a justification for every distribution", () => {
    expect(plan.inputs.length).toBeGreaterThanOrEqual(20);
    for (const input of plan.inputs) expect(input.why, input.name).toBeTruthy();
  });
  it("its base plan is the article's plan: the same figures as seed-plan.json (ROI 3.5875 as stated)", () => {
    const seed = parsePlan(seedPlanJson(), "seed-plan.json");
    expect(plan.base.costs).toEqual(seed.costs);
    expect(plan.base.benefits).toEqual(seed.benefits);
    expect(plan.base.tiers).toEqual(seed.tiers);
    expect(asStated(plan.base).roi).toBeCloseTo(3.5874538745387452, 14);
  });
  it("names inputs by readable path and declares three rank correlations", () => {
    expect(plan.inputs.map((x) => x.name)).toContain("tiers.very-high.saveRate");
    expect(plan.inputs.find((x) => x.name === "tiers.very-high.saveRate")!.path).toBe("$.tiers[0].saveRate");
    expect(plan.correlations).toHaveLength(3);
    expect(plan.assumptions.model).toBe("programme");
    expect(plan.inputs.find((x) => x.path === "$.simulation.modelAuc")!.distribution.dist).toBe("pert");
    expect(plan.assumptions.warnings).toEqual([]);
  });
});

describe("parseUncertainPlan", () => {
  it("treats a plain plan as an uncertain plan with no inputs and default assumptions", () => {
    const p = parseUncertainPlan(seedPlanJson(), "seed-plan.json");
    expect(p.inputs).toEqual([]);
    expect(p.assumptions).toMatchObject({ model: "programme", costs: "stated", discountRate: 0.08, coverageRamp: false });
    // The programme settings' defaults and their sources: margin = LTV × churn, AUC = the MVP line, one contact a year per customer.
    expect(p.assumptions.programme).toMatchObject({
      annualMarginYuan: 720,
      modelAuc: 0.85,
      protectionWeeks: 52,
      cooldownWeeks: 52,
      queueRule: "value-first",
      horizonYears: 3,
      discountRate: 0.08,
    });
    expect(p.assumptions.programmeSources.find((x) => x.path === "$.simulation.annualMarginYuan")!.source).toContain("LTV × churn");
  });
  it("accepts the former bottom-up model's settings with a warning naming each (they are superseded by the programme model)", () => {
    const json = seedPlanJson();
    json.simulation = { model: "bottom-up", contactDelayDays: 10, tierChurnProbability: { high: 0.5 } };
    const p = parseUncertainPlan(json, "x.json");
    expect(p.assumptions.model).toBe("programme");
    expect(p.assumptions.warnings.map((w) => w.split(" ")[0])).toEqual([
      "$.simulation.model:",
      "$.simulation.contactDelayDays",
      "$.simulation.tierChurnProbability",
    ]);
  });
  it("names an unknown tier or stage in the capacity settings", () => {
    const json = seedPlanJson();
    json.simulation = { capacityPerWeek: { vip: 10 }, stageCapacityPerWeek: { pilot: { high: 5 } } };
    const where = problems(() => parseUncertainPlan(json, "x.json")).map((p) => p.where);
    expect(where).toEqual(["$.simulation.stageCapacityPerWeek.pilot", "$.simulation.capacityPerWeek.vip"]);
  });
  it("reports bad distribution parameters at their JSON path, every one of them", () => {
    const json = seedPlanJson();
    json.benefits.churnAfter = { dist: "pert", min: 0.2, mode: 0.12, max: 0.1 };
    json.benefits.ltvYuan = { dist: "lognormal", median: -5, sigmaLog: 0.2 };
    const where = problems(() => parseUncertainPlan(json, "x.json")).map((p) => p.where);
    expect(where).toContain("$.benefits.churnAfter.max");
    expect(where).toContain("$.benefits.churnAfter.mode");
    expect(where).toContain("$.benefits.ltvYuan.median");
  });
  it("reports a base value that breaks the plan schema at the plan's path", () => {
    const json = seedPlanJson();
    json.tiers[0].saveRate = { dist: "uniform", min: 0.5, max: 1.5 };
    expect(problems(() => parseUncertainPlan(json, "x.json")).map((p) => p.where)).toContain("$.tiers[0].saveRate");
  });
  it("rejects an impossible correlation matrix with a clear message", () => {
    const json = seedPlanJson();
    json.benefits.churnBefore = { dist: "uniform", min: 0.15, max: 0.21 };
    json.benefits.churnAfter = { dist: "uniform", min: 0.1, max: 0.14 };
    json.benefits.ltvYuan = { dist: "uniform", min: 3000, max: 5000 };
    json.correlations = [
      { a: "$.benefits.churnBefore", b: "$.benefits.churnAfter", rankCorrelation: 0.9 },
      { a: "$.benefits.churnBefore", b: "benefits.ltvYuan", rankCorrelation: 0.9 },
      { a: "$.benefits.churnAfter", b: "$.benefits.ltvYuan", rankCorrelation: -0.9 },
    ];
    const p = problems(() => parseUncertainPlan(json, "x.json"));
    expect(p).toHaveLength(1);
    expect(p[0]!.where).toBe("$.correlations");
    expect(p[0]!.message).toMatch(/not positive definite/);
  });
  it("rejects correlations naming unknown, fixed or identical inputs and bad coefficients", () => {
    const json = seedPlanJson();
    json.benefits.churnBefore = { dist: "uniform", min: 0.15, max: 0.21 };
    json.benefits.ltvYuan = { dist: "fixed", value: 4000 };
    json.correlations = [
      { a: "$.benefits.nope", b: "$.benefits.churnBefore", rankCorrelation: 0.5 },
      { a: "$.benefits.churnBefore", b: "$.benefits.ltvYuan", rankCorrelation: 0.5 },
      { a: "$.benefits.churnBefore", b: "benefits.churnBefore", rankCorrelation: 0.5 },
      { a: "$.benefits.churnBefore", b: "$.benefits.ltvYuan", rankCorrelation: 1.5 },
    ];
    const where = problems(() => parseUncertainPlan(json, "x.json")).map((p) => p.where);
    expect(where).toEqual(expect.arrayContaining(["$.correlations[0].a", "$.correlations[1]", "$.correlations[2]", "$.correlations[3].rankCorrelation"]));
  });
  it("validates the simulation and sampling sections", () => {
    const json = seedPlanJson();
    json.simulation = { model: "top-down", tierChurnProbability: { nope: 0.5 } };
    json.sampling = { method: "sobol" };
    const where = problems(() => parseUncertainPlan(json, "x.json")).map((p) => p.where);
    expect(where).toEqual(expect.arrayContaining(["$.simulation.model", "$.sampling.method"]));
  });
  it("throws InputError for a missing file and for bad JSON", () => {
    expect(problems(() => loadUncertainPlan("/nonexistent/plan.json"))[0]!.message).toMatch(/no such file/);
    expect(() => parseUncertainPlan([1, 2], "x.json")).toThrow(InputError);
  });
});

describe("correlation helpers", () => {
  it("cholesky of [[4, 2], [2, 5]] is [[2, 0], [1, 2]]; a singular or indefinite matrix throws RangeError", () => {
    expect([...cholesky([4, 2, 2, 5])]).toEqual([2, 0, 1, 2]);
    expect(() => cholesky([1, 1, 1, 1])).toThrow(RangeError);
    expect(() => cholesky([1, 2, 2, 1])).toThrow(/not positive definite/);
    expect(() => cholesky([1, 2, 3])).toThrow(/square/);
  });
  it("rankToPearson: 2 sin(π ρ / 6), fixed points 0 and ±1", () => {
    expect(rankToPearson(0)).toBe(0);
    expect(rankToPearson(1)).toBeCloseTo(1, 15);
    expect(rankToPearson(-1)).toBeCloseTo(-1, 15);
    expect(rankToPearson(0.5)).toBeCloseTo(0.5176380902050415, 15);
    expect(() => rankToPearson(2)).toThrow(RangeError);
  });
  it("inputCorrelationMatrix puts the Pearson equivalents off the diagonal", () => {
    expect([...inputCorrelationMatrix(2, [{ a: 0, b: 1, rankCorrelation: 1 }])].map((x) => Number(x.toFixed(12)))).toEqual([1, 1, 1, 1]);
  });
  it("spearman: 1 for monotone, −1 for reversed, average ranks for ties, NaN for constant or tiny samples", () => {
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 16])).toBeCloseTo(1, 15);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
    expect(spearman([1, 2, 3], [10, 20, 15])).toBeCloseTo(0.5, 15);
    expect([...ranks([10, 30, 20, 20])]).toEqual([1, 4, 2.5, 2.5]);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearman([1], [1])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});
