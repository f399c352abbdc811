import type { Figure } from "./Figure";
import { withTitle, type ChartText } from "./chartText";
import { baseLayout, palette, semanticColors } from "./theme";
import { histogram } from "./histogram";
import { labels, t, type Lang } from "./labels";
import type { ConvergenceTrace, OutputSummary } from "../simulation/stats/summaries";
import type { SpiderLine, TornadoBar } from "../simulation/montecarlo/sensitivity";

/**
 * Display name of an uncertain input: its `simulation.input.<name>` label when
 * there is one, else the name itself.
 *
 * @example
 * inputLabel("benefits.churnAfter", "en") // "churn after"
 */
export function inputLabel(name: string, lang: Lang = "zh"): string {
  const entry = (labels as Record<string, { zh: string; en: string } | undefined>)[`simulation.input.${name}`];
  return entry === undefined ? name : lang === "en" ? entry.en : entry.zh;
}

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

/** Options of {@link roiHistogramFigure}. */
export interface RoiHistogramOptions extends ChartText {
  /** The plan's stated ROI as a fraction (the article: 3.59); drawn as a line. */
  stated?: number;
  /** The MVP bar as a fraction (2); drawn as a line. */
  mvpBar?: number;
  bins?: number;
}

/**
 * Histogram of simulated ROI (in %) with lines at break-even, the MVP bar and the stated ROI.
 *
 * @example
 * roiHistogramFigure(result.samples.roi, { stated: 3.59, mvpBar: 2 }).data[0].type // "bar"
 */
export function roiHistogramFigure(roi: ArrayLike<number>, options: RoiHistogramOptions = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const lines: Array<{ axis: "x"; value: number; label: string; color?: string; dash?: "dash" | "dot" | "solid" }> = [
    { axis: "x", value: 0, label: t("simulation.breakEvenLine", lang), color: semanticColors.bad, dash: "dot" },
  ];
  if (options.mvpBar !== undefined)
    lines.push({
      axis: "x",
      value: options.mvpBar * 100,
      label: t("simulation.mvpBar", lang, { value: pct(options.mvpBar) }),
      color: semanticColors.reference,
    });
  if (options.stated !== undefined)
    lines.push({ axis: "x", value: options.stated * 100, label: t("simulation.stated", lang, { value: pct(options.stated) }), color: semanticColors.stated });
  const h: {
    values: ArrayLike<number>;
    title: string;
    xTitle: string;
    yTitle: string;
    displayScale: number;
    normalize: "share";
    referenceLines: typeof lines;
    color: string;
    bins?: number;
  } = {
    values: roi,
    title: t("simulation.roiHistogram.title", lang, { trials: roi.length.toLocaleString("en-US") }),
    xTitle: t("simulation.roi.axis", lang),
    yTitle: t("axis.share", lang),
    displayScale: 100,
    normalize: "share",
    referenceLines: lines,
    color: semanticColors.recomputed,
  };
  if (options.bins !== undefined) h.bins = options.bins;
  return withTitle(histogram(h), title);
}

/**
 * Tornado chart: for each input (widest swing on top), a bar from the base ROI
 * to the ROI at the input's P10 and one to the ROI at its P90, in %.
 *
 * @param bars from `tornado(plan).bars` (already sorted by swing)
 * @param baseRoi the ROI with every input at base (fraction)
 * @param top number of bars shown (default 12)
 * @example
 * tornadoFigure(tornado(plan).bars, tornado(plan).baseOutput).data.length // 2
 */
export function tornadoFigure(bars: readonly TornadoBar[], baseRoi: number, options: { top?: number } & ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const shown = bars
    .filter((b) => b.swing > 0)
    .slice(0, options.top ?? 12)
    .reverse();
  const y = shown.map((b) => inputLabel(b.name, lang));
  const trace = (key: "outputAtP10" | "outputAtP90", name: string, color: string): Record<string, unknown> => ({
    type: "bar",
    orientation: "h",
    y,
    x: shown.map((b) => (b[key] - baseRoi) * 100),
    base: baseRoi * 100,
    name,
    marker: { color },
    customdata: shown.map((b) => [key === "outputAtP10" ? b.p10 : b.p90, b[key] * 100]),
    hovertemplate: "%{y}: %{customdata[0]:.4g} → ROI %{customdata[1]:.0f}%<extra></extra>",
  });
  return withTitle(
    {
      data: [
        trace("outputAtP10", t("simulation.tornado.low", lang), palette[1] ?? "#E69F00"),
        trace("outputAtP90", t("simulation.tornado.high", lang), palette[0] ?? "#0072B2"),
      ],
      layout: baseLayout(t("simulation.tornado.title", lang), t("simulation.roi.axis", lang), t("simulation.input", lang), {
        barmode: "overlay",
        height: Math.max(400, 60 + 32 * shown.length),
        margin: { l: 220, t: 100 },
        shapes: [
          {
            type: "line",
            xref: "x",
            yref: "paper",
            x0: baseRoi * 100,
            x1: baseRoi * 100,
            y0: 0,
            y1: 1.04,
            line: { color: semanticColors.reference, width: 2, dash: "dash" },
          },
        ],
        annotations: [
          {
            xref: "x",
            yref: "paper",
            x: baseRoi * 100,
            y: 1.05,
            yanchor: "bottom",
            text: t("simulation.base", lang, { value: pct(baseRoi) }),
            showarrow: false,
          },
        ],
      }),
    },
    title,
  );
}

/**
 * First-order (with bootstrap interval) and total Sobol indices per input, as grouped bars.
 *
 * @example
 * sobolFigure([{ name: "benefits.ltvYuan", first: 0.36, firstCi: [0.3, 0.42], total: 0.38 }]).data.length // 2
 */
