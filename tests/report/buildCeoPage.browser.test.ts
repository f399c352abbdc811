import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openHtmlPage, pdfPageCount, renderHtmlToPdf, screenshotHtml, withBrowser } from "../../src/charts/browser";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import { seedInputs } from "./fixtures";
import { textLayoutScript } from "./textLayout";

// Real-browser specification of the CEO page: ONE headless Chromium (the charts layer's launcher) opens the zh and
// en pages at A4 size (794 × 1123 CSS px at 96 dpi), prints them to PDF and takes screenshots.
// Expected sizes: A4 is 210 × 297 mm = 793.7 × 1122.5 CSS px = 595.28 × 841.89 pt; Chromium rounds the PDF page
// to 595.92 × 842.88 pt (the charts layer's export test sees the same).

interface ChartState {
  id: string;
  hasSvg: boolean;
  plotWidth: number;
  plotHeight: number;
  /** Bar paths with a real outline (a drawn bar, not an empty placeholder). */
  drawnBars: number;
}

interface PageState {
  errors: string[];
  charts: ChartState[];
  resources: string[];
  sheet: { width: number; height: number; contentBottom: number; innerBottom: number; overflowingX: string[] };
  /** Pieces of text whose em box overlaps another's (by more than 2 × 1 px). */
  overlaps: string[];
  /** Pieces of text outside their clipping box (an ancestor with overflow not visible, the chart's SVG, the sheet). */
  clipped: string[];
  /** Number of text boxes checked. */
  texts: number;
}

interface Rendered {
  page: PageState;
  pdf: { pages: number; errors: string[]; bytes: Buffer };
  png: { width: number; height: number; nonWhite: number; tierRed: number; tierBlue: number; navy: number; errors: string[] };
}

/** The pages rendered: zh and en with the rollout simulation (stacked go / hold / stop gates), en without it (the Monte Carlo fallback). */
const variants = [
  { name: "zh", lang: "zh", rollout: true },
  { name: "en", lang: "en", rollout: true },
  { name: "en without rollout", lang: "en", rollout: false },
] as const;
type Variant = (typeof variants)[number]["name"];

