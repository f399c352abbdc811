import type { Figure } from "../charts/Figure";
import { barChart } from "../charts/barChart";
import { t, type Lang } from "../charts/labels";
import { semanticColors } from "../charts/theme";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";
import { probabilityText } from "./pageFormat";

/** Amber between the "bad" red and the "good" green. */
const amber = "#E69F00";

/**
 * Traffic-light colour of a pass probability: green from 80%, amber from
 * 50%, red below; grey when not simulated.
 *
 * @example
 * gateColor(0.42) // "#C0392B"
 */
export function gateColor(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return "#BDC3C7";
  return p >= 0.8 ? semanticColors.good : p >= 0.5 ? amber : semanticColors.bad;
}

/**
 * The CEO page's stage-gate chart: one horizontal bar per gate (stage name
 * and decision month), its pass probability on a 0–100% axis in
 * traffic-light colours, the probability written on the bar; a gate that was
 * not simulated has no bar and says so.
 *
 * @param inputs the page inputs (gates)
 * @param lang page language
 * @param size chart size, CSS px (default 330 × 130)
 * @example
 * gatesChart(inputs, "en").data[0].y // ["MVP · month 3", "regional · month 6", "national · month 12"]
 */
export function gatesChart(inputs: CeoPageInputs, lang: Lang, size: { width: number; height: number } = { width: 330, height: 130 }): Figure {
  const gates = inputs.gates;
  const categories = gates.map((g) => `${lang === "zh" ? (g.nameZh ?? g.name) : g.name} · ${t("report.gate.when", lang, { month: g.decisionMonth })}`);
  const values = gates.map((g) => g.passProbability ?? Number.NaN);
  const figure = barChart({
    categories: categories.length > 0 ? categories : ["–"],
    series: [
      {
        name: t("report.gates.axis", lang),
        values: values.length > 0 ? values : [Number.NaN],
        color: gates.length > 0 ? gates.map((g) => gateColor(g.passProbability)) : ["#BDC3C7"],
        text: gates.length > 0 ? gates.map((g) => (g.passProbability === null ? "" : probabilityText(g.passProbability))) : [""],
      },
    ],
    title: t("report.gates.title", lang),
    xTitle: "",
    yTitle: t("report.gates.axis", lang),
    orientation: "h",
    valueTickFormat: ".0%",
  });
  const trace = figure.data[0]!;
  trace["textposition"] = "outside";
  trace["cliponaxis"] = false;
  trace["textfont"] = { size: 10.5, color: "#2C3E50" };
  trace["width"] = 0.6;
  figure.layout["xaxis"] = { ...(figure.layout["xaxis"] as Record<string, unknown>), range: [0, 1.0001], dtick: 0.25, showgrid: true, gridcolor: "#EEF1F2", title: { text: "" } };
  figure.layout["yaxis"] = { ...(figure.layout["yaxis"] as Record<string, unknown>), title: { text: "" } };
  figure.layout["annotations"] = gates
    .map((g, i) => ({ g, i }))
    .filter(({ g }) => g.passProbability === null)
    .map(({ i }) => ({ xref: "x", yref: "y", x: 0.01, y: categories[i], xanchor: "left", text: t("report.gates.notSimulated", lang), showarrow: false, font: { size: 10, color: "#7F8C8D" } }));
  // The page's panel heading names the gates: no chart title inside the panel.
  const out = compactLayout(figure, size.width, size.height, { l: 8, r: 30, t: 6, b: 22 });
  out.layout["title"] = { text: "" };
  return out;
}
