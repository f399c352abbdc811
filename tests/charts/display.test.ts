import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetDisplay, show, showMany, showPage } from "../../src/charts/display";
import { htmlDocument } from "../../src/charts/htmlDocument";
import { plotlyBundle } from "../../src/charts/plotlyBundle";
import type { Figure } from "../../src/charts/Figure";

const figure: Figure = { data: [{ type: "bar", x: ["a"], y: [1] }], layout: { title: { text: "首年成本" } } };
const bundleMarker = 'data-churnlab="plotly-bundle"';
const count = (text: string, part: string) => text.split(part).length - 1;

function recorder(): { html(s: string): void; outputs: string[] } {
  const outputs: string[] = [];
  return { outputs, html: (s) => outputs.push(s) };
}

beforeEach(() => resetDisplay());
afterEach(() => vi.restoreAllMocks());

describe("show(figure) in a notebook", () => {
  it("sends the plotly bundle with the first chart only", () => {
    const display = recorder();
    show(figure, { display });
    show(figure, { display });
    show(figure, { display });
    expect(display.outputs.map((o) => count(o, bundleMarker))).toEqual([1, 0, 0]);
    expect(display.outputs[0]).toContain(plotlyBundle().slice(0, 2000));
  });

  it("draws each chart in its own div with Plotly.newPlot and the themed spec, without network", () => {
    const display = recorder();
    show(figure, { display });
    show(figure, { display });
    const ids = display.outputs.map((o) => /<div id="([^"]+)" class="churnlab-figure"/.exec(o)?.[1]);
    expect(ids[0]).toBeDefined();
    expect(ids[0]).not.toBe(ids[1]);
    expect(display.outputs[1]).toContain("window.Plotly.newPlot(el, spec.data, spec.layout, spec.config)");
    expect(display.outputs[1]).toContain('"family":"\\"Noto Sans CJK SC\\"');
    expect(display.outputs.join("")).not.toMatch(/<script[^>]+src=/i);
  });

  it("sends the bundle again after resetDisplay() (page reloaded, kernel kept)", () => {
    const display = recorder();
    show(figure, { display });
    resetDisplay();
    show(figure, { display });
    expect(display.outputs.map((o) => count(o, bundleMarker))).toEqual([1, 1]);
  });

  it("honours a requested size", () => {
    const display = recorder();
    show(figure, { display, height: "300px", width: "600px" });
    expect(display.outputs[0]).toContain('style="width:600px;height:300px;"');
  });

  it("lays several charts out in a grid in one output", () => {
    const display = recorder();
    showMany([figure, figure, figure], { display, columns: 3 });
    expect(display.outputs).toHaveLength(1);
    expect(count(display.outputs[0] as string, 'class="churnlab-figure"')).toBe(3);
    expect(display.outputs[0]).toContain("grid-template-columns:repeat(3,");
    expect(() => showMany([figure], { display, columns: 0 })).toThrow(RangeError);
  });
});

describe("show(figure) outside a notebook", () => {
  it("prints one line naming the chart and does not throw or send anything", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(() => show(figure)).not.toThrow();
    expect(write).toHaveBeenCalledWith('(not in a notebook: chart "首年成本" not shown)\n');
    // Nothing was sent: the first chart shown in a notebook afterwards still carries the bundle.
    const display = recorder();
    show(figure, { display });
    expect(count(display.outputs[0] as string, bundleMarker)).toBe(1);
  });
});

describe("showPage(html) in a notebook", () => {
  it("runs the notebook's full bundle in place of whichever bundle the page inlines (a CEO page inlines the finance one)", () => {
    for (const bundle of ["full", "finance", "basic"] as const) {
      resetDisplay();
      const display = recorder();
      showPage(htmlDocument({ title: "page", body: "<p>x</p>", bundle }), { display });
      const srcdoc = /srcdoc="([^"]*)"/.exec(display.outputs.join(""))?.[1] ?? "";
      expect(srcdoc, bundle).toContain("&lt;p&gt;x&lt;/p&gt;");
      expect(srcdoc.length, bundle).toBeLessThan(100_000); // the page without any bundle of its own
    }
  });
});
