// The partial plotly.js distributions churnlab loads for one-off exports and
// offline pages (plotlyBundle.ts) are the full bundle's release cut down: each
// draws exactly the trace types it is declared with, and every figure of the
// gallery comes out of the bundle bundleForFigures picks as the same SVG, to
// the byte, as out of the full bundle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../src/charts/browser";
import { openExportPage, type ExportPage } from "../../src/charts/exportPage";
import { bundleForFigures, plotlyBundles, type PlotlyBundleName } from "../../src/charts/plotlyBundle";
import { renderStatic } from "../../src/charts/renderStatic";
import { figureGallery } from "./figureGallery";

let browser: Browser;
const pages = new Map<PlotlyBundleName, ExportPage>();

beforeAll(async () => {
  browser = await launchBrowser();
  for (const bundle of plotlyBundles) pages.set(bundle.name, await openExportPage(browser, bundle.name));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** An SVG with Plotly's random ids (the figure's in `defs-…`, `clip…`; each trace's `trace…` class, a colour bar's `cb…`) numbered in order. */
const withoutUid = (svg: string): string => {
  const ids = [/<defs id="defs-([0-9a-z]+)"/.exec(svg)?.[1], ...Array.from(svg.matchAll(/\b(?:trace|cb)([0-9a-f]{6,8})\b/g), (m) => m[1])];
  let out = svg;
  [...new Set(ids)].forEach((id, i) => {
    if (id !== undefined) out = out.split(id).join(`UID${i}`);
  });
  return out;
};

const page = (name: PlotlyBundleName): ExportPage => {
  const found = pages.get(name);
  if (found === undefined) throw new Error(`no page for ${name}`);
  return found;
};

describe("the partial plotly.js bundles", () => {
  it.each(plotlyBundles.filter((b) => b.traces !== "all").map((b) => [b.name, b.traces]))("%s draws exactly its declared trace types", async (name, traces) => {
    const drawn = await page(name as PlotlyBundleName).page.evaluate("Object.keys(Plotly.PlotSchema.get().traces).sort()");
    expect(drawn).toEqual([...(traces as readonly string[])].sort());
  });

  it("are the full bundle's release", async () => {
    const versions = await Promise.all(plotlyBundles.map((b) => page(b.name).page.evaluate("Plotly.version")));
    expect(new Set(versions).size).toBe(1);
  });

  it("draw every gallery figure as the same SVG as the full bundle, and most need no more than a partial one", async () => {
    const chosen: PlotlyBundleName[] = [];
    for (const entry of figureGallery) {
      const figure = await entry.build("en");
      const bundle = bundleForFigures([figure]);
      chosen.push(bundle);
      const job = { figure, path: "x.svg", format: "svg" as const, scale: 1, width: 900, height: 500 };
      const own = withoutUid(Buffer.from(await renderStatic(page(bundle), job)).toString("utf8"));
      const full = withoutUid(Buffer.from(await renderStatic(page("full"), job)).toString("utf8"));
      expect(own, entry.builder).toBe(full);
    }
    expect(chosen.filter((b) => b === "full")).toEqual([]);
  }, 300_000);
});
