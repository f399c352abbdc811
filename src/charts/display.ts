import type { FigureSpec } from "./Figure";
import { titleTextOf } from "./plainObject";
import { escapeHtml, figureElementHtml } from "./figureHtml";
import { inlinedBundle, plotlyScriptTag } from "./plotlyBundle";
import { t, type Lang } from "./labels";
import { isDataFrameLike, tableHtml, type TableOptions, type TableSource } from "./tableHtml";
import { registerDisplayFormatter } from "./richDisplay";
import { inNotebookKernel } from "./notebookKernel";

/** Where notebook HTML goes: tslab's `display` (the default) or any stand-in, e.g. in tests. */
export interface HtmlDisplay {
  html(html: string): void;
}

/** Options of {@link show} and {@link showMany}. */
export interface ShowOptions {
  /** Display to write to; default tslab's `display` when running in a tslab kernel. */
  display?: HtmlDisplay;
  /** CSS width of the chart (default the layout width, else "100%"). */
  width?: string;
  /** CSS height of the chart (default the layout height, else 500px). */
  height?: string;
}

/**
 * Kernel-wide display state. It lives on `globalThis`, not in module
 * variables, because tslab recompiles and reloads `src/` modules when cells
 * re-import them: module state would reset and re-send the bundle each time.
 */
interface DisplayState {
  bundleSent: boolean;
  figureCount: number;
  sessionId: string;
  /** Language of tables shown without one (a DataFrame left as a cell's last value). */
  lang: Lang;
}

declare global {
  /** The notebook display's state, one per kernel (shared by every copy of this module the kernel loads). */
  var __churnlabDisplay: DisplayState | undefined;
}

function displayState(): DisplayState {
  globalThis.__churnlabDisplay ??= { bundleSent: false, figureCount: 0, sessionId: Date.now().toString(36), lang: "zh" };
  return globalThis.__churnlabDisplay;
}

/**
 * Shows a figure interactively in a tslab notebook cell.
 *
 * The plotly.js bundle (read from node_modules, no CDN) is sent once per
 * kernel, with the first chart; later charts only add a `<div>` and a
 * `Plotly.newPlot` call. Works in Jupyter Notebook 6, JupyterLab and in
 * nbconvert's HTML export (whose pages run the outputs' scripts in order).
 * Outside a notebook (vitest, tsx scripts) nothing is drawn: one line naming
 * the chart is printed to stdout instead, and nothing throws.
 *
 * @param figure - a Plotly figure; the theme is applied.
 * @example
 * show(barChart({ ... })); // in a notebook cell: the chart appears below the cell
 */
export function show(figure: FigureSpec, options: ShowOptions = {}): void {
  const elementOptions = sizeOptions(options);
  const html = figureElementHtml(figure, { divId: nextDivId(), ...elementOptions });
  emit(html, options.display, [chartLine(titleOf(figure))]);
}

/**
 * Shows several figures in a grid in one cell output.
 *
 * @param figures - the figures, in reading order.
 * @param options - `columns` (default 2, 1..6) plus {@link ShowOptions}; each chart's height defaults to 400px.
 * @throws RangeError when columns is not an integer 1..6.
 * @example
 * showMany([costFigure, benefitFigure], { columns: 2 });
 */
export function showMany(figures: readonly FigureSpec[], options: ShowOptions & { columns?: number } = {}): void {
  const columns = options.columns ?? 2;
  if (!Number.isInteger(columns) || columns < 1 || columns > 6) throw new RangeError(`columns must be an integer 1..6, got ${columns}`);
  const cells = figures.map(
    (figure) =>
      `<div style="min-width:0">${figureElementHtml(figure, { divId: nextDivId(), width: options.width ?? "100%", height: options.height ?? "400px" })}</div>`,
  );
  const html = `<div class="churnlab-grid" style="display:grid;grid-template-columns:repeat(${columns},minmax(0,1fr));gap:12px;">${cells.join("\n")}</div>`;
  emit(
    html,
    options.display,
    figures.map((figure) => chartLine(titleOf(figure))),
  );
}

/**
 * Shows rows, one record or a danfojs DataFrame/Series as an HTML table in a
 * notebook cell (see `tableHtml`: headers in the chosen language, numbers
 * right-aligned in their formats, long tables cut with a count). Use it
 * instead of `console.table`. Outside a notebook one line is printed instead.
 *
 * @param source - rows, a record (item/value rows) or a DataFrame/Series.
 * @param options - columns (key, header, format, digits), `lang` (default the display language, see {@link setDisplayLanguage}), `maxRows`, `caption`.
 * @throws RangeError for a bad maxRows or digits.
 * @example
 * showTable(costRows, { lang: "en", columns: [{ key: "line", header: "cost line" }, { key: "yuan", header: "stated", format: "wan" }] });
 */
export function showTable(source: TableSource, options: TableOptions & { display?: HtmlDisplay } = {}): void {
  const html = tableHtml(source, { ...options, lang: options.lang ?? displayState().lang });
  emit(html, options.display, [t("chart.outputNotInNotebook", "en", { title: options.caption ?? t("chart.table", "en") })], false);
}

