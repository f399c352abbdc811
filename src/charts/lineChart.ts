import type { Figure } from "./Figure";
import type { ScatterTrace } from "./plotlyTypes";
import { baseLayout, paletteColor, semanticColors } from "./theme";
import { referenceLineLayout, type ReferenceLine } from "./referenceLines";

/** One line. */
export interface LineSeries {
  name: string;
  /** One value per x (NaN leaves a gap). */
  y: readonly number[];
  color?: string;
  dash?: "solid" | "dot" | "dash" | "longdash" | "dashdot";
  /** Draw markers on the points (default false). */
  markers?: boolean;
}

/** An uncertainty band between two curves (e.g. the 5th–95th percentile of simulated outcomes). */
export interface Band {
  name: string;
  lower: readonly number[];
  upper: readonly number[];
  /** Fill colour (default the theme's band colour; use semanticColors.bandInner for an inner band). */
  color?: string;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Shared x values (numbers, e.g. months, or category labels). */
  x: readonly (number | string)[];
  series: readonly LineSeries[];
  /** Bands drawn under the lines, outermost first (a fan chart). */
  bands?: readonly Band[];
  title: string;
  xTitle: string;
  yTitle: string;
  yTickFormat?: string;
  xTickFormat?: string;
  referenceLines?: readonly ReferenceLine[];
}

/**
 * A themed line chart, optionally a fan chart: shaded bands (e.g. 5–95% and
 * 25–75% of simulated cumulative ROI per month) under median lines.
 *
 * @throws RangeError when a series or band does not have one value per x, or a band's lower exceeds its upper somewhere.
 * @example
 * lineChart({ x: [1, 2], series: [{ name: "中位数", y: [0.1, 0.5] }], bands: [{ name: "5–95%", lower: [0, 0.2], upper: [0.3, 0.9] }], title: "累计ROI", xTitle: "月份", yTitle: "ROI（%）" }).data.length; // 3
 */
export function lineChart(options: LineChartOptions): Figure {
  const n = options.x.length;
  const x = [...options.x];
  const data: ScatterTrace[] = [];
  for (const band of options.bands ?? []) {
    if (band.lower.length !== n || band.upper.length !== n)
      throw new RangeError(`band "${band.name}" needs ${n} lower and upper values, got ${band.lower.length} and ${band.upper.length}`);
    band.lower.forEach((lo, i) => {
      const hi = band.upper[i] as number;
      if (lo > hi) throw new RangeError(`band "${band.name}": lower ${lo} > upper ${hi} at index ${i}`);
    });
    const fill = band.color ?? semanticColors.band;
    data.push({
      type: "scatter",
      mode: "lines",
      x,
      y: [...band.lower],
      line: { width: 0, color: fill },
      name: band.name,
      legendgroup: band.name,
      showlegend: false,
      hoverinfo: "skip",
    });
    data.push({
      type: "scatter",
      mode: "lines",
      x,
      y: [...band.upper],
      line: { width: 0, color: fill },
      fill: "tonexty",
      fillcolor: fill,
      name: band.name,
      legendgroup: band.name,
      showlegend: true,
      hoverinfo: "skip",
    });
  }
  options.series.forEach((s, i) => {
    if (s.y.length !== n) throw new RangeError(`series "${s.name}" has ${s.y.length} values for ${n} x values`);
    data.push({
      type: "scatter",
      mode: s.markers ? "lines+markers" : "lines",
      x,
      y: [...s.y],
      name: s.name,
      line: { color: s.color ?? paletteColor(i), width: 2.5, dash: s.dash ?? "solid" },
    });
  });
  const lines = referenceLineLayout(options.referenceLines ?? []);
  const layout = baseLayout(options.title, options.xTitle, options.yTitle, {
    shapes: lines.shapes,
    annotations: lines.annotations,
    showlegend: data.length > 1,
    hovermode: "x unified",
    xaxis: options.xTickFormat !== undefined ? { tickformat: options.xTickFormat } : {},
    yaxis: options.yTickFormat !== undefined ? { tickformat: options.yTickFormat } : {},
  });
  return { data, layout };
}
