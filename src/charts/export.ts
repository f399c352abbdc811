/// <reference lib="dom" />
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Figure } from "./Figure";
import { applyTheme, defaultSize } from "./theme";
import { figureElementHtml, jsonForScript } from "./figureHtml";
import { htmlDocument } from "./htmlDocument";
import { withBrowser, pdfPageCount } from "./browser";
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
 * are rendered in ONE headless Chromium for the whole batch (none is started
 * when every job is HTML): PNG and SVG by `Plotly.toImage`, PDF by printing a
 * page sized exactly to the figure (one page, vector text). All files are
 * written together and atomically once every job has rendered: on any error
 * nothing is written.
 *
 * @param jobs - figures and target files; options per job (see {@link ExportOptions}).
 * @param browser - reuse an open browser (default: launch one for this batch).
 * @returns one result per job, in order.
 * @throws RangeError for a bad format, scale or size; Error when Chromium is missing (run `npm run setup`) or a chart fails to render.
 * @example
 * await exportFigures([
 *   { figure, path: "out/roi.png", scale: 2 },
 *   { figure, path: "out/roi.pdf" },
 * ]); // [{ path: "out/roi.png", format: "png", bytes: ..., width: 900, height: 500 }, ...]
 */
export async function exportFigures(jobs: readonly ExportJob[], browser?: Browser): Promise<ExportResult[]> {
  const planned = jobs.map(planJob);
  const needsBrowser = planned.some((job) => job.format !== "html");
  const render = async (b: Browser | undefined): Promise<Uint8Array[]> => {
    let page: Page | undefined;
    const errors: string[] = [];
    try {
      const outputs: Uint8Array[] = [];
      for (const job of planned) {
        if (job.format === "html") {
          outputs.push(Buffer.from(figureToHtml(job.figure, htmlOptions(job)), "utf8"));
          continue;
        }
        if (page === undefined) page = await openExportPage(b as Browser, errors);
        outputs.push(await renderStatic(page, job, errors));
      }
      return outputs;
    } finally {
      if (page !== undefined) await page.close();
    }
  };
  const outputs = needsBrowser ? (browser ? await render(browser) : await withBrowser(render)) : await render(undefined);
  const files = new Map<string, Uint8Array>();
  planned.forEach((job, i) => files.set(job.path, outputs[i] as Uint8Array));
  writeFilesAtomic(files);
  return planned.map((job, i) => ({ path: job.path, format: job.format, bytes: (outputs[i] as Uint8Array).length, width: job.width, height: job.height }));
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
  const layoutWidth = job.figure.layout["width"];
  const layoutHeight = job.figure.layout["height"];
  const width = job.width ?? (typeof layoutWidth === "number" ? layoutWidth : defaultSize.width);
  const height = job.height ?? (typeof layoutHeight === "number" ? layoutHeight : defaultSize.height);
  for (const [name, value] of [["width", width], ["height", height]] as const) {
    if (!(Number.isInteger(value) && value >= 50 && value <= 10_000)) throw new RangeError(`${where}: ${name} must be an integer 50..10000 px, got ${value}`);
  }
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

async function openExportPage(browser: Browser, errors: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const html = htmlDocument({ title: "churnlab export", body: "" });
  await page.setContent(html, { waitUntil: "load" });
  const ready = await page.evaluate(() => typeof (window as unknown as { Plotly?: unknown }).Plotly === "object");
  if (!ready) throw new Error(`plotly did not load in Chromium${errors.length ? `: ${errors.join(" | ")}` : ""}`);
  return page;
}

async function renderStatic(page: Page, job: PlannedJob, errors: readonly string[]): Promise<Uint8Array> {
  const themed = applyTheme(job.figure);
  const spec = JSON.parse(jsonForScript({ data: themed.data, layout: { ...themed.layout, width: job.width, height: job.height }, config: { ...themed.config, responsive: false, staticPlot: true } })) as unknown;
  try {
    if (job.format === "pdf") return await renderPdf(page, spec, job);
    const url = await page.evaluate(
      async ({ spec, format, width, height, scale }) => {
        const w = window as unknown as { Plotly: { toImage(fig: unknown, opts: unknown): Promise<string> } };
        await document.fonts.ready;
        return w.Plotly.toImage(spec, { format, width, height, scale });
      },
      { spec, format: job.format, width: job.width, height: job.height, scale: job.scale },
    );
    return decodeDataUrl(url);
  } catch (err) {
    const detail = errors.length ? `; page errors: ${errors.join(" | ")}` : "";
    throw new Error(`could not render ${job.path} as ${job.format}: ${err instanceof Error ? err.message : String(err)}${detail}`, { cause: err });
  }
}

async function renderPdf(page: Page, spec: unknown, job: PlannedJob): Promise<Uint8Array> {
  await page.setViewportSize({ width: job.width, height: job.height });
  await page.evaluate(
    async ({ spec, width, height }) => {
      const w = window as unknown as { Plotly: { newPlot(el: HTMLElement, data: unknown, layout: unknown, config: unknown): Promise<unknown>; purge(el: HTMLElement): void } };
      const old = document.getElementById("churnlab-pdf-target");
      if (old) {
        w.Plotly.purge(old);
        old.remove();
      }
      const el = document.createElement("div");
      el.id = "churnlab-pdf-target";
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
      el.style.overflow = "hidden";
      document.body.appendChild(el);
      const s = spec as { data: unknown; layout: unknown; config: unknown };
      await w.Plotly.newPlot(el, s.data, s.layout, s.config);
      await document.fonts.ready;
    },
    { spec, width: job.width, height: job.height },
  );
  const pdf = await page.pdf({
    width: `${job.width}px`,
    height: `${job.height}px`,
    printBackground: true,
    margin: { top: "0", right: "0", bottom: "0", left: "0" },
    pageRanges: "1",
  });
  if (pdfPageCount(pdf) !== 1) throw new Error(`PDF of ${job.path} has ${pdfPageCount(pdf)} pages, expected 1`);
  return pdf;
}

/** Decodes a `data:` URL as produced by Plotly.toImage (base64 PNG or URI-encoded SVG). */
function decodeDataUrl(url: string): Uint8Array {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0) throw new Error("Plotly.toImage returned no data URL");
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return header.endsWith(";base64") ? Buffer.from(body, "base64") : Buffer.from(decodeURIComponent(body), "utf8");
}
