import { describe, expect, it } from "vitest";
import {
  abTestArmSize,
  bandMidpoint,
  bandText,
  loadPlan,
  parsePlan,
  rankTiers,
  seedPlan,
  tierNumberOf,
  tierOf,
  tierThresholds,
  tiersByRisk,
} from "../../src/plan";
import { seedPlanJson } from "../simulation/fixtures";

// Expected values: the article's section 5.1 (tier 1 "> 70%", tier 2 50–70%, tier 3 30–50%, tier 4 "< 30%"),
// written in data/plans/seed-plan.json with the tiers listed highest first.
const plan = loadPlan("data/plans/seed-plan.json");

/** The seed plan with its tiers listed lowest first: ranking must not depend on the file's order. */
const reversed = { tiers: [...plan.tiers].reverse() };

describe("tiersByRisk and rankTiers", () => {
  it("sort the seed plan's tiers from very high to low, whatever order the file lists them in", () => {
    expect(tiersByRisk(plan).map((t) => t.id)).toEqual(["very-high", "high", "medium", "low"]);
    expect(tiersByRisk(reversed).map((t) => t.id)).toEqual(["very-high", "high", "medium", "low"]);
    expect(rankTiers(reversed).map((r) => [r.tierNumber, r.tier.id])).toEqual([
      [1, "very-high"],
      [2, "high"],
      [3, "medium"],
      [4, "low"],
    ]);
  });
  it("do not mutate the plan", () => {
    const before = reversed.tiers.map((t) => t.id);
    tiersByRisk(reversed);
    expect(reversed.tiers.map((t) => t.id)).toEqual(before);
  });
});

describe("tierThresholds", () => {
  it("are the seed plan's cut-offs 0.3, 0.5, 0.7, ascending (the lowest tier's 0 is not a cut-off)", () => {
    expect(tierThresholds(plan)).toEqual([0.3, 0.5, 0.7]);
    expect(tierThresholds(reversed)).toEqual([0.3, 0.5, 0.7]);
  });
  it("follow the plan: a two-tier plan split at 0.4 has the one cut-off 0.4", () => {
    const json = seedPlanJson();
    json.tiers = [
      { ...json.tiers[0], probabilityMin: 0.4, probabilityMax: 1, shareStated: 0.2 },
      { ...json.tiers[3], probabilityMin: 0, probabilityMax: 0.4, shareStated: 0.8 },
    ];
    json.costs.annual = json.costs.annual.filter((line: { tierId?: string }) => line.tierId === undefined || line.tierId === "very-high");
    for (const stage of json.rollout) stage.interveneTiers = ["very-high"];
    expect(tierThresholds(parsePlan(json, "two-tiers.json"))).toEqual([0.4]);
  });
});

describe("tierOf and tierNumberOf agree on the edges: min < p <= max, the lowest tier also holds 0", () => {
  const cases: Array<[number, number, string]> = [
    [1, 1, "very-high"],
    [0.7000001, 1, "very-high"],
    [0.7, 2, "high"],
    [0.5000001, 2, "high"],
    [0.5, 3, "medium"],
    [0.30001, 3, "medium"],
    [0.3, 4, "low"],
    [0, 4, "low"],
  ];
  it.each(cases)("p = %s is tier %s (%s)", (p, tierNumber, id) => {
    expect(tierOf(p, plan)).toMatchObject({ tierNumber, tier: { id } });
    expect(tierOf(p, rankTiers(reversed)).tierNumber).toBe(tierNumber);
    expect(tierNumberOf(p, tierThresholds(plan))).toBe(tierNumber);
  });
  it("tierOf rejects NaN and probabilities outside 0..1, naming the customer; tierNumberOf puts NaN in the lowest tier", () => {
    expect(() => tierOf(Number.NaN, plan, "C42")).toThrow(/customer C42: churn probability must be a number from 0 to 1, got NaN/);
    expect(() => tierOf(1.01, plan, "C7")).toThrow(RangeError);
    expect(tierNumberOf(Number.NaN, [0.3, 0.5, 0.7])).toBe(4);
  });
  it("with no cut-offs every probability is tier 1", () => {
    expect(tierNumberOf(0.99, [])).toBe(1);
  });
});

describe("bandMidpoint and bandText", () => {
  it("give the seed plan's bands as the article writes them", () => {
    const ranked = rankTiers(plan);
    expect(ranked.map((r) => bandMidpoint(r.tier))).toEqual([0.85, 0.6, 0.4, 0.15]);
    expect(ranked.map((r) => bandText(r, ranked.length))).toEqual(["p > 0.7", "0.5 < p <= 0.7", "0.3 < p <= 0.5", "p <= 0.3"]);
  });
});

describe("abTestArmSize", () => {
  it("is the MVP's 600 contacts over the 4 A/B delays = 150 for the seed plan", () => {
    expect(plan.rollout[0]!.interveneCountStated).toBe(600);
    expect(plan.timing.abTest).toHaveLength(4);
    expect(abTestArmSize(plan)).toBe(150);
  });
  it("is undefined when no stage states whom it intervenes on", () => {
    const json = seedPlanJson();
    for (const stage of json.rollout) delete stage.interveneCountStated;
    expect(abTestArmSize(parsePlan(json, "x.json"))).toBeUndefined();
  });
});

describe("seedPlan", () => {
  it("is the shipped seed plan, read once", () => {
    expect(seedPlan()).toEqual(plan);
    expect(seedPlan()).toBe(seedPlan());
  });
});
