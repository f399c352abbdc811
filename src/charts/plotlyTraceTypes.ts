/**
 * Every trace type the bundled plotly.js (plotly.js-dist-min 3.7) draws, as
 * `Plotly.PlotSchema.get().traces` lists them (a browser test keeps this
 * list equal to the bundle's). A trace with any other `type` would be drawn
 * as a scatter line by Plotly, silently: figure files are checked against it.
 */
export const plotlyTraceTypes = [
  "bar", "barpolar", "box", "candlestick", "carpet", "choropleth", "choroplethmap", "choroplethmapbox", "cone", "contour",
  "contourcarpet", "densitymap", "densitymapbox", "funnel", "funnelarea", "heatmap", "histogram", "histogram2d",
  "histogram2dcontour", "icicle", "image", "indicator", "isosurface", "mesh3d", "ohlc", "parcats", "parcoords", "pie",
  "sankey", "scatter", "scatter3d", "scattercarpet", "scattergeo", "scattergl", "scattermap", "scattermapbox",
  "scatterpolar", "scatterpolargl", "scattersmith", "scatterternary", "splom", "streamtube", "sunburst", "surface",
  "table", "treemap", "violin", "volume", "waterfall",
] as const;

/** A Plotly trace type. */
export type PlotlyTraceType = (typeof plotlyTraceTypes)[number];
