import type { DecisionPoint, StaffingCurve } from "../simulation/rollout/rolloutDecisions";
import type { RolloutResult } from "../simulation/rollout/rolloutSimulation";
import type { GateSummary, MonthPercentiles, Spread } from "../simulation/rollout/rolloutSummary";
import { barChart } from "./barChart";
import type { Figure } from "./Figure";
import { chartText, withTitle, type ChartText } from "./chartText";
import { formatPercent, tickFormats, yuanToWan } from "./format";
import { t, type Lang } from "./labels";
import { lineChart } from "./lineChart";
import { palette, paletteColor, semanticColors } from "./theme";

/**
 * Fan chart of cumulative cash flow (benefit − cost) by month over the
 * simulated runs, in 万元: 5–95% and 25–75% bands under the median, with a
 * break-even line at 0. The month where the median crosses 0 is the typical
 * payback month.
 *
 * @param months `result.cumulativeCashFlow` of runRollout (yuan).
 * @param trials number of runs behind the percentiles (for the title).
 * @throws RangeError when months is empty.
 * @example
 * cashFlowFanChart(result.cumulativeCashFlow, result.trials * result.replicates, "en").data.length // 5 (two bands of two traces, the median)
 */
export function cashFlowFanChart(months: readonly MonthPercentiles[], trials: number, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (months.length === 0) throw new RangeError("cashFlowFanChart needs at least one month");
  const w = (f: (m: MonthPercentiles) => number): number[] => months.map((m) => yuanToWan(f(m)));
  return withTitle(
    lineChart({
      x: months.map((m) => m.month),
      bands: [
        { name: t("simulation.rollout.band90", lang), lower: w((m) => m.p5), upper: w((m) => m.p95) },
        { name: t("simulation.rollout.band50", lang), lower: w((m) => m.p25), upper: w((m) => m.p75), color: semanticColors.bandInner },
      ],
      series: [{ name: t("legend.median", lang), y: w((m) => m.p50), color: semanticColors.recomputed, markers: true }],
      title: t("simulation.rollout.cashFlow.title", lang, { trials }),
      xTitle: t("axis.month", lang),
      yTitle: t("simulation.rollout.cashFlow.axis", lang),
      yTickFormat: tickFormats.thousands,
      referenceLines: [{ axis: "y", value: 0, label: t("simulation.rollout.breakEven", lang), color: semanticColors.reference }],
    }),
    title,
  );
}

/**
 * Stacked bars of each gate's decision probabilities (go / hold / pause /
 * redesign, summing to 1), with the false-stop and false-go rates written
 * above each bar.
 *
 * @example
 * gateProbabilityChart(result.gates, "en").data.map((d) => d.name) // ["go (next stage)", "hold (keep tuning)", ...]
 */
