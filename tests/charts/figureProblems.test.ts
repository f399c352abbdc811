import { describe, expect, it } from "vitest";
import { figureProblems } from "../../src/charts/figureProblems";

describe("figureProblems(figure)", () => {
  it("lists a missing title and missing axis titles", () => {
    expect(figureProblems({ data: [{ type: "bar", x: [1], y: [2] }], layout: {} })).toEqual(["no title", "xaxis has no title", "yaxis has no title"]);
  });

  it("accepts string and object titles, and flags blank ones", () => {
    expect(figureProblems({ data: [{ x: [1], y: [2] }], layout: { title: "t", xaxis: { title: { text: "x" } }, yaxis: { title: "y" } } })).toEqual([]);
    expect(figureProblems({ data: [{ x: [1], y: [2] }], layout: { title: { text: "  " }, xaxis: { title: "x" }, yaxis: { title: "y" } } })).toEqual([
      "no title",
    ]);
  });

  it("checks secondary axes that traces use", () => {
    const problems = figureProblems({
      data: [
        { x: [1], y: [2] },
        { x: [1], y: [3], yaxis: "y2" },
      ],
      layout: { title: "t", xaxis: { title: "x" }, yaxis: { title: "y" } },
    });
    expect(problems).toEqual(["yaxis2 has no title"]);
  });

  it("needs no axes for pies, but needs traces", () => {
    expect(figureProblems({ data: [{ type: "pie", values: [1], labels: ["a"] }], layout: { title: "Shares" } })).toEqual([]);
    expect(figureProblems({ data: [], layout: { title: "t" } })).toEqual(["no traces"]);
  });
});
