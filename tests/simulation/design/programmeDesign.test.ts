import { describe, expect, it } from "vitest";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import {
  channelOptions,
  channelSaveRate,
  contactedTiers,
  contactTierIds,
  designJson,
  designKey,
  planDesign,
  saveRateTerms,
} from "../../../src/simulation/design/programmeDesign";
import { checkDesign, designCalibration, designPlan } from "../../../src/simulation/design/designPlan";
import { defaultDesignAssumptions } from "../../../src/simulation/design/programmeDesign";
import { programmeCalibration } from "../../../src/simulation/programme/programmeModel";
import { repoFile } from "../fixtures";

const uncertain = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
const plan = uncertain.base;
const settings = uncertain.assumptions.programme;
const own = planDesign(plan, settings);

describe("planDesign: the plan's own design", () => {
  it("puts every tier on its own channel, with the plan's shares and its budget lines as capacity at full scale", () => {
    expect(own.channels).toEqual({ "very-high": "very-high", high: "high", medium: "medium", low: "low" });
    expect(own.cumulativeShares.map((s) => Number(s.toFixed(12)))).toEqual([0.03, 0.11, 0.23]);
    // 6,000 / 16,000 / 24,000 people a year / 52 (the national stage has every customer).
    expect(own.capacityPerWeek["very-high"]).toBeCloseTo(6000 / 52, 9);
    expect(own.capacityPerWeek["high"]).toBeCloseTo(16000 / 52, 9);
    expect(own.capacityPerWeek["medium"]).toBeCloseTo(24000 / 52, 9);
    expect(own).toMatchObject({ stageTiers: "plan", allocation: "plan", queueRule: "value-first", minContactDelayDays: 0 });
    expect(contactTierIds(plan)).toEqual(["very-high", "high", "medium"]);
    expect(contactedTiers(plan, own)).toEqual(["very-high", "high", "medium"]);
  });
  it("runs as the plan itself: designPlan changes nothing but the settings' capacity source", () => {
    const run = designPlan(plan, settings, own, defaultDesignAssumptions);
    expect(run.plan.tiers.map((t) => [t.id, t.saveRate, t.budgetYuanPerPerson])).toEqual(plan.tiers.map((t) => [t.id, t.saveRate, t.budgetYuanPerPerson]));
    expect(run.plan.rollout.map((s) => s.interveneTiers)).toEqual(plan.rollout.map((s) => s.interveneTiers));
    expect(run.settings.capacityPerWeek).toEqual(own.capacityPerWeek);
  });
});

describe("channels on other tiers", () => {
  it("channelSaveRate: own rate on its own tier, the channel's on less risky customers, min × factor on riskier ones", () => {
    expect(channelSaveRate(0.7, 0.45, "own", 0.5)).toBe(0.45);
    expect(channelSaveRate(0.7, 0.95, "less-risky", 0.5)).toBe(0.7);
    expect(channelSaveRate(0.7, 0.45, "riskier", 0.5)).toBeCloseTo(0.225, 12);
    expect(channelSaveRate(0.45, 0.6, "riskier", 1)).toBe(0.45);
  });
  it("channelOptions: a tier's own channel, the cheaper contact channels, none; the low tier: its routine spend or none", () => {
    expect(channelOptions(plan, "very-high")).toEqual(["very-high", "high", "medium", "none"]);
    expect(channelOptions(plan, "medium")).toEqual(["medium", "none"]);
    expect(channelOptions(plan, "low")).toEqual(["low", "none"]);
    expect(() => channelOptions(plan, "nope")).toThrow(RangeError);
  });
  it("saveRateTerms: a band that covers two of the plan's tiers mixes their rates by their share of it (hand case)", () => {
    // The medium tier widened from top 11–23% to top 11–30%: 12 points of plan-medium customers, 7 of plan-low, on the medium channel.
    const wide = { ...own, cumulativeShares: [0.03, 0.11, 0.3] };
    const terms = saveRateTerms(plan, wide);
    const medium = plan.tiers.findIndex((t) => t.id === "medium");
    const low = plan.tiers.findIndex((t) => t.id === "low");
    expect(terms[medium]!.terms.map((x) => [x.tierIndex, Number(x.weight.toFixed(12)), x.relation])).toEqual([
      [medium, Number((12 / 19).toFixed(12)), "own"],
      [low, Number((7 / 19).toFixed(12)), "less-risky"],
    ]);
    // Less risky plan-low customers get the channel's own 70%: the tier's rate stays 0.7.
    expect(designPlan(plan, settings, wide, defaultDesignAssumptions).plan.tiers[medium]!.saveRate).toBeCloseTo(0.7, 12);
    // Tier 1 on the automated channel: min(0.70, 0.45) × 0.5.
    const auto = designPlan(plan, settings, { ...own, channels: { ...own.channels, "very-high": "medium" } }, defaultDesignAssumptions).plan.tiers[0]!;
    expect([auto.saveRate, auto.budgetYuanPerPerson]).toEqual([0.225, 50]);
  });
  it("a tier without a channel, or without capacity, costs and saves nothing and pays no routine spend", () => {
    const d = { ...own, channels: { ...own.channels, low: "none", high: "none" }, capacityPerWeek: { ...own.capacityPerWeek, "very-high": 0 } };
    const run = designPlan(plan, settings, d, defaultDesignAssumptions).plan;
    for (const id of ["very-high", "high", "low"]) expect(run.tiers.find((t) => t.id === id)).toMatchObject({ saveRate: 0, budgetYuanPerPerson: 0 });
    expect(run.rollout.map((s) => s.interveneTiers)).toEqual([[], ["medium"], ["medium"]]);
    expect(designPlan(plan, settings, { ...d, stageTiers: "all" }, defaultDesignAssumptions).plan.rollout.map((s) => s.interveneTiers)).toEqual([
      ["medium"],
      ["medium"],
      ["medium"],
    ]);
  });
});

