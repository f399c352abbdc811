/// <reference lib="dom" />
import type { Page } from "playwright-core";
import type { FigureSpec } from "./Figure";
import { applyTheme } from "./theme";
import { jsonForScript } from "./figureHtml";
import { pdfPageCount } from "./browser";
import { takePageErrors, type ExportPage } from "./exportPage";
import "./plotlyWindow";

/** One static export, with its size settled: what {@link renderStatic} draws. */
export interface StaticJob {
  figure: FigureSpec;
  /** Target file, for messages. */
  path: string;
  format: "png" | "svg" | "pdf";
  /** CSS px. */
  width: number;
  height: number;
  /** PNG pixel ratio. */
  scale: number;
}

/**
 * Renders one figure on an export page (Plotly loaded): PNG and SVG by
 * `Plotly.toImage`, PDF by printing a page sized to the figure. The bytes are
 * checked before they are returned: a PNG with its signature and the
 * expected pixel size, an SVG document, a one-page PDF; an empty or damaged
 * image (Chromium returns one for a canvas it cannot allocate) is an error.
 *
 * @throws Error naming the file, the format and the page's errors when rendering fails or the output is invalid.
 * @example
 * const png = await renderStatic(exportPage, { figure, path: "roi.png", format: "png", width: 900, height: 500, scale: 2 }); // 1800 × 1000 PNG bytes
 */
export async function renderStatic(target: ExportPage, job: StaticJob): Promise<Uint8Array> {
  const { page } = target;
  takePageErrors(target);
  const themed = applyTheme(job.figure);
  const spec: unknown = JSON.parse(
    jsonForScript({
      data: themed.data,
      layout: { ...themed.layout, width: job.width, height: job.height },
      config: { ...themed.config, responsive: false, staticPlot: true },
    }),
  );
  let bytes: Uint8Array;
  try {
    bytes = job.format === "pdf" ? await renderPdf(page, spec, job) : decodeDataUrl(await toImage(page, spec, job));
  } catch (err) {
    const errors = takePageErrors(target);
    const detail = errors.length ? `; page errors: ${errors.join(" | ")}` : "";
    throw new Error(`could not render ${job.path} as ${job.format}: ${err instanceof Error ? err.message : String(err)}${detail}`, { cause: err });
  }
  return checkedOutput(job, bytes);
}

async function toImage(page: Page, spec: unknown, job: StaticJob): Promise<string> {
  return page.evaluate(
    async ({ spec, format, width, height, scale }) => {
      const plotly = window.Plotly;
      if (plotly === undefined) throw new Error("plotly is not loaded on the export page");
      await document.fonts.ready;
      return plotly.toImage(spec, { format, width, height, scale });
    },
    { spec, format: job.format, width: job.width, height: job.height, scale: job.scale },
  );
}

async function renderPdf(page: Page, spec: unknown, job: StaticJob): Promise<Uint8Array> {
  await page.setViewportSize({ width: job.width, height: job.height });
  await page.evaluate(
    async ({ spec, width, height }) => {
      const plotly = window.Plotly;
      if (plotly === undefined) throw new Error("plotly is not loaded on the export page");
      const old = document.getElementById("churnlab-pdf-target");
      if (old) {
        plotly.purge(old);
        old.remove();
      }
      const el = document.createElement("div");
      el.id = "churnlab-pdf-target";
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
      el.style.overflow = "hidden";
      document.body.appendChild(el);
      // newPlot takes the whole figure ({ data, layout, config }) as its second argument.
      await plotly.newPlot(el, spec);
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
  return pdf;
}

/** Chromium's canvas limits: at most 268,435,456 pixels (16,384²) in all, and (kept well inside its 65,535) 32,767 a side. */
export const maxCanvasPixels = 268_435_456;
const maxCanvasSide = 32_767;

/**
 * Why Chromium cannot draw a PNG of this size, or undefined when it can: the
 * image is `width × scale` by `height × scale` pixels, and a larger canvas
 * comes back empty (a 0-byte file), so such sizes are refused up front.
 *
 * @param width - CSS px; height - CSS px; scale - pixel ratio.
 * @example
 * exportSizeProblem(10_000, 10_000, 3);
 * // "30,000 × 30,000 pixels (10000 × 10000 px at scale 3) is more than Chromium can draw (at most 268,435,456 pixels, 16,384 × 16,384): lower the scale, width or height"
 * exportSizeProblem(900, 500, 3); // undefined
 */
export function exportSizeProblem(width: number, height: number, scale: number): string | undefined {
  const w = Math.ceil(width * scale);
  const h = Math.ceil(height * scale);
  if (w * h <= maxCanvasPixels && w <= maxCanvasSide && h <= maxCanvasSide) return undefined;
  const n = (x: number): string => x.toLocaleString("en-US");
  return `${n(w)} × ${n(h)} pixels (${width} × ${height} px at scale ${scale}) is more than Chromium can draw (at most ${n(maxCanvasPixels)} pixels, 16,384 × 16,384): lower the scale, width or height`;
}

/**
 * The rendered bytes after checking they are what the job asked for: a PNG
 * with its signature and the expected pixel size, an SVG document, a PDF.
 * An empty or damaged image is never written.
 */
function checkedOutput(job: StaticJob, bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let problem: string | undefined;
  if (job.format === "png") {
    const signature = buffer.length >= 24 && buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const size = signature ? [buffer.readUInt32BE(16), buffer.readUInt32BE(20)] : [0, 0];
    if (!signature) problem = `not a PNG (${buffer.length} bytes)`;
    else if (Math.abs((size[0] as number) - job.width * job.scale) >= 1 || Math.abs((size[1] as number) - job.height * job.scale) >= 1) {
      problem = `a PNG of ${size.join(" × ")} pixels instead of ${job.width * job.scale} × ${job.height * job.scale}`;
    }
  } else if (job.format === "svg" && !/^\s*<svg[\s>]/.test(buffer.subarray(0, 200).toString("utf8"))) problem = `not an SVG document (${buffer.length} bytes)`;
  else if (job.format === "pdf" && buffer.subarray(0, 5).toString("latin1") !== "%PDF-") problem = `not a PDF (${buffer.length} bytes)`;
  else if (job.format === "pdf" && pdfPageCount(buffer) !== 1) problem = `a PDF of ${pdfPageCount(buffer)} pages instead of 1`;
  if (problem !== undefined) throw new Error(`could not render ${job.path} as ${job.format}: Chromium returned ${problem}; nothing was written`);
  return bytes;
}

/** Decodes a `data:` URL as produced by Plotly.toImage (base64 PNG or URI-encoded SVG). */
function decodeDataUrl(url: string): Uint8Array {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0) throw new Error("Plotly.toImage returned no data URL");
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  return header.endsWith(";base64") ? Buffer.from(body, "base64") : Buffer.from(decodeURIComponent(body), "utf8");
}
