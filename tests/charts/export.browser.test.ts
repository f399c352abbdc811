import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFigure, exportFigures, exportSizeProblem, figureToHtml, formatFromPath, type ExportResult } from "../../src/charts/export";
import { renderStatic } from "../../src/charts/renderStatic";
import type { ExportPage } from "../../src/charts/exportPage";
import { pdfPageCount, renderHtmlToPdf, screenshotHtml, withBrowser } from "../../src/charts/browser";
import { barChart } from "../../src/charts/barChart";
import { t } from "../../src/charts/labels";
import { tierColors } from "../../src/charts/theme";

// Real-browser specification: ONE headless Chromium renders every static
// format, the CEO-page helpers, and decodes the PNG to check it is not blank.

const title = "年度干预成本（万元）";
// The plan's annual intervention lines (section 6): tier 1 144万, tier 2 480万, tier 3 120万.
const figure = barChart({
  categories: [t("tier.1"), t("tier.2"), t("tier.3")],
  series: [{ name: t("legend.stated"), values: [144, 480, 120], color: [tierColors[1], tierColors[2], tierColors[3]] }],
  title,
  xTitle: t("tier.axis"),
  yTitle: t("axis.amountIn", "zh", { unit: "万元" }),
});

let dir: string;
let results: ExportResult[];
let pngStats: { width: number; height: number; nonWhite: number; tierRed: number };
let pagePdf: { pages: number; errors: string[] };
let pageShot: { errors: string[] };
const file = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-export-"));
  const pageWithBundle = figureToHtml(figure).replace("</body>", "<h1>一页纸</h1></body>");
  await withBrowser(async (browser) => {
    results = await exportFigures(
      [
        { figure, path: file("costs.png"), scale: 2 },
        { figure, path: file("costs.svg") },
        { figure, path: file("costs.pdf") },
        { figure, path: file("costs.html") },
        { figure, path: file("costs-small.png"), width: 400, height: 300 },
      ],
      browser,
    );
    pagePdf = await renderHtmlToPdf(pageWithBundle, file("page.pdf"), { browser });
    pageShot = await screenshotHtml(pageWithBundle, file("page.png"), { browser, width: 900, height: 700, fullPage: false });
    const decoder = await browser.newPage();
    try {
      const dataUrl = `data:image/png;base64,${fs.readFileSync(file("costs.png")).toString("base64")}`;
      pngStats = await decoder.evaluate(async (url) => {
        const img = new Image();
        img.src = url;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
        ctx.drawImage(img, 0, 0);
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let nonWhite = 0;
        let tierRed = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
          if (r < 250 || g < 250 || b < 250) nonWhite += 1;
          if (Math.abs(r - 0xc0) < 4 && Math.abs(g - 0x39) < 4 && Math.abs(b - 0x2b) < 4) tierRed += 1;
        }
        return { width: canvas.width, height: canvas.height, nonWhite, tierRed };
      }, dataUrl);
    } finally {
      await decoder.close();
    }
  });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("exportFigures in headless Chromium", () => {
  it("reports one result per job, in order, with the format from the extension", () => {
    expect(results.map((r) => [path.basename(r.path), r.format, r.width, r.height])).toEqual([
      ["costs.png", "png", 900, 500],
      ["costs.svg", "svg", 900, 500],
      ["costs.pdf", "pdf", 900, 500],
      ["costs.html", "html", 900, 500],
      ["costs-small.png", "png", 400, 300],
    ]);
    for (const r of results) expect(fs.statSync(r.path).size).toBe(r.bytes);
  });

  it("writes a PNG at the chosen scale (900×500 at scale 2 is 1800×1000 pixels)", () => {
    const png = fs.readFileSync(file("costs.png"));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1800, 1000]);
    expect(png.length).toBeGreaterThan(20_000);
    const small = fs.readFileSync(file("costs-small.png"));
    expect([small.readUInt32BE(16), small.readUInt32BE(20)]).toEqual([400, 300]);
  });

  it("draws a PNG that is not blank and shows the tier-1 colour", () => {
    expect(pngStats.width).toBe(1800);
    const share = pngStats.nonWhite / (pngStats.width * pngStats.height);
    expect(share).toBeGreaterThan(0.05);
    // Tier-1 bar: 144 of a 500 axis, one third of the plot width -> well over 10,000 pixels at scale 2.
    expect(pngStats.tierRed).toBeGreaterThan(10_000);
  });

  it("writes an SVG with the Chinese title as text", () => {
    const svg = fs.readFileSync(file("costs.svg"), "utf8");
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain(title);
    expect(svg).toContain("一级 极高风险");
    expect(svg).toContain("Noto Sans CJK SC");
  });

  it("writes a one-page PDF sized to the figure", () => {
    const pdf = fs.readFileSync(file("costs.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(pdf)).toBe(1);
    // 900×500 CSS px = 675×375 pt (0.75 pt per px).
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
    expect(Number(box?.[1])).toBeCloseTo(675, 0);
    expect(Number(box?.[2])).toBeCloseTo(375, 0);
  });

  it("writes self-contained HTML", () => {
    const html = fs.readFileSync(file("costs.html"), "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).toContain(`<title>${title}</title>`);
  });

  it("leaves no temporary files behind", () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("renderHtmlToPdf and screenshotHtml (for the CEO page)", () => {
  it("prints a page with a chart to one A4 page without page errors", () => {
    expect(pagePdf).toEqual({ pages: 1, errors: [] });
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(fs.readFileSync(file("page.pdf")).toString("latin1"));
    // A4 = 210×297 mm = 595×842 pt.
    expect(Number(box?.[1])).toBeCloseTo(595, -1);
    expect(Number(box?.[2])).toBeCloseTo(842, -1);
  });

  it("writes a screenshot of the viewport", () => {
    expect(pageShot.errors).toEqual([]);
    const png = fs.readFileSync(file("page.png"));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([900, 700]);
  });
});

describe("export without a browser", () => {
  it("rejects bad options before starting Chromium, and writes nothing", async () => {
    const target = file("bad.png");
    await expect(exportFigure(figure, target, { scale: 0 })).rejects.toThrow(RangeError);
    await expect(exportFigure(figure, target, { width: 10 })).rejects.toThrow(/width must be an integer 50\.\.10000/);
    await expect(exportFigure(figure, file("bad.jpg"))).rejects.toThrow(/\.png, \.svg, \.pdf or \.html/);
    expect(fs.existsSync(target)).toBe(false);
  });

  it("exportFigures refuses a PNG larger than Chromium can draw before starting Chromium, and writes nothing", async () => {
    const target = file("huge.png");
    await expect(exportFigure(figure, target, { width: 10_000, height: 10_000, scale: 3 })).rejects.toThrow(
      /30,000 × 30,000 pixels .* more than Chromium can draw/,
    );
    expect(fs.existsSync(target)).toBe(false);
    // SVG and PDF are vectors: the scale does not apply.
    expect(exportSizeProblem(16_384, 16_384, 1)).toBeUndefined();
    expect(exportSizeProblem(16_385, 16_384, 1)).toMatch(/16,385 × 16,384 pixels/);
    expect(exportSizeProblem(10_000, 100, 4)).toMatch(/40,000 × 400 pixels/);
  });

  it("renderStatic never returns an empty image: Chromium's 0-byte answer for an oversized canvas is an error", async () => {
    const stub = { page: { evaluate: async () => "data:," }, errors: [] } as unknown as ExportPage;
    await expect(renderStatic(stub, { figure, path: "x.png", format: "png", width: 900, height: 500, scale: 1 })).rejects.toThrow(
      /could not render x\.png as png: Chromium returned not a PNG \(0 bytes\)/,
    );
    const svgStub = { page: { evaluate: async () => "data:image/svg+xml," }, errors: [] } as unknown as ExportPage;
    await expect(renderStatic(svgStub, { figure, path: "x.svg", format: "svg", width: 900, height: 500, scale: 1 })).rejects.toThrow(/not an SVG document/);
  });

  it("says to run `npm run setup` when Chromium is missing, and writes nothing", async () => {
    const saved = process.env["CHURNLAB_CHROMIUM"];
    process.env["CHURNLAB_CHROMIUM"] = path.join(dir, "no-chromium");
    try {
      await expect(
        exportFigures([
          { figure, path: file("a.html") },
          { figure, path: file("a.png") },
        ]),
      ).rejects.toThrow(/npm run setup/);
      expect(fs.existsSync(file("a.html"))).toBe(false);
      // HTML alone needs no browser.
      const [html] = await exportFigures([{ figure, path: file("a.htm") }]);
      expect(html?.format).toBe("html");
    } finally {
      if (saved === undefined) delete process.env["CHURNLAB_CHROMIUM"];
      else process.env["CHURNLAB_CHROMIUM"] = saved;
    }
  });

  it("tells formats by extension, case-insensitively", () => {
    expect(["a.PNG", "b.svg", "c.pdf", "d.html", "e.htm"].map(formatFromPath)).toEqual(["png", "svg", "pdf", "html", "html"]);
    expect(() => formatFromPath("noext")).toThrow(RangeError);
  });
});

describe("the machine's fonts", () => {
  it("include a Simplified Chinese Noto Sans CJK font (installed by npm run setup)", () => {
    let families = "";
    try {
      families = execFileSync("fc-list", [":lang=zh-cn", "family"], { encoding: "utf8" });
    } catch {
      return; // no fontconfig tools: nothing to check here
    }
    expect(families).toContain("Noto Sans CJK SC");
  });
});
