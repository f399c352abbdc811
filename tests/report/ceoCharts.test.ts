import { describe, expect, it } from "vitest";
import type { BarTrace } from "../../src/charts/plotlyTypes";
import { numbersOf } from "../charts/traceValues";
import { figureProblems } from "../../src/charts/figureProblems";
import { isHalo } from "../../src/charts/referenceLines";
import { compactLayout } from "../../src/report/compactLayout";
import { driversChart } from "../../src/report/driversChart";
import { gateColor, gatesChart, holdColor } from "../../src/report/gatesChart";
import { roiDistributionChart } from "../../src/report/roiDistributionChart";
import { bridgePanelChart } from "../../src/report/bridgePanelChart";
import { probabilityText } from "../../src/report/pageFormat";
import { seedInputs } from "./fixtures";

describe("roiDistributionChart(inputs, lang)", () => {
  it("draws the simulated ROI with break-even, the MVP's 200% and the plan's stated 359% as lines (percent)", async () => {
    const fig = roiDistributionChart(await seedInputs(), "zh");
    const shapes = fig.layout.shapes ?? [];
    expect(shapes.filter((s) => !isHalo(s)).map((s) => s.x0)).toEqual([0, 200, 359]);
    const text = (fig.layout["annotations"] as Array<{ text: string }>).map((a) => a.text);
    expect(text).toEqual(["盈亏平衡 0%", "MVP门槛 200%", "方案所述 359%"]);
  });

  it("colours bins by outcome: loss red, below the MVP bar light, above it navy; shares sum to 1", async () => {
    const inputs = await seedInputs();
    const trace = roiDistributionChart(inputs, "en").data[0]!;
    const x = trace["x"] as number[];
    const y = trace["y"] as number[];
    const colors = (trace["marker"] as { color: string[] }).color;
    x.forEach((center, i) => {
      expect(colors[i]).toBe(center < 0 ? "#C0392B" : center < 200 ? "#9DB4CC" : "#1F4E79");
    });
    expect(y.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
  });

  it("shows the middle of the distribution and both lines: the x range spans P5..P95 and 0..359%", async () => {
    const inputs = await seedInputs();
    const [lo, hi] = (roiDistributionChart(inputs, "en").layout["xaxis"] as { range: [number, number] }).range;
    expect(lo).toBeLessThan(Math.min(0, inputs.monteCarlo.roi.p5 * 100));
    expect(hi).toBeGreaterThan(Math.max(359, inputs.monteCarlo.roi.p95 * 100));
  });

  it("is a fixed-size static plot that passes the charts layer's figure lint", async () => {
    const fig = roiDistributionChart(await seedInputs(), "zh", { width: 400, height: 250 });
    expect([fig.layout["width"], fig.layout["height"]]).toEqual([400, 250]);
    expect(fig.config).toMatchObject({ staticPlot: true, displayModeBar: false, responsive: false });
    expect(figureProblems(fig)).toEqual([]);
  });

  it("throws a RangeError when no trial has a finite ROI", async () => {
    const inputs = await seedInputs();
    const broken = { ...inputs, monteCarlo: { ...inputs.monteCarlo, roi: { ...inputs.monteCarlo.roi, finite: 0, p5: Number.NaN } } };
    expect(() => roiDistributionChart(broken, "zh")).toThrow(RangeError);
  });
});

describe("driversChart(inputs, lang, count)", () => {
  it("shows the six widest tornado bars of the programme model's lifetime-value ROI, the widest (lifetime value) on top, from its value at base", async () => {
    const inputs = await seedInputs();
    const fig = driversChart(inputs, "zh");
    const [low, high] = fig.data as BarTrace[];
    expect(low!.y).toHaveLength(6);
    expect(low!.y?.[5]).toBe("剩余生命周期价值");
    expect(low!.base).toBeCloseTo(inputs.programmeBase.roi * 100, 6);
    const top = inputs.drivers.bars[0]!;
    expect(high!.x?.[5]).toBeCloseTo((top.outputAtP90 - inputs.drivers.baseOutput) * 100, 9);
    // No title inside the plot: the panel heading names the chart; the base line says it is every input at base.
    expect(fig.layout["title"]).toMatchObject({ text: "" });
    expect((fig.layout["annotations"] as Array<{ text: string }>)[0]!.text).toBe(`各项取基准值 ${Math.round(inputs.programmeBase.roi * 100)}%`);
    expect(driversChart(inputs, "en").data[0]!["y"]).not.toContain("simulation.modelAuc");
  });

  it("rejects a count that is not a positive integer", async () => {
    const inputs = await seedInputs();
    expect(() => driversChart(inputs, "en", 0)).toThrow(RangeError);
    expect(() => driversChart(inputs, "en", 2.5)).toThrow(RangeError);
  });
});

describe("gatesChart(inputs, lang)", () => {
  it("splits each simulated gate into go / hold / stop (stacked, summing to 1) and labels the year-end review", async () => {
    const inputs = await seedInputs();
    const fig = gatesChart(inputs, "zh");
    expect(fig.layout["barmode"]).toBe("stack");
    const [go, hold, stop] = fig.data as BarTrace[];
    expect([go!.name, hold!.name, stop!.name]).toEqual(["通过", "暂缓", "止损"]);
    expect(go!.y).toEqual(["MVP验证 · 第 3 月", "区域推广 · 第 6 月", "全国部署 · 第 12 月"]);
    const [goX, holdX, stopX] = [go, hold, stop].map((trace) => numbersOf(trace?.x)) as [number[], number[], number[]];
    for (const i of [0, 1]) expect(goX[i]! + holdX[i]! + stopX[i]!).toBeCloseTo(1, 12);
    expect(goX[0]).toBe(inputs.rollout!.gates[0]!.probGo.value);
    expect([goX[2], holdX[2], stopX[2]].every(Number.isNaN)).toBe(true);
    const notes = (fig.layout["annotations"] as Array<{ text: string }>).map((a) => a.text);
    const outcome = (i: number): string => `通过 ${probabilityText(goX[i]!)} · 止损 ${probabilityText(stopX[i]!)}`;
    expect(notes).toEqual(["年末复盘，无下一阶段", outcome(0), outcome(1)]);
  });

  it("labels a gate's go probability even when its segment is too small or empty (the regional 0% go)", async () => {
    const inputs = await seedInputs();
    const regional = { ...inputs.gates[1]!, passProbability: 0, holdProbability: 0.958, stopProbability: 0.042 };
    const fig = gatesChart({ ...inputs, gates: [inputs.gates[0]!, regional, inputs.gates[2]!] }, "en");
    const [go, , stop] = fig.data as BarTrace[];
    expect([go!.text?.[1], stop!.text?.[1]]).toEqual(["", ""]);
    expect((fig.layout["annotations"] as Array<{ text: string; y: string }>).find((a) => a.y === "regional · month 6")?.text).toBe("go 0% · stop 4.2%");
  });

  it("without the rollout, has one bar per gate, the MVP's at P(ROI > 200%), the unsimulated ones empty and labelled", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    const fig = gatesChart(inputs, "en");
    const trace = fig.data[0] as BarTrace;
    expect(trace.y).toEqual(["MVP · month 3", "regional · month 6", "national · month 12"]);
    expect(numbersOf(trace.x)[0]).toBe(inputs.monteCarlo.probRoiAbove200.value);
    expect(numbersOf(trace.x).slice(1).every(Number.isNaN)).toBe(true);
    expect((fig.layout["annotations"] as Array<{ text: string }>).map((a) => a.text)).toEqual(["not simulated", "not simulated"]);
  });

  it("colours a gate like a traffic light: green from 80%, amber from 50%, red below, grey when unknown", () => {
    expect([gateColor(0.9), gateColor(0.8), gateColor(0.6), gateColor(0.42), gateColor(null), gateColor(Number.NaN)]).toEqual([
      "#009E73",
      "#009E73",
      "#E69F00",
      "#C0392B",
      "#BDC3C7",
      "#BDC3C7",
    ]);
    expect(holdColor).toBe("#7F8C8D");
  });
});

