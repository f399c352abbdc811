import type { Figure } from "./Figure";
import type { PlotlyShape } from "./plotlyTypes";
import { withTitle, type ChartText } from "./chartText";
import { baseLayout, semanticColors } from "./theme";
import { histogram } from "./histogram";
import { labelEntry, t, type Lang } from "./labels";
import type { ConvergenceTrace, OutputSummary } from "../simulation/stats/summaries";

/**
 * Display name of an uncertain input: its `simulation.input.<name>` label when
 * there is one, else the name itself.
 *
 * @example
 * inputLabel("benefits.churnAfter", "en") // "churn after"
 */
export function inputLabel(name: string, lang: Lang = "zh"): string {
  const entry = labelEntry(`simulation.input.${name}`);
  return entry === undefined ? name : lang === "en" ? entry.en : entry.zh;
}

/** A fraction as whole percent without grouping, as the simulation charts label ROI lines ("359%"). */
export const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

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
 * Box-style comparison of ROI summaries (P5, P25, P50, P75, P95 in %) across scenarios.
 *
 * @example
 * scenarioFigure([{ name: "base", roi: result.roi }]).data[0].type // "box"
 */
export function scenarioFigure(scenarios: ReadonlyArray<{ name: string; roi: OutputSummary }>, options: { stated?: number } & ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const x = scenarios.map((s) => s.name);
  const shapes: PlotlyShape[] = [
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
