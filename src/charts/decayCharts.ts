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
  const data: PlotlyTrace[] = [
    ...(options.band === undefined ? [] : bandTraces(options.band, lang)),
    ...fitTraces(options.fits, options.chosen, delays, lang),
    ...(options.interpolation === undefined ? [] : [interpolationTrace(options.interpolation, delays, lang)]),
    pointsTrace(options.points, lang),
  ];
  const { shapes, annotations } = goldenWindowMarks(options.goldenWindow, lang);
  const layout = baseLayout(t("actions.decay.title", lang), t("actions.axis.delayDays", lang), t("actions.axis.saveRate", lang), {
    yaxis: { tickformat: tickFormats.percent, rangemode: "tozero" },
    shapes,
    annotations,
    showlegend: true,
  });
  return withTitle({ data, layout }, title);
}

/** The posterior band: an invisible lower edge and the upper edge filled down to it. */
function bandTraces(b: DecayBand, lang: Lang): PlotlyTrace[] {
  const name = t("legend.band", lang, { low: Math.round(b.levels[0] * 100), high: Math.round(b.levels[1] * 100) });
  return [
    {
      type: "scatter",
      mode: "lines",
      x: b.delays,
      y: b.lower,
      line: { width: 0, color: semanticColors.band },
      legendgroup: "band",
      showlegend: false,
      hoverinfo: "skip",
      name,
    },
    {
      type: "scatter",
      mode: "lines",
      x: b.delays,
      y: b.upper,
      line: { width: 0, color: semanticColors.band },
      fill: "tonexty",
      fillcolor: semanticColors.band,
      legendgroup: "band",
      name,
    },
  ];
}

/** One line per parametric fit; the chosen model solid and thicker, the others dashed. */
function fitTraces(fits: readonly DecayFit[], chosenModel: string | undefined, delays: number[], lang: Lang): PlotlyTrace[] {
  return fits.map((fit, i) => {
    const chosen = fit.model === chosenModel;
    return {
      type: "scatter",
      mode: "lines",
      x: delays,
      y: delays.map((d) => fit.curve(d)),
      name: t(chosen ? "actions.series.fitChosen" : "actions.series.fit", lang, { model: fit.model }),
      line: { color: paletteColor(i), width: chosen ? 3 : 1.5, dash: chosen ? "solid" : "dash" },
    };
  });
}

/** The monotone interpolation, dotted. */
function interpolationTrace(f: (d: number) => number, delays: number[], lang: Lang): PlotlyTrace {
  return {
    type: "scatter",
    mode: "lines",
    x: delays,
    y: delays.map((d) => f(d)),
    name: t("actions.series.interpolation", lang),
    line: { color: semanticColors.reference, dash: "dot", width: 2 },
  };
}

/** The A/B points, with asymmetric error bars when both interval ends are given. */
function pointsTrace(p: DecayCurveChartOptions["points"], lang: Lang): ScatterTrace {
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
  return point;
}

/** The golden window's shaded band and its label (none unless both ends are given). */
function goldenWindowMarks(window: readonly number[] | undefined, lang: Lang): { shapes: PlotlyShape[]; annotations: PlotlyAnnotation[] } {
  const from = window?.[0];
  const to = window?.[1];
  if (from === undefined || to === undefined) return { shapes: [], annotations: [] };
  const shape: PlotlyShape = {
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
  };
  const annotation: PlotlyAnnotation = {
    xref: "x",
    yref: "paper",
    x: (from + to) / 2,
    y: 1,
    yanchor: "bottom",
    text: t("actions.line.goldenWindow", lang, { from, to }),
    showarrow: false,
    font: { color: semanticColors.good },
  };
  return { shapes: [shape], annotations: [annotation] };
}
