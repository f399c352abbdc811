import type { BridgeStepId, RoiBridge } from "../simulation/bridge";
import type { Figure } from "./Figure";
import type { BarTrace, PlotlyAnnotation, PlotlyLine, PlotlyShape } from "./plotlyTypes";
import { formatNumber, formatPercent } from "./format";
import { t, type Lang, type LabelKey } from "./labels";
import { baseLayout, semanticColors } from "./theme";

/** Options of {@link bridgeWaterfallFigure}. */
export interface BridgeWaterfallOptions {
  /** Language of the labels (default "zh"). */
  lang?: Lang;
  /** Chart title; default "From the stated ROI to the reconciled figure (N trials)" in the language; "" for none. */
  title?: string;
}

/** Colour of the reconciled end bar (the model's figure). */
const endColor = semanticColors.recomputed;

/** The short row label of each bridge step id (and of the start and end bars). */
export const bridgeRowLabels: Readonly<Record<BridgeStepId | "start" | "end", LabelKey>> = {
  start: "simulation.bridge.step.start",
  arithmetic: "simulation.bridge.step.arithmetic",
  uncertainty: "simulation.bridge.step.uncertainty",
  rolloutRamp: "simulation.bridge.step.rolloutRamp",
  flows: "simulation.bridge.step.flows",
  capacityDelay: "simulation.bridge.step.capacityDelay",
  modelAccuracy: "simulation.bridge.step.modelAccuracy",
  cash: "simulation.bridge.step.cash",
  end: "simulation.bridge.step.end",
};

/**
 * ROI points with a sign and one decimal (a fraction in, points out).
 *
 * @example
 * signedPoints(-1.4306) // "-143.1"
 */
export function signedPoints(delta: number): string {
  return `${delta > 0 ? "+" : ""}${formatNumber(delta * 100, 1)}`;
}

/**
 * A standard error in ROI points, two decimals ("± 0.65").
 *
 * @example
 * sePoints(0.0065) // "± 0.65"
 */
export function sePoints(se: number): string {
  return `± ${formatNumber(se * 100, 2)}`;
}

/**
 * The ROI bridge as a waterfall: from the ROI the plan states (grey bar from
 * 0) through each named step (a floating bar from the running total: red
 * when it lowers the ROI, green when it raises it) to the reconciled figure
 * (navy bar from 0: the programme model's first-year cash ROI), one row per
 * step top to bottom, labelled by step id in the language, thin connectors
 * between consecutive rows and a break-even line at 0. A column right of the
 * plot writes each row's figure with its standard error: the start in %, each
 * step's change in ROI points ± its standard error, the end in % ± its
 * standard error. Hover shows the step's full English label. The steps add
 * up to the end figure (`roiBridge` guarantees it), so the last running total
 * is the end bar exactly.
 *
 * @param bridge from `roiBridge` (src/simulation), ROI as fractions
 * @throws RangeError when the bridge's start, a step or its end is not finite
 * @example
 * bridgeWaterfallFigure(await roiBridge(plan, { trials: 20000 }), { lang: "en" }).data[0].y
 * // ["Plan states", "Audit arithmetic", "Uncertain inputs", "Rollout ramp", "Flows, not stocks", "Capacity and delay",
 * //  "Model accuracy (AUC)", "Cash, not lifetime value", "Reconciled: first-year cash"]
 */
