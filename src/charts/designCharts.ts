import type { FrontierPoint } from "../simulation/design/designFrontier";
import type { PilotCandidate } from "../simulation/design/pilotDesign";
import type { ReverseStress } from "../simulation/design/reverseStress";
import type { Figure } from "./Figure";
import type { PlotlyTrace } from "./plotlyTypes";
import { formatPercent, moneyAxis } from "./format";
import { t, type Lang } from "./labels";
import { chartText, withTitle, type ChartText } from "./chartText";
import { referenceLineLayout } from "./referenceLines";
import { baseLayout, palette, semanticColors } from "./theme";

/** A design's point on the cost–retention plane. */
export interface DesignPoint {
  cost: number;
  retained: number;
}

/**
 * The efficient frontier of expected first-year cost (万元 in zh, M yuan in
 * en) against customers kept at the end of year 1: every design evaluated
 * (grey points, hover: what it is and its NPV), the frontier as a line,
 * the plan's and the best design as marked points, the budget as a line.
 *
 * @throws RangeError when the frontier is empty.
 * @example
 * frontierChart(result.designs, result.frontier, { plan, best, budgetYuan: 10_840_000 }, "en").data.length // 4
 */
export function frontierChart(
  designs: readonly FrontierPoint[],
  frontier: readonly FrontierPoint[],
  marks: { plan: DesignPoint; best: DesignPoint; budgetYuan?: number },
  text: Lang | ChartText = "zh",
): Figure {
  const { lang, title } = chartText(text);
  if (frontier.length === 0) throw new RangeError("frontierChart needs at least one frontier point");
  const { divisor, unit } = moneyAxis(lang);
  const money = (x: number): number => x / divisor;
  const hover = (p: FrontierPoint): string => `${p.label}<br>NPV ${(p.npv / divisor).toFixed(2)} ${unit}`;
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "markers",
      name: t("design.frontier.designs", lang),
      x: designs.map((p) => money(p.cost)),
      y: designs.map((p) => p.retained),
      text: designs.map(hover),
      hoverinfo: "text",
      marker: { color: "rgba(127, 140, 141, 0.45)", size: 7 },
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: t("design.frontier.line", lang),
      x: frontier.map((p) => money(p.cost)),
      y: frontier.map((p) => p.retained),
      text: frontier.map(hover),
      hoverinfo: "text",
      line: { color: semanticColors.recomputed, width: 2.5, shape: "hv" },
    },
    {
      type: "scatter",
      mode: "markers",
      name: t("design.frontier.plan", lang),
      x: [money(marks.plan.cost)],
      y: [marks.plan.retained],
      marker: { color: semanticColors.bad, size: 14, symbol: "x" },
    },
    {
      type: "scatter",
      mode: "markers",
      name: t("design.frontier.best", lang),
      x: [money(marks.best.cost)],
      y: [marks.best.retained],
      marker: { color: semanticColors.good, size: 16, symbol: "star" },
    },
  ];
  const lines = referenceLineLayout(
    marks.budgetYuan === undefined
      ? []
      : [
          {
            axis: "x",
            value: money(marks.budgetYuan),
            label: t("design.frontier.budget", lang, { value: `${money(marks.budgetYuan).toFixed(lang === "zh" ? 0 : 2)} ${unit}` }),
          },
        ],
  );
  const layout = baseLayout(t("design.frontier.title", lang), t("design.frontier.cost", lang, { unit }), t("design.frontier.retained", lang), {
    shapes: lines.shapes,
    annotations: lines.annotations,
    showlegend: true,
  });
  return withTitle({ data, layout }, title);
}

/**
 * The design bridge as a waterfall: the plan's design's expected NPV, one
 * bar per change (green up, red down, hover: the change and its standard
 * error), the best design's NPV (万元 in zh, M yuan in en).
 *
 * @example
 * designBridgeChart(result.plan.npv.mean, result.bridge, result.best.npv.mean, "en").data[0].measure // ["absolute", "relative", ..., "total"]
 */
export function designBridgeChart(
  startNpv: number,
  steps: ReadonlyArray<{ change: string; npv: { mean: number; se: number } }>,
  endNpv: number,
  text: Lang | ChartText = "zh",
): Figure {
  const { lang, title } = chartText(text);
  const { divisor, unit } = moneyAxis(lang);
  const labels = [
    t("design.bridge.start", lang),
    ...steps.map((s, i) => `${i + 1}. ${s.change.length > 48 ? `${s.change.slice(0, 46)}…` : s.change}`),
    t("design.bridge.end", lang),
  ];
  const values = [startNpv, ...steps.map((s) => s.npv.mean), endNpv].map((v) => v / divisor);
  const hover = [
    `${(startNpv / divisor).toFixed(2)} ${unit}`,
    ...steps.map((s) => `${s.change}<br>${(s.npv.mean / divisor).toFixed(2)} ± ${(s.npv.se / divisor).toFixed(2)} ${unit}`),
    `${(endNpv / divisor).toFixed(2)} ${unit}`,
  ];
  const data: PlotlyTrace[] = [
    {
      type: "waterfall",
      orientation: "v",
      name: t("design.bridge.step", lang),
      x: labels,
      y: values,
      measure: ["absolute", ...steps.map((): "relative" => "relative"), "total"],
      text: values.map((v) => v.toFixed(lang === "zh" ? 0 : 1)),
      hovertext: hover,
      hoverinfo: "text",
      increasing: { marker: { color: semanticColors.good } },
      decreasing: { marker: { color: semanticColors.bad } },
      totals: { marker: { color: semanticColors.recomputed } },
      connector: { line: { color: semanticColors.stated, width: 1 } },
    },
  ];
  const layout = baseLayout(t("design.bridge.title", lang), t("design.bridge.steps", lang), t("design.bridge.axis", lang, { unit }), {
    showlegend: false,
    xaxis: { tickangle: -25 },
  });
  return withTitle({ data, layout }, title);
}

