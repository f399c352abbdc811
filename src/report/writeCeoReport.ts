import * as fs from "node:fs";
import * as path from "node:path";
import { renderHtmlToPdf, screenshotHtml, withBrowser } from "../charts/browser";
import type { Lang } from "../charts/labels";
import { writeFilesAtomic } from "../io/writeFileAtomic";
import { makeTempFolder, releaseTemp } from "../io/tempFiles";
import { buildCeoPage } from "./buildCeoPage";
import { pageOverflowError } from "./pageOverflow";
import type { CeoPageInputs } from "./CeoPageInputs";
import { collectCeoInputs, type CeoRunOptions } from "./collectCeoInputs";

/** Options of {@link writeCeoReport}. */
export interface CeoReportOptions extends CeoRunOptions {
  /** Output folder (created when missing). */
  outDir: string;
  /** Page language (default "zh"). */
  lang?: Lang;
}

/** What {@link writeCeoReport} wrote. */
export interface CeoReportResult {
  /** Path of `ceo-page.html` (self-contained, offline). */
  html: string;
  /** Path of `ceo-page.pdf` (one A4 page). */
  pdf: string;
  /** Path of `ceo-page.png` (the A4 sheet at 2× for review, 1588 × 2246 px). */
  screenshot: string;
  /** The figures the page shows. */
  inputs: CeoPageInputs;
}

/** File names of the report in its output folder. */
export const ceoReportFiles = { html: "ceo-page.html", pdf: "ceo-page.pdf", screenshot: "ceo-page.png" } as const;

/** A4 at 96 CSS px per inch: 210 × 297 mm. */
const a4 = { width: 794, height: 1123 } as const;

/**
 * Writes the CEO one-pager for a plan file: `ceo-page.html` (self-contained,
 * offline), `ceo-page.pdf` (exactly one A4 page, printed by headless
 * Chromium through the charts layer) and `ceo-page.png` (a 2× screenshot for
 * review). The three files are written together, atomically: on any failure
 * (bad plan, a chart that does not draw, a console error, a page that
 * overflows onto a second PDF page) nothing is written.
 *
 * @param planFile path of a plan or uncertain-plan JSON file
 * @param options output folder, language and the run's options ({@link CeoRunOptions})
 * @returns the three paths and the page's inputs
 * @throws InputError(planFile, problems) for an unreadable or invalid plan (CLI exit 2)
 * @throws Error when Chromium is missing, the page reports errors or it does not fit on one page
 * @example
 * await writeCeoReport("data/plans/seed-plan-uncertain.json", { outDir: "out", lang: "zh", trials: 20000, seed: 1 })
 * // { html: "out/ceo-page.html", pdf: "out/ceo-page.pdf", screenshot: "out/ceo-page.png", inputs: {...} }
 */
export async function writeCeoReport(planFile: string, options: CeoReportOptions): Promise<CeoReportResult> {
  const { outDir, lang = "zh", ...run } = options;
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) throw new Error(`output folder ${outDir} is a file`);
  const inputs = await collectCeoInputs(planFile, run);
  return { ...(await exportCeoPage(inputs, { outDir, lang })), inputs };
}

/**
 * Writes the CEO page for inputs already computed (e.g. in a notebook):
 * `ceo-page.html`, `ceo-page.pdf` (exactly one A4 page) and `ceo-page.png`
 * (the A4 sheet at 2×), rendered by headless Chromium through the charts
 * layer and written together, atomically: on a console error, a chart that
 * does not draw or a page that overflows onto a second PDF page, nothing is
 * written.
 *
 * @param inputs the page's inputs ({@link collectCeoInputs})
 * @param options output folder (created when missing) and language (default "zh")
 * @returns the three paths
 * @throws InputError naming the plan's fields (JSON paths) when its texts or its number of tiers or stages push the page past one A4 page
 * @throws Error when Chromium is missing or the page reports errors
 * @example
 * await exportCeoPage(inputs, { outDir: "out/ceo", lang: "en" }) // { html: "out/ceo/ceo-page.html", pdf: "out/ceo/ceo-page.pdf", screenshot: "out/ceo/ceo-page.png" }
 */
export async function exportCeoPage(
  inputs: CeoPageInputs,
  options: { outDir: string; lang?: Lang },
): Promise<{ html: string; pdf: string; screenshot: string }> {
  const { outDir, lang = "zh" } = options;
  if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory()) throw new Error(`output folder ${outDir} is a file`);
  const html = buildCeoPage(inputs, lang);
  const staging = makeTempFolder("ceo");
  try {
    const pdfFile = path.join(staging, ceoReportFiles.pdf);
    const pngFile = path.join(staging, ceoReportFiles.screenshot);
    const { overflow, errors } = await withBrowser(async (browser) => {
      const printed = await renderHtmlToPdf(html, pdfFile, { browser, format: "A4" });
      if (printed.pages !== 1) return { overflow: await pageOverflowError(browser, html, a4, inputs, printed.pages), errors: printed.errors };
      const shot = await screenshotHtml(html, pngFile, { browser, width: a4.width, height: a4.height, scale: 2, fullPage: false });
      return { overflow: undefined, errors: [...printed.errors, ...shot.errors] };
    });
    if (errors.length > 0) throw new Error(`the CEO page reported errors in Chromium: ${errors.join(" | ")}`);
    if (overflow !== undefined) throw overflow;
    const out = {
      html: path.join(outDir, ceoReportFiles.html),
      pdf: path.join(outDir, ceoReportFiles.pdf),
      screenshot: path.join(outDir, ceoReportFiles.screenshot),
    };
    writeFilesAtomic(
      new Map<string, string | Uint8Array>([
        [out.html, html],
        [out.pdf, fs.readFileSync(pdfFile)],
        [out.screenshot, fs.readFileSync(pngFile)],
      ]),
    );
    return out;
  } finally {
    releaseTemp(staging);
  }
}
