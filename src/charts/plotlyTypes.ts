/**
 * Narrow types of the Plotly specification churnlab's figure builders write:
 * the trace kinds they draw (scatter, bar, box, heatmap, waterfall) and the
 * layout fields they set. Not the whole of Plotly (see `FigureSpec` for any
 * figure read from a file): a field a builder needs and this module lacks is
 * added here, with the type Plotly documents for it.
 *
 * The shapes are type aliases, not interfaces, so a typed figure is also a
 * plain JSON record (what export and display accept).
 *
 * Reference: Plotly.js figure reference, https://plotly.com/javascript/reference/
 */

/** A data value on an axis: a number, a category label, or null (a gap). */
export type Datum = number | string | null;
/** Values of a data array (plain arrays; typed arrays are serialised as arrays). */
export type DataArray = readonly Datum[] | ArrayLike<number>;

/** Font settings. */
export type PlotlyFont = { family?: string; size?: number; color?: string };

/** A title: Plotly v3 only accepts objects. */
export type PlotlyTitle = {
  text?: string;
  font?: PlotlyFont;
  x?: number;
  xanchor?: "auto" | "left" | "center" | "right";
  y?: number;
  yanchor?: "auto" | "top" | "middle" | "bottom";
  xref?: "paper" | "container";
  yref?: "paper" | "container";
  /** Distance (px) of an axis title from its tick labels. */
  standoff?: number;
};

/** A line's style. */
export type PlotlyDash = "solid" | "dot" | "dash" | "longdash" | "dashdot";
export type PlotlyLine = { color?: string; width?: number; dash?: PlotlyDash; shape?: "linear" | "hv" | "vh" | "spline" };

/** Marker of points or bars: one colour or one per point. */
export type PlotlyMarker = {
  color?: string | readonly string[] | readonly number[];
  size?: number | readonly number[];
  symbol?: string;
  opacity?: number;
  line?: { color?: string | readonly string[]; width?: number };
  colorscale?: string | ReadonlyArray<readonly [number, string]>;
  showscale?: boolean;
};

/** Error bars (`error_x`, `error_y`). */
export type PlotlyErrorBars = {
  type?: "data" | "percent" | "constant" | "sqrt";
  array?: readonly number[];
  arrayminus?: readonly number[];
  symmetric?: boolean;
  visible?: boolean;
  color?: string;
  thickness?: number;
  width?: number;
};

/** Attributes shared by the trace kinds below. */
type TraceBase = {
  name?: string;
  x?: DataArray;
  y?: DataArray;
  /** One text per point, or (a heatmap) one per cell. */
  text?: string | readonly string[] | ReadonlyArray<readonly string[]>;
  textposition?: "inside" | "outside" | "auto" | "none" | "top center" | "bottom center" | "middle right" | "middle left" | "top right" | "top left";
  texttemplate?: string;
  textfont?: PlotlyFont;
  hovertext?: string | readonly string[];
  hovertemplate?: string | readonly string[];
  hoverinfo?: string;
  customdata?: ReadonlyArray<Datum | readonly Datum[]>;
  showlegend?: boolean;
  legendgroup?: string;
  marker?: PlotlyMarker;
  opacity?: number;
  visible?: boolean | "legendonly";
  /** Axis the trace is drawn on, e.g. "x" or "y2". */
  xaxis?: string;
  yaxis?: string;
  orientation?: "v" | "h";
};

/** Lines and points. */
export type ScatterTrace = TraceBase & {
  type: "scatter";
  mode?: "lines" | "markers" | "lines+markers" | "text" | "markers+text" | "lines+markers+text" | "none";
  line?: PlotlyLine;
  fill?: "none" | "tozeroy" | "tozerox" | "tonexty" | "tonextx" | "toself" | "tonext";
  fillcolor?: string;
  error_x?: PlotlyErrorBars;
  error_y?: PlotlyErrorBars;
  connectgaps?: boolean;
  cliponaxis?: boolean;
};

/** Bars (also the binned histograms: churnlab bins in TypeScript and draws bars). */
export type BarTrace = TraceBase & {
  type: "bar";
  width?: number | readonly number[];
  base?: number | readonly number[];
  offsetgroup?: string;
  error_x?: PlotlyErrorBars;
  error_y?: PlotlyErrorBars;
  cliponaxis?: boolean;
  insidetextanchor?: "end" | "middle" | "start";
};

/** Box plots from precomputed statistics (quartiles, fences, mean). */
export type BoxTrace = TraceBase & {
  type: "box";
  q1?: readonly number[];
  median?: readonly number[];
  q3?: readonly number[];
  lowerfence?: readonly number[];
  upperfence?: readonly number[];
  mean?: readonly number[];
  boxmean?: boolean | "sd";
  boxpoints?: false | "all" | "outliers" | "suspectedoutliers";
  fillcolor?: string;
  line?: PlotlyLine;
};

