/// <reference lib="dom" />
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { writeFileAtomic } from "../io/writeFileAtomic";
import { makeTempFolder, releaseTemp, tryReleaseTemp } from "../io/tempFiles";
import { inlinedBundle, plotlyBundleFile, plotlyScriptTag, type PlotlyBundleName } from "./plotlyBundle";
import { inNotebookKernel } from "./notebookKernel";
import { withSharedBrowser } from "./sharedBrowser";

/** Chromium flags for a quiet, offline, headless run (no sandbox: runs as root in CI). */
const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The Chromium executable used for static export: Debian's `/usr/bin/chromium`
 * (installed by `npm run setup`), or `CHURNLAB_CHROMIUM` when set to another
 * system Chromium. A browser is never downloaded.
 *
 * @example
 * chromiumExecutable(); // "/usr/bin/chromium"
 */
function chromiumExecutable(): string {
  const fromEnv = process.env["CHURNLAB_CHROMIUM"];
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : "/usr/bin/chromium";
}

/**
 * Launches headless Chromium — the ONE place the project starts a browser.
 * Close it when done (or use {@link withBrowser}). Its profile lives in a
 * `churnlab-<pid>-browser-*` temporary folder, removed when the browser
 * disconnects (and by the next run if this process is killed).
 *
 * @throws Error saying to run `npm run setup` when the executable is missing.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumExecutable();
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: run \`npm run setup\` (installs Debian's chromium and CJK fonts), or set CHURNLAB_CHROMIUM to a system Chromium`,
    );
  }
  // Loaded here, not at import: playwright-core takes most of a second to load, and most notebook cells never export.
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  // Playwright makes its profile and artifact folders in os.tmpdir(), named without an owner: point TMPDIR at a
  // churnlab temporary folder (pid in its name) while it launches, so a killed run's browser files are found and removed.
  const profile = makeTempFolder("browser");
  const saved = process.env["TMPDIR"];
  process.env["TMPDIR"] = profile;
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    const browser = await chromium.launch({ executablePath, args: [...chromiumArgs], headless: true, env });
    browser.on("disconnected", () => tryReleaseTemp(profile));
    return browser;
  } catch (err) {
    releaseTemp(profile);
    throw err;
  } finally {
    if (saved === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = saved;
  }
}

/**
 * Runs `fn` with a freshly launched headless Chromium and always closes it;
 * in a notebook kernel, with the kernel's shared browser instead (kept open
 * for the next export, see `withSharedBrowser`).
 *
 * @example
 * const title = await withBrowser(async (browser) => {
 *   const page = await browser.newPage();
 *   await page.setContent("<title>hi</title>");
 *   return page.title();
 * }); // "hi"
 */
export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  // A notebook kernel keeps one browser: its second and later exports skip Chromium's start.
  if (inNotebookKernel()) return withSharedBrowser(fn, launchBrowser);
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Options of {@link openHtmlPage}. */
export interface OpenHtmlOptions {
  /** Viewport width in CSS px (default 1240, about A4 at 150 dpi). */
  width?: number;
  /** Viewport height in CSS px (default 1754). */
  height?: number;
  /** Device scale factor for screenshots (default 1). */
  scale?: number;
  /** Milliseconds to wait for charts to draw (default 30000). */
  timeoutMs?: number;
}

/** A page with HTML loaded and its charts drawn, plus the errors it reported. */
export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
}

/**
 * Opens HTML in a new page of `browser` and waits until fonts are loaded and
 * every `.churnlab-figure` chart has drawn (has an SVG plot area).
 *
 * @throws Error when a chart does not draw within the timeout.
 */
export async function openHtmlPage(browser: Browser, html: string, options: OpenHtmlOptions = {}): Promise<OpenedPage> {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1240, height: options.height ?? 1754 },
    deviceScaleFactor: options.scale ?? 1,
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await loadHtml(page, html);
  await waitForCharts(page, options.timeoutMs ?? 30_000, errors);
  return { page, errors };
}

/**
 * Loads a page's HTML. A page that inlines a plotly bundle is loaded from a
 * temporary file that takes the bundle from node_modules by a file URL
 * instead: Chromium then reads it from disk rather than through the DevTools
 * pipe and compiles it while parsing (about a third faster).
 */
