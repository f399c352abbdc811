import type { Figure } from "../charts/Figure";
import { t, type Lang } from "../charts/labels";
import { tornadoFigure } from "../charts/sensitivityCharts";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";
import { driverLabel } from "./driverLabel";
import { roiText } from "./pageFormat";

/**
 * The CEO page's tornado: the charts layer's `tornadoFigure` limited to the
 * `count` inputs that move the programme model's first-year lifetime-value ROI most (each bar from the base
 * ROI to the ROI with that input at its P10 and at its P90, the others at
 * base; `tornado` in src/simulation), named for a reader ({@link driverLabel})
 * and fitted to its panel.
 *
 * @param inputs the page inputs (tornado bars, plan for the input names)
 * @param lang page language
 * @param count number of drivers shown (integer >= 1; default 6)
 * @param size chart size, CSS px (default 329 × 272)
 * @throws RangeError when count is not a positive integer
 * @example
 * driversChart(inputs, "zh").data[0].y.at(-1) // "剩余生命周期价值" (the widest bar of the seed plan, drawn on top)
 */
export function driversChart(inputs: CeoPageInputs, lang: Lang, count = 6, size: { width: number; height: number } = { width: 329, height: 272 }): Figure {
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`count must be a positive integer, got ${count}`);
  const { bars, baseOutput } = inputs.drivers;
  const figure = tornadoFigure(bars, baseOutput, { top: count, lang });
  // tornadoFigure draws the bars it keeps (swing > 0) widest on top, i.e. in reverse order on the y axis.
  const shown = bars
    .filter((b) => b.swing > 0)
    .slice(0, count)
    .reverse();
  const names = shown.map((b) => driverLabel(b.name, inputs.plan, lang));
  for (const trace of figure.data) {
    trace.y = names;
    trace.hoverinfo = "skip";
    delete trace.hovertemplate;
  }
  // No chart title: the page's panel heading names it (report.drivers.title).
  figure.layout.title = { text: "" };
  // A one-line key under the plot instead of a legend (a horizontal legend wraps in a narrow panel).
  const key = figure.data
    .map((trace) => {
      const color = String(trace.marker?.color ?? "#2C3E50");
      return `<span style="color:${color}">■</span> ${trace.name ?? ""}`;
    })
    .join(lang === "zh" ? "　　" : "\u2003\u2003");
  figure.layout.showlegend = false;
  figure.layout.yaxis = { ...figure.layout.yaxis, title: { text: "" }, automargin: true };
  figure.layout.xaxis = { ...figure.layout.xaxis, ticksuffix: "%", showgrid: true, gridcolor: "#EEF1F2", nticks: 5, tickangle: 0 };
  const margin = { l: 8, r: 12, t: 26, b: 54 };
  const baseText = t("report.drivers.base", lang, { value: roiText(baseOutput) });
  const plotHeight = Math.max(1, size.height - margin.t - margin.b);
  figure.layout.annotations = [
    // The base line's label says what "base" is: every input at its base value (the deterministic view), not the simulated mean.
    ...(figure.layout.annotations ?? []).map((a) => ({ ...a, text: baseText, font: { size: 9.5 } })),
    { xref: "paper", yref: "paper", x: 0.5, y: -38 / plotHeight, xanchor: "center", yanchor: "top", text: key, showarrow: false, font: { size: 9.5 } },
  ];
  return compactLayout(figure, size.width, size.height, margin);
}