describe("bridgePanelChart(inputs, lang)", () => {
  it("is the bridge waterfall fitted to its panel: no title, the rows by step id, the end at the headline", async () => {
    const inputs = await seedInputs();
    const fig = bridgePanelChart(inputs, "en", { width: 428, height: 232 });
    expect([fig.layout["width"], fig.layout["height"]]).toEqual([428, 232]);
    expect(fig.config).toMatchObject({ staticPlot: true });
    expect(fig.layout["title"]).toMatchObject({ text: "" });
    const trace = fig.data[0] as BarTrace;
    expect(trace.y).toHaveLength(inputs.bridge.steps.length + 2);
    expect(numbersOf(trace.x).at(-1)).toBeCloseTo(inputs.headlineRoi.value * 100, 9);
  });
});

describe("compactLayout(figure, width, height)", () => {
  it("fixes the size and makes the plot static, without mutating the figure", () => {
    const fig = { data: [], layout: { title: { text: "x" }, xaxis: { title: { text: "a" } } } };
    const out = compactLayout(fig, 300, 200);
    expect(out.layout).toMatchObject({ width: 300, height: 200, autosize: false });
    expect(fig.layout).toEqual({ title: { text: "x" }, xaxis: { title: { text: "a" } } });
  });

  it("rejects a size that is not positive and finite", () => {
    expect(() => compactLayout({ data: [], layout: {} }, 0, 200)).toThrow(RangeError);
    expect(() => compactLayout({ data: [], layout: {} }, 300, Number.NaN)).toThrow(RangeError);
  });
});
