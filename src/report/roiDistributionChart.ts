import type { Figure } from "../charts/Figure";
import { histogram } from "../charts/histogram";
import { t, type Lang } from "../charts/labels";
import { formatNumber } from "../charts/format";
import { palette, semanticColors } from "../charts/theme";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";
import { roiText } from "./pageFormat";

/** Colour of ROI bins between break-even and the MVP's ROI bar. */
const belowBarColor = "#9DB4CC";

/**
 * The CEO page's headline chart: the simulated first-year ROI (percent, share
 * of trials) with the plan's stated ROI (359% for the seed plan) and the
 * MVP's ROI bar (200%) as reference lines; bins below 0 in the "bad" colour,
 * between 0 and the bar in light blue, above the bar in navy, so the share of
 * navy is P(ROI > bar). The x range covers P5 − 0.6·(P95 − P5) to
 * P95 + 0.6·(P95 − P5) of the sample, widened to show both lines.
 *
 * @param inputs the page inputs (ROI sample and summary, plan)
 * @param lang page language
 * @param size chart size, CSS px (default 420 × 230)
 * @throws RangeError when the ROI sample has no finite value
 * @example
 * roiDistributionChart(inputs, "zh").layout.shapes.length // 2 (the plan's 359% and the MVP's 200%)
 */
export function roiDistributionChart(inputs: CeoPageInputs, lang: Lang, size: { width: number; height: number } = { width: 420, height: 230 }): Figure {
  const { roi, roiSamples } = inputs.monteCarlo;
  if (!(roi.finite > 0 && Number.isFinite(roi.p5) && Number.isFinite(roi.p95))) throw new RangeError("the ROI sample has no finite value");
  const stated = inputs.plan.benefits.roiStated;
  const bar = inputs.gates.flatMap((g) => g.criteria).find((c) => c.kind === "roi")?.min ?? 2;
  const spread = Math.max(roi.p95 - roi.p5, 0.05);
  let lo = Math.max(roi.min, roi.p5 - 0.6 * spread);
  let hi = Math.min(roi.max, roi.p95 + 0.6 * spread);
  lo = Math.min(lo, stated, bar) - 0.05 * spread;
  hi = Math.max(hi, stated, bar) + 0.05 * spread;
  const figure = histogram({
    values: roiSamples,
    title: t("report.roi.title", lang, { trials: formatNumber(inputs.run.trials) }),
    xTitle: t("report.roi.axis", lang),
    yTitle: t("report.roi.share", lang),
    normalize: "share",
    displayScale: 100,
    min: lo * 100,
    max: hi * 100,
    bins: 44,
    color: palette[0] ?? "#1F4E79",
    referenceLines: [
      { axis: "x", value: stated * 100, label: t("report.roi.stated", lang, { value: roiText(stated) }), color: semanticColors.bad, dash: "dash" },
      { axis: "x", value: bar * 100, label: t("report.roi.bar", lang, { value: roiText(bar) }), color: semanticColors.reference, dash: "dot" },
    ],
  });
  const trace = figure.data[0]!;
  const centers = trace["x"] as number[];
  trace["marker"] = { ...(trace["marker"] as Record<string, unknown>), color: centers.map((x) => (x < 0 ? semanticColors.bad : x < bar * 100 ? belowBarColor : (palette[0] ?? "#1F4E79"))) };
  // Reference-line labels inside the plot, right of their line, so they never leave the panel.
  const middle = ((lo + hi) / 2) * 100;
  const annotations = (figure.layout["annotations"] as Array<Record<string, unknown>>).map((a, i) => {
    const right = (a["x"] as number) > middle;
    return { ...a, y: i === 0 ? 0.97 : 0.84, yanchor: "top", xanchor: right ? "right" : "left", xshift: right ? -3 : 3, bgcolor: "rgba(255,255,255,0.85)", font: { ...(a["font"] as Record<string, unknown>), size: 9.5 } };
  });
  figure.layout["annotations"] = annotations;
  figure.layout["xaxis"] = { ...(figure.layout["xaxis"] as Record<string, unknown>), ticksuffix: "%" };
  return compactLayout(figure, size.width, size.height, { l: 40, b: 32 });
}
