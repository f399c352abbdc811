import { describe, expect, it } from "vitest";
import type { BarTrace } from "../../src/charts/plotlyTypes";
import { cashFlowFanChart, churnComparisonChart, gateProbabilityChart, roiByAucChart, staffingChart, timingPolicyChart } from "../../src/charts/rolloutCharts";
import { figureProblems } from "../../src/charts/figureProblems";
import type { DecisionPoint, StaffingCurve } from "../../src/simulation/rollout/rolloutDecisions";
import type { GateSummary, MonthPercentiles, Spread } from "../../src/simulation/rollout/rolloutSummary";

const s = (mean: number, width = 0.1): Spread => ({ mean, sd: width / 2, p5: mean - width, p50: mean, p95: mean + width });
const p = (hits: number, n = 10) => ({ value: n > 0 ? hits / n : Number.NaN, se: 0 });

const months: MonthPercentiles[] = Array.from({ length: 12 }, (_, m) => ({
  month: m + 1,
  p5: -3e6 + m * 4e5,
  p25: -2.5e6 + m * 4e5,
  p50: -2e6 + m * 4e5,
  p75: -1.5e6 + m * 4e5,
  p95: -1e6 + m * 4e5,
  mean: -2e6 + m * 4e5,
}));

const gate = (stageId: string, nextStageId: string, go: number, hold: number, pause: number, redesign: number): GateSummary => ({
  stageId,
  nextStageId,
  criteria: { aucMin: 0.85, saveRateMin: 0.5, roiMin: 2, aucPause: 0.8, saveRateRedesign: 0.4 },
  probGo: p(go),
  probHold: p(hold),
  probPause: p(pause),
  probRedesign: p(redesign),
  probStop: p(pause + redesign),
  probTrulyGood: p(5),
  probFalseStop: p(1),
  falseStopRate: p(1, 5),
  probFalseGo: p(2),
  falseGoRate: p(2, 5),
  measuredAuc: s(0.86, 0.01),
  measuredSaveRate: s(0.5),
  measuredProjectedRoi: s(3),
  trueSaveRate: s(0.5),
  stageCustomers: 20000,
  scored: 60000,
  positives: 900,
  wouldBeChurners: 60,
  sampleSize: {
    power: 0.8,
    scoredForAuc: 5000,
    wouldBeChurnersForSaveRate: 100,
    pilotCustomersForAuc: 1700,
    pilotCustomersForSaveRate: 33000,
    pilotCustomers: 33000,
  },
});

const point = (value: number, roi: number, within7 = 0.5): DecisionPoint => ({
  value,
  roi: s(roi, 0.2),
  cashRoi: s(roi - 1, 0.1),
  npv: s(-1e6, 1e5),
  retainedCustomers: s(1000 + value, 50),
  contacts: s(5000, 100),
  keptPerContact: s(0.2, 0.01),
  programmeChurnRate: s(0.15, 0.01),
  costYuan: s(1e7, 1e6),
  advisorWithin7Days: s(within7, 0.05),
  advisorMeanDelayDays: s(10, 2),
});

describe("rollout charts", () => {
  it("cashFlowFanChart: two bands and the median in 万元, a break-even line at 0, valid for Plotly", () => {
    const f = cashFlowFanChart(months, 40, "en");
    expect(f.data).toHaveLength(5);
    expect(f.data[4]!["y"]).toEqual(months.map((m) => m.p50 / 10000));
    expect(JSON.stringify(f.layout["title"])).toContain("40 simulations");
    expect(figureProblems(f)).toEqual([]);
    expect(() => cashFlowFanChart([], 1)).toThrow(RangeError);
  });

  it("gateProbabilityChart: stacked decision probabilities per gate, false stop/go rates above each bar", () => {
    const f = gateProbabilityChart([gate("mvp", "regional", 3, 4, 1, 2), gate("regional", "national", 6, 2, 1, 1)], "en");
    expect(f.data).toHaveLength(4);
    expect(f.data[0]!["y"]).toEqual([0.3, 0.6]);
    expect(f.layout["barmode"]).toBe("stack");
    const notes = f.layout["annotations"] as Array<{ text: string }>;
    expect(notes[0]!.text).toBe("false stop 20%, false go 40%");
    expect(figureProblems(f)).toEqual([]);
  });

  it("churnComparisonChart: baseline and programme bars with 5-95% error bars and the plan's 12% target", () => {
    const f = churnComparisonChart({ baseline: s(0.18, 0.01), programme: s(0.15, 0.01) }, 0.12, "zh");
    expect(f.data[0]!["y"]).toEqual([0.18, 0.15]);
    expect((f.data[0] as BarTrace).error_y?.array?.[0]).toBeCloseTo(0.01, 12);
    expect(JSON.stringify(f.layout)).toContain("方案目标 12%");
    expect(figureProblems(f)).toEqual([]);
  });

  it("staffingChart, roiByAucChart and timingPolicyChart draw one point per policy value", () => {
    const curve: StaffingCurve = {
      callsPerAdvisorPerWeek: 8,
      callsSource: "assumed",
      target: 0.9,
      advisorsForTarget: 200,
      points: [point(50, 0.3, 0.2), point(200, 0.4, 0.92)],
    };
    const staffing = staffingChart(curve, "en");
    expect(staffing.data.map((d) => d["x"])).toEqual([
      [50, 200],
      [50, 200],
    ]);
    expect(staffing.layout["yaxis2"]).toBeDefined();
    const auc = roiByAucChart([point(0.7, 0.1), point(0.9, 0.5)], "en");
    expect(auc.data.at(-1)!["y"]).toEqual([1000.7, 1000.9]);
    const timing = timingPolicyChart([point(7, 0.5), point(30, -0.2)], "en");
    expect(timing.data[0]!["x"]).toEqual(["7 days", "30 days"]);
    for (const f of [staffing, auc, timing]) expect(figureProblems(f)).toEqual([]);
  });
});
