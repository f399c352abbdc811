/// <reference lib="dom" />
import * as path from "node:path";
import type { Browser } from "playwright-core";
import type { Figure } from "./Figure";
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
  figure: Figure;
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
 * A self-contained HTML page showing one interactive chart: the plotly.js
 * bundle is inlined (about 4.6 MB, minified), so it works offline, with no CDN or other
 * network request.
 *
 * @example
 * figureToHtml(figure, { title: "ROI" }).startsWith("<!DOCTYPE html>"); // true
 */
export function figureToHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  const element: { divId: string; width?: string; height?: string } = { divId: "churnlab-figure-1" };
  if (options.width !== undefined) element.width = options.width;
  if (options.height !== undefined) element.height = options.height;
  return htmlDocument({
    title: options.title ?? figureTitle(figure) ?? "churnlab chart",
    lang: options.lang ?? "zh",
    css: "body{padding:8px;}",
    body: figureElementHtml(figure, element),
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
  const render = async (target: ExportPage | undefined): Promise<Uint8Array[]> => {
    const outputs: Uint8Array[] = [];
    for (const job of planned) {
      if (job.format === "html") outputs.push(Buffer.from(figureToHtml(job.figure, htmlOptions(job)), "utf8"));
      else outputs.push(await renderStatic(target as ExportPage, { ...job, format: job.format }));
    }
    return outputs;
  };
  const outputs = planned.some((job) => job.format !== "html") ? await renderInBrowser(render, browser) : await render(undefined);
  const files = new Map<string, Uint8Array>();
  planned.forEach((job, i) => {
    files.set(job.path, outputs[i] as Uint8Array);
  });
  writeFilesAtomic(files);
  return planned.map((job, i) => ({ path: job.path, format: job.format, bytes: (outputs[i] as Uint8Array).length, width: job.width, height: job.height }));
}

/** Runs a batch on a page of the given browser, the kernel's shared page, or a browser launched for the batch. */
async function renderInBrowser<T>(render: (target: ExportPage) => Promise<T>, browser: Browser | undefined): Promise<T> {
  const onOwnPage = async (b: Browser): Promise<T> => {
    const target = await openExportPage(b);
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
export async function exportFigure(figure: Figure, filePath: string, options: ExportOptions = {}): Promise<ExportResult> {
  const [result] = await exportFigures([{ ...options, figure, path: filePath }]);
  return result as ExportResult;
}

/**
 * The size (CSS px) an export of `figure` gets: the options' width and
 * height, else the figure's layout size, else the default 900 × 500.
 *
 * @example
 * exportSize({ data: [], layout: { width: 400 } }, { height: 300 }); // { width: 400, height: 300 }
 */
export function exportSize(figure: Figure, options: Pick<ExportOptions, "width" | "height"> = {}): { width: number; height: number } {
  const layoutWidth = figure.layout["width"];
  const layoutHeight = figure.layout["height"];
  return {
    width: options.width ?? (typeof layoutWidth === "number" ? layoutWidth : defaultSize.width),
    height: options.height ?? (typeof layoutHeight === "number" ? layoutHeight : defaultSize.height),
  };
}

interface PlannedJob {
  figure: Figure;
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

function figureTitle(figure: Figure): string | undefined {
  const title = figure.layout["title"];
  if (typeof title === "string") return title;
  if (typeof title === "object" && title !== null && typeof (title as { text?: unknown }).text === "string") return (title as { text: string }).text;
  return undefined;
}
