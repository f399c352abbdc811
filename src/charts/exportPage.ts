/// <reference lib="dom" />
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { htmlDocument } from "./htmlDocument";
import { plotlyBundleFile, plotlyVersion, type PlotlyBundleName } from "./plotlyBundle";
import { writeFileAtomic } from "../io/writeFileAtomic";
import "./plotlyWindow";

/** A browser page ready to render figures: Plotly loaded, plus the errors the page reported. */
export interface ExportPage {
  page: Page;
  /** Console errors and uncaught exceptions since the last {@link takePageErrors}. */
  errors: string[];
}

/**
 * A small HTML file that loads the minified plotly bundle from node_modules
 * by a file URL, kept in node_modules/.cache/churnlab. Loading the bundle as
 * a file is faster than sending it inline through the DevTools pipe (about
 * 30% on a loaded machine). Undefined when the cache folder is not writable.
 */
function exportPageFile(name: PlotlyBundleName): string | undefined {
  try {
    const bundle = plotlyBundleFile(name);
    const file = path.join(path.dirname(bundle), "..", ".cache", "churnlab", `export-page-${name}-${plotlyVersion(name)}.html`);
    if (!fs.existsSync(file)) {
      const head = `<meta charset="utf-8"><script src="${pathToFileURL(bundle).href}"></script>`;
      writeFileAtomic(file, `<!DOCTYPE html>\n<html><head>${head}<title>churnlab export</title></head><body style="margin:0"></body></html>\n`);
    }
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Opens a page of `browser` with Plotly loaded (the full bundle unless a
 * smaller one is named, see `bundleForFigures`), for `Plotly.toImage` and PDF
 * printing. The page collects console errors and exceptions in `errors`.
 *
 * @throws Error when Plotly does not load (the page's errors are named).
 * @example
 * const { page } = await openExportPage(browser); // page.evaluate(() => typeof Plotly) === "object"
 */
export async function openExportPage(browser: Browser, bundle: PlotlyBundleName = "full"): Promise<ExportPage> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  const file = exportPageFile(bundle);
  if (file !== undefined) await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  else await page.setContent(htmlDocument({ title: "churnlab export", body: "", bundle }), { waitUntil: "load" });
  const ready = await page.evaluate(() => typeof window.Plotly === "object");
  if (!ready) {
    await page.close();
    throw new Error(`plotly did not load in Chromium${errors.length ? `: ${errors.join(" | ")}` : ""}`);
  }
  return { page, errors };
}

/**
 * Returns the errors a page reported since the last call and forgets them,
 * so a long-lived page names only the errors of the current job.
 *
 * @example
 * takePageErrors(exportPage); // [] when nothing went wrong
 */
export function takePageErrors(target: ExportPage): string[] {
  return target.errors.splice(0, target.errors.length);
}
