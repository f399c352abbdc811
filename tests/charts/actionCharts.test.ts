import { describe, expect, it } from "vitest";
import { advisorLoadChart, delayCostChart, tierShareChart, weeklyQueueChart } from "../../src/charts/actionCharts";
import { decayCurveChart } from "../../src/charts/decayCharts";
import { gainChart, qiniChart, targetingComparisonChart } from "../../src/charts/targetingCharts";
import { compareTargeting, decayBand, decayEvidence, delayCost, fitDecayModels, qiniCurve, summarizeTiers, weeklyQueue } from "../../src/actions";
import { figureProblems } from "../../src/charts";
import { loadPlan } from "../../src/plan";
import { createStream } from "../../src/random/createStream";

const plan = loadPlan("data/plans/seed-plan.json");
const scores = [
  { customerId: "a", probability: 0.9, outletId: "O1" },
  { customerId: "b", probability: 0.6, outletId: "O1" },
  { customerId: "c", probability: 0.4, outletId: "O2" },
  { customerId: "d", probability: 0.1, outletId: "O2" },
];

describe("action chart builders return valid Plotly specs", () => {
  it("tierShareChart: scored shares in tier colours beside the plan's stated shares", () => {
    const f = tierShareChart(summarizeTiers(scores, plan), "en");
    expect(f.data[0]?.["y"]).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(f.data[1]?.["y"]).toEqual([0.03, 0.08, 0.12, 0.77]);
    expect(f.data[0]?.["x"]).toEqual(["Tier 1 very high", "Tier 2 high", "Tier 3 medium", "Tier 4 low"]);
    expect((f.data[0]!["marker"] as { color: string[] }).color[0]).toBe("#C0392B");
    expect(figureProblems(f)).toEqual([]);
  });

  it("weeklyQueueChart and advisorLoadChart show the queue, overflow and capacity", () => {
    const r = weeklyQueue({ week: "2025-01-06", plan, current: scores, previous: [], advisors: [{ advisorId: "adv1", outletId: "O1", weeklyCapacity: 1 }] });
    const q = weeklyQueueChart([r.summary], "en");
    expect(q.data.map((d) => d["y"])).toEqual([[1], [0], [1], [0]]);
    expect(figureProblems(q)).toEqual([]);
    // The advisor took 1 of a capacity of 1: the bar is in the "at capacity" (red) series, each legend swatch its bars' colour.
    const a = advisorLoadChart(r.summary, "zh");
    expect(a.data.map((d) => [d["name"], d["y"]])).toEqual([
      ["已分配（未满负荷）", [0]],
      ["已分配（满负荷）", [1]],
      ["周产能", [1]],
    ]);
    expect(a.data.map((d) => (d["marker"] as { color?: unknown } | undefined)?.color)).toEqual(["#009E73", "#C0392B", "#34495E"]);
    expect(figureProblems(a)).toEqual([]);
  });

  it("decayCurveChart draws band, fits, interpolation and the A/B points with error bars", () => {
    const comparison = fitDecayModels(plan.timing.abTest);
    const ev = decayEvidence(plan.timing.abTest);
    const band = decayBand(createStream(1, "band"), ev, { draws: 20, delays: [0, 7, 14, 21, 30] });
    const f = decayCurveChart(
      {
        points: { delays: ev.delays, rates: ev.rates, lower: [0.55, 0.48, 0.31, 0.16], upper: [0.69, 0.62, 0.45, 0.29] },
        fits: comparison.fits,
        chosen: comparison.chosen.model,
        interpolation: comparison.interpolation,
        band,
        goldenWindow: [7, 14],
      },
      "en",
    );
    expect(f.data).toHaveLength(2 + 3 + 1 + 1);
    const points = f.data[f.data.length - 1] as Record<string, unknown>;
    expect(points["y"]).toEqual([0.62, 0.55, 0.38, 0.22]);
    expect((points["error_y"] as { array: number[] }).array[0]).toBeCloseTo(0.07, 12);
    expect(f.data.some((d) => String(d["name"]).includes("(best AIC)"))).toBe(true);
    expect(figureProblems(f)).toEqual([]);
  });

  it("delayCostChart, targetingComparisonChart, gainChart and qiniChart", () => {
    const curve = fitDecayModels(plan.timing.abTest).interpolation;
    const d = delayCostChart(delayCost(plan, curve), "zh");
    expect(d.data).toHaveLength(4);
    expect((d.data[1]!["y"] as number[])[1]).toBeCloseTo(delayCost(plan, curve, { delays: [14] })[1]!.yuanLostPerDay / 10000, 9);
    expect(figureProblems(d)).toEqual([]);
    const outcomes = compareTargeting(
      scores.map((s) => ({ ...s, uplift: 0.1 })),
      { plan, curve },
      1000,
    );
    expect(figureProblems(targetingComparisonChart(outcomes, "en"))).toEqual([]);
    expect(gainChart(outcomes, "en").data).toHaveLength(4);
    const q = qiniChart(
      [
        {
          name: "uplift",
          curve: qiniCurve([
            { score: 1, treated: true, churned: false },
            { score: 0, treated: false, churned: true },
          ]),
        },
      ],
      "en",
    );
    expect(q.data).toHaveLength(2);
    expect(figureProblems(q)).toEqual([]);
  });
});
