import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/loadPlan";
import { stageGates } from "../../src/report/stageGates";
import { probabilityAbove } from "../../src/report/probabilityAbove";
import { seedPlanFile } from "./fixtures";

const plan = loadPlan(seedPlanFile);
const mc = { probRoiAbove200: { value: 0.42, se: 0.002 }, roiSamples: [1, 2.5, 3, 0.5] };

describe("stageGates(plan, monteCarlo, rollout)", () => {
  it("has one gate per rollout stage, decided at the stage's end: MVP month 3, regional 6, national 12 (plan section 7)", () => {
    const gates = stageGates(plan, mc);
    expect(gates.map((g) => [g.stageId, g.nameZh, g.decisionMonth])).toEqual([
      ["mvp", "MVP验证", 3],
      ["regional", "区域推广", 6],
      ["national", "全国部署", 12],
    ]);
  });

  it("gives the MVP the plan's criteria AUC > 0.85, save rate > 50%, ROI > 200% and the later stages none", () => {
    const gates = stageGates(plan, mc);
    expect(gates[0]!.criteria).toEqual([
      { kind: "auc", min: 0.85 },
      { kind: "saveRate", min: 0.5 },
      { kind: "roi", min: 2 },
    ]);
    expect(gates[1]!.criteria).toEqual([]);
    expect(gates[2]!.criteria).toEqual([]);
  });

  it("without a rollout simulation, the MVP gate carries the Monte Carlo P(ROI > 200%) and the others nothing", () => {
    const gates = stageGates(plan, mc);
    expect(gates.map((g) => [g.passProbability, g.passProbabilitySe, g.source])).toEqual([
      [0.42, 0.002, "monte-carlo-roi"],
      [null, null, "none"],
      [null, null, "none"],
    ]);
  });

  it("uses the share of the ROI sample above the bar when the MVP's bar is not 200%", () => {
    const other = { ...plan, rollout: plan.rollout.map((s) => (s.successCriteria === undefined ? s : { ...s, successCriteria: { ...s.successCriteria, roiMin: 1 } })) };
    const gate = stageGates(other, mc)[0]!;
    // Sample [1, 2.5, 3, 0.5]: 2.5 and 3 are above ROI 100% (1 is not strictly above): 2 of 4.
    expect(gate.passProbability).toBe(0.5);
    expect(gate.passProbabilitySe).toBeCloseTo(0.25, 12);
  });

  it("prefers the rollout simulation's probability for a stage it simulates", () => {
    const gates = stageGates(plan, mc, [
      { stageId: "mvp", passProbability: 0.3, se: 0.01 },
      { stageId: "national", passProbability: 0.9 },
    ]);
    expect(gates.map((g) => [g.passProbability, g.passProbabilitySe, g.source])).toEqual([
      [0.3, 0.01, "rollout"],
      [null, null, "none"],
      [0.9, null, "rollout"],
    ]);
  });

  it("throws a RangeError for a rollout probability outside [0, 1] or NaN", () => {
    expect(() => stageGates(plan, mc, [{ stageId: "mvp", passProbability: 1.2 }])).toThrow(RangeError);
    expect(() => stageGates(plan, mc, [{ stageId: "mvp", passProbability: Number.NaN }])).toThrow(RangeError);
  });

  it("leaves the MVP unsimulated when its bar is not 200% and the sample is empty", () => {
    const other = { ...plan, rollout: plan.rollout.map((s) => (s.successCriteria === undefined ? s : { ...s, successCriteria: { ...s.successCriteria, roiMin: 1 } })) };
    expect(stageGates(other, { probRoiAbove200: mc.probRoiAbove200, roiSamples: [] })[0]!.source).toBe("none");
  });

  it("does not mutate the plan's stage order", () => {
    const before = plan.rollout.map((s) => s.id);
    stageGates(plan, mc);
    expect(plan.rollout.map((s) => s.id)).toEqual(before);
  });
});

describe("probabilityAbove(sample, bar)", () => {
  it("is the share strictly above the bar with the binomial standard error √(p(1−p)/n)", () => {
    expect(probabilityAbove([1, 2, 3, 4], 2.5)).toEqual({ value: 0.5, se: 0.25 });
    expect(probabilityAbove([1, 2, 3, 4], 2).value).toBe(0.5);
  });

  it("counts NaN as not above and is NaN for an empty sample", () => {
    expect(probabilityAbove([Number.NaN, 5], 1).value).toBe(0.5);
    expect(probabilityAbove([], 1).value).toBeNaN();
  });

  it("handles extreme bars: ±Infinity", () => {
    expect(probabilityAbove(Float32Array.from([1, 2]), Number.NEGATIVE_INFINITY).value).toBe(1);
    expect(probabilityAbove(Float32Array.from([1, 2]), Number.POSITIVE_INFINITY).value).toBe(0);
  });
});
