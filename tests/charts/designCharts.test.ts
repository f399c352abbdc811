import { describe, expect, it } from "vitest";
import type { WaterfallTrace } from "../../src/charts/plotlyTypes";
import { designBridgeChart, frontierChart, pilotErrorChart, stressBoundaryChart } from "../../src/charts/designCharts";
import { figureProblems } from "../../src/charts/figureProblems";
import type { FrontierPoint } from "../../src/simulation/design/designFrontier";
import type { PilotCandidate } from "../../src/simulation/design/pilotDesign";
import type { ReverseStress } from "../../src/simulation/design/reverseStress";

const point = (cost: number, retained: number): FrontierPoint => ({ cost, retained, npv: cost / 2, label: `design ${cost}` });
const title = (f: { layout: Record<string, unknown> }): string => (f.layout["title"] as { text: string }).text;

describe("design chart builders return valid Plotly specs with zh and en labels", () => {
  it("frontierChart: designs, the frontier, the plan and the best, money in 万元 (zh) or M yuan (en)", () => {
    const designs = [point(5e6, 1000), point(6e6, 900), point(8e6, 3000)];
    const f = frontierChart(designs, [designs[0]!, designs[2]!], { plan: designs[1]!, best: designs[2]!, budgetYuan: 10_840_000 }, "en");
    expect(figureProblems(f)).toEqual([]);
    expect(f.data).toHaveLength(4);
    expect(f.data[1]!["x"]).toEqual([5, 8]);
    expect(title(f)).toBe("Efficient frontier: first-year cost against customers kept");
    const zh = frontierChart(designs, [designs[0]!], { plan: designs[1]!, best: designs[2]! }, "zh");
    expect(zh.data[0]!["x"]).toEqual([500, 600, 800]);
    expect(title(zh)).toBe("有效前沿：首年成本与挽留客户");
    expect(() => frontierChart(designs, [], { plan: designs[0]!, best: designs[0]! })).toThrow(RangeError);
  });
  it("designBridgeChart: a waterfall from the plan's NPV through each change to the best", () => {
    const steps = [
      { change: "channels", npv: { mean: 20e6, se: 1e4 } },
      { change: "cut-offs", npv: { mean: -2e6, se: 1e4 } },
    ];
    const f = designBridgeChart(-25e6, steps, -7e6, "en");
    expect(figureProblems(f)).toEqual([]);
    expect((f.data[0] as WaterfallTrace).measure).toEqual(["absolute", "relative", "relative", "total"]);
    expect(f.data[0]!["y"]).toEqual([-25, 20, -2, -7]);
    expect(title(designBridgeChart(-25e6, steps, -7e6, "zh"))).toBe("从方案设计到最优设计：3年NPV逐步变化");
  });
  it("stressBoundaryChart: boundary, pass region, as assumed, nearest point and the gate's lines", () => {
    const stress: ReverseStress = {
      level: 0.8,
      trials: 100,
      rows: [],
      boundary: [
        { auc: 0.86, saveRate: 0.6, multiplier: 1.1 },
        { auc: 0.9, saveRate: 0.62, multiplier: 1.13 },
      ],
      base: { auc: 0.85, saveRate: 0.55 },
      nearest: { auc: 0.86, saveRate: 0.6, multiplier: 1.1, distanceSd: 1.3 },
      grid: { churn: [0.18], auc: [0.85] },
    };
    const f = stressBoundaryChart(stress, { aucLine: 0.85, saveLine: 0.5 }, "en");
    expect(figureProblems(f)).toEqual([]);
    expect(f.data).toHaveLength(4);
    expect(title(f)).toBe("What would have to be true: AUC and save rate that pass the MVP gate with 80% probability");
    expect(() => stressBoundaryChart({ ...stress, boundary: [] }, { aucLine: 0.85, saveLine: 0.5 })).toThrow(RangeError);
  });
  it("pilotErrorChart: false go and false stop by enrolment weeks for one follow-up and hold-out", () => {
    const c = (e: number, go: number, stop: number): PilotCandidate =>
      ({ enrolmentWeeks: e, followUpWeeks: 13, durationWeeks: e + 13, holdOut: 0.2, errors: { falseGo: go, falseStop: stop, power: 0.9 } }) as PilotCandidate;
    const f = pilotErrorChart([c(26, 0.04, 0.001), c(13, 0.1, 0.01)], 13, 0.2, { maxFalseGo: 0.05, maxFalseStop: 0.1 }, "en");
    expect(figureProblems(f)).toEqual([]);
    expect(f.data[0]!["x"]).toEqual([13, 26]);
    expect(f.data[0]!["y"]).toEqual([0.1, 0.04]);
    expect(() => pilotErrorChart([c(13, 0.1, 0.01)], 4, 0.2, { maxFalseGo: 0.05, maxFalseStop: 0.1 })).toThrow(RangeError);
  });
});
