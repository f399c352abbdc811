import type { Figure } from "../charts/Figure";
import { barChart } from "../charts/barChart";
import { t, type Lang } from "../charts/labels";
import { palette, semanticColors } from "../charts/theme";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";
import { driverLabel } from "./driverLabel";
import { roiText } from "./pageFormat";

/**
 * The CEO page's tornado: the `count` inputs that move the first-year ROI
 * most, each bar running from the base ROI to the ROI with that input at its
 * 10th (light) and 90th (dark) percentile, the others at base (`tornado` in
 * src/simulation), widest on top, in percent, with the base ROI as a line.
 *
 * @param inputs the page inputs (tornado bars, plan for the input names)
 * @param lang page language
 * @param count number of drivers shown (integer >= 1; default 6)
 * @param size chart size, CSS px (default 300 × 230)
 * @throws RangeError when count is not a positive integer
 * @example
 * driversChart(inputs, "zh").data[0].y[0] // "客户剩余生命周期价值" (the widest bar of the seed plan)
 */
export function driversChart(inputs: CeoPageInputs, lang: Lang, count = 6, size: { width: number; height: number } = { width: 300, height: 230 }): Figure {
  if (!(Number.isInteger(count) && count >= 1)) throw new RangeError(`count must be a positive integer, got ${count}`);
  const base = inputs.drivers.baseOutput * 100;
  const bars = inputs.drivers.bars.filter((b) => Number.isFinite(b.swing) && b.swing > 0).slice(0, count);
  const categories = bars.map((b) => driverLabel(b.name, inputs.plan, lang));
  const figure = barChart({
    categories: categories.length > 0 ? categories : ["–"],
    series: [
      { name: t("report.drivers.low", lang), values: bars.length > 0 ? bars.map((b) => b.outputAtP10 * 100 - base) : [0], color: palette[4] ?? "#56B4E9" },
      { name: t("report.drivers.high", lang), values: bars.length > 0 ? bars.map((b) => b.outputAtP90 * 100 - base) : [0], color: palette[0] ?? "#1F4E79" },
    ],
    title: t("report.drivers.title", lang),
    xTitle: "",
    yTitle: t("report.drivers.axis", lang),
    orientation: "h",
    referenceLines: Number.isFinite(base) ? [{ value: base, label: t("report.drivers.base", lang, { value: roiText(base / 100) }), color: semanticColors.reference, dash: "dot" }] : [],
  });
  // Bars start at the base ROI: the tornado's spine.
  for (const trace of figure.data) {
    trace["base"] = Number.isFinite(base) ? base : 0;
    trace["hoverinfo"] = "skip";
  }
  figure.layout["barmode"] = "overlay";
  figure.layout["showlegend"] = true;
  figure.layout["legend"] = { orientation: "h", x: 0, xanchor: "left", y: -0.16, yanchor: "top", font: { size: 9.5 } };
  figure.layout["xaxis"] = { ...(figure.layout["xaxis"] as Record<string, unknown>), ticksuffix: "%", showgrid: true, gridcolor: "#EEF1F2" };
  figure.layout["yaxis"] = { ...(figure.layout["yaxis"] as Record<string, unknown>), title: { text: "" } };
  figure.layout["annotations"] = (figure.layout["annotations"] as Array<Record<string, unknown>>).map((a) => ({ ...a, y: 1, yanchor: "bottom", xanchor: "center", font: { ...(a["font"] as Record<string, unknown>), size: 9.5 } }));
  return compactLayout(figure, size.width, size.height, { l: 8, r: 10, t: 40, b: 52 });
}
