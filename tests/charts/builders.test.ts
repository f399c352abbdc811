import { describe, expect, it } from "vitest";
import { histogram } from "../../src/charts/histogram";
import { barChart } from "../../src/charts/barChart";
import { lineChart } from "../../src/charts/lineChart";
import { figureProblems } from "../../src/charts/figureProblems";
import { isHalo, referenceLineLayout } from "../../src/charts/referenceLines";
import { t } from "../../src/charts/labels";
import { semanticColors, tierColors } from "../../src/charts/theme";

const titleOf = (layout: Record<string, unknown>, axis?: string): unknown =>
  axis === undefined ? (layout["title"] as { text: unknown }).text : (layout[axis] as { title: { text: unknown } }).title.text;

describe("barChart", () => {
  // Annual intervention lines of the plan (section 6), in 万元: tier 1 144, tier 2 480, tier 3 120.
  const figure = barChart({
    categories: [t("tier.1"), t("tier.2"), t("tier.3")],
    series: [{ name: t("legend.stated"), values: [144, 480, 120], color: [tierColors[1], tierColors[2], tierColors[3]], text: ["144", "480", "120"] }],
    title: "年度干预成本",
    xTitle: t("tier.axis"),
    yTitle: t("axis.amountIn", "zh", { unit: "万元" }),
  });

  it("has a title and both axis titles", () => {
    expect(figureProblems(figure)).toEqual([]);
    expect(titleOf(figure.layout)).toBe("年度干预成本");
    expect(titleOf(figure.layout, "yaxis")).toBe("金额（万元）");
  });

  it("draws one bar per category with the tier colours and texts", () => {
    const [trace] = figure.data;
    expect(trace).toMatchObject({ type: "bar", x: ["一级 极高风险", "二级 高风险", "三级 中风险"], y: [144, 480, 120], text: ["144", "480", "120"] });
    expect((trace!["marker"] as { color: string[] }).color).toEqual(["#C0392B", "#E67E22", "#D4AC0D"]);
  });

  it("hides the legend for one series and shows it for several", () => {
    expect(figure.layout["showlegend"]).toBe(false);
    const two = barChart({
      categories: ["ROI"],
      series: [
        { name: "stated", values: [3.5875] },
        { name: "recomputed", values: [2.9] },
      ],
      title: "ROI",
      xTitle: "view",
      yTitle: "ROI (x)",
    });
    expect(two.layout["showlegend"]).toBe(true);
    expect(two.data.map((d) => d["marker"])).toEqual([{ color: "#1F4E79" }, { color: "#E69F00" }]);
  });

  it("puts categories on the y axis, top to bottom, when horizontal", () => {
    const h = barChart({
      categories: ["a", "b"],
      series: [{ name: "s", values: [1, 2] }],
      title: "Drivers",
      xTitle: "driver",
      yTitle: "ROI change (pp)",
      orientation: "h",
      referenceLines: [{ value: 0, label: "base" }],
    });
    expect(h.data[0]).toMatchObject({ orientation: "h", x: [1, 2], y: ["a", "b"] });
    expect(titleOf(h.layout, "xaxis")).toBe("ROI change (pp)");
    expect(titleOf(h.layout, "yaxis")).toBe("driver");
    expect(h.layout["yaxis"]).toMatchObject({ autorange: "reversed" });
    expect((h.layout["shapes"] as Array<{ x0: number; yref: string }>)[1]).toMatchObject({ x0: 0, yref: "paper" });
  });

  it("rejects mismatched lengths and no series", () => {
    expect(() => barChart({ categories: ["a"], series: [{ name: "s", values: [1, 2] }], title: "t", xTitle: "x", yTitle: "y" })).toThrow(RangeError);
    expect(() => barChart({ categories: ["a"], series: [{ name: "s", values: [1], color: ["#000", "#111"] }], title: "t", xTitle: "x", yTitle: "y" })).toThrow(
      RangeError,
    );
    expect(() => barChart({ categories: ["a"], series: [], title: "t", xTitle: "x", yTitle: "y" })).toThrow(RangeError);
  });

  it("accepts an empty category list", () => {
    expect(barChart({ categories: [], series: [{ name: "s", values: [] }], title: "t", xTitle: "x", yTitle: "y" }).data[0]).toMatchObject({ x: [], y: [] });
  });
});

