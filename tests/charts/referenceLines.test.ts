import { describe, expect, it } from "vitest";
import { isHalo, referenceLineLayout } from "../../src/charts/referenceLines";

describe("referenceLineLayout", () => {
  it("draws a horizontal line across the plot for the y axis, and rejects non-finite values", () => {
    const { shapes, annotations } = referenceLineLayout([{ axis: "y", value: 0.4, label: "止损线 40%", dash: "dot", color: "#C0392B" }]);
    expect(shapes[1]).toMatchObject({ xref: "paper", x0: 0, x1: 1, y0: 0.4, y1: 0.4, line: { dash: "dot", color: "#C0392B" } });
    expect(shapes.map(isHalo)).toEqual([true, false]);
    expect(annotations[0]).toMatchObject({ text: "止损线 40%" });
    expect(() => referenceLineLayout([{ axis: "x", value: Number.NaN, label: "x" }])).toThrow(RangeError);
  });
});