async function loadHtml(page: Page, html: string): Promise<void> {
  const inlined = inlinedBundle(html);
  const bundle = inlined === undefined ? undefined : bundleFileUrl(inlined);
  if (inlined === undefined || bundle === undefined) {
    await page.setContent(html, { waitUntil: "load" });
    return;
  }
  const folder = makeTempFolder("page");
  try {
    const file = path.join(folder, "page.html");
    fs.writeFileSync(file, html.split(plotlyScriptTag(inlined)).join(`<script src="${bundle}"></script>`));
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  } finally {
    releaseTemp(folder);
  }
}

function bundleFileUrl(name: PlotlyBundleName): string | undefined {
  try {
    return pathToFileURL(plotlyBundleFile(name)).href;
  } catch {
    return undefined;
  }
}

/** Waits until fonts are ready and every `.churnlab-figure` has a Plotly SVG. */
async function waitForCharts(page: Page, timeoutMs: number, errors: readonly string[]): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const figures = Array.from(document.querySelectorAll(".churnlab-figure"));
        return figures.every((el) => el.querySelector(".main-svg") !== null);
      },
      undefined,
      { timeout: timeoutMs },
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  } catch (err) {
    const detail = errors.length > 0 ? `; page errors: ${errors.join(" | ")}` : "";
    throw new Error(`charts did not draw within ${timeoutMs} ms${detail}`, { cause: err });
  }
}

/** Options of {@link renderHtmlToPdf}. */
export interface PdfOptions {
  /** Paper format (default "A4"). */
  format?: "A4" | "A3" | "Letter";
  /** Landscape orientation (default false). */
  landscape?: boolean;
  /** Page margins as CSS lengths (default 0 on every side: the HTML sets its own). */
  margin?: { top?: string; right?: string; bottom?: string; left?: string };
  /** Reuse this browser instead of launching one. */
  browser?: Browser;
}

/**
 * Prints HTML (e.g. the CEO page) to a PDF file, with backgrounds, after its
 * charts have drawn. Written atomically.
 *
 * @returns the PDF's page count and the page errors seen while rendering.
 * @throws Error when Chromium is missing or charts do not draw.
 * @example
 * await renderHtmlToPdf("<h1>一页</h1>", "out/page.pdf"); // { pages: 1, errors: [] }
 */
export async function renderHtmlToPdf(html: string, path: string, options: PdfOptions = {}): Promise<{ pages: number; errors: string[] }> {
  const run = async (browser: Browser) => {
    const { page, errors } = await openHtmlPage(browser, html);
    try {
      const pdf = await page.pdf({
        format: options.format ?? "A4",
        landscape: options.landscape ?? false,
        printBackground: true,
        margin: { top: "0", right: "0", bottom: "0", left: "0", ...options.margin },
      });
      writeFileAtomic(path, pdf);
      return { pages: pdfPageCount(pdf), errors };
    } finally {
      await page.close();
    }
  };
  return options.browser ? run(options.browser) : withBrowser(run);
}

/** Options of {@link screenshotHtml}. */
export interface ScreenshotOptions extends OpenHtmlOptions {
  /** Capture the whole scrollable page (default true). */
  fullPage?: boolean;
  /** Reuse this browser instead of launching one. */
  browser?: Browser;
  /** Image format (default "png"); "jpeg" makes a much smaller preview, e.g. to show in a notebook. */
  type?: "png" | "jpeg";
  /** JPEG quality 0..100 (default 80); ignored for PNG. */
  quality?: number;
}

/**
 * Renders HTML and writes a PNG (or JPEG) screenshot, after its charts have drawn.
 * Written atomically.
 *
 * @returns the page errors seen while rendering (console errors, exceptions).
 * @example
 * await screenshotHtml("<h1>一页</h1>", "out/page.png", { width: 800, height: 600 }); // { errors: [] }
 */
export async function screenshotHtml(html: string, path: string, options: ScreenshotOptions = {}): Promise<{ errors: string[] }> {
  const run = async (browser: Browser) => {
    const { page, errors } = await openHtmlPage(browser, html, options);
    try {
      const type = options.type ?? "png";
      const png = await page.screenshot({ fullPage: options.fullPage ?? true, type, ...(type === "jpeg" ? { quality: options.quality ?? 80 } : {}) });
      writeFileAtomic(path, png);
      return { errors };
    } finally {
      await page.close();
    }
  };
  return options.browser ? run(options.browser) : withBrowser(run);
}

/**
 * Counts the pages of a PDF by its page objects (`/Type /Page`, not `/Pages`).
 * Enough for Chromium's PDFs, whose page objects are not compressed.
 *
 * @example
 * pdfPageCount(Buffer.from("<< /Type /Pages /Count 1 >> << /Type /Page >>")); // 1
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}
