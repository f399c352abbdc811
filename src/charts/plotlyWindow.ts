/**
 * The part of Plotly's browser API the export code calls inside Chromium
 * (in `page.evaluate`, where the bundle sets `window.Plotly`).
 *
 * Reference: Plotly.js function reference, https://plotly.com/javascript/plotlyjs-function-reference/
 */
export interface PlotlyBrowserApi {
  /** Draws a figure (`{ data, layout, config }`) into an element. */
  newPlot(element: HTMLElement, figure: unknown): Promise<unknown>;
  /** Removes a plot and its listeners from an element. */
  purge(element: HTMLElement): void;
  /** Renders a figure to a data URL (PNG or SVG). */
  toImage(figure: unknown, options: { format: string; width: number; height: number; scale: number }): Promise<string>;
}

declare global {
  interface Window {
    /** Set by the plotly bundle once it has loaded. */
    Plotly?: PlotlyBrowserApi;
  }
}