let dir: string;
const rendered = new Map<Variant, Rendered>();
/** Gates of the page without the rollout whose bar has a length (P(ROI > 200%) > 0): the seed plan's is 0, drawn as no bar. */
let fallbackGateBars = -1;
/** What the text checker finds on a page made to fail it: two texts on top of each other, a tier line cut with "…", a chart label off its SVG. */
let checkerOnBrokenPage: { overlaps: string[]; clipped: string[] } = { overlaps: [], clipped: [] };
const brokenPage = `<!DOCTYPE html><html><body style="margin:0"><div class="sheet" style="position:relative;width:400px;height:300px">
<div style="position:absolute;top:10px;left:10px;font-size:12px">Redesign before spending</div>
<div style="position:absolute;top:14px;left:30px;font-size:12px">First-year cash ROI</div>
<div style="position:absolute;top:60px;left:10px;width:80px;font-size:9px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">VP/director home visit, gift, on-site fix</div>
<svg class="main-svg" width="100" height="50" style="position:absolute;top:100px;left:10px"><text x="60" y="20" font-size="12">go 0% · stop 4.2%</text></svg>
</div></body></html>`;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-ceo-browser-"));
  // The runs first (the programme model, five bridge variants, the rollout), then one browser for every page.
  const withRollout = await seedInputs(4000, 1);
  const without = await seedInputs(4000, 1, undefined, false);
  fallbackGateBars = without.gates.filter((g) => (g.passProbability ?? 0) > 0).length;
  await withBrowser(async (browser) => {
    const broken = await browser.newPage();
    try {
      await broken.setContent(brokenPage);
      await broken.addScriptTag({ content: textLayoutScript });
      checkerOnBrokenPage = await broken.evaluate(() => (window as unknown as { textLayout: () => { overlaps: string[]; clipped: string[] } }).textLayout());
    } finally {
      await broken.close();
    }
    for (const { name, lang, rollout } of variants) {
      const html = buildCeoPage(rollout ? withRollout : without, lang);
      const { page, errors } = await openHtmlPage(browser, html, { width: 794, height: 1123 });
      let state: PageState;
      try {
        await page.addScriptTag({ content: textLayoutScript });
        state = await page.evaluate(() => {
          const charts = Array.from(document.querySelectorAll<HTMLElement>(".churnlab-figure")).map((el) => {
            // Plotly's computed plot area (inside the margins), CSS px.
            const size = (el as HTMLElement & { _fullLayout?: { _size?: { w: number; h: number } } })._fullLayout?._size;
            const bars = Array.from(el.querySelectorAll(".barlayer .point path")).filter((p) => {
              const d = p.getAttribute("d") ?? "";
              return d.length > 0 && d !== "M0,0Z";
            });
            return { id: el.id, hasSvg: el.querySelector(".main-svg") !== null, plotWidth: size?.w ?? 0, plotHeight: size?.h ?? 0, drawnBars: bars.length };
          });
          const sheet = document.querySelector<HTMLElement>(".sheet")!;
          const box = sheet.getBoundingClientRect();
          const padBottom = parseFloat(getComputedStyle(sheet).paddingBottom);
          const contentBottom = Math.max(...Array.from(sheet.children).map((c) => c.getBoundingClientRect().bottom));
          const overflowingX = Array.from(sheet.querySelectorAll<HTMLElement>(".panel, .kpi, .message div, .bottom, .head, .foot"))
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.className);
          const resources = performance.getEntriesByType("resource").map((r) => r.name);
          const { overlaps, clipped, texts } = (
            window as unknown as { textLayout: () => { overlaps: string[]; clipped: string[]; texts: number } }
          ).textLayout();
          return {
            errors: [],
            charts,
            resources,
            sheet: { width: box.width, height: box.height, contentBottom, innerBottom: box.bottom - padBottom, overflowingX },
            overlaps,
            clipped,
            texts,
          };
        });
      } finally {
        await page.close();
      }
      state.errors = errors;
      const pdfFile = path.join(dir, `ceo-${name.replace(/ /g, "-")}.pdf`);
      const pngFile = path.join(dir, `ceo-${name.replace(/ /g, "-")}.png`);
      const printed = await renderHtmlToPdf(html, pdfFile, { browser });
      const shot = await screenshotHtml(html, pngFile, { browser, width: 794, height: 1123, fullPage: false });
      const decoder = await browser.newPage();
      let png: Omit<Rendered["png"], "errors">;
      try {
        png = await decoder.evaluate(
          async (url) => {
            const img = new Image();
            img.src = url;
            await img.decode();
            const canvas = document.createElement("canvas");
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
            ctx.drawImage(img, 0, 0);
            const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
            const near = (r: number, g: number, b: number, R: number, G: number, B: number) =>
              Math.abs(r - R) < 4 && Math.abs(g - G) < 4 && Math.abs(b - B) < 4;
            let nonWhite = 0;
            let tierRed = 0;
            let tierBlue = 0;
            let navy = 0;
            for (let i = 0; i < data.length; i += 4) {
              const r = data[i] as number;
              const g = data[i + 1] as number;
              const b = data[i + 2] as number;
              if (r < 245 || g < 245 || b < 245) nonWhite += 1;
              if (near(r, g, b, 0xc0, 0x39, 0x2b)) tierRed += 1;
              if (near(r, g, b, 0x2e, 0x86, 0xc1)) tierBlue += 1;
              if (near(r, g, b, 0x1f, 0x4e, 0x79)) navy += 1;
            }
            return { width: canvas.width, height: canvas.height, nonWhite, tierRed, tierBlue, navy };
          },
          `data:image/png;base64,${fs.readFileSync(pngFile).toString("base64")}`,
        );
      } finally {
        await decoder.close();
      }
      rendered.set(name, { page: state, pdf: { ...printed, bytes: fs.readFileSync(pdfFile) }, png: { ...png, errors: shot.errors } });
    }
  });
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (name: Variant): Rendered => {
  const r = rendered.get(name);
  if (r === undefined) throw new Error(`the ${name} page was not rendered`);
  return r;
};

