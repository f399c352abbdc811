import { bridgeWaterfallFigure } from "../charts/bridgeChart";
import type { Figure } from "../charts/Figure";
import type { Lang } from "../charts/labels";
import type { CeoPageInputs } from "./CeoPageInputs";
import { compactLayout } from "./compactLayout";

/**
 * The CEO page's ROI bridge: the charts layer's `bridgeWaterfallFigure`
 * (stated ROI, one row per named step with its change ± standard error, the
 * reconciled first-year cash ROI) fitted to its panel, without a title (the
 * panel heading names it) and with the page's smaller fonts.
 *
 * @param inputs the page inputs (the bridge)
 * @param lang page language
 * @param size chart size, CSS px (default 420 × 262)
 * @throws RangeError when the bridge has a non-finite figure
 * @example
 * bridgePanelChart(inputs, "en").data[0].y.at(-1) // "Reconciled: first-year cash"
 */
export function bridgePanelChart(inputs: CeoPageInputs, lang: Lang, size: { width: number; height: number } = { width: 420, height: 262 }): Figure {
  const figure = bridgeWaterfallFigure(inputs.bridge, { lang, title: "" });
  figure.layout.annotations = (figure.layout.annotations ?? []).map((a) => ({ ...a, font: { ...a.font, size: 10 } }));
  for (const trace of figure.data) trace.hoverinfo = "skip";
  figure.layout.yaxis = { ...figure.layout.yaxis, title: { text: "" } };
  return compactLayout(figure, size.width, size.height, { l: 8, r: lang === "zh" ? 92 : 88, t: 16, b: 30 });
}
