import type { Figure } from "../charts/Figure";
import type { PlotlyAnnotation } from "../charts/plotlyTypes";
import { barChart, type BarSeries } from "../charts/barChart";
import { t, type Lang } from "../charts/labels";
import { semanticColors } from "../charts/theme";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";
import { probabilityText } from "./pageFormat";

/** Amber of the traffic light's middle band (the palette's orange). */
const amber = "#E69F00";

/** Colour of a gate's "hold" decision, as in the rollout charts' gate probabilities (the palette's grey). */
export const holdColor = "#7F8C8D";

/** Grey of a gate that was not simulated. */
const unknownColor = "#BDC3C7";

/**
 * Traffic-light colour of a pass probability: green from 80%, amber from
 * 50%, red below; grey when not simulated.
 *
 * @example
 * gateColor(0.42) // "#C0392B"
 */
export function gateColor(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return unknownColor;
  return p >= 0.8 ? semanticColors.good : p >= 0.5 ? amber : semanticColors.bad;
}

/**
 * The CEO page's stage-gate chart: one horizontal bar per gate (stage name
 * and decision month) on a 0–100% axis. When the rollout simulation ran, each
 * bar is split into the probabilities of the gate's decisions: go (green),
 * hold (grey), stop at a stop-loss line (red; pause and redesign together,
 * which the rollout charts' `gateProbabilityChart` shows apart); otherwise the bar is the
 * pass probability in traffic-light colours. Probabilities are written on
 * the bars (from 10%) and, for the decisions, every simulated gate's go and
 * stop probabilities in a column right of the plot (so a segment too small
 * for its label, or an empty 0% go, is still read); a gate that was not simulated has no bar and says so
 * (after a rollout simulation: the year-end review, which has no next stage). No chart
 * title: the page's panel heading names it.
 *
 * @param inputs the page inputs (gates)
 * @param lang page language
 * @param size chart size, CSS px (default 342 × 128)
 * @example
 * gatesChart(inputs, "en").data[0].y // ["MVP · month 3", "regional · month 6", "national · month 12"]
 */
export function gatesChart(inputs: CeoPageInputs, lang: Lang, size: { width: number; height: number } = { width: 342, height: 128 }): Figure {
  const gates = inputs.gates.length > 0 ? inputs.gates : [];
  const categories = gates.map((g) => `${lang === "zh" ? (g.nameZh ?? g.name) : g.name} · ${t("report.gate.when", lang, { month: g.decisionMonth })}`);
  const decisions = gates.some((g) => g.source === "rollout");
  const series = decisions ? decisionSeries(gates, lang) : [passSeries(gates, lang)];
  const figure = barChart({
    categories: categories.length > 0 ? categories : ["–"],
    series: categories.length > 0 ? series : [{ name: t("report.gates.axis", lang), values: [Number.NaN] }],
    title: t("report.gates.title", lang),
    xTitle: "",
    yTitle: t("report.gates.axis", lang),
    orientation: "h",
    barmode: decisions ? "stack" : "group",
    valueTickFormat: ".0%",
  });
  styleGateBars(figure, decisions);
  figure.layout.showlegend = false;
  figure.layout.xaxis = {
    ...figure.layout.xaxis,
    range: [0, 1.0001],
    dtick: 0.25,
    showgrid: true,
    gridcolor: "#EEF1F2",
    title: { text: "" },
  };
  figure.layout.yaxis = { ...figure.layout.yaxis, title: { text: "" } };
  figure.layout.annotations = gateAnnotations(gates, categories, decisions, lang);
  const out = compactLayout(figure, size.width, size.height, { l: 8, r: decisions ? (lang === "zh" ? 98 : 96) : 30, t: 6, b: 22 });
  out.layout.title = { text: "" };
  return out;
}

type Gate = CeoPageInputs["gates"][number];

