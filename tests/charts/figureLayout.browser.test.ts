// Every figure of every builder (tests/charts/figureGallery.ts), drawn in
// headless Chromium in zh and en at the sizes it is shown at: no text may be
// drawn over another (titles, axis titles, tick labels, legends, annotations,
// bar labels) and none may be cut by the figure's edge or the plot area.
// Also: the trace types figure files may name are the bundled Plotly's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../src/charts/browser";
import { openExportPage, type ExportPage } from "../../src/charts/exportPage";
import { defaultSize } from "../../src/charts/theme";
import { plotlyTraceTypes } from "../../src/charts/plotlyTraceTypes";
import { figureGallery, type Size } from "./figureGallery";
import { drawTexts, layoutProblems } from "./textLayout";

let browser: Browser;
let target: ExportPage;

beforeAll(async () => {
  browser = await launchBrowser();
  target = await openExportPage(browser);
});

afterAll(async () => {
  await browser?.close();
});

function sizesOf(layout: Record<string, unknown>, sizes: readonly Size[] | undefined): readonly Size[] {
  if (sizes !== undefined) return sizes;
  const width = typeof layout["width"] === "number" ? layout["width"] : defaultSize.width;
  const height = typeof layout["height"] === "number" ? layout["height"] : defaultSize.height;
  return [{ width, height }];
}

describe("every figure reads cleanly in Chromium", () => {
  for (const entry of figureGallery) {
    it(`${entry.builder}: no text over another and none clipped, in zh and en`, async () => {
      const problems: string[] = [];
      for (const lang of ["zh", "en"] as const) {
        const figure = await entry.build(lang);
        for (const size of sizesOf(figure.layout, entry.sizes)) {
          const drawn = await drawTexts(target.page, figure, size);
          expect(drawn.texts.length, `${lang} ${size.width}×${size.height}: texts drawn`).toBeGreaterThan(2);
          problems.push(...layoutProblems(drawn).map((p) => `${lang} ${size.width}×${size.height}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("figure files", () => {
  it("accept exactly the trace types the bundled Plotly draws", async () => {
    const types = await target.page.evaluate("Object.keys(Plotly.PlotSchema.get().traces).sort()");
    expect([...plotlyTraceTypes].sort()).toEqual(types);
  });
});