/**
 * The reverse stress test in the (model AUC, MVP save rate) plane: the
 * boundary at which the MVP gate is truly passed with the test's
 * probability, the region above it shaded, the gate's AUC and save-rate
 * lines, the design as assumed and the nearest passing point.
 *
 * @throws RangeError when the boundary is empty (nothing passes).
 * @example
 * stressBoundaryChart(stress, { aucLine: 0.85, saveLine: 0.5 }, "en").data.length // 4
 */
export function stressBoundaryChart(stress: ReverseStress, lines: { aucLine: number; saveLine: number }, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (stress.boundary.length === 0) throw new RangeError("stressBoundaryChart needs a boundary (no AUC in range passes)");
  const x = stress.boundary.map((b) => b.auc);
  const y = stress.boundary.map((b) => Math.min(1, b.saveRate));
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "lines",
      name: t("design.stress.pass", lang),
      x: [...x, ...[...x].reverse()],
      y: [...y, ...x.map(() => 1)],
      fill: "toself",
      fillcolor: "rgba(0, 158, 115, 0.15)",
      line: { width: 0 },
      hoverinfo: "skip",
    },
    { type: "scatter", mode: "lines+markers", name: t("design.stress.boundary", lang), x, y, line: { color: semanticColors.good, width: 2.5 } },
    {
      type: "scatter",
      mode: "markers",
      name: t("design.stress.base", lang),
      x: [stress.base.auc],
      y: [stress.base.saveRate],
      marker: { color: semanticColors.bad, size: 14, symbol: "x" },
    },
  ];
  if (stress.nearest !== undefined)
    data.push({
      type: "scatter",
      mode: "markers",
      name: t("design.stress.nearest", lang),
      x: [stress.nearest.auc],
      y: [stress.nearest.saveRate],
      marker: { color: palette[0], size: 14, symbol: "star" },
    });
  const ref = referenceLineLayout([
    { axis: "x", value: lines.aucLine, label: t("design.stress.aucLine", lang, { value: lines.aucLine }) },
    { axis: "y", value: lines.saveLine, label: t("design.stress.saveLine", lang, { value: formatPercent(lines.saveLine) }) },
  ]);
  const layout = baseLayout(
    t("design.stress.title", lang, { level: formatPercent(stress.level) }),
    t("design.stress.auc", lang),
    t("design.stress.saveRate", lang),
    {
      shapes: ref.shapes,
      annotations: ref.annotations,
      showlegend: true,
      yaxis: { tickformat: ".0%", range: [0, 1] },
    },
  );
  return withTitle({ data, layout }, title);
}

/**
 * The pilot's error rates against its enrolment weeks, for one follow-up and
 * hold-out share: false go and false stop of the save-rate gate, with the
 * limits as lines.
 *
 * @throws RangeError when no candidate has that follow-up and hold-out.
 * @example
 * pilotErrorChart(result.candidates, 13, 0.2, { maxFalseGo: 0.05, maxFalseStop: 0.1 }, "en").data.length // 2
 */
export function pilotErrorChart(
  candidates: readonly PilotCandidate[],
  followUpWeeks: number,
  holdOut: number,
  limits: { maxFalseGo: number; maxFalseStop: number },
  text: Lang | ChartText = "zh",
): Figure {
  const { lang, title } = chartText(text);
  const rows = candidates
    .filter((c) => c.followUpWeeks === followUpWeeks && Math.abs(c.holdOut - holdOut) < 1e-9)
    .sort((a, b) => a.enrolmentWeeks - b.enrolmentWeeks);
  if (rows.length === 0) throw new RangeError(`no candidate with ${followUpWeeks} weeks of follow-up and ${holdOut} held out`);
  const x = rows.map((c) => c.enrolmentWeeks);
  const data: PlotlyTrace[] = [
    {
      type: "scatter",
      mode: "lines+markers",
      name: t("design.pilot.falseGo", lang),
      x,
      y: rows.map((c) => c.errors.falseGo),
      line: { color: semanticColors.bad, width: 2.5 },
    },
    {
      type: "scatter",
      mode: "lines+markers",
      name: t("design.pilot.falseStop", lang),
      x,
      y: rows.map((c) => c.errors.falseStop),
      line: { color: palette[1], width: 2.5 },
    },
  ];
  const ref = referenceLineLayout([
    { axis: "y", value: limits.maxFalseGo, label: t("design.pilot.maxFalseGo", lang, { value: formatPercent(limits.maxFalseGo) }), color: semanticColors.bad },
    { axis: "y", value: limits.maxFalseStop, label: t("design.pilot.maxFalseStop", lang, { value: formatPercent(limits.maxFalseStop) }) },
  ]);
  const layout = baseLayout(
    t("design.pilot.title", lang, { followUp: followUpWeeks, holdOut: formatPercent(holdOut) }),
    t("design.pilot.weeks", lang),
    t("design.pilot.rate", lang),
    {
      shapes: ref.shapes,
      annotations: ref.annotations,
      showlegend: true,
      yaxis: { tickformat: ".0%", rangemode: "tozero" },
    },
  );
  return withTitle({ data, layout }, title);
}
