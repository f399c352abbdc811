import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { jsonPath, loadPlan, parsePlan } from "../../src/plan";
import type { JsonDocument } from "../helpers/jsonDocument";

const seedJson = (): JsonDocument => JSON.parse(readFileSync("data/plans/seed-plan.json", "utf8"));

function problemsOf(fn: () => unknown): Array<{ where: string; message: string }> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return [...(err as InputError).problems];
  }
  throw new Error("expected an InputError");
}

describe("loadPlan accepts the article's plan", () => {
  it("reads every stated figure as written", () => {
    const plan = loadPlan("data/plans/seed-plan.json");
    expect(plan.customers).toBe(200_000);
    expect(plan.tiers.map((t) => [t.id, t.probabilityMin, t.probabilityMax, t.shareStated, t.budgetYuanPerPerson, t.saveRate])).toEqual([
      ["very-high", 0.7, 1, 0.03, 800, 0.45],
      ["high", 0.5, 0.7, 0.08, 300, 0.6],
      ["medium", 0.3, 0.5, 0.12, 50, 0.7],
      ["low", 0, 0.3, 0.77, 10, 0.95],
    ]);
    expect(plan.timing.bestWindowDays).toEqual([7, 14]);
    expect(plan.timing.abTest.map((p) => [p.delayDays, p.saveRate])).toEqual([
      [7, 0.62],
      [14, 0.55],
      [21, 0.38],
      [30, 0.22],
    ]);
    expect(plan.costs.annual[2]).toMatchObject({ amountYuan: 1_440_000, peopleStated: 6000, yuanPerPersonStated: 800, tierId: "very-high" });
    expect([plan.costs.oneTimeSubtotalStated, plan.costs.annualSubtotalStated, plan.costs.firstYearTotalStated]).toEqual([2_800_000, 8_040_000, 10_840_000]);
    expect(plan.benefits).toMatchObject({
      referralValueStated: 1_730_000,
      totalBenefitStated: 49_730_000,
      roiStated: 3.59,
      paybackMonthsStated: 2.6,
      npsBefore: 38,
      npsAfter: 65,
    });
    expect(plan.rollout.map((s) => [s.id, s.monthStart, s.monthEnd, s.customers, s.budgetYuan])).toEqual([
      ["mvp", 0, 3, 20_000, 1_000_000],
      ["regional", 3, 6, 100_000, 3_000_000],
      ["national", 6, 12, 200_000, 6_840_000],
    ]);
    expect(plan.rollout[0]?.successCriteria).toEqual({ aucMin: 0.85, saveRateMin: 0.5, roiMin: 2 });
    expect(plan.stopLoss).toMatchObject({ aucPause: 0.8, saveRateRedesign: 0.4 });
  });
});

