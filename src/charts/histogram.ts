import type { Figure } from "./Figure";
import type { BarTrace } from "./plotlyTypes";
import { baseLayout, palette } from "./theme";
import { binCounts } from "./binCounts";
import { referenceLineLayout, type ReferenceLine } from "./referenceLines";

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** The sample (NaN/±Infinity are skipped). Raw values are binned here, so the figure stays small. */
  values: ArrayLike<number>;
  title: string;
  /** X-axis title with its unit, e.g. "ROI（%）". */
  xTitle: string;
  /** Y-axis title, e.g. "频数" or "占比". */
  yTitle: string;
  /** Number of bins (default: square-root rule, 10..60). */
  bins?: number;
  /** Bin range (default the data's min..max). */
  min?: number;
  max?: number;
  /** "count" (default) or "share" of the finite values (0..1, axis shown in %). */
  normalize?: "count" | "share";
  /** Multiply values before binning for display (e.g. 100 for percent, 1e-4 for 万元); default 1. */
  displayScale?: number;
  /** Bar colour (default the first palette colour). */
  color?: string;
  /** Legend/hover name of the bars (default the x-axis title: what was binned). */
  name?: string;
  /** Vertical/horizontal lines, e.g. the plan's stated value or a stop-loss threshold, in display units. */
  referenceLines?: readonly ReferenceLine[];
  /** X-axis tick format (d3-format). */
  xTickFormat?: string;
}

/**
 * A themed histogram of a sample, e.g. simulated ROI against the plan's
 * stated 359%. Values are binned in TypeScript ({@link binCounts}) and drawn
 * as a bar trace, so 100,000 Monte Carlo trials make a small figure.
 *
 * @throws RangeError for bad bins/range (see binCounts) or a non-positive displayScale.
 * @example
 * histogram({ values: [1, 2, 2, 3], title: "ROI", xTitle: "ROI (x)", yTitle: "Count", bins: 3 }).data[0].y; // [1, 2, 1]
 */
export function histogram(options: HistogramOptions): Figure {
  const scale = options.displayScale ?? 1;
  if (!(Number.isFinite(scale) && scale > 0)) throw new RangeError(`displayScale must be finite and > 0, got ${scale}`);
  const scaled = scale === 1 ? options.values : Array.from(options.values, (v) => v * scale);
  const binOptions: { bins?: number; min?: number; max?: number } = {};
  if (options.bins !== undefined) binOptions.bins = options.bins;
  if (options.min !== undefined) binOptions.min = options.min;
  if (options.max !== undefined) binOptions.max = options.max;
  const bins = binCounts(scaled, binOptions);
  const share = options.normalize === "share";
  const y = share ? bins.counts.map((c) => (bins.total === 0 ? 0 : c / bins.total)) : bins.counts;
  const trace: BarTrace = {
    type: "bar",
    x: bins.centers,
    y,
    width: bins.width,
    marker: { color: options.color ?? palette[0], line: { color: "#FFFFFF", width: 0.5 } },
    name: options.name ?? options.xTitle,
    customdata: bins.edges.slice(0, -1).map((lo, i) => [lo, bins.edges[i + 1] ?? lo]),
    hovertemplate: `[%{customdata[0]:.4g}, %{customdata[1]:.4g}): %{y${share ? ":.1%" : ""}}<extra></extra>`,
  };
  const lines = referenceLineLayout(options.referenceLines ?? []);
  const layout = baseLayout(options.title, options.xTitle, options.yTitle, {
    bargap: 0,
    showlegend: false,
    shapes: lines.shapes,
    annotations: lines.annotations,
    // ".1~%": whole percents stay "4%", half percents read "2.5%" (".0%" would print 2.5% and 3% both as "3%").
    yaxis: share ? { tickformat: ".1~%" } : {},
    xaxis: options.xTickFormat !== undefined ? { tickformat: options.xTickFormat } : {},
  });
  return { data: [trace], layout };
}
