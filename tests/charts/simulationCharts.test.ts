import { describe, expect, it } from "vitest";
import type { BarTrace, BoxTrace } from "../../src/charts/plotlyTypes";
import { figureProblems } from "../../src/charts/figureProblems";
import { isHalo } from "../../src/charts/referenceLines";
import { convergenceFigure, inputLabel, roiHistogramFigure, scenarioFigure } from "../../src/charts/simulationCharts";
import { sobolFigure, spiderFigure, tornadoFigure } from "../../src/charts/sensitivityCharts";
import { loadUncertainPlan } from "../../src/simulation/inputs/uncertainPlan";
import { spider, tornado } from "../../src/simulation/montecarlo/sensitivity";
import { convergenceTrace, summarizeSorted } from "../../src/simulation/stats/summaries";
import { repoFile } from "../simulation/fixtures";

const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));

describe("simulation charts", () => {
  it("the ROI histogram is in percent, with lines at 0%, the MVP bar (200%) and the stated 359%", () => {
    const fig = roiHistogramFigure(Float32Array.from([0.5, 1, 2.5, 3, 4]), { stated: 3.59, mvpBar: 2, lang: "en", bins: 5 });
    expect(figureProblems(fig)).toEqual([]);
    const xs = (fig.layout.shapes ?? []).filter((s) => !isHalo(s)).map((s) => s.x0);
    expect(xs).toEqual([0, 200, 359]);
    expect((fig.layout["title"] as { text: string }).text).toBe("First-year ROI distribution (5 trials)");
  });
  it("the ROI histogram draws its 200% and 359% lines above the bars over a white halo, so they stay visible across navy bars", () => {
    const fig = roiHistogramFigure(Float32Array.from([1.5, 2, 2.5, 3, 3.5]), { stated: 3.59, mvpBar: 2, lang: "en", bins: 5 });
    const shapes = fig.layout.shapes ?? [];
    expect(shapes.every((s) => s.layer === "above")).toBe(true);
    const at200 = shapes.filter((s) => s.x0 === 200);
    expect(at200.map(isHalo)).toEqual([true, false]);
    // and the share axis tells 2.5% from 3% (".0%" printed both as "3%")
    expect(fig.layout["yaxis"]).toMatchObject({ tickformat: ".1~%" });
  });
  it("the tornado puts the widest swing on top (Plotly draws the last category at the top) and starts bars at the base ROI", () => {
    // The plan's own top-down model: its base is the article's 359% (the programme model, now the default, starts elsewhere).
    const t = tornado(plan, { model: "as-stated" });
    const fig = tornadoFigure(t.bars, t.baseOutput, { top: 5, lang: "en" });
    expect(figureProblems(fig)).toEqual([]);
    const y = fig.data[0]!["y"] as string[];
    expect(y).toHaveLength(5);
    expect(y.at(-1)).toBe(inputLabel(t.bars[0]!.name, "en"));
    expect((fig.data[0] as BarTrace).base).toBeCloseTo(358.745, 2);
  });
  it("the Sobol chart shows first-order indices with asymmetric error bars, and total indices", () => {
    const fig = sobolFigure([{ name: "benefits.ltvYuan", first: 0.36, firstCi: [0.3, 0.42], total: 0.38 }], { lang: "en" });
    expect(figureProblems(fig)).toEqual([]);
    expect(fig.data[1]!["y"]).toEqual(["remaining lifetime value"]);
    const err = (fig.data[1] as BarTrace).error_x;
    expect(err?.array?.[0]).toBeCloseTo(0.06, 12);
    expect(err?.arrayminus?.[0]).toBeCloseTo(0.06, 12);
  });
  it("the convergence chart draws a ±2 SE band on a log axis", () => {
    const fig = convergenceFigure(convergenceTrace(Float32Array.from({ length: 1000 }, (_, i) => (i % 10) / 10)));
    expect(figureProblems(fig)).toEqual([]);
    expect(fig.data).toHaveLength(3);
    expect((fig.layout["xaxis"] as { type: string }).type).toBe("log");
  });
  it("the spider and scenario charts lint clean", () => {
    expect(figureProblems(spiderFigure(spider(plan)))).toEqual([]);
    const s = summarizeSorted(2, 1, Float64Array.from([1, 2, 3]));
    const fig = scenarioFigure([{ name: "base", roi: s }], { stated: 3.59 });
    expect(figureProblems(fig)).toEqual([]);
    expect((fig.data[0] as BoxTrace).median).toEqual([200]);
  });
  it("inputLabel falls back to the input's name", () => {
    expect(inputLabel("benefits.churnAfter", "zh")).toBe("干预后流失率");
    expect(inputLabel("something.else")).toBe("something.else");
  });
});
