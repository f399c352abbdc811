import { describe, expect, it } from "vitest";
import { applyTheme, baseLayout, deepMerge, fontFamily, palette, tierColor, tierColors } from "../../src/charts/theme";
import type { FigureSpec } from "../../src/charts/Figure";

describe("theme colours", () => {
  it("gives the four risk tiers four distinct colours, none reused by the categorical palette", () => {
    const tiers = [tierColors[1], tierColors[2], tierColors[3], tierColors[4]];
    expect(new Set(tiers).size).toBe(4);
    for (const c of tiers) expect(palette).not.toContain(c);
  });

  it("looks a tier's colour up by number and rejects non-tiers", () => {
    expect(tierColor(1)).toBe(tierColors[1]);
    expect(() => tierColor(0)).toThrow(RangeError);
    expect(() => tierColor(5)).toThrow(RangeError);
    expect(() => tierColor(Number.NaN)).toThrow(RangeError);
  });

  it("puts a CJK font first in the font stack", () => {
    expect(fontFamily.startsWith('"Noto Sans CJK SC"')).toBe(true);
  });
});

describe("baseLayout(title, xTitle, yTitle)", () => {
  it("sets the title and both axis titles as Plotly v3 objects, with the theme font", () => {
    const layout = baseLayout("首年成本", "项目", "金额（万元）");
    expect((layout["title"] as { text: string }).text).toBe("首年成本");
    expect((layout["xaxis"] as { title: { text: string } }).title.text).toBe("项目");
    expect((layout["yaxis"] as { title: { text: string } }).title.text).toBe("金额（万元）");
    expect((layout["font"] as { family: string }).family).toBe(fontFamily);
  });

  it("deep-merges extra keys over the theme", () => {
    const layout = baseLayout("t", "x", "y", { yaxis: { tickformat: ".0%" } });
    expect(layout["yaxis"]).toMatchObject({ tickformat: ".0%", title: { text: "y" }, gridcolor: "#E5E8E8" });
  });
});

describe("applyTheme(figure)", () => {
  // A figure as a file may hold it: legacy string titles.
  const figure: FigureSpec = {
    data: [{ type: "bar", x: ["a"], y: [1] }],
    layout: { title: "ROI", xaxis: { title: "x" }, yaxis2: { title: "y2" }, font: { size: 20 } },
  };

  it("keeps the figure's own values over the theme's and turns string titles into objects", () => {
    const themed = applyTheme(figure);
    expect(themed.layout["title"]).toMatchObject({ text: "ROI" });
    expect(themed.layout["xaxis"]).toMatchObject({ title: { text: "x" } });
    expect(themed.layout["yaxis2"]).toMatchObject({ title: { text: "y2" } });
    expect(themed.layout["font"]).toEqual({ family: fontFamily, size: 20, color: "#2C3E50" });
    expect(themed.config).toEqual({ displaylogo: false, responsive: true });
  });

  it("does not mutate its input and is idempotent", () => {
    const before = JSON.stringify(figure);
    const once = applyTheme(figure);
    expect(JSON.stringify(figure)).toBe(before);
    expect(applyTheme(once)).toEqual(once);
  });
});

describe("deepMerge(base, over)", () => {
  it("merges nested objects, replaces arrays, and leaves inputs untouched", () => {
    const base = { a: { b: 1, c: 2 }, list: [1, 2] };
    expect(deepMerge(base, { a: { c: 3 }, list: [9] })).toEqual({ a: { b: 1, c: 3 }, list: [9] });
    expect(base).toEqual({ a: { b: 1, c: 2 }, list: [1, 2] });
  });
});
