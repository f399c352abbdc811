import type { Lang } from "./labels";
import { escapeHtml } from "./figureHtml";
import { plotlyScriptTag, type PlotlyBundleName } from "./plotlyBundle";

/** Parts of a self-contained HTML page. */
export interface HtmlDocumentParts {
  /** Page title (escaped here). */
  title: string;
  /** Page language (default "zh", written as `lang="zh-CN"`). */
  lang?: Lang;
  /** Extra CSS, placed in a `<style>` element. */
  css?: string;
  /** Body HTML (not escaped: build it from escaped parts and `figureElementHtml`). */
  body: string;
  /** Inline the plotly.js bundle in the head (default true; false for pages without charts). */
  withPlotly?: boolean;
  /** Which plotly.js distribution to embed (default "full"; `bundleForFigures` picks the smallest that draws a page's figures). */
  bundle?: PlotlyBundleName;
}

/**
 * A complete, self-contained UTF-8 HTML page: no CDN, no external file. With
 * charts, the plotly.js bundle is inlined once in the head (about 4.6 MB, minified) and
 * each chart's `figureElementHtml` in the body draws itself. Used by
 * `figureToHtml` and reusable by the CEO page.
 *
 * @example
 * htmlDocument({ title: "一页纸", body: "<h1>留存计划</h1>", withPlotly: false });
 * // '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">...'
 */
export function htmlDocument(parts: HtmlDocumentParts): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${parts.lang === "en" ? "en" : "zh-CN"}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>html,body{margin:0;padding:0;background:#fff;}${parts.css ?? ""}</style>`,
    ...(parts.withPlotly === false ? [] : [plotlyScriptTag(parts.bundle)]),
    "</head>",
    "<body>",
    parts.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
