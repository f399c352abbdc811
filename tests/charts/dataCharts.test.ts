// Chart builders of the data exploration (notebook 02): plain Plotly specs meeting the house rules.
import { describe, expect, it } from "vitest";
import type { HeatmapTrace, ScatterTrace } from "../../src/charts/plotlyTypes";
import { churnRateByBucketChart, correlationHeatmap, survivalChart, visitGapsChart } from "../../src/charts/dataCharts";
import { figureProblems } from "../../src/charts/figureProblems";
import { isHalo } from "../../src/charts/referenceLines";
import { churnRateByBucket } from "../../src/data/churnRateByBucket";
import { correlationMatrix } from "../../src/data/correlationMatrix";
import { kaplanMeier } from "../../src/data/kaplanMeier";

describe("churnRateByBucketChart", () => {
  const buckets = churnRateByBucket([10, 100, 200, 400, NaN], [0, 0, 1, 1, 0], [90, 365]);

  it("draws one bar per bucket with Wilson error bars and a titled percent axis", () => {
    const figure = churnRateByBucketChart(buckets, { signal: "days since the last visit", horizonDays: 90, lang: "en" });
    expect(figureProblems(figure)).toEqual([]);
    const trace = figure.data[0] as Record<string, unknown>;
    expect(trace["x"]).toEqual(["< 90", "90–365", "≥ 365", "no data"]);
    expect(trace["y"]).toEqual([0, 0.5, 1, 0]);
    const errors = trace["error_y"] as { array: number[]; arrayminus: number[] };
    expect(errors.array[1]).toBeCloseTo((buckets[1]?.upper ?? 0) - 0.5, 12);
    expect((figure.layout["title"] as { text: string }).text).toBe("90-day churn rate by days since the last visit");
  });

  it("speaks Chinese by default", () => {
    const figure = churnRateByBucketChart(buckets, { signal: "距上次到店天数", horizonDays: 90 });
    expect((figure.layout["title"] as { text: string }).text).toBe("按距上次到店天数分组的90天流失率");
  });

  it("rejects no buckets or a non-positive horizon", () => {
    expect(() => churnRateByBucketChart([], { signal: "x", horizonDays: 90 })).toThrow(RangeError);
    expect(() => churnRateByBucketChart(buckets, { signal: "x", horizonDays: 0 })).toThrow(RangeError);
  });
});

describe("survivalChart", () => {
  it("draws a band (two traces) and a step line per group, extended to maxTime", () => {
    const curve = kaplanMeier([10, 20, 30, 700], [1, 1, 0, 0]);
    const figure = survivalChart(
      [
        { name: "economy", curve },
        { name: "premium", curve },
      ],
      { group: "segment", maxTime: 728, lang: "en" },
    );
    expect(figureProblems(figure)).toEqual([]);
    expect(figure.data.length).toBe(6);
    const line = figure.data[2] as ScatterTrace;
    expect(line.x).toEqual([0, 10, 20, 728]);
    expect(line.y).toEqual([1, 0.75, 0.5, 0.5]);
    expect(line.line?.shape).toBe("hv");
    expect(line.name).toBe("economy (n=4)");
    expect((figure.data[1] as { fill: string }).fill).toBe("tonexty");
    expect((figure.layout["title"] as { text: string }).text).toBe("Customer retention (Kaplan–Meier, 95% band) by segment");
  });

  it("rejects no curves or a non-positive maxTime", () => {
    expect(() => survivalChart([], { group: "x", maxTime: 1 })).toThrow(RangeError);
    expect(() => survivalChart([{ name: "a", curve: kaplanMeier([1], [1]) }], { group: "x", maxTime: 0 })).toThrow(RangeError);
  });
});

describe("visitGapsChart and correlationHeatmap", () => {
  it("histograms the gaps with the 180-day interval marked", () => {
    const figure = visitGapsChart([170, 185, 30, 400], "en");
    expect(figureProblems(figure)).toEqual([]);
    expect((figure.layout.shapes ?? []).filter((s) => !isHalo(s))[0]?.x0).toBe(180);
  });

  it("shows correlations rounded to 2 decimals on a fixed −1..1 scale", () => {
    const matrix = correlationMatrix({ a: [1, 2, 3], b: [2, 4, 7], c: [1, 1, 1] });
    const figure = correlationHeatmap(matrix, ["A", "B", "C"], "en");
    expect(figureProblems(figure)).toEqual([]);
    const trace = figure.data[0] as HeatmapTrace;
    expect(trace.z[0]).toEqual([1, 0.99, null]);
    expect([trace.zmin, trace.zmax]).toEqual([-1, 1]);
    expect(trace.x).toEqual(["A", "B", "C"]);
    expect(() => correlationHeatmap(matrix, ["A"])).toThrow(RangeError);
  });
});