export function sobolFigure(
  rows: ReadonlyArray<{ name: string; first: number; firstCi: readonly [number, number]; total: number }>,
  options: { top?: number } & ChartText = {},
): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  // Largest index on top: Plotly draws the last category at the top of a horizontal bar chart.
  const shown = [...rows]
    .sort((a, b) => b.first - a.first)
    .slice(0, options.top ?? 10)
    .reverse();
  const y = shown.map((r) => inputLabel(r.name, lang));
  return withTitle(
    {
      data: [
        { type: "bar", orientation: "h", y, x: shown.map((r) => r.total), name: t("simulation.sobol.total", lang), marker: { color: semanticColors.stated } },
        {
          type: "bar",
          orientation: "h",
          y,
          x: shown.map((r) => r.first),
          name: t("simulation.sobol.first", lang),
          marker: { color: semanticColors.recomputed },
          error_x: {
            type: "data",
            symmetric: false,
            array: shown.map((r) => Math.max(0, r.firstCi[1] - r.first)),
            arrayminus: shown.map((r) => Math.max(0, r.first - r.firstCi[0])),
          },
        },
      ],
      layout: baseLayout(t("simulation.sobol.title", lang), t("simulation.sobol.axis", lang), t("simulation.input", lang), {
        barmode: "group",
        xaxis: { tickformat: ".0%" },
        margin: { l: 220 },
        height: Math.max(400, 80 + 44 * shown.length),
      }),
    },
    title,
  );
}

/**
 * Convergence of the mean ROI (in %) with a ±2 standard-error band, log trial axis.
 *
 * @example
 * convergenceFigure(result.convergence).layout.xaxis // { type: "log", ... }
 */
export function convergenceFigure(trace: ConvergenceTrace, options: ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const upper = trace.roiMean.map((m, i) => (m + 2 * (trace.roiMeanSe[i] ?? 0)) * 100);
  const lower = trace.roiMean.map((m, i) => (m - 2 * (trace.roiMeanSe[i] ?? 0)) * 100);
  return withTitle(
    {
      data: [
        { type: "scatter", mode: "lines", x: trace.trials, y: upper, line: { width: 0 }, showlegend: false, hoverinfo: "skip" },
        {
          type: "scatter",
          mode: "lines",
          x: trace.trials,
          y: lower,
          line: { width: 0 },
          fill: "tonexty",
          fillcolor: semanticColors.band,
          showlegend: false,
          hoverinfo: "skip",
        },
        {
          type: "scatter",
          mode: "lines+markers",
          x: trace.trials,
          y: trace.roiMean.map((m) => m * 100),
          name: t("simulation.convergence.mean", lang),
          line: { color: semanticColors.recomputed },
        },
      ],
      layout: baseLayout(t("simulation.convergence.title", lang), t("simulation.convergence.trials", lang), t("simulation.roi.axis", lang), {
        xaxis: { type: "log" },
      }),
    },
    title,
  );
}

/**
 * Spider plot: ROI (in %) against each input's percentile, one line per input.
 *
 * @example
 * spiderFigure(spider(plan)).data.length // one trace per input with a non-zero effect
 */
export function spiderFigure(lines: readonly SpiderLine[], options: { top?: number } & ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const ranked = lines
    .map((l) => ({ l, range: l.outputs.reduce((m, v) => Math.max(m, v), -Infinity) - l.outputs.reduce((m, v) => Math.min(m, v), Infinity) }))
    .filter((e) => e.range > 0)
    .sort((a, b) => b.range - a.range)
    .slice(0, options.top ?? 8);
  return withTitle(
    {
      data: ranked.map(({ l }, i) => ({
        type: "scatter",
        mode: "lines+markers",
        x: l.percentiles.map((p) => p * 100),
        y: l.outputs.map((o) => o * 100),
        name: inputLabel(l.name, lang),
        line: { color: palette[i % palette.length] },
      })),
      layout: baseLayout(t("simulation.spider.title", lang), t("simulation.spider.axis", lang), t("simulation.roi.axis", lang), { xaxis: { ticksuffix: "%" } }),
    },
    title,
  );
}

/**
 * Box-style comparison of ROI summaries (P5, P25, P50, P75, P95 in %) across scenarios.
 *
 * @example
 * scenarioFigure([{ name: "base", roi: result.roi }]).data[0].type // "box"
 */
export function scenarioFigure(scenarios: ReadonlyArray<{ name: string; roi: OutputSummary }>, options: { stated?: number } & ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const x = scenarios.map((s) => s.name);
  const shapes: Array<Record<string, unknown>> = [
    { type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: 0, y1: 0, line: { color: semanticColors.bad, dash: "dot", width: 2 } },
  ];
  if (options.stated !== undefined)
    shapes.push({
      type: "line",
      xref: "paper",
      yref: "y",
      x0: 0,
      x1: 1,
      y0: options.stated * 100,
      y1: options.stated * 100,
      line: { color: semanticColors.stated, dash: "dash", width: 2 },
    });
  return withTitle(
    {
      data: [
        {
          type: "box",
          x,
          q1: scenarios.map((s) => s.roi.p25 * 100),
          median: scenarios.map((s) => s.roi.p50 * 100),
          q3: scenarios.map((s) => s.roi.p75 * 100),
          lowerfence: scenarios.map((s) => s.roi.p5 * 100),
          upperfence: scenarios.map((s) => s.roi.p95 * 100),
          mean: scenarios.map((s) => s.roi.mean * 100),
          boxmean: true,
          marker: { color: semanticColors.recomputed },
          showlegend: false,
        },
      ],
      layout: baseLayout(t("simulation.scenarios.title", lang), t("simulation.scenarios.axis", lang), t("simulation.roi.axis", lang), { shapes }),
    },
    title,
  );
}
