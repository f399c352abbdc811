import type { Figure } from "./Figure";
import type { BarTrace, PlotlyAxis, PlotlyTrace } from "./plotlyTypes";
import { baseLayout, paletteColor, semanticColors } from "./theme";
import { referenceLineLayout, type ReferenceLine } from "./referenceLines";

/** One series of bars: a value per category. */
export interface BarSeries {
  /** Legend name (from `t(...)`). */
  name: string;
  /** One value per category (NaN draws no bar). */
  values: readonly number[];
  /** One colour for the series, or one per bar (e.g. tier colours). Default: the palette in order. */
  color?: string | readonly string[];
  /** Text on the bars, one per category (e.g. formatted 万元). */
  text?: readonly string[];
  /** Legend entry of a series with one colour per bar (default its name), drawn with a neutral swatch: no single bar's colour speaks for the series. */
  legendName?: string;
}

/** Options of {@link barChart}. */
export interface BarChartOptions {
  /** Category labels, in display order. */
  categories: readonly string[];
  series: readonly BarSeries[];
  title: string;
  /** Title of the category axis. */
  xTitle: string;
  /** Title of the value axis, with its unit. */
  yTitle: string;
  /** "v" vertical bars (default) or "h" horizontal (long labels, tornado-like rankings). */
  orientation?: "v" | "h";
  /** "group" (default) side by side, or "stack". */
  barmode?: "group" | "stack";
  /** Value-axis tick format (d3-format), e.g. ".0%" or ",.0f". */
  valueTickFormat?: string;
  /** Reference lines on the value axis, in the values' units. */
  referenceLines?: ReadonlyArray<Omit<ReferenceLine, "axis">>;
}

/**
 * Replaces the legend entry of a bar trace with one colour per bar (whose
 * swatch would show the first bar's colour, e.g. tier 1's red for a series
 * that is mostly tier 4's blue) by a neutral marker under `name`. Mutates
 * `data` (the builder's own new array).
 *
 * @example
 * hideColourfulLegend(figure.data, 0, "Model scores (colour = risk tier)");
 */
export function hideColourfulLegend(data: PlotlyTrace[], index: number, name: string): void {
  const trace = data[index];
  if (trace === undefined) return;
  const group = `legend-${index}`;
  trace.showlegend = false;
  trace.legendgroup = group;
  data.push({
    type: "scatter",
    mode: "markers",
    x: [null],
    y: [null],
    name,
    legendgroup: group,
    showlegend: true,
    hoverinfo: "skip",
    marker: { symbol: "square", size: 12, color: semanticColors.reference },
  });
}

/**
 * A themed bar chart of one or more series over categories (cost lines,
 * stated vs recomputed figures, tier shares). With `orientation: "h"` the
 * categories run down the y axis (first category on top); `xTitle` still
 * names the categories and `yTitle` the values.
 *
 * @throws RangeError when a series' values (or colours, texts) do not match the categories in length, or there are no series.
 * @example
 * barChart({ categories: ["一次性", "年度"], series: [{ name: "成本", values: [280, 804] }], title: "首年成本", xTitle: "类别", yTitle: "金额（万元）" }).data[0].y; // [280, 804]
 */
export function barChart(options: BarChartOptions): Figure {
  const { categories, series } = options;
  if (series.length === 0) throw new RangeError("barChart needs at least one series");
  const horizontal = options.orientation === "h";
  const data: PlotlyTrace[] = series.map((s, i) => {
    if (s.values.length !== categories.length) throw new RangeError(`series "${s.name}" has ${s.values.length} values for ${categories.length} categories`);
    if (Array.isArray(s.color) && s.color.length !== categories.length)
      throw new RangeError(`series "${s.name}" has ${s.color.length} colours for ${categories.length} categories`);
    if (s.text !== undefined && s.text.length !== categories.length)
      throw new RangeError(`series "${s.name}" has ${s.text.length} texts for ${categories.length} categories`);
    const color = s.color ?? paletteColor(i);
    const trace: BarTrace = {
      type: "bar",
      name: s.name,
      orientation: horizontal ? "h" : "v",
      x: horizontal ? [...s.values] : [...categories],
      y: horizontal ? [...categories] : [...s.values],
      marker: { color: Array.isArray(color) ? [...color] : color },
    };
    if (s.text !== undefined) {
      trace.text = [...s.text];
      trace.textposition = "auto";
    }
    return trace;
  });
  series.forEach((s, i) => {
    if (series.length > 1 && Array.isArray(s.color)) hideColourfulLegend(data, i, s.legendName ?? s.name);
  });
  const lines = referenceLineLayout((options.referenceLines ?? []).map((line) => ({ ...line, axis: horizontal ? ("x" as const) : ("y" as const) })));
  const valueAxis: PlotlyAxis = options.valueTickFormat !== undefined ? { tickformat: options.valueTickFormat } : {};
  const categoryAxis: PlotlyAxis = horizontal ? { autorange: "reversed", type: "category" } : { type: "category" };
  const layout = baseLayout(options.title, horizontal ? options.yTitle : options.xTitle, horizontal ? options.xTitle : options.yTitle, {
    barmode: options.barmode ?? "group",
    showlegend: series.length > 1,
    shapes: lines.shapes,
    annotations: lines.annotations,
    xaxis: horizontal ? valueAxis : categoryAxis,
    yaxis: horizontal ? categoryAxis : valueAxis,
  });
  return { data, layout };
}
