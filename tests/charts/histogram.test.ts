import { describe, expect, it } from "vitest";
import { histogram } from "../../src/charts/histogram";
import { figureProblems } from "../../src/charts/figureProblems";

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