/**
 * Sets the language of tables shown without an explicit `lang`: a DataFrame
 * left as a cell's last value, and {@link showTable} calls without `lang`.
 * Call it once at the top of a notebook with the notebook's `lang`.
 *
 * @example
 * setDisplayLanguage("en");
 */
export function setDisplayLanguage(lang: Lang): void {
  displayState().lang = lang;
}

/**
 * Shows a complete HTML page (e.g. the CEO page) in an `<iframe>` in a
 * notebook cell, so its styles stay apart from the notebook's. A page that
 * inlines a plotly bundle runs the notebook's (full) copy instead (sent once
 * per kernel), so the notebook does not carry the 4.6 MB bundle twice.
 *
 * @param html - a page from `htmlDocument` (or any complete HTML document).
 * @param options - CSS `width` and `height` of the frame (default 820px × 1150px).
 * @example
 * showPage(buildCeoPage(inputs, "en"), { width: "820px", height: "1150px" });
 */
export function showPage(html: string, options: ShowOptions = {}): void {
  // The notebook's copy is the full bundle, which draws whatever the page's own (maybe smaller) bundle draws.
  const inlined = inlinedBundle(html);
  const page = inlined === undefined ? html : html.split(plotlyScriptTag(inlined)).join(parentBundleScript);
  const frame = `<iframe class="churnlab-page" srcdoc="${escapeHtml(page)}" style="width:${escapeHtml(options.width ?? "820px")};height:${escapeHtml(options.height ?? "1150px")};border:1px solid #D5DBDF;background:#E9ECEF"></iframe>`;
  emit(frame, options.display, [t("chart.outputNotInNotebook", "en", { title: t("chart.page", "en") })], page !== html);
}

/**
 * Runs, inside a page's frame, the plotly bundle the notebook already holds
 * (the script element `emit` sent), so the frame gets its own Plotly without
 * the page carrying the bundle again. (Drawing with the notebook window's
 * Plotly instead loses titles, legends and annotations: Plotly measures and
 * lays out text in its own document.)
 */
const parentBundleScript =
  `<script>(function () { var found = window.parent && window.parent.document.querySelector('script[data-churnlab="plotly-bundle"]');` +
  ` if (!found) { console.error("churnlab: the notebook's plotly bundle is not on this page: call resetDisplay() and re-run"); return; }` +
  ` var own = document.createElement("script"); own.text = found.textContent; document.head.appendChild(own); })();</script>`;

/**
 * Forgets that the plotly bundle was sent, so the next {@link show} sends it
 * again. Use after reloading the notebook page without restarting the kernel
 * (the page lost `window.Plotly`, the kernel still thinks it is there).
 *
 * @example
 * resetDisplay(); show(figure); // bundle re-sent with this chart
 */
export function resetDisplay(): void {
  displayState().bundleSent = false;
}

function sizeOptions(options: ShowOptions): { width?: string; height?: string } {
  const out: { width?: string; height?: string } = {};
  if (options.width !== undefined) out.width = options.width;
  if (options.height !== undefined) out.height = options.height;
  return out;
}

function nextDivId(): string {
  const state = displayState();
  state.figureCount += 1;
  return `churnlab-fig-${state.sessionId}-${state.figureCount}`;
}

function titleOf(figure: FigureSpec): string {
  return titleTextOf(figure.layout["title"]) ?? t("chart.untitled", "en");
}

const chartLine = (title: string): string => t("chart.notInNotebook", "en", { title });

/** Sends HTML to the notebook (with the plotly bundle once per kernel when it draws charts); outside a notebook prints the given lines. */
function emit(html: string, display: HtmlDisplay | undefined, linesOutside: readonly string[], needsPlotly = true): void {
  const target = display ?? tslabDisplay();
  if (target === undefined) {
    for (const line of linesOutside) process.stdout.write(`${line}\n`);
    return;
  }
  const state = displayState();
  const withBundle = state.bundleSent || !needsPlotly ? html : `${plotlyScriptTag()}\n${html}`;
  target.html(withBundle);
  if (needsPlotly) state.bundleSent = true;
}

/** tslab's display when this process is a tslab kernel that is ready to display; otherwise undefined. */
function tslabDisplay(): HtmlDisplay | undefined {
  if (!inNotebookKernel()) return undefined;
  try {
    const tslab = require("tslab") as typeof import("tslab");
    return {
      html(html: string) {
        tslab.display.html(html);
      },
    };
  } catch {
    return undefined;
  }
}

// A danfojs DataFrame or Series left as a cell's last value shows as a table (in the display language), not as its internals.
registerDisplayFormatter("churnlab:dataframe", (value) => {
  if (!isDataFrameLike(value)) return undefined;
  const [rows = 0, columns = 1] = value.shape;
  return { "text/html": tableHtml(value, { lang: displayState().lang }), "text/plain": `${value.constructor.name}: ${rows} rows × ${columns} columns` };
});
