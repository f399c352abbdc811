import type { FigureSpec } from "./Figure";
import { isNumberArrayView } from "./plainObject";
import { applyTheme, defaultSize } from "./theme";

/** Options of {@link figureElementHtml}. */
export interface FigureElementOptions {
  /** Id of the chart's `<div>`; must be unique on the page. */
  divId: string;
  /** CSS width; default the figure's layout.width in px, else "100%". */
  width?: string;
  /** CSS height; default the figure's layout.height in px, else 500px. */
  height?: string;
  /** Milliseconds to wait for `window.Plotly` before showing a hint (default 15000). */
  waitMs?: number;
}

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>`: `<`, `>`,
 * `&` and the JavaScript line separators U+2028/U+2029 are escaped, typed
 * arrays become plain arrays, NaN and ±Infinity become null (a gap in Plotly).
 * With `significantDigits`, non-integer numbers are rounded to that many
 * significant digits (a chart needs no 17-digit floats; pages get smaller).
 *
 * Reference: OWASP XSS prevention, rule 3.1 (JSON in script blocks).
 *
 * @example
 * jsonForScript({ title: "</script>" }); // '{"title":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown, options: { significantDigits?: number } = {}): string {
  const digits = options.significantDigits;
  const round = (n: number): number => (digits === undefined || Number.isInteger(n) || !Number.isFinite(n) ? n : Number(n.toPrecision(digits)));
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (isNumberArrayView(v)) return Array.from(v, round);
    return typeof v === "number" ? round(v) : v;
  });
  return (json ?? "null")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * Escapes text for HTML element content and attribute values.
 *
 * @example
 * escapeHtml('a < b & "c"'); // "a &lt; b &amp; &quot;c&quot;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * The HTML of one themed chart: a `<div>` and a `<script>` that draws it with
 * `Plotly.newPlot` once `window.Plotly` exists (waiting for the bundle if it
 * is still loading; a hint replaces the chart if it never comes). The plotly
 * bundle itself is NOT included: see `plotlyScriptTag`.
 *
 * @example
 * figureElementHtml({ data: [], layout: {} }, { divId: "f1" }).startsWith('<div id="f1"'); // true
 */
export function figureElementHtml(figure: FigureSpec, options: FigureElementOptions): string {
  const themed = applyTheme(figure);
  const layoutWidth = themed.layout["width"];
  const layoutHeight = themed.layout["height"];
  const width = options.width ?? (typeof layoutWidth === "number" ? `${layoutWidth}px` : "100%");
  const height = options.height ?? `${typeof layoutHeight === "number" ? layoutHeight : defaultSize.height}px`;
  const id = escapeHtml(options.divId);
  const waitMs = options.waitMs ?? 15_000;
  // Five significant digits are far below a pixel on any chart, and a notebook full of curves stays small.
  const spec = jsonForScript({ data: themed.data, layout: themed.layout, config: themed.config ?? {} }, { significantDigits: 5 });
  return (
    `<div id="${id}" class="churnlab-figure" style="width:${escapeHtml(width)};height:${escapeHtml(height)};"></div>\n` +
    `<script type="text/javascript">(function () {\n` +
    `  var spec = ${spec};\n` +
    `  var el = document.getElementById(${jsonForScript(options.divId)});\n` +
    `  var started = Date.now();\n` +
    `  function draw() {\n` +
    `    if (!el) return;\n` +
    `    if (window.Plotly) { window.Plotly.newPlot(el, spec.data, spec.layout, spec.config); return; }\n` +
    `    if (Date.now() - started > ${waitMs}) {\n` +
    `      el.style.height = "auto";\n` +
    `      el.textContent = "Plotly is not loaded on this page: call resetDisplay() and re-run this cell. / 本页未加载 Plotly：请调用 resetDisplay() 后重新运行此单元格。";\n` +
    `      return;\n` +
    `    }\n` +
    `    setTimeout(draw, 50);\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}
