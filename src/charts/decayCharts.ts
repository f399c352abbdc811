import type { DecayBand } from "../actions/decayUncertainty";
import type { DecayFit } from "../actions/decayFit";
import type { Figure } from "./Figure";
import type { PlotlyAnnotation, PlotlyShape, PlotlyTrace, ScatterTrace } from "./plotlyTypes";
import { chartText, withTitle, type ChartText } from "./chartText";
import { tickFormats } from "./format";
import { t, type Lang } from "./labels";
import { baseLayout, paletteColor, semanticColors } from "./theme";

/** Options of {@link decayCurveChart}. */
export interface DecayCurveChartOptions {
  /** The plan's A/B points with posterior intervals (from `decayEvidence`; `lower`/`upper` optional). */
  points: { delays: readonly number[]; rates: readonly number[]; lower?: readonly number[]; upper?: readonly number[] };
  /** Parametric fits to draw; `chosen` (model name) is drawn solid and marked. */
  fits: readonly DecayFit[];
  chosen?: string;
  /** The PCHIP interpolation, evaluated on the band's (or a default) grid. */
  interpolation?: (d: number) => number;
  /** Posterior band of curves. */
  band?: DecayBand;
  /** The plan's best window [from, to] days, shaded (the first two values are used). */
  goldenWindow?: readonly number[];
  /** Delays to draw (default 0..35). */
  delays?: readonly number[];
}

/**
 * The save rate after a delay: the plan's A/B points (with their posterior
 * intervals as error bars), the fitted curves (the AIC choice solid), the
 * monotone interpolation (dotted), the posterior band, and the golden window.
 *
 * @example
 * decayCurveChart({ points: { delays: [7, 14, 21, 30], rates: [0.62, 0.55, 0.38, 0.22] }, fits: fitDecayModels(ab).fits }, "en").data.length; // 4
 */
export function decayCurveChart(options: DecayCurveChartOptions, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const delays = [...(options.delays ?? options.band?.delays ?? Array.from({ length: 36 }, (_, i) => i))];
  const data: PlotlyTrace[] = [];
  if (options.band !== undefined) {
    const b = options.band;
    const name = t("legend.band", lang, { low: Math.round(b.levels[0] * 100), high: Math.round(b.levels[1] * 100) });
    data.push({
      type: "scatter",
      mode: "lines",
      x: b.delays,
      y: b.lower,
      line: { width: 0, color: semanticColors.band },
      legendgroup: "band",
      showlegend: false,
      hoverinfo: "skip",
      name,
    });
    data.push({
      type: "scatter",
      mode: "lines",
      x: b.delays,
      y: b.upper,
      line: { width: 0, color: semanticColors.band },
      fill: "tonexty",
      fillcolor: semanticColors.band,
      legendgroup: "band",
      name,
    });
  }
  options.fits.forEach((fit, i) => {
    const chosen = fit.model === options.chosen;
    data.push({
      type: "scatter",
      mode: "lines",
      x: delays,
      y: delays.map((d) => fit.curve(d)),
      name: t(chosen ? "actions.series.fitChosen" : "actions.series.fit", lang, { model: fit.model }),
      line: { color: paletteColor(i), width: chosen ? 3 : 1.5, dash: chosen ? "solid" : "dash" },
    });
  });
  if (options.interpolation !== undefined) {
    const f = options.interpolation;
    data.push({
      type: "scatter",
      mode: "lines",
      x: delays,
      y: delays.map((d) => f(d)),
      name: t("actions.series.interpolation", lang),
      line: { color: semanticColors.reference, dash: "dot", width: 2 },
    });
  }
  const p = options.points;
  const point: ScatterTrace = {
    type: "scatter",
    mode: "markers",
    x: [...p.delays],
    y: [...p.rates],
    name: t("actions.series.abTest", lang),
    marker: { size: 11, color: semanticColors.bad, symbol: "diamond" },
  };
  if (p.lower !== undefined && p.upper !== undefined) {
    const lower = p.lower;
    const upper = p.upper;
    point["error_y"] = {
      type: "data",
      symmetric: false,
      array: p.rates.map((r, i) => (upper[i] as number) - r),
      arrayminus: p.rates.map((r, i) => r - (lower[i] as number)),
      color: semanticColors.bad,
    };
  }
  data.push(point);
  const shapes: PlotlyShape[] = [];
  const annotations: PlotlyAnnotation[] = [];
  const from = options.goldenWindow?.[0];
  const to = options.goldenWindow?.[1];
  if (from !== undefined && to !== undefined) {
    shapes.push({
      type: "rect",
      xref: "x",
      yref: "paper",
      x0: from,
      x1: to,
      y0: 0,
      y1: 1,
      fillcolor: "rgba(0, 158, 115, 0.10)",
      line: { width: 0 },
      layer: "below",
    });
    annotations.push({
      xref: "x",
      yref: "paper",
      x: (from + to) / 2,
      y: 1,
      yanchor: "bottom",
      text: t("actions.line.goldenWindow", lang, { from, to }),
      showarrow: false,
      font: { color: semanticColors.good },
    });
  }
  const layout = baseLayout(t("actions.decay.title", lang), t("actions.axis.delayDays", lang), t("actions.axis.saveRate", lang), {
    yaxis: { tickformat: tickFormats.percent, rangemode: "tozero" },
    shapes,
    annotations,
    showlegend: true,
  });
  return withTitle({ data, layout }, title);
}