export function bridgeWaterfallFigure(bridge: RoiBridge, options: BridgeWaterfallOptions = {}): Figure {
  const lang = options.lang ?? "zh";
  const values = [bridge.start.roi, ...bridge.steps.flatMap((s) => [s.delta, s.se]), bridge.end.roi, bridge.end.se];
  if (!values.every(Number.isFinite)) throw new RangeError("the bridge's start, steps and end must be finite");
  const rows = (["start", ...bridge.steps.map((s) => s.id), "end"] as const).map((id) => t(bridgeRowLabels[id], lang));
  const { bases, lengths, colors, text, totals } = bridgeSegments(bridge);
  const hover = [bridge.start.label, ...bridge.steps.map((s) => s.label), bridge.end.label];
  const trace: BarTrace = {
    type: "bar",
    orientation: "h",
    y: rows,
    x: lengths,
    base: bases,
    marker: { color: colors },
    width: 0.62,
    customdata: hover.map((label, i) => [label, text[i] ?? ""]),
    hovertemplate: "%{customdata[0]}: %{customdata[1]}<extra></extra>",
    name: t("simulation.bridge.legend", lang),
  };
  const lo = Math.min(0, ...totals, bridge.end.roi) * 100;
  const hi = Math.max(0, ...totals, bridge.end.roi) * 100;
  const pad = Math.max(hi - lo, 1) * 0.04;
  const title = options.title ?? t("simulation.bridge.title", lang, { trials: formatNumber(bridge.trials) });
  return {
    data: [trace],
    layout: baseLayout(title, t("simulation.roi.axis", lang), t("simulation.bridge.axis", lang), {
      showlegend: false,
      height: 120 + 36 * rows.length,
      margin: { l: 200, r: 150, t: title === "" ? 40 : 80 },
      xaxis: { range: [lo - pad, hi + pad], ticksuffix: "%", showgrid: true, gridcolor: "#EEF1F2" },
      yaxis: { type: "category", autorange: "reversed", automargin: true },
      shapes: bridgeShapes(totals),
      annotations: bridgeAnnotations(rows, text, colors, lang),
    }),
  };
}

/** The waterfall's bars (base and length in ROI points, colour, column text) and the running total after each row. */
function bridgeSegments(bridge: RoiBridge): { bases: number[]; lengths: number[]; colors: string[]; text: string[]; totals: number[] } {
  const bases: number[] = [0];
  const lengths: number[] = [bridge.start.roi * 100];
  const colors: string[] = [semanticColors.stated];
  const text: string[] = [formatPercent(bridge.start.roi, 1)];
  let running = bridge.start.roi;
  const totals: number[] = [running];
  for (const s of bridge.steps) {
    bases.push(running * 100);
    lengths.push(s.delta * 100);
    colors.push(s.delta < 0 ? semanticColors.bad : semanticColors.good);
    text.push(`${signedPoints(s.delta)} ${sePoints(s.se)}`);
    running += s.delta;
    totals.push(running);
  }
  bases.push(0);
  lengths.push(bridge.end.roi * 100);
  colors.push(endColor);
  text.push(`${formatPercent(bridge.end.roi, 1)} ${sePoints(bridge.end.se)}`);
  return { bases, lengths, colors, text, totals };
}

/** Connectors from each bar's running total down to the next row (category rows at integer positions, bars 0.62 wide), and the break-even line. */
function bridgeShapes(totals: readonly number[]): PlotlyShape[] {
  const connector: PlotlyLine = { color: "#95A5A6", width: 1, dash: "dot" };
  const shapes: PlotlyShape[] = totals.map((total, i) => ({
    type: "line",
    xref: "x",
    yref: "y",
    x0: total * 100,
    x1: total * 100,
    y0: i + 0.31,
    y1: i + 0.69,
    line: connector,
  }));
  shapes.push({ type: "line", xref: "x", yref: "paper", x0: 0, x1: 0, y0: 0, y1: 1, line: { color: semanticColors.reference, width: 1 } });
  return shapes;
}

/** The column right of the plot: each row's figure in its bar's colour (the start in grey), under a header. */
function bridgeAnnotations(rows: readonly string[], text: readonly string[], colors: readonly string[], lang: Lang): PlotlyAnnotation[] {
  const annotations: PlotlyAnnotation[] = rows.map((row, i) => ({
    xref: "paper",
    yref: "y",
    x: 1,
    y: row,
    xanchor: "left",
    xshift: 6,
    text: text[i] ?? "",
    showarrow: false,
    font: { color: colors[i] === semanticColors.stated ? "#5D6D7E" : (colors[i] ?? semanticColors.recomputed), size: 12 },
  }));
  const header = t("simulation.bridge.column", lang);
  const headerFont = { color: "#7F8C8D", size: 11 };
  annotations.push({
    xref: "paper",
    yref: "paper",
    x: 1,
    y: 1,
    xanchor: "left",
    xshift: 6,
    yanchor: "bottom",
    text: header,
    showarrow: false,
    font: headerFont,
  });
  return annotations;
}