describe("bad plan files: one clear problem per rule, naming the JSON path", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["invalid-json", "$", /^not valid JSON: .*\(line 4, column 1\)/],
    ["missing-field", "$.benefits.ltvYuan", /^missing field \(expected number\)$/],
    ["negative-cost", "$.costs.oneTime[1].amountYuan", /^must be an amount in yuan >= 0, got -800000$/],
    ["share-out-of-range", "$.tiers[1].shareStated", /^must be a fraction from 0 to 1 .*got 1\.2$/],
    ["thresholds-out-of-order", "$.tiers[1].probabilityMin", /must be below probabilityMax \(0\.5\), got 0\.7.*out of order/],
    ["overlapping-months", "$.rollout[1].monthStart", /months 2–6 overlap stage \$\.rollout\[0\] \(months 0–3\)/],
    ["overlapping-tiers", "$.tiers[1].probabilityMin", /overlaps tier \$\.tiers\[2\] \(0\.3–0\.55\)/],
  ];
  for (const [file, where, message] of cases) {
    it(`${file}.json → ${where}`, () => {
      const path = `tests/fixtures/plans/${file}.json`;
      const problems = problemsOf(() => loadPlan(path));
      expect(problems).toHaveLength(1);
      expect(problems[0]?.where).toBe(where);
      expect(problems[0]?.message).toMatch(message);
      expect(() => loadPlan(path)).toThrow(new RegExp(`^${path.replace(/[.]/g, "\\.")}: 1 problem`));
    });
  }

  it("collects every problem of a file at once", () => {
    expect(problemsOf(() => loadPlan("tests/fixtures/plans/many-problems.json")).map((p) => p.where)).toEqual([
      "$.customers",
      "$.tiers[0].saveRate",
      "$.costs.oneTime[1].amountYuan",
      "$.rollout[2].monthStart",
    ]);
  });

  it("a missing file is an input problem, not a crash", () => {
    expect(problemsOf(() => loadPlan("tests/fixtures/plans/no-such-plan.json"))).toEqual([{ where: "$", message: "cannot read the plan file: no such file" }]);
  });

  it("rejects non-objects, unknown fields, gaps in the tiers and unknown tier ids", () => {
    expect(problemsOf(() => parsePlan([], "x.json"))).toEqual([{ where: "$", message: "must be an object, got an array" }]);
    const plan = seedJson();
    plan["customer"] = 1;
    plan["tiers"][3]["probabilityMax"] = 0.25;
    plan["rollout"][0]["interveneTiers"] = ["very-high", "hihg"];
    plan["costs"]["annual"][2]["tierId"] = "extreme";
    const problems = problemsOf(() => parsePlan(plan, "x.json"));
    expect(problems).toEqual(
      expect.arrayContaining([
        { where: "$.customer", message: expect.stringMatching(/^unknown field/) },
        { where: "$.tiers[2].probabilityMin", message: "gap between tier bands: $.tiers[3] ends at 0.25 but this tier starts at 0.3" },
        { where: "$.rollout[0].interveneTiers[1]", message: 'unknown tier "hihg" (tiers: very-high, high, medium, low)' },
        { where: "$.costs.annual[2].tierId", message: 'unknown tier "extreme" (tiers: very-high, high, medium, low)' },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it("rejects NaN-like and wrong-typed values, tiers not covering 0..1, and a window out of order", () => {
    const plan = seedJson();
    plan["customers"] = "200000";
    plan["tiers"][0]["probabilityMax"] = 0.95;
    plan["timing"]["bestWindowDays"] = [14, 7];
    plan["rollout"][1]["monthEnd"] = 3;
    expect(problemsOf(() => parsePlan(plan, "x.json"))).toEqual([
      { where: "$.customers", message: 'must be a number, got "200000"' },
      { where: "$.tiers[0].probabilityMax", message: "the tiers must cover probabilities from 0 to 1, but the highest band ends at 0.95" },
      { where: "$.timing.bestWindowDays", message: "the window must be [from, to] with from <= to, got [14, 7]" },
      { where: "$.rollout[1].monthEnd", message: "must be after monthStart (3), got 3" },
    ]);
  });

  it("reports NaN and Infinity from JavaScript callers, and empty tier or stage lists", () => {
    const plan = seedJson();
    plan["customers"] = Number.NaN;
    plan["benefits"]["ltvYuan"] = Number.POSITIVE_INFINITY;
    plan["tiers"] = [];
    plan["rollout"] = [];
    expect(problemsOf(() => parsePlan(plan, "x.json"))).toEqual([
      { where: "$.customers", message: "must be a number, got NaN" },
      { where: "$.tiers", message: "must list at least one tier, got 0 items" },
      { where: "$.benefits.ltvYuan", message: "must be a number, got Infinity" },
      { where: "$.rollout", message: "must list at least one rollout stage, got 0 items" },
    ]);
  });

  it("an empty object lists every missing top-level field", () => {
    const wheres = problemsOf(() => parsePlan({}, "x.json")).map((p) => p.where);
    expect(wheres).toEqual(["$.name", "$.customers", "$.predictionHorizonDays", "$.tiers", "$.timing", "$.costs", "$.benefits", "$.rollout", "$.stopLoss"]);
  });

  it("does not mutate its input", () => {
    const plan = seedJson();
    const copy = structuredClone(plan);
    parsePlan(plan, "x.json");
    expect(plan).toEqual(copy);
  });
});

describe("jsonPath", () => {
  it("writes keys as .key, indices as [i] and odd keys quoted", () => {
    expect(jsonPath(["tiers", 1, "budgetYuanPerPerson"])).toBe("$.tiers[1].budgetYuanPerPerson");
    expect(jsonPath([])).toBe("$");
    expect(jsonPath(["a b"])).toBe('$["a b"]');
  });
});
