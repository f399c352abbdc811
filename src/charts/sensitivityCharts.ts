import type { Figure } from "./Figure";
import type { BarTrace } from "./plotlyTypes";
import { withTitle, type ChartText } from "./chartText";
import { baseLayout, palette, paletteColor, semanticColors } from "./theme";
import { t } from "./labels";
import type { SpiderLine, TornadoBar } from "../simulation/montecarlo/sensitivity";
import { inputLabel, pct } from "./simulationCharts";

/**
 * Tornado chart: for each input (widest swing on top), a bar from the base ROI
 * to the ROI at the input's P10 and one to the ROI at its P90, in %.
 *
 * @param bars from `tornado(plan).bars` (already sorted by swing)
 * @param baseRoi the ROI with every input at base (fraction)
 * @param top number of bars shown (default 12)
 * @example
 * tornadoFigure(tornado(plan).bars, tornado(plan).baseOutput).data.length // 2
 */
export function tornadoFigure(bars: readonly TornadoBar[], baseRoi: number, options: { top?: number } & ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const shown = bars
    .filter((b) => b.swing > 0)
    .slice(0, options.top ?? 12)
    .reverse();
  const y = shown.map((b) => inputLabel(b.name, lang));
  const trace = (key: "outputAtP10" | "outputAtP90", name: string, color: string): BarTrace => ({
    type: "bar",
    orientation: "h",
    y,
    x: shown.map((b) => (b[key] - baseRoi) * 100),
    base: baseRoi * 100,
    name,
    marker: { color },
    customdata: shown.map((b) => [key === "outputAtP10" ? b.p10 : b.p90, b[key] * 100]),
    hovertemplate: "%{y}: %{customdata[0]:.4g} → ROI %{customdata[1]:.0f}%<extra></extra>",
  });
  return withTitle(
    {
      data: [trace("outputAtP10", t("simulation.tornado.low", lang), palette[1]), trace("outputAtP90", t("simulation.tornado.high", lang), palette[0])],
      layout: baseLayout(t("simulation.tornado.title", lang), t("simulation.roi.axis", lang), t("simulation.input", lang), {
        barmode: "overlay",
        height: Math.max(400, 60 + 32 * shown.length),
        margin: { l: 220, t: 100 },
        shapes: [
          {
            type: "line",
            xref: "x",
            yref: "paper",
            x0: baseRoi * 100,
            x1: baseRoi * 100,
            y0: 0,
            y1: 1.04,
            line: { color: semanticColors.reference, width: 2, dash: "dash" },
          },
        ],
        annotations: [
          {
            xref: "x",
            yref: "paper",
            x: baseRoi * 100,
            y: 1.05,
            yanchor: "bottom",
            text: t("simulation.base", lang, { value: pct(baseRoi) }),
            showarrow: false,
          },
        ],
      }),
    },
    title,
  );
}

/**
 * First-order (with bootstrap interval) and total Sobol indices per input, as grouped bars.
 *
 * @example
 * sobolFigure([{ name: "benefits.ltvYuan", first: 0.36, firstCi: [0.3, 0.42], total: 0.38 }]).data.length // 2
 */
export function sobolFigure(
  rows: ReadonlyArray<{ name: string; first: number; firstCi: readonly [number, number]; total: number }>,
  options: { top?: number } & ChartText = {},
): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  // Largest index on top: Plotly draws the last category at the top of a horizontal bar chart.
  const shown = [...rows]
    .sort((a, b) => b.first - a.first)
    .slice(0, options.top ?? 10)
    .reverse();
  const y = shown.map((r) => inputLabel(r.name, lang));
  return withTitle(
    {
      data: [
        { type: "bar", orientation: "h", y, x: shown.map((r) => r.total), name: t("simulation.sobol.total", lang), marker: { color: semanticColors.stated } },
        {
          type: "bar",
          orientation: "h",
          y,
          x: shown.map((r) => r.first),
          name: t("simulation.sobol.first", lang),
          marker: { color: semanticColors.recomputed },
          error_x: {
            type: "data",
            symmetric: false,
            array: shown.map((r) => Math.max(0, r.firstCi[1] - r.first)),
            arrayminus: shown.map((r) => Math.max(0, r.first - r.firstCi[0])),
          },
        },
      ],
      layout: baseLayout(t("simulation.sobol.title", lang), t("simulation.sobol.axis", lang), t("simulation.input", lang), {
        barmode: "group",
        xaxis: { tickformat: ".0%" },
        margin: { l: 220 },
        height: Math.max(400, 80 + 44 * shown.length),
      }),
    },
    title,
  );
}

/**
 * Spider plot: ROI (in %) against each input's percentile, one line per input.
 *
 * @example
 * spiderFigure(spider(plan)).data.length // one trace per input with a non-zero effect
 */
export function spiderFigure(lines: readonly SpiderLine[], options: { top?: number } & ChartText = {}): Figure {
  const lang = options.lang ?? "zh";
  const title = options.title;
  const ranked = lines
    .map((l) => ({ l, range: l.outputs.reduce((m, v) => Math.max(m, v), -Infinity) - l.outputs.reduce((m, v) => Math.min(m, v), Infinity) }))
    .filter((e) => e.range > 0)
    .sort((a, b) => b.range - a.range)
    .slice(0, options.top ?? 8);
  return withTitle(
    {
      data: ranked.map(({ l }, i) => ({
        type: "scatter",
        mode: "lines+markers",
        x: l.percentiles.map((p) => p * 100),
        y: l.outputs.map((o) => o * 100),
        name: inputLabel(l.name, lang),
        line: { color: paletteColor(i) },
      })),
      layout: baseLayout(t("simulation.spider.title", lang), t("simulation.spider.axis", lang), t("simulation.roi.axis", lang), { xaxis: { ticksuffix: "%" } }),
    },
    title,
  );
}
