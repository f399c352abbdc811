/// <reference lib="dom" />
import * as path from "node:path";
import type { Browser } from "playwright-core";
import type { FigureSpec } from "./Figure";
import { titleTextOf } from "./plainObject";
import { defaultSize } from "./theme";
import { figureElementHtml } from "./figureHtml";
import { htmlDocument } from "./htmlDocument";
import { launchBrowser, withBrowser } from "./browser";
import { openExportPage, type ExportPage } from "./exportPage";
import { exportSizeProblem, renderStatic } from "./renderStatic";

export { exportSizeProblem } from "./renderStatic";
import { withSharedExportPage } from "./sharedBrowser";
import { inNotebookKernel } from "./notebookKernel";
import { writeFilesAtomic } from "../io/writeFileAtomic";
import { bundleForFigures, type PlotlyBundleName } from "./plotlyBundle";
import type { Lang } from "./labels";

/** File formats a figure exports to. */
export type ExportFormat = "png" | "svg" | "pdf" | "html";

/** The export formats, for validation and help texts. */
export const exportFormats: readonly ExportFormat[] = ["png", "svg", "pdf", "html"];

/** Size and resolution options of one export. */
export interface ExportOptions {
  /** Format; default from the file extension (.png, .svg, .pdf, .html/.htm). */
  format?: ExportFormat;
  /** PNG pixel ratio, 0 < scale <= 10 (default 1; 2 or 3 for slides). Ignored by vector formats. */
  scale?: number;
  /** Width in CSS px, 50..10000 (default the layout width, else 900). */
  width?: number;
  /** Height in CSS px, 50..10000 (default the layout height, else 500). */
  height?: number;
  /** HTML page title (html only; default the chart title). */
  title?: string;
}

/** One figure to write to one file. */
export interface ExportJob extends ExportOptions {
  figure: FigureSpec;
  path: string;
}

/** What an export wrote. */
export interface ExportResult {
  path: string;
  format: ExportFormat;
  bytes: number;
  width: number;
  height: number;
}

/**
 * The export format a file name implies.
 *
 * @throws RangeError for an extension other than .png, .svg, .pdf, .html, .htm.
 * @example
 * formatFromPath("out/roi.PNG"); // "png"
 */
export function formatFromPath(filePath: string): ExportFormat {
  const ext = path.extname(filePath).toLowerCase().slice(1);
  if (ext === "htm") return "html";
  if (ext === "png" || ext === "svg" || ext === "pdf" || ext === "html") return ext;
  throw new RangeError(`cannot tell the export format from "${filePath}": use .png, .svg, .pdf or .html, or give a format`);
}

/** Options of {@link figureToHtml}. */
export interface FigureHtmlOptions {
  /** Page title (default the chart title). */
  title?: string;
  /** The page's `lang` attribute (default "zh"). */
  lang?: Lang;
  /** CSS width of the chart (default the layout width, else 100%). */
  width?: string;
  /** CSS height of the chart (default the layout height, else 500px). */
  height?: string;
}

/**
 * A self-contained HTML page showing one interactive chart: the smallest
 * plotly.js distribution that draws it is inlined (minified: 1.1 MB for bars
 * and lines, 4.6 MB for the full bundle), so it works offline, with no CDN or
 * other network request.
 *
 * @example
 * figureToHtml(figure, { title: "ROI" }).startsWith("<!DOCTYPE html>"); // true
 */
export function figureToHtml(figure: FigureSpec, options: FigureHtmlOptions = {}): string {
  const element: { divId: string; width?: string; height?: string } = { divId: "churnlab-figure-1" };
  if (options.width !== undefined) element.width = options.width;
  if (options.height !== undefined) element.height = options.height;
  return htmlDocument({
    title: options.title ?? figureTitle(figure) ?? "churnlab chart",
    lang: options.lang ?? "zh",
    css: "body{padding:8px;}",
    body: figureElementHtml(figure, element),
    bundle: bundleForFigures([figure]),
  });
}

/**
 * Exports figures to PNG, SVG, PDF and self-contained HTML. Static formats
 * are rendered in ONE headless Chromium page with Plotly loaded, for the
 * whole batch (none is started when every job is HTML): PNG and SVG by
 * `Plotly.toImage`, PDF by printing a page sized exactly to the figure (one
 * page, vector text). In a notebook kernel that page is the kernel's shared
 * one (see `withSharedExportPage`), so only the first export of a session
 * pays for Chromium's start and Plotly's load. Every output is checked (a
 * PNG of the expected size, an SVG, a one-page PDF) and all files are written
 * together and atomically once every job has rendered: on any error nothing
 * is written.
 *
 * @param jobs - figures and target files; options per job (see {@link ExportOptions}).
 * @param browser - render in this open browser (default: the kernel's shared one in a notebook, else one launched for this batch).
 * @returns one result per job, in order.
 * @throws RangeError for a bad format, scale or size, or a PNG larger than Chromium can draw (see {@link exportSizeProblem});
 *   Error when Chromium is missing (run `npm run setup`), a chart fails to render or the renderer returns an invalid image.
 * @example
 * await exportFigures([
 *   { figure, path: "out/roi.png", scale: 2 },
 *   { figure, path: "out/roi.pdf" },
 * ]); // [{ path: "out/roi.png", format: "png", bytes: ..., width: 900, height: 500 }, ...]
 */
