import { describe, expect, it } from "vitest";
import { barChart } from "../../src/charts/barChart";
import { figureProblems } from "../../src/charts/figureProblems";
import { t } from "../../src/charts/labels";
import { tierColors } from "../../src/charts/theme";

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
    expect((h.layout.shapes ?? [])[1]).toMatchObject({ x0: 0, yref: "paper" });
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