/** A probability's bar label: empty when unknown or not above `min`. */
function barLabel(p: number | null, min = 0): string {
  return p === null || !(p > min) ? "" : probabilityText(p);
}

/** The rollout's decisions as three stacked series: go (green), hold (grey), stop (red), labelled from 10%. */
function decisionSeries(gates: readonly Gate[], lang: Lang): BarSeries[] {
  return [
    {
      name: t("report.gates.go", lang),
      values: gates.map((g) => g.passProbability ?? Number.NaN),
      color: semanticColors.good,
      text: gates.map((g) => barLabel(g.passProbability, 0.1)),
    },
    {
      name: t("report.gates.hold", lang),
      values: gates.map((g) => g.holdProbability ?? Number.NaN),
      color: holdColor,
      text: gates.map((g) => barLabel(g.holdProbability, 0.1)),
    },
    {
      name: t("report.gates.stop", lang),
      values: gates.map((g) => g.stopProbability ?? Number.NaN),
      color: semanticColors.bad,
      text: gates.map((g) => barLabel(g.stopProbability, 0.1)),
    },
  ];
}

/** One series of pass probabilities in traffic-light colours. */
function passSeries(gates: readonly Gate[], lang: Lang): BarSeries {
  return {
    name: t("report.gates.axis", lang),
    values: gates.map((g) => g.passProbability ?? Number.NaN),
    color: gates.map((g) => gateColor(g.passProbability)),
    text: gates.map((g) => barLabel(g.passProbability)),
  };
}

/** "Not simulated" notes on the gates without a probability, then (for decisions) the go/stop column right of the plot. */
function gateAnnotations(gates: readonly Gate[], categories: readonly string[], decisions: boolean, lang: Lang): PlotlyAnnotation[] {
  const rows = gates.map((g, i) => ({ g, category: categories[i] ?? "" }));
  const notSimulated = rows
    .filter(({ g }) => g.passProbability === null)
    .map(
      ({ category }): PlotlyAnnotation => ({
        xref: "x",
        yref: "y",
        x: 0.01,
        y: category,
        xanchor: "left",
        text: t(decisions ? "report.gate.source.yearEnd" : "report.gates.notSimulated", lang),
        showarrow: false,
        font: { size: 10, color: "#7F8C8D" },
      }),
    );
  // Every simulated gate's go and stop probabilities in a column right of the plot: a segment too small for its label (or empty, as a 0% go) is still read.
  const outcomeText = (go: number | null, stop: number | null): string =>
    t("report.gates.outcome", lang, { go: probabilityText(go ?? Number.NaN), stop: probabilityText(stop ?? Number.NaN) });
  const outcomes = decisions
    ? rows
        .filter(({ g }) => g.passProbability !== null)
        .map(
          ({ g, category }): PlotlyAnnotation => ({
            xref: "paper",
            yref: "y",
            x: 1,
            xshift: 6,
            y: category,
            xanchor: "left",
            text: outcomeText(g.passProbability, g.stopProbability),
            showarrow: false,
            font: { size: 9.5, color: "#2C3E50" },
          }),
        )
    : [];
  return [...notSimulated, ...outcomes];
}

/**
 * Narrow bars with their labels inside (stacked decisions) or after them (one
 * bar per gate), not clipped, no hover. barChart draws one bar trace per
 * series (a legend-only marker trace only for several series coloured per
 * bar, which these are not).
 */
function styleGateBars(figure: Figure, decisions: boolean): void {
  for (const trace of figure.data) {
    if (trace.type !== "bar") continue;
    trace.width = 0.6;
    trace.cliponaxis = false;
    trace.hoverinfo = "skip";
    if (decisions) {
      trace.textposition = "inside";
      trace.insidetextanchor = "middle";
      trace.textfont = { size: 10, color: "#FFFFFF" };
    } else {
      trace.textposition = "outside";
      trace.textfont = { size: 10.5, color: "#2C3E50" };
    }
  }
}