/** A colour matrix. */
export type HeatmapTrace = TraceBase & {
  type: "heatmap";
  z: ReadonlyArray<ReadonlyArray<number | null>>;
  zmin?: number;
  zmax?: number;
  zmid?: number;
  colorscale?: string | ReadonlyArray<readonly [number, string]>;
  reversescale?: boolean;
  showscale?: boolean;
  colorbar?: { title?: PlotlyTitle; tickformat?: string; thickness?: number; len?: number };
  xgap?: number;
  ygap?: number;
};

/** A waterfall (bridges: a start total, steps, an end total). */
export type WaterfallTrace = TraceBase & {
  type: "waterfall";
  measure?: ReadonlyArray<"absolute" | "relative" | "total">;
  base?: number;
  connector?: { line?: PlotlyLine; visible?: boolean; mode?: "spanning" | "between" };
  increasing?: { marker?: PlotlyMarker };
  decreasing?: { marker?: PlotlyMarker };
  totals?: { marker?: PlotlyMarker };
  cliponaxis?: boolean;
};

/** A trace a churnlab builder draws. */
export type PlotlyTrace = ScatterTrace | BarTrace | BoxTrace | HeatmapTrace | WaterfallTrace;

/** A cartesian axis. */
export type PlotlyAxis = {
  title?: PlotlyTitle;
  type?: "-" | "linear" | "log" | "date" | "category";
  range?: readonly [Datum, Datum] | readonly number[];
  autorange?: boolean | "reversed";
  rangemode?: "normal" | "tozero" | "nonnegative";
  tickformat?: string;
  ticksuffix?: string;
  tickprefix?: string;
  tickmode?: "auto" | "linear" | "array";
  tickvals?: readonly Datum[];
  ticktext?: readonly string[];
  tickangle?: number | "auto";
  tickfont?: PlotlyFont;
  dtick?: number | string;
  nticks?: number;
  showgrid?: boolean;
  gridcolor?: string;
  linecolor?: string;
  zeroline?: boolean;
  zerolinecolor?: string;
  automargin?: boolean;
  fixedrange?: boolean;
  showticklabels?: boolean;
  /** For a second axis: the axis it is drawn over, e.g. "y". */
  overlaying?: string;
  side?: "left" | "right" | "top" | "bottom";
  anchor?: string;
  domain?: readonly [number, number];
  scaleanchor?: string;
  constrain?: "range" | "domain";
};

/** Where a shape's or annotation's coordinate is measured: an axis ("x", "y2") or the plot area ("paper"). */
export type PlotlyRef = string;

/** A line or rectangle drawn on the plot. */
export type PlotlyShape = {
  type: "line" | "rect" | "circle" | "path";
  xref?: PlotlyRef;
  yref?: PlotlyRef;
  x0?: Datum;
  x1?: Datum;
  y0?: Datum;
  y1?: Datum;
  line?: PlotlyLine;
  fillcolor?: string;
  opacity?: number;
  layer?: "above" | "below" | "between";
};

/** A text placed on the plot. */
export type PlotlyAnnotation = {
  text: string;
  xref?: PlotlyRef;
  yref?: PlotlyRef;
  x?: Datum;
  y?: Datum;
  xanchor?: "auto" | "left" | "center" | "right";
  yanchor?: "auto" | "top" | "middle" | "bottom";
  xshift?: number;
  yshift?: number;
  showarrow?: boolean;
  font?: PlotlyFont;
  bgcolor?: string;
  align?: "left" | "center" | "right";
  textangle?: number;
};

/** The legend. */
export type PlotlyLegend = {
  orientation?: "v" | "h";
  x?: number;
  xanchor?: "auto" | "left" | "center" | "right";
  y?: number;
  yanchor?: "auto" | "top" | "middle" | "bottom";
  yref?: "paper" | "container";
  xref?: "paper" | "container";
  traceorder?: string;
  font?: PlotlyFont;
  bgcolor?: string;
};

/** The figure's layout. */
export type PlotlyLayout = {
  title?: PlotlyTitle;
  xaxis?: PlotlyAxis;
  yaxis?: PlotlyAxis;
  /** Further axes: `xaxis2`, `yaxis2`, ... */
  [axis: `${"x" | "y"}axis${number}`]: PlotlyAxis | undefined;
  width?: number;
  height?: number;
  autosize?: boolean;
  font?: PlotlyFont;
  colorway?: readonly string[];
  paper_bgcolor?: string;
  plot_bgcolor?: string;
  margin?: { l?: number; r?: number; t?: number; b?: number; pad?: number };
  separators?: string;
  hoverlabel?: { font?: PlotlyFont };
  hovermode?: "x" | "y" | "closest" | "x unified" | "y unified" | false;
  legend?: PlotlyLegend;
  showlegend?: boolean;
  barmode?: "group" | "stack" | "overlay" | "relative";
  bargap?: number;
  bargroupgap?: number;
  boxmode?: "group" | "overlay";
  shapes?: readonly PlotlyShape[];
  annotations?: readonly PlotlyAnnotation[];
};

/** The figure's config. */
export type PlotlyConfig = {
  displaylogo?: boolean;
  displayModeBar?: boolean;
  responsive?: boolean;
  staticPlot?: boolean;
  scrollZoom?: boolean;
};
