import { describe, expect, it } from "vitest";
import { numbersOf } from "./traceValues";
import type { BarTrace } from "../../src/charts/plotlyTypes";
import { bridgeWaterfallFigure, sePoints, signedPoints } from "../../src/charts/bridgeChart";
import { figureProblems } from "../../src/charts/figureProblems";
import { semanticColors } from "../../src/charts/theme";
import { bridgeLabels, bridgeStepIds, type RoiBridge } from "../../src/simulation/bridge";

// A bridge with the seed plan's figures (churnlab bridge data/plans/seed-plan-uncertain.json --trials 20000, seed 1):
// 359% stated, −143.1 points of audit arithmetic (216% recomputed), then the simulated steps, to −94.6% first-year cash ROI.
const deltas = [-1.4306607, -0.2238896, -0.3193901, -1.033776, -0.9616742, 0.0766033, -0.6434742];
const ses = [0, 0.0065366, 0.00072, 0.00401, 0.001743, 0.0002876, 0.0012756];
const end = 3.59 + deltas.reduce((s, d) => s + d, 0);
const bridge: RoiBridge = {
  start: { label: bridgeLabels.start, roi: 3.59 },
  steps: bridgeStepIds.map((id, i) => ({ id, label: bridgeLabels[id], delta: deltas[i]!, se: ses[i]! })),
  end: { label: bridgeLabels.end, roi: end, se: 0.0000946 },
  trials: 20_000,
  seed: 1,
  programme: {
    roi: { mean: -0.3028, se: 0.0013 },
    cashRoi: { mean: end, se: 0.0000946 },
    npv: { mean: -23_322_672, se: 17_555 },
    npvYears: 3,
    probMvpRoiBar: { value: 0, se: 0 },
  },
};

const texts = (fig: ReturnType<typeof bridgeWaterfallFigure>): string[] => (fig.layout["annotations"] as Array<{ text: string }>).map((a) => a.text);

describe("bridgeWaterfallFigure(bridge, { lang, title })", () => {
  it("draws one row per step, labelled by id, from the stated ROI to the reconciled figure (en and zh)", () => {
    const en = bridgeWaterfallFigure(bridge, { lang: "en" }).data[0] as BarTrace;
    expect(en.y).toEqual([
      "Plan states",
      "Audit arithmetic",
      "Uncertain inputs",
      "Rollout ramp",
      "Flows, not stocks",
      "Capacity and delay",
      "Model accuracy (AUC)",
      "Cash, not lifetime value",
      "Reconciled: first-year cash",
    ]);
    const zh = Array.from((bridgeWaterfallFigure(bridge, { lang: "zh" }).data[0] as BarTrace).y ?? []);
    expect(zh[0]).toBe("方案所述ROI");
    expect(zh.at(-1)).toBe("核算后：首年现金ROI");
    expect(new Set(zh).size).toBe(9);
  });

  it("floats each step from the running total and ends at start + Σ steps, drawn from 0 (percent)", () => {
    const bars = bridgeWaterfallFigure(bridge).data[0] as BarTrace;
    expect(bars.orientation).toBe("h");
    const trace = { base: numbersOf(bars.base), x: numbersOf(bars.x) };
    expect(trace.base[0]).toBe(0);
    expect(trace.x[0]).toBeCloseTo(359, 9);
    expect(trace.base[1]).toBeCloseTo(359, 9);
    expect(trace.base[2]).toBeCloseTo(359 - 143.06607, 6); // the audit's recomputed 216%
    for (let i = 1; i <= 7; i += 1) expect(trace.x[i]).toBeCloseTo(deltas[i - 1]! * 100, 9);
    expect(trace.base[7]! + trace.x[7]!).toBeCloseTo(end * 100, 9);
    expect([trace.base[8], trace.x[8]]).toEqual([0, end * 100]);
  });

  it("colours the stated ROI grey, a fall red, a rise green and the reconciled figure navy", () => {
    const colors = (bridgeWaterfallFigure(bridge).data[0] as BarTrace).marker?.color;
    expect(colors).toEqual([semanticColors.stated, ...deltas.map((d) => (d < 0 ? semanticColors.bad : semanticColors.good)), semanticColors.recomputed]);
  });

  it("writes every row's figure with its standard error in a column right of the plot", () => {
    const fig = bridgeWaterfallFigure(bridge, { lang: "en" });
    expect(texts(fig)).toEqual([
      "359.0%",
      "-143.1 ± 0.00",
      "-22.4 ± 0.65",
      "-31.9 ± 0.07",
      "-103.4 ± 0.40",
      "-96.2 ± 0.17",
      "+7.7 ± 0.03",
      "-64.3 ± 0.13",
      "-94.6% ± 0.01",
      "points ± s.e.",
    ]);
    expect((fig.layout.annotations ?? []).every((a) => a.xref === "paper" && a.x === 1 && a.xanchor === "left")).toBe(true);
  });

  it("has a title, axis titles and a break-even line; the title can be replaced or left out", () => {
    const fig = bridgeWaterfallFigure(bridge, { lang: "zh" });
    expect(figureProblems(fig)).toEqual([]);
    expect(fig.layout["title"]).toMatchObject({ text: "ROI桥：从方案所述到核算结果（20,000 次模拟）" });
    expect((fig.layout.shapes ?? []).at(-1)).toMatchObject({ x0: 0, yref: "paper" });
    expect(bridgeWaterfallFigure(bridge, { lang: "en", title: "Why 359% becomes −95%" }).layout["title"]).toMatchObject({ text: "Why 359% becomes −95%" });
    expect(bridgeWaterfallFigure(bridge, { title: "" }).layout["title"]).toMatchObject({ text: "" });
  });

  it("shows the whole path: the axis spans 0, the stated ROI and every running total", () => {
    const [lo, hi] = (bridgeWaterfallFigure(bridge).layout["xaxis"] as { range: [number, number] }).range;
    expect(lo).toBeLessThan(-94.6);
    expect(hi).toBeGreaterThan(359);
  });

  it("refuses a bridge with a non-finite figure", () => {
    expect(() => bridgeWaterfallFigure({ ...bridge, end: { ...bridge.end, se: Number.NaN } })).toThrow(RangeError);
    expect(() => bridgeWaterfallFigure({ ...bridge, steps: [{ ...bridge.steps[0]!, delta: Number.POSITIVE_INFINITY }] })).toThrow(RangeError);
  });
});

describe("signedPoints / sePoints", () => {
  it("writes an ROI change in points with its sign, and a standard error with two decimals", () => {
    expect(signedPoints(-1.4306607)).toBe("-143.1");
    expect(signedPoints(0.0766)).toBe("+7.7");
    expect(signedPoints(0)).toBe("0.0");
    expect(sePoints(0.0065366)).toBe("± 0.65");
  });
});
