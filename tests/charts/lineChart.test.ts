import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/charts/lineChart";
import { figureProblems } from "../../src/charts/figureProblems";
import { t } from "../../src/charts/labels";
import { semanticColors } from "../../src/charts/theme";

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