describe("the page's text checker (bounding boxes)", () => {
  it("finds text on top of other text, a line cut by its box (text-overflow: ellipsis) and a chart label off its SVG", () => {
    expect(checkerOnBrokenPage.overlaps).toEqual([expect.stringMatching(/^"Redesign before spending" overlaps "First-year cash ROI"/)]);
    expect(checkerOnBrokenPage.clipped).toEqual([
      expect.stringMatching(/^"VP\/director home visit, gift, on-site fix" passes/),
      expect.stringMatching(/^"go 0% · stop 4.2%" passes main-svg/),
    ]);
  });
});

describe.each(variants.map((v) => [v.name, v.rollout] as const))("the CEO page in headless Chromium (%s)", (name, rollout) => {
  it("renders, prints and is captured without console errors or page exceptions", () => {
    const r = get(name);
    expect(r.page.errors).toEqual([]);
    expect(r.pdf.errors).toEqual([]);
    expect(r.png.errors).toEqual([]);
  });

  it("draws every chart: an SVG plot area of real size with drawn bars (9 bridge rows, 6 × 2 tornado bars, the gates)", () => {
    const charts = get(name).page.charts;
    expect(charts.map((c) => c.id)).toEqual(["ceo-bridge", "ceo-drivers", "ceo-gates"]);
    for (const c of charts) {
      expect(c.hasSvg, c.id).toBe(true);
      expect(c.plotWidth, c.id).toBeGreaterThan(100);
      expect(c.plotHeight, c.id).toBeGreaterThan(40);
    }
    const bars = Object.fromEntries(charts.map((c) => [c.id, c.drawnBars]));
    expect(bars["ceo-bridge"]).toBe(9);
    expect(bars["ceo-drivers"]).toBe(12);
    // With the rollout: go / hold / stop segments of the two simulated gates (at least one each); without it: the MVP's single bar.
    if (rollout) expect(bars["ceo-gates"]).toBeGreaterThanOrEqual(2);
    else expect(bars["ceo-gates"]).toBe(fallbackGateBars);
  });

  it("has no text overlapping other text and none clipped by its box, the sheet or its chart (bounding boxes)", () => {
    const { page } = get(name);
    expect(page.texts).toBeGreaterThan(120);
    expect(page.overlaps).toEqual([]);
    expect(page.clipped).toEqual([]);
  });

  it("loads nothing from the network (no resource fetched: the plotly bundle and fonts are local)", () => {
    expect(get(name).page.resources).toEqual([]);
  });

  it("fits one A4 sheet: 210 × 296.5 mm, content above the bottom padding, nothing wider than its box", () => {
    const { sheet } = get(name).page;
    expect(sheet.width).toBeCloseTo((210 / 25.4) * 96, 0);
    expect(sheet.height).toBeCloseTo((296.5 / 25.4) * 96, 0);
    expect(sheet.contentBottom).toBeLessThanOrEqual(sheet.innerBottom + 0.5);
    expect(sheet.overflowingX).toEqual([]);
  });

  it("prints to a PDF of exactly one A4 page (595.92 × 842.88 pt), counting /Type /Page objects", () => {
    const { pdf } = get(name);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.pages).toBe(1);
    expect(pdfPageCount(pdf.bytes)).toBe(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.bytes.toString("latin1"));
    expect(Number(box?.[1])).toBeCloseTo(595.92, 0);
    expect(Number(box?.[2])).toBeCloseTo(842.88, 0);
  });

  it("writes a screenshot that is not blank and shows the tier colours and the navy headline", () => {
    const { png } = get(name);
    expect([png.width, png.height]).toEqual([794, 1123]);
    expect(png.nonWhite / (png.width * png.height)).toBeGreaterThan(0.1);
    expect(png.tierRed).toBeGreaterThan(500);
    expect(png.tierBlue).toBeGreaterThan(100);
    expect(png.navy).toBeGreaterThan(2000);
  });
});
