import type { Figure } from "./Figure";
import { figureElementHtml } from "./figureHtml";
import { plotlyScriptTag } from "./plotlyBundle";
import { t } from "./labels";
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
}

function displayState(): DisplayState {
  const holder = globalThis as typeof globalThis & { __churnlabDisplay?: DisplayState };
  holder.__churnlabDisplay ??= { bundleSent: false, figureCount: 0, sessionId: Date.now().toString(36) };
  return holder.__churnlabDisplay;
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
export function show(figure: Figure, options: ShowOptions = {}): void {
  const elementOptions = sizeOptions(options);
  const html = figureElementHtml(figure, { divId: nextDivId(), ...elementOptions });
  emit(html, options.display, [titleOf(figure)]);
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
export function showMany(figures: readonly Figure[], options: ShowOptions & { columns?: number } = {}): void {
  const columns = options.columns ?? 2;
  if (!Number.isInteger(columns) || columns < 1 || columns > 6) throw new RangeError(`columns must be an integer 1..6, got ${columns}`);
  const cells = figures.map(
    (figure) => `<div style="min-width:0">${figureElementHtml(figure, { divId: nextDivId(), width: options.width ?? "100%", height: options.height ?? "400px" })}</div>`,
  );
  const html = `<div class="churnlab-grid" style="display:grid;grid-template-columns:repeat(${columns},minmax(0,1fr));gap:12px;">${cells.join("\n")}</div>`;
  emit(html, options.display, figures.map(titleOf));
}

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

/** Whether the plotly bundle has been sent to the notebook by this kernel. */
export function isBundleSent(): boolean {
  return displayState().bundleSent;
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

function titleOf(figure: Figure): string {
  const title = figure.layout["title"];
  if (typeof title === "string") return title;
  if (typeof title === "object" && title !== null && typeof (title as { text?: unknown }).text === "string") return (title as { text: string }).text;
  return t("chart.untitled", "en");
}

function emit(html: string, display: HtmlDisplay | undefined, titles: readonly string[]): void {
  const target = display ?? tslabDisplay();
  if (target === undefined) {
    for (const title of titles) process.stdout.write(`${t("chart.notInNotebook", "en", { title })}\n`);
    return;
  }
  const state = displayState();
  const withBundle = state.bundleSent ? html : `${plotlyScriptTag()}\n${html}`;
  target.html(withBundle);
  state.bundleSent = true;
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
