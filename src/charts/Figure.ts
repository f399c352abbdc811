/**
 * A chart as a plain Plotly specification: traces, layout and optional config.
 *
 * Figure builders return this shape so they can be tested without a browser;
 * {@link show} draws it in a notebook and `exportFigures` renders it to
 * PNG/SVG/PDF/HTML. The bundled Plotly is v3: titles must be objects
 * (`{ text: "..." }`), plain string titles are no longer accepted.
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
  data: Array<Record<string, unknown>>;
  /** Plotly layout (`title`, `xaxis`, `yaxis`, `width`, `height`, ...). */
  layout: Record<string, unknown>;
  /** Plotly config (`displaylogo`, `responsive`, ...); optional. */
  config?: Record<string, unknown>;
}
