import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/loadPlan";
import { stageGates } from "../../src/report/stageGates";
import { probabilityAbove } from "../../src/report/probabilityAbove";
import type { GateSummary } from "../../src/simulation/rollout/rolloutSummary";
import { seedPlanFile } from "./fixtures";

const plan = loadPlan(seedPlanFile);
const mc = { probRoiAbove200: { value: 0.42, se: 0.002 }, roiSamples: [1, 2.5, 3, 0.5] };
const mvpCriteria = { aucMin: 0.85, saveRateMin: 0.5, roiMin: 2, aucPause: 0.8, saveRateRedesign: 0.4 };

/** A rollout gate summary with the decision probabilities given (the other fields are not read by stageGates). */
function rolloutGate(stageId: string, go: number, hold: number, stop: number): GateSummary {
  const p = (value: number) => ({ value, se: 0.01 });
  return { stageId, nextStageId: "next", criteria: mvpCriteria, probGo: p(go), probHold: p(hold), probStop: p(stop) } as unknown as GateSummary;
}

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
    expect(gates.map((g) => [g.passProbability, g.passProbabilitySe, g.holdProbability, g.stopProbability, g.source])).toEqual([
      [0.42, 0.002, null, null, "monte-carlo-roi"],
      [null, null, null, null, "none"],
      [null, null, null, null, "none"],
    ]);
  });

  it("uses the share of the ROI sample above the bar when the MVP's bar is not 200%", () => {
    const other = {
      ...plan,
      rollout: plan.rollout.map((s) => (s.successCriteria === undefined ? s : { ...s, successCriteria: { ...s.successCriteria, roiMin: 1 } })),
    };
    const gate = stageGates(other, mc)[0]!;
    // Sample [1, 2.5, 3, 0.5]: 2.5 and 3 are above ROI 100% (1 is not strictly above): 2 of 4.
    expect(gate.passProbability).toBe(0.5);
    expect(gate.passProbabilitySe).toBeCloseTo(0.25, 12);
  });

  it("prefers the rollout simulation's decisions (go, hold, stop) for the gates it simulates, with the criteria it applied", () => {
    const gates = stageGates(plan, mc, [rolloutGate("mvp", 0.125, 0.25, 0.625), rolloutGate("regional", 0.125, 0.5, 0.375)]);
    expect(gates.map((g) => [g.stageId, g.passProbability, g.holdProbability, g.stopProbability, g.passProbabilitySe, g.source])).toEqual([
      ["mvp", 0.125, 0.25, 0.625, 0.01, "rollout"],
      ["regional", 0.125, 0.5, 0.375, 0.01, "rollout"],
      ["national", null, null, null, null, "none"],
    ]);
  });

  it("marks criteria the rollout inherited from an earlier stage (the article states the MVP's only)", () => {
    const gates = stageGates(plan, mc, [rolloutGate("mvp", 0.5, 0.25, 0.25), rolloutGate("regional", 0.5, 0.25, 0.25)]);
    expect(gates.map((g) => g.criteriaInherited)).toEqual([false, true, false]);
    expect(gates[1]!.criteria).toEqual([
      { kind: "auc", min: 0.85 },
      { kind: "saveRate", min: 0.5 },
      { kind: "roi", min: 2 },
    ]);
  });

  it("throws a RangeError for a rollout probability outside [0, 1] or NaN", () => {
    expect(() => stageGates(plan, mc, [rolloutGate("mvp", 1.2, 0, 0)])).toThrow(RangeError);
    expect(() => stageGates(plan, mc, [rolloutGate("mvp", 0.5, Number.NaN, 0.5)])).toThrow(RangeError);
  });

  it("leaves the MVP unsimulated when its bar is not 200% and the sample is empty", () => {
    const other = {
      ...plan,
      rollout: plan.rollout.map((s) => (s.successCriteria === undefined ? s : { ...s, successCriteria: { ...s.successCriteria, roiMin: 1 } })),
    };
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
