import { describe, expect, it } from "vitest";
import { escapeHtml, figureElementHtml, jsonForScript } from "../../src/charts/figureHtml";
import { figureToHtml } from "../../src/charts/export";
import { htmlDocument } from "../../src/charts/htmlDocument";
import { bundleForFigures, plotlyBundle, plotlyBundles, plotlyScriptTag, plotlyVersion } from "../../src/charts/plotlyBundle";

describe("jsonForScript(value)", () => {
  it("cannot close the script element or break a JS string", () => {
    const text = jsonForScript({ title: "</script><b>&", sep: "\u2028" });
    expect(text).not.toContain("</script");
    expect(text).not.toContain("<");
    expect(text).not.toContain("\u2028");
    expect(JSON.parse(text)).toEqual({ title: "</script><b>&", sep: "\u2028" });
  });

  it("turns typed arrays into arrays and NaN into null (a gap)", () => {
    expect(jsonForScript({ y: new Float64Array([1, Number.NaN]) })).toBe('{"y":[1,null]}');
  });
});

describe("escapeHtml", () => {
  it("escapes markup characters", () => {
    expect(escapeHtml(`a < b & "c" 'd'`)).toBe("a &lt; b &amp; &quot;c&quot; &#39;d&#39;");
  });
});

describe("figureElementHtml", () => {
  it("uses the layout size when given", () => {
    expect(figureElementHtml({ data: [], layout: { width: 640, height: 320 } }, { divId: "f" })).toContain('style="width:640px;height:320px;"');
  });
});

describe("plotlyScriptTag", () => {
  it("inlines the plotly.js bundle with AMD/CommonJS loaders shadowed", () => {
    const tag = plotlyScriptTag();
    expect(plotlyVersion()).toMatch(/^3\.\d+\.\d+$/);
    expect(tag).toContain("(function (define, module, exports) {");
    expect(tag.length).toBeGreaterThan(plotlyBundle().length);
    expect(count(tag, "</script")).toBe(1);
  });
});

const count = (text: string, part: string) => text.split(part).length - 1;

describe("figureToHtml(figure)", () => {
  const html = figureToHtml({ data: [{ type: "bar", x: ["a"], y: [1] }], layout: { title: { text: "留存 <收益>" } } });

  it("is a complete UTF-8 page titled after the chart", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>留存 &lt;收益&gt;</title>");
    expect(html).toContain('<html lang="zh-CN">');
  });

  it("contains the plotly bundle exactly once and loads nothing over the network", () => {
    expect(count(html, 'data-churnlab="plotly-bundle"')).toBe(1);
    expect(count(html, plotlyBundle("basic").slice(0, 200))).toBe(1); // a bar chart needs only the basic bundle
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]*href\s*=\s*["']https?:/i);
  });

  it("takes a page title and language", () => {
    const en = figureToHtml({ data: [], layout: {} }, { title: "ROI", lang: "en" });
    expect(en).toContain("<title>ROI</title>");
    expect(en).toContain('<html lang="en">');
  });
});

describe("htmlDocument(parts)", () => {
  it("builds a page without the plotly bundle when asked, escaping the title", () => {
    const page = htmlDocument({ title: "A & B", body: "<h1>一页纸</h1>", withPlotly: false, css: "h1{color:red}" });
    expect(page).toContain("<title>A &amp; B</title>");
    expect(page).toContain("<h1>一页纸</h1>");
    expect(page).toContain("h1{color:red}");
    expect(page).not.toContain('data-churnlab="plotly-bundle"');
  });

  it("inlines the bundle once by default", () => {
    expect(count(htmlDocument({ title: "t", body: "" }), 'data-churnlab="plotly-bundle"')).toBe(1);
  });
});

describe("bundleForFigures", () => {
  it("picks the smallest plotly.js distribution that draws every trace, the full one past them", () => {
    expect(bundleForFigures([{ data: [{ type: "bar" }, { x: [1] }], layout: {} }])).toBe("basic");
    expect(
      bundleForFigures([
        { data: [{ type: "bar" }], layout: {} },
        { data: [{ type: "waterfall" }], layout: {} },
      ]),
    ).toBe("finance");
    expect(bundleForFigures([{ data: [{ type: "heatmap" }, { type: "box" }], layout: {} }])).toBe("cartesian");
    expect(bundleForFigures([{ data: [{ type: "heatmap" }, { type: "waterfall" }], layout: {} }])).toBe("full");
    expect(bundleForFigures([{ data: [{ type: "scatter3d" }], layout: {} }])).toBe("full");
    expect(bundleForFigures([])).toBe("basic");
  });

  it("names installed files of one plotly.js release, partial ones a third of the full one or less", () => {
    const sizes = plotlyBundles.map((b) => plotlyBundle(b.name).length);
    expect(plotlyBundles.map((b) => plotlyVersion(b.name))).toEqual(plotlyBundles.map(() => plotlyVersion()));
    for (const size of sizes.slice(0, -1)) expect(size).toBeLessThan(sizes[sizes.length - 1]! / 3);
  });
});
