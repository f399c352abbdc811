import type { Figure } from "./Figure";
import type { BarTrace, HeatmapTrace, PlotlyTrace } from "./plotlyTypes";
import { chartText, withTitle, type ChartText } from "./chartText";
import { t, type Lang } from "./labels";
import { baseLayout, palette, paletteColor, semanticColors } from "./theme";
import { tickFormats } from "./format";
import { histogram } from "./histogram";
import type { BucketRate } from "../data/churnRateByBucket";
import type { KaplanMeierCurve } from "../data/kaplanMeier";
import type { CorrelationMatrix } from "../data/correlationMatrix";

/** Options of {@link churnRateByBucketChart}. */
export interface ChurnRateByBucketChartOptions extends ChartText {
  /** Signal name shown in the title and on the x axis (from `t("data.signal.…")`). */
  signal: string;
  /** Churn horizon in days (e.g. 90). */
  horizonDays: number;
  /** Bar colour (default the first palette colour). */
  color?: string;
}

/**
 * Bar chart of the churn rate in each bucket of a signal, with Wilson 95%
 * error bars and the number of customers per bucket in the hover text.
 *
 * @param buckets - from `churnRateByBucket` / `churnRateByCategory`.
 * @throws RangeError when there are no buckets or horizonDays is not positive.
 * @example
 * churnRateByBucketChart([{ label: "< 90", customers: 100, churners: 5, rate: 0.05, lower: 0.02, upper: 0.11 }], { signal: "recency", horizonDays: 90, lang: "en" }).data[0].y; // [0.05]
 */
export function churnRateByBucketChart(buckets: readonly BucketRate[], options: ChurnRateByBucketChartOptions): Figure {
  if (buckets.length === 0) throw new RangeError("churnRateByBucketChart needs at least one bucket");
  if (!(options.horizonDays > 0)) throw new RangeError(`horizonDays must be > 0, got ${options.horizonDays}`);
  const lang = options.lang ?? "zh";
  const title = options.title;
  const x = buckets.map((b) => (b.label === "missing" ? t("data.bucket.missing", lang) : b.label));
  const y = buckets.map((b) => b.rate);
  const trace: BarTrace = {
    type: "bar",
    x,
    y,
    marker: { color: options.color ?? palette[0] },
    error_y: {
      type: "data",
      symmetric: false,
      array: buckets.map((b) => (Number.isFinite(b.upper) ? b.upper - b.rate : 0)),
      arrayminus: buckets.map((b) => (Number.isFinite(b.lower) ? b.rate - b.lower : 0)),
      color: semanticColors.reference,
      thickness: 1.5,
    },
    text: buckets.map((b) => t("data.customersInBucket", lang, { n: b.customers })),
    hovertemplate: "%{x}: %{y:.1%}<br>%{text}<extra></extra>",
    name: t("data.churnRate", lang),
  };
  const layout = baseLayout(
    t("data.churnByBucket.title", lang, { signal: options.signal, days: options.horizonDays }),
    options.signal,
    t("data.churnRate", lang),
    { yaxis: { tickformat: tickFormats.percent1, rangemode: "tozero" }, xaxis: { type: "category" }, showlegend: false },
  );
  return withTitle({ data: [trace], layout }, title);
}

/** One named Kaplan–Meier curve. */
export interface NamedCurve {
  name: string;
  curve: KaplanMeierCurve;
}

/** Options of {@link survivalChart}. */
export interface SurvivalChartOptions extends ChartText {
  /** What the curves are grouped by, shown in the title (from `t("data.group.…")`). */
  group: string;
  /** Right end of the time axis (e.g. the history length in days); curves are extended flat to it. */
  maxTime: number;
  /** Confidence level of the bands, for the title (default 0.95). */
  level?: number;
}

/** At most this many steps per curve: a chart a few hundred pixels wide shows no more, and a notebook stays small. */
const MAX_STEPS = 200;

/**
 * The step curve's corners from time 0 to `maxTime`. Curves with more steps
 * than {@link MAX_STEPS} keep, in each of that many equal time slices, only
 * the last step (the value the curve has reached at the slice's end), so the
 * drawn shape is unchanged at screen resolution.
 */
function stepPoints(curve: KaplanMeierCurve, values: Float64Array, start: number, maxTime: number): { x: number[]; y: number[] } {
  const x: number[] = [0];
  const y: number[] = [start];
  const slice = maxTime / MAX_STEPS;
  for (let i = 0; i < curve.time.length; i++) {
    const time = curve.time[i] ?? 0;
    if (time > maxTime) break;
    const next = curve.time[i + 1];
    const sameSlice = next !== undefined && next <= maxTime && Math.floor(next / slice) === Math.floor(time / slice);
    if (curve.time.length > MAX_STEPS && sameSlice) continue;
    x.push(time);
    y.push(values[i] ?? NaN);
  }
  x.push(maxTime);
  y.push(y[y.length - 1] ?? start);
  return { x, y };
}

/**
 * Kaplan–Meier retention curves (step lines) with their confidence bands
 * (shaded), one colour per group: how the share still a customer falls over
 * time in each cohort or segment.
 *
 * @param curves - named curves from `kaplanMeier`.
 * @throws RangeError when there are no curves or maxTime is not positive.
 * @example
 * survivalChart([{ name: "economy", curve }], { group: "segment", maxTime: 728, lang: "en" }).data.length; // 3 (band lower, band upper, line)
 */