describe("histogram", () => {
  it("bins the values and draws them as touching bars with a title and axis titles", () => {
    const figure = histogram({ values: [1, 2, 2, 3], title: "ROI", xTitle: "ROI (x)", yTitle: "Count", bins: 3 });
    expect(figureProblems(figure)).toEqual([]);
    expect(figure.data[0]).toMatchObject({ type: "bar", y: [1, 2, 1], x: [4 / 3, 2, 8 / 3] });
    expect(figure.layout["bargap"]).toBe(0);
  });

  it("shows shares of the finite values when normalised, with a percent axis", () => {
    const figure = histogram({ values: [1, 2, 2, 3, Number.NaN], title: "ROI", xTitle: "ROI (x)", yTitle: "Share", bins: 3, normalize: "share" });
    expect(figure.data[0]?.["y"]).toEqual([0.25, 0.5, 0.25]);
    expect(figure.layout["yaxis"]).toMatchObject({ tickformat: ".1~%" });
  });

  it("scales values for display and marks the plan's stated ROI with a reference line", () => {
    // ROI 3.5875 = 359% (plan, section 6) shown on a percent axis.
    const figure = histogram({
      values: [2, 3, 4],
      displayScale: 100,
      title: "ROI",
      xTitle: "ROI（%）",
      yTitle: "频数",
      bins: 2,
      referenceLines: [{ axis: "x", value: 358.75, label: "方案所述 359%" }],
    });
    expect(figure.data[0]?.["x"]).toEqual([250, 350]);
    // the plan's line over a white halo, both above the bars
    expect(figure.layout["shapes"]).toEqual([
      expect.objectContaining({ x0: 358.75, x1: 358.75, yref: "paper", layer: "above", line: { color: "#FFFFFF", width: 5, dash: "solid" } }),
      expect.objectContaining({ x0: 358.75, x1: 358.75, yref: "paper", layer: "above", line: expect.objectContaining({ dash: "dash" }) }),
    ]);
    expect(figure.layout["annotations"]).toEqual([expect.objectContaining({ text: "方案所述 359%" })]);
  });

  it("draws an empty sample without failing, and rejects a bad display scale", () => {
    expect(histogram({ values: [], title: "t", xTitle: "x", yTitle: "y" }).data[0]?.["y"]).toEqual(new Array(10).fill(0));
    expect(() => histogram({ values: [1], displayScale: 0, title: "t", xTitle: "x", yTitle: "y" })).toThrow(RangeError);
  });
});

describe("lineChart", () => {
  const figure = lineChart({
    x: [1, 2, 3],
    series: [{ name: t("legend.median"), y: [0.1, 0.5, 1.2] }],
    bands: [
      { name: "5–95%", lower: [0, 0.2, 0.6], upper: [0.3, 0.9, 1.9] },
      { name: "25–75%", lower: [0.05, 0.4, 1.0], upper: [0.2, 0.6, 1.4], color: semanticColors.bandInner },
    ],
    title: "累计ROI",
    xTitle: t("axis.month"),
    yTitle: "ROI（%）",
    yTickFormat: ".0%",
  });

  it("has a title and axis titles", () => {
    expect(figureProblems(figure)).toEqual([]);
    expect(figure.layout["yaxis"]).toMatchObject({ tickformat: ".0%" });
  });

  it("draws each band as a lower edge and a filled upper edge, under the lines", () => {
    expect(figure.data.map((d) => d["name"])).toEqual(["5–95%", "5–95%", "25–75%", "25–75%", "中位数"]);
    expect(figure.data[1]).toMatchObject({ fill: "tonexty", y: [0.3, 0.9, 1.9], showlegend: true });
    expect(figure.data[0]).toMatchObject({ y: [0, 0.2, 0.6], showlegend: false });
    expect(figure.data[3]).toMatchObject({ fillcolor: semanticColors.bandInner });
    expect(figure.data[4]).toMatchObject({ mode: "lines", y: [0.1, 0.5, 1.2] });
  });

  it("rejects bands or series of the wrong length and inverted bands", () => {
    expect(() => lineChart({ x: [1, 2], series: [{ name: "s", y: [1] }], title: "t", xTitle: "x", yTitle: "y" })).toThrow(RangeError);
    expect(() => lineChart({ x: [1], series: [], bands: [{ name: "b", lower: [2], upper: [1] }], title: "t", xTitle: "x", yTitle: "y" })).toThrow(
      /lower 2 > upper 1/,
    );
  });
});

describe("referenceLineLayout", () => {
  it("draws a horizontal line across the plot for the y axis, and rejects non-finite values", () => {
    const { shapes, annotations } = referenceLineLayout([{ axis: "y", value: 0.4, label: "止损线 40%", dash: "dot", color: "#C0392B" }]);
    expect(shapes[1]).toMatchObject({ xref: "paper", x0: 0, x1: 1, y0: 0.4, y1: 0.4, line: { dash: "dot", color: "#C0392B" } });
    expect(shapes.map(isHalo)).toEqual([true, false]);
    expect(annotations[0]).toMatchObject({ text: "止损线 40%" });
    expect(() => referenceLineLayout([{ axis: "x", value: Number.NaN, label: "x" }])).toThrow(RangeError);
  });
});