describe("design keys, JSON and checks", () => {
  it('designKey is stable and tells designs apart; designJson writes an unlimited capacity as "unlimited"', () => {
    expect(designKey(own)).toBe(designKey(planDesign(plan, settings)));
    expect(designKey({ ...own, queueRule: "oldest-first" })).not.toBe(designKey(own));
    expect(designJson({ ...own, capacityPerWeek: { medium: Number.POSITIVE_INFINITY } }).capacityPerWeek).toEqual({ medium: "unlimited" });
  });
  it("checkDesign rejects cut-offs that do not increase, unknown channels and negative capacity", () => {
    expect(() => checkDesign(plan, { ...own, cumulativeShares: [0.1, 0.05, 0.3] })).toThrow(/increasing/);
    expect(() => checkDesign(plan, { ...own, cumulativeShares: [0.1, 0.2] })).toThrow(/3 increasing/);
    expect(() => checkDesign(plan, { ...own, channels: { ...own.channels, high: "sms" } })).toThrow(/unknown channel/);
    expect(() => checkDesign(plan, { ...own, capacityPerWeek: { high: -1 } })).toThrow(/>= 0/);
  });
});

describe("designCalibration", () => {
  it("is the plan's own calibration at the plan's shares, and interpolates tier bounds at others (exact at a dense-grid share)", () => {
    expect(designCalibration(plan, own.cumulativeShares)).toEqual(programmeCalibration(plan));
    const a = designCalibration(plan, [0.03, 0.11, 0.3]);
    const b = designCalibration(plan, [0.035, 0.11, 0.3]);
    expect(a.cumulativeShares).toEqual([0.03, 0.11, 0.3]);
    const m = 3;
    for (let j = 0; j < a.noiseGrid.length; j += 1) {
      // Higher bounds for smaller shares; between the neighbours of the dense grid.
      expect(a.thresholdGrid[j * m]!).toBeGreaterThanOrEqual(b.thresholdGrid[j * m]!);
      expect(a.thresholdGrid[j * m]!).toBeGreaterThan(a.thresholdGrid[j * m + 1]!);
    }
    expect(a.intercept).toBe(programmeCalibration(plan).intercept);
    // The same week-0 score quantiles as the plan's own calibration, through the dense table (shares just off the plan's).
    const viaDense = designCalibration(plan, [0.03, 0.11, 0.2300000001]);
    programmeCalibration(plan).thresholdGrid.forEach((x, i) => {
      expect(viaDense.thresholdGrid[i]!).toBeCloseTo(x, 6);
    });
    expect(() => designCalibration(plan, [0.001, 0.11, 0.3])).toThrow(/0.5% to 80%/);
  });
});