export function survivalChart(curves: readonly NamedCurve[], options: SurvivalChartOptions): Figure {
  if (curves.length === 0) throw new RangeError("survivalChart needs at least one curve");
  if (!(options.maxTime > 0)) throw new RangeError(`maxTime must be > 0, got ${options.maxTime}`);
  const lang = options.lang ?? "zh";
  const title = options.title;
  const data: PlotlyTrace[] = [];
  curves.forEach(({ name, curve }, k) => {
    const color = paletteColor(k);
    const fill = hexToRgba(color, 0.18);
    const lower = stepPoints(curve, curve.lower, 1, options.maxTime);
    const upper = stepPoints(curve, curve.upper, 1, options.maxTime);
    const line = stepPoints(curve, curve.survival, 1, options.maxTime);
    data.push({
      type: "scatter",
      mode: "lines",
      x: lower.x,
      y: lower.y,
      line: { width: 0, shape: "hv", color: fill },
      legendgroup: name,
      showlegend: false,
      hoverinfo: "skip",
    });
    data.push({
      type: "scatter",
      mode: "lines",
      x: upper.x,
      y: upper.y,
      line: { width: 0, shape: "hv", color: fill },
      fill: "tonexty",
      fillcolor: fill,
      legendgroup: name,
      showlegend: false,
      hoverinfo: "skip",
    });
    data.push({
      type: "scatter",
      mode: "lines",
      x: line.x,
      y: line.y,
      name: `${name} (n=${curve.n})`,
      legendgroup: name,
      line: { color, width: 2.5, shape: "hv" },
      hovertemplate: `${name}: %{y:.1%}<extra></extra>`,
    });
  });
  const level = `${Math.round((options.level ?? 0.95) * 100)}%`;
  const layout = baseLayout(t("data.survival.title", lang, { level, group: options.group }), t("data.survival.xTitle", lang), t("data.survival.yTitle", lang), {
    yaxis: { tickformat: tickFormats.percent },
    xaxis: { range: [0, options.maxTime] },
    hovermode: "x unified",
  });
  return withTitle({ data, layout }, title);
}

function hexToRgba(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return hex;
  return `rgba(${parseInt(m[1] ?? "0", 16)}, ${parseInt(m[2] ?? "0", 16)}, ${parseInt(m[3] ?? "0", 16)}, ${alpha})`;
}

/**
 * Histogram of the days between consecutive workshop visits, with the
 * nominal 180-day maintenance interval marked.
 *
 * @param gapsDays - from `daysBetweenVisits`.
 * @param text - "zh" (default) or "en", or `{ lang, title }` to replace the default title.
 * @example
 * visitGapsChart([170, 185, 30], "en").layout.shapes.length; // 1
 */
export function visitGapsChart(gapsDays: ArrayLike<number>, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  return withTitle(
    histogram({
      values: gapsDays,
      title: t("data.visitGaps.title", lang),
      xTitle: t("data.visitGaps.xTitle", lang),
      yTitle: t("axis.frequency", lang),
      bins: 40,
      min: 0,
      max: 600,
      referenceLines: [{ axis: "x", value: 180, label: t("data.visitGaps.reference", lang) }],
    }),
    title,
  );
}

/**
 * Heat map of a correlation matrix (blue negative, red positive, −1..1), each cell labelled with its value.
 *
 * @param matrix - from `correlationMatrix`.
 * @param labels - display name per variable (default the variable names).
 * @param text - "zh" (default) or "en", or `{ lang, title }` to replace the default title.
 * @throws RangeError when labels do not match the variables.
 * @example
 * correlationHeatmap({ names: ["a", "b"], values: [[1, 0.5], [0.5, 1]], counts: [[3, 3], [3, 3]] }).data[0].z; // [[1, 0.5], [0.5, 1]]
 */
export function correlationHeatmap(matrix: CorrelationMatrix, labels: readonly string[] = matrix.names, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (labels.length !== matrix.names.length) throw new RangeError(`need ${matrix.names.length} labels, got ${labels.length}`);
  const z = matrix.values.map((row) => row.map((v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null)));
  const trace: HeatmapTrace = {
    type: "heatmap",
    x: [...labels],
    y: [...labels],
    z,
    zmin: -1,
    zmax: 1,
    // Plotly's RdBu runs blue (zmin) to red (zmax): negative correlations blue, positive red.
    colorscale: "RdBu",
    reversescale: false,
    text: z.map((row) => row.map((v) => (v === null ? "" : v.toFixed(2)))),
    texttemplate: "%{text}",
    hovertemplate: "%{y} × %{x}: %{z:.2f}<extra></extra>",
    colorbar: { title: { text: t("data.correlation.colorbar", lang) } },
  };
  const layout = baseLayout(t("data.correlation.title", lang), t("data.correlation.axis", lang), t("data.correlation.axis", lang), {
    yaxis: { autorange: "reversed", automargin: true },
    xaxis: { tickangle: -35, automargin: true },
    height: 650,
    margin: { l: 200, b: 200 },
  });
  return withTitle({ data: [trace], layout }, title);
}
