import type { Figure } from "../charts/Figure";
import type { Lang } from "../charts/labels";
import { roiHistogramFigure } from "../charts/simulationCharts";
import { palette, semanticColors } from "../charts/theme";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";

/** Colour of ROI bins between break-even and the MVP's ROI bar. */
const belowBarColor = "#9DB4CC";

/**
 * The CEO page's headline chart: the charts layer's ROI histogram
 * (`roiHistogramFigure`: simulated first-year ROI in percent as a share of
 * trials, with break-even, the MVP's ROI bar and the plan's stated ROI as
 * lines) fitted to its panel: bins below 0 in the "bad" colour, between 0
 * and the bar in light blue, above the bar in navy (so the navy share is
 * P(ROI > bar)); the x axis shows P5 − 0.6·(P95 − P5) to P95 + 0.6·(P95 − P5),
 * widened to show every line; line labels inside the plot.
 *
 * @param inputs the page inputs (ROI sample and summary, plan, gates)
 * @param lang page language
 * @param size chart size, CSS px (default 392 × 272)
 * @throws RangeError when the ROI sample has no finite value
 * @example
 * roiDistributionChart(inputs, "zh").layout.shapes.length // 3 (break-even, the MVP's 200%, the plan's 359%)
 */
export function roiDistributionChart(inputs: CeoPageInputs, lang: Lang, size: { width: number; height: number } = { width: 392, height: 272 }): Figure {
  const { roi, roiSamples } = inputs.monteCarlo;
  if (!(roi.finite > 0 && Number.isFinite(roi.p5) && Number.isFinite(roi.p95))) throw new RangeError("the ROI sample has no finite value");
  const stated = inputs.plan.benefits.roiStated;
  const bar = inputs.gates.flatMap((g) => g.criteria).find((c) => c.kind === "roi")?.min ?? 2;
  const spread = Math.max(roi.p95 - roi.p5, 0.05);
  const lo = Math.min(Math.max(roi.min, roi.p5 - 0.6 * spread), 0, bar, stated) - 0.06 * spread;
  const hi = Math.max(Math.min(roi.max, roi.p95 + 0.6 * spread), bar, stated) + 0.06 * spread;
  // Bins over the whole sample; about 45 of them across the range shown.
  const bins = Math.max(10, Math.min(400, Math.round((45 * (roi.max - roi.min)) / (hi - lo))));
  const figure = roiHistogramFigure(roiSamples, { stated, mvpBar: bar, bins, lang });
  const trace = figure.data[0]!;
  const navy = palette[0];
  trace.marker = {
    ...trace.marker,
    color: Array.from(trace.x ?? [], (x) => (typeof x !== "number" ? navy : x < 0 ? semanticColors.bad : x < bar * 100 ? belowBarColor : navy)),
  };
  const middle = ((lo + hi) / 2) * 100;
  // Line labels inside the plot, on the side of their line facing the middle, stacked so they never overlap.
  figure.layout.annotations = (figure.layout.annotations ?? []).map((a, i) => {
    const right = typeof a.x === "number" && a.x > middle;
    return {
      ...a,
      y: 0.98 - 0.1 * i,
      yanchor: "top",
      xanchor: right ? "right" : "left",
      xshift: right ? -3 : 3,
      bgcolor: "rgba(255,255,255,0.85)",
      font: { ...a.font, size: 9.5 },
    };
  });
  figure.layout.xaxis = { ...figure.layout.xaxis, range: [lo * 100, hi * 100], ticksuffix: "%" };
  return compactLayout(figure, size.width, size.height, { l: 44, b: 34, t: 30 });
}