export async function exportFigures(jobs: readonly ExportJob[], browser?: Browser): Promise<ExportResult[]> {
  const planned = jobs.map(planJob);
  const render = async (target: ExportPage | undefined): Promise<Array<{ job: PlannedJob; bytes: Uint8Array }>> => {
    const outputs: Array<{ job: PlannedJob; bytes: Uint8Array }> = [];
    for (const job of planned) {
      if (job.format === "html") outputs.push({ job, bytes: Buffer.from(figureToHtml(job.figure, htmlOptions(job)), "utf8") });
      else if (target === undefined) throw new Error(`${job.path}: a ${job.format} export needs a browser page (bug: none was opened)`);
      else outputs.push({ job, bytes: await renderStatic(target, { ...job, format: job.format }) });
    }
    return outputs;
  };
  const statics = planned.filter((job) => job.format !== "html");
  const outputs = statics.length > 0 ? await renderInBrowser(render, browser, bundleForFigures(statics.map((job) => job.figure))) : await render(undefined);
  writeFilesAtomic(new Map(outputs.map(({ job, bytes }) => [job.path, bytes])));
  return outputs.map(({ job, bytes }) => ({ path: job.path, format: job.format, bytes: bytes.length, width: job.width, height: job.height }));
}

/**
 * Runs a batch on a page of the given browser, the kernel's shared page (full
 * bundle, kept for the session's later exports), or a browser launched for the
 * batch; an own page loads the smallest plotly.js bundle that draws the batch.
 */
async function renderInBrowser<T>(render: (target: ExportPage) => Promise<T>, browser: Browser | undefined, bundle: PlotlyBundleName): Promise<T> {
  const onOwnPage = async (b: Browser): Promise<T> => {
    const target = await openExportPage(b, bundle);
    try {
      return await render(target);
    } finally {
      await target.page.close();
    }
  };
  if (browser !== undefined) return onOwnPage(browser);
  if (inNotebookKernel()) return withSharedExportPage(render, launchBrowser);
  return withBrowser(onOwnPage);
}

/**
 * Exports one figure; the format comes from the extension unless given.
 *
 * @example
 * await exportFigure(figure, "out/roi.svg"); // { path: "out/roi.svg", format: "svg", ... }
 */
export async function exportFigure(figure: FigureSpec, filePath: string, options: ExportOptions = {}): Promise<ExportResult> {
  const [result] = await exportFigures([{ ...options, figure, path: filePath }]);
  if (result === undefined) throw new Error(`exporting ${filePath} gave no result (bug)`);
  return result;
}

/**
 * The size (CSS px) an export of `figure` gets: the options' width and
 * height, else the figure's layout size, else the default 900 × 500.
 *
 * @example
 * exportSize({ data: [], layout: { width: 400 } }, { height: 300 }); // { width: 400, height: 300 }
 */
export function exportSize(figure: FigureSpec, options: Pick<ExportOptions, "width" | "height"> = {}): { width: number; height: number } {
  const layoutWidth = figure.layout["width"];
  const layoutHeight = figure.layout["height"];
  return {
    width: options.width ?? (typeof layoutWidth === "number" ? layoutWidth : defaultSize.width),
    height: options.height ?? (typeof layoutHeight === "number" ? layoutHeight : defaultSize.height),
  };
}

interface PlannedJob {
  figure: FigureSpec;
  path: string;
  format: ExportFormat;
  scale: number;
  width: number;
  height: number;
  title?: string;
  /** Sizes the caller gave (the HTML page otherwise keeps a responsive width). */
  givenWidth?: number;
  givenHeight?: number;
}

function planJob(job: ExportJob, index: number): PlannedJob {
  const where = `export job ${index + 1} (${job.path})`;
  const format = job.format ?? formatFromPath(job.path);
  if (!exportFormats.includes(format)) throw new RangeError(`${where}: format must be png, svg, pdf or html, got "${String(format)}"`);
  const scale = job.scale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 10)) throw new RangeError(`${where}: scale must be > 0 and <= 10, got ${scale}`);
  const { width, height } = exportSize(job.figure, job);
  for (const [name, value] of [
    ["width", width],
    ["height", height],
  ] as const) {
    if (!(Number.isInteger(value) && value >= 50 && value <= 10_000)) throw new RangeError(`${where}: ${name} must be an integer 50..10000 px, got ${value}`);
  }
  const tooLarge = format === "png" ? exportSizeProblem(width, height, scale) : undefined;
  if (tooLarge !== undefined) throw new RangeError(`${where}: ${tooLarge}`);
  const planned: PlannedJob = { figure: job.figure, path: job.path, format, scale, width, height };
  if (job.title !== undefined) planned.title = job.title;
  if (job.width !== undefined) planned.givenWidth = job.width;
  if (job.height !== undefined) planned.givenHeight = job.height;
  return planned;
}

function htmlOptions(job: PlannedJob): FigureHtmlOptions {
  const options: FigureHtmlOptions = {};
  if (job.title !== undefined) options.title = job.title;
  if (job.givenWidth !== undefined) options.width = `${job.givenWidth}px`;
  if (job.givenHeight !== undefined) options.height = `${job.givenHeight}px`;
  return options;
}

function figureTitle(figure: FigureSpec): string | undefined {
  return titleTextOf(figure.layout["title"]);
}