export function gateProbabilityChart(gates: readonly GateSummary[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const categories = gates.map((g) => t("simulation.rollout.gate", lang, { from: g.stageId, to: g.nextStageId }));
  const decisions = [
    { key: "simulation.rollout.decision.go", color: semanticColors.good, value: (g: GateSummary) => g.probGo.value },
    { key: "simulation.rollout.decision.hold", color: palette[5], value: (g: GateSummary) => g.probHold.value },
    { key: "simulation.rollout.decision.pause", color: semanticColors.bad, value: (g: GateSummary) => g.probPause.value },
    { key: "simulation.rollout.decision.redesign", color: palette[1], value: (g: GateSummary) => g.probRedesign.value },
  ] as const;
  const figure = barChart({
    categories,
    series: decisions.map((d) => ({ name: t(d.key, lang), values: gates.map(d.value), color: d.color })),
    title: t("simulation.rollout.gates.title", lang),
    xTitle: t("simulation.rollout.gates.axis", lang),
    yTitle: t("axis.probability", lang),
    barmode: "stack",
    valueTickFormat: ".0%",
  });
  figure.layout.annotations = gates.map((g, i) => ({
    x: categories[i] ?? null,
    y: 1,
    xref: "x",
    yref: "y",
    yanchor: "bottom",
    showarrow: false,
    text: t("simulation.rollout.falseRates", lang, { falseStop: formatPercent(g.falseStopRate.value), falseGo: formatPercent(g.falseGoRate.value) }),
  }));
  return withTitle(figure, title);
}

/**
 * Annual churn without and with the programme (bars at the mean, error bars
 * over the runs' 5–95% range), with the plan's target churn as a line.
 *
 * @param planTarget the plan's churnAfter (0.12), drawn as a reference line when given.
 * @example
 * churnComparisonChart(result.churn, 0.12, "en").data[0].y // [baseline mean, programme mean]
 */
export function churnComparisonChart(churn: { baseline: Spread; programme: Spread }, planTarget?: number, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const rows = [churn.baseline, churn.programme];
  const figure = barChart({
    categories: [t("simulation.rollout.churn.baseline", lang), t("simulation.rollout.churn.programme", lang)],
    series: [
      {
        name: t("simulation.rollout.churn.axis", lang),
        values: rows.map((r) => r.mean),
        color: [semanticColors.stated, semanticColors.recomputed],
        text: rows.map((r) => formatPercent(r.mean, 1)),
      },
    ],
    title: t("simulation.rollout.churn.title", lang),
    xTitle: t("simulation.rollout.churn.scenario", lang),
    yTitle: t("simulation.rollout.churn.axis", lang),
    valueTickFormat: ".0%",
    referenceLines:
      planTarget === undefined
        ? []
        : [{ value: planTarget, label: t("simulation.rollout.churn.planTarget", lang, { value: formatPercent(planTarget) }), color: semanticColors.good }],
  });
  const trace = figure.data[0];
  if (trace?.type === "bar")
    trace.error_y = {
      type: "data",
      symmetric: false,
      array: rows.map((r) => r.p95 - r.mean),
      arrayminus: rows.map((r) => r.mean - r.p5),
      color: semanticColors.reference,
    };
  return withTitle(figure, title);
}

function roiLines(points: readonly DecisionPoint[]): { mean: number[]; p5: number[]; p95: number[] } {
  return { mean: points.map((p) => p.roi.mean), p5: points.map((p) => p.roi.p5), p95: points.map((p) => p.roi.p95) };
}

/**
 * The advisor staffing curve: share of high-risk flags contacted within 7
 * days (left axis) and first-year ROI (right axis) against the number of
 * advisors, with the target share as a line.
 *
 * @example
 * staffingChart(curve, "en").data.length // 2
 */
export function staffingChart(curve: StaffingCurve, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const x = curve.points.map((p) => p.value);
  const figure = lineChart({
    x,
    series: [
      {
        name: t("simulation.rollout.staffing.within7", lang),
        y: curve.points.map((p) => p.advisorWithin7Days.mean),
        color: semanticColors.recomputed,
        markers: true,
      },
    ],
    title: t("simulation.rollout.staffing.title", lang),
    xTitle: t("simulation.rollout.staffing.axis", lang),
    yTitle: t("simulation.rollout.staffing.within7", lang),
    yTickFormat: ".0%",
    referenceLines: [
      {
        axis: "y",
        value: curve.target,
        label: t("simulation.rollout.staffing.target", lang, { value: formatPercent(curve.target) }),
        color: semanticColors.good,
      },
    ],
  });
  figure.data.push({
    type: "scatter",
    mode: "lines+markers",
    x,
    y: roiLines(curve.points).mean,
    name: t("simulation.rollout.roi", lang),
    yaxis: "y2",
    line: { color: palette[1], width: 2.5, dash: "dash" },
  });
  figure.layout.yaxis2 = { title: { text: t("simulation.rollout.roi", lang) }, overlaying: "y", side: "right", tickformat: ".0%", showgrid: false };
  figure.layout.showlegend = true;
  return withTitle(figure, title);
}

/**
 * Value of model quality: first-year ROI (median line, 5–95% band; left
 * axis) and customers kept (right axis) against the model's AUC.
 *
 * @example
 * roiByAucChart(points, "en").data.length // 4 (band, ROI, customers kept)
 */
export function roiByAucChart(points: readonly DecisionPoint[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const x = points.map((p) => p.value);
  const roi = roiLines(points);
  const figure = lineChart({
    x,
    bands: [{ name: t("simulation.rollout.band90", lang), lower: roi.p5, upper: roi.p95 }],
    series: [{ name: t("simulation.rollout.roi", lang), y: roi.mean, color: semanticColors.recomputed, markers: true }],
    title: t("simulation.rollout.auc.title", lang),
    xTitle: t("simulation.rollout.auc.axis", lang),
    yTitle: t("simulation.rollout.roi", lang),
    yTickFormat: ".0%",
  });
  figure.data.push({
    type: "scatter",
    mode: "lines+markers",
    x,
    y: points.map((p) => p.retainedCustomers.mean),
    name: t("simulation.rollout.retained", lang),
    yaxis: "y2",
    line: { color: palette[2], width: 2.5, dash: "dot" },
  });
  figure.layout.yaxis2 = { title: { text: t("simulation.rollout.retained", lang) }, overlaying: "y", side: "right", tickformat: ",.0f", showgrid: false };
  return withTitle(figure, title);
}

/**
 * First-year ROI by contact-timing policy (7 / 14 / 21 / 30 days after the
 * trigger): bars at the mean with the runs' 5–95% range as error bars.
 *
 * @example
 * timingPolicyChart(points, "en").layout.xaxis.title.text // "Contact after the trigger"
 */
export function timingPolicyChart(points: readonly DecisionPoint[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const roi = roiLines(points);
  const figure = barChart({
    categories: points.map((p) => t("simulation.rollout.timing.days", lang, { days: p.value })),
    series: [
      {
        name: t("simulation.rollout.roi", lang),
        values: roi.mean,
        color: points.map((_, i) => paletteColor(i)),
        text: roi.mean.map((r) => formatPercent(r)),
      },
    ],
    title: t("simulation.rollout.timing.title", lang),
    xTitle: t("simulation.rollout.timing.axis", lang),
    yTitle: t("simulation.rollout.roi", lang),
    valueTickFormat: ".0%",
  });
  const trace = figure.data[0];
  if (trace?.type === "bar")
    trace.error_y = {
      type: "data",
      symmetric: false,
      array: roi.p95.map((v, i) => v - roi.mean[i]!),
      arrayminus: roi.p5.map((v, i) => roi.mean[i]! - v),
      color: semanticColors.reference,
    };
  return withTitle(figure, title);
}

/** The four headline rollout figures of a study result, in one call (fan chart, gates, churn). */
export function rolloutResultCharts(result: RolloutResult, planTarget?: number, lang: Lang = "zh"): Figure[] {
  return [
    cashFlowFanChart(result.cumulativeCashFlow, result.trials * result.replicates, lang),
    gateProbabilityChart(result.gates, lang),
    churnComparisonChart(result.churn, planTarget, lang),
  ];
}
