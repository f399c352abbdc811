import type { PlotlyConfig, PlotlyLayout, PlotlyTrace } from "./plotlyTypes";

/**
 * A chart as a typed Plotly specification: traces, layout and optional config.
 *
 * Figure builders return this shape so they can be tested without a browser;
 * {@link show} draws it in a notebook and `exportFigures` renders it to
 * PNG/SVG/PDF/HTML. The trace kinds and layout fields are the ones churnlab
 * draws (see `plotlyTypes.ts`). The bundled Plotly is v3: titles must be
 * objects (`{ text: "..." }`), plain string titles are no longer accepted.
 *
 * Reference: Plotly.js figure reference, https://plotly.com/javascript/reference/
 *
 * @example
 * const figure: Figure = {
 *   data: [{ type: "bar", x: ["tier 1"], y: [1440000] }],
 *   layout: { title: { text: "Tier-1 budget" }, xaxis: { title: { text: "tier" } }, yaxis: { title: { text: "yuan" } } },
 * };
 */
export interface Figure {
  /** Plotly traces (`type`, `x`, `y`, `name`, `marker`, ...). */
  data: PlotlyTrace[];
  /** Plotly layout (`title`, `xaxis`, `yaxis`, `width`, `height`, ...). */
  layout: PlotlyLayout;
  /** Plotly config (`displaylogo`, `responsive`, ...); optional. */
  config?: PlotlyConfig;
}

/**
 * Any Plotly figure as JSON: what a saved figure file holds (checked at the
 * boundary by `figureSchema`: known trace types, size limits; other
 * attributes are Plotly's business) and what display and export accept. Every
 * {@link Figure} is one.
 */
export interface FigureSpec {
  data: ReadonlyArray<Readonly<Record<string, unknown>>>;
  layout: Readonly<Record<string, unknown>>;
  config?: Readonly<Record<string, unknown>>;
}
