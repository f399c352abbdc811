import type { TierSummary } from "../actions/summarizeTiers";
import type { WeeklySummary } from "../actions/queueTypes";
import type { DecayBand } from "../actions/decayUncertainty";
import type { DecayFit } from "../actions/decayFit";
import type { DelayCostRow } from "../actions/saveRateAfterDelay";
import type { TargetingOutcome } from "../actions/targeting";
import type { QiniCurve } from "../actions/qini";
import { barChart } from "./barChart";
import type { Figure } from "./Figure";
import { chartText, withTitle, type ChartText } from "./chartText";
import { formatPercent, moneyAxis, tickFormats } from "./format";
import { t, type Lang } from "./labels";
import { baseLayout, palette, semanticColors, tierColor } from "./theme";
import { referenceLineLayout } from "./referenceLines";
import { thinCurve } from "./thinCurve";

const tierName = (n: number, lang: Lang): string => (n >= 1 && n <= 4 ? t(`tier.${n}` as "tier.1", lang) : `tier ${n}`);
const tierColorSafe = (n: number): string => (n >= 1 && n <= 4 ? tierColor(n) : (palette[(n - 1) % palette.length] as string));

/**
 * Tier shares of a scored population against the plan's stated shares
 * (section 5.1: 3%, 8%, 12%, 77%): grouped bars, scored in tier colours,
 * stated in grey, with the scored share printed on each bar.
 *
 * @param summary from `summarizeTiers(customers, plan)` (src/actions).
 * @example
 * tierShareChart(summarizeTiers(scores, seedPlan), "en").data[1].y; // [0.03, 0.08, 0.12, 0.77]
 */
export function tierShareChart(summary: TierSummary, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const categories = summary.rows.map((r) => tierName(r.tierNumber, lang));
  return withTitle(
    barChart({
      categories,
      series: [
        {
          name: t("actions.series.scored", lang),
          legendName: t("legend.colouredByTier", lang, { name: t("actions.series.scored", lang) }),
          values: summary.rows.map((r) => r.share),
          color: summary.rows.map((r) => tierColorSafe(r.tierNumber)),
          text: summary.rows.map((r) => formatPercent(r.share, 1)),
        },
        {
          name: t("legend.stated", lang),
          values: summary.rows.map((r) => r.shareStated),
          color: semanticColors.stated,
          text: summary.rows.map((r) => formatPercent(r.shareStated, 0)),
        },
      ],
      title: t("actions.tierShares.title", lang),
      xTitle: t("tier.axis", lang),
      yTitle: t("axis.share", lang),
      valueTickFormat: tickFormats.percent,
    }),
    title,
  );
}

/**
 * The Monday queue over several weeks: stacked bars of entries assigned to
 * an advisor, handed off unassigned and overflowing (carried to next week),
 * with the carried-over count as a line.
 *
 * @param summaries one `WeeklySummary` per week, in order.
 * @example
 * weeklyQueueChart([r1.summary, r2.summary], "en").data.length; // 4
 */
export function weeklyQueueChart(summaries: readonly WeeklySummary[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const categories = summaries.map((s) => s.week);
  const figure = barChart({
    categories,
    series: [
      { name: t("actions.series.assigned", lang), values: summaries.map((s) => s.assigned), color: semanticColors.good },
      { name: t("actions.series.unassigned", lang), values: summaries.map((s) => s.unassigned), color: semanticColors.stated },
      { name: t("actions.series.overflow", lang), values: summaries.map((s) => s.overflow), color: semanticColors.bad },
    ],
    title: t("actions.weeklyQueue.title", lang),
    xTitle: t("axis.week", lang),
    yTitle: t("unit.customers", lang),
    barmode: "stack",
    valueTickFormat: tickFormats.thousands,
  });
  figure.data.push({
    type: "scatter",
    mode: "lines+markers",
    x: categories,
    y: summaries.map((s) => s.carriedOver),
    name: t("actions.series.carriedOver", lang),
    line: { color: semanticColors.reference, dash: "dot" },
  });
  figure.layout["xaxis"] = { ...((figure.layout["xaxis"] as Record<string, unknown>) ?? {}), type: "category" };
  return withTitle(figure, title);
}

/**
 * One week's advisor load: customers assigned per advisor (bars, red when
 * at capacity) against each advisor's weekly capacity (markers).
 *
 * @example
 * advisorLoadChart(result.summary, "en").data[0].y; // assigned per advisor
 */
export function advisorLoadChart(summary: WeeklySummary, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const categories = summary.advisorLoad.map((a) => `${a.advisorId} (${a.outletId})`);
  const figure = barChart({
    categories,
    // Two stacked series (each advisor has a bar in one of them), so each legend swatch is its bars' colour.
    series: [
      {
        name: t("actions.series.belowCapacity", lang),
        values: summary.advisorLoad.map((a) => (a.assigned < a.weeklyCapacity ? a.assigned : 0)),
        color: semanticColors.good,
      },
      {
        name: t("actions.series.atCapacity", lang),
        values: summary.advisorLoad.map((a) => (a.assigned >= a.weeklyCapacity ? a.assigned : 0)),
        color: semanticColors.bad,
      },
    ],
    barmode: "stack",
    title: t("actions.advisorLoad.title", lang, { week: summary.week }),
    xTitle: t("actions.axis.advisor", lang),
    yTitle: t("unit.customers", lang),
  });
  figure.data.push({
    type: "scatter",
    mode: "markers",
    x: categories,
    y: summary.advisorLoad.map((a) => a.weeklyCapacity),
    name: t("actions.series.capacity", lang),
    marker: { symbol: "line-ew-open", size: 24, color: semanticColors.reference, line: { width: 3 } },
  });
  figure.layout["showlegend"] = true;
  return withTitle(figure, title);
}

/** Options of {@link decayCurveChart}. */
export interface DecayCurveChartOptions {
  /** The plan's A/B points with posterior intervals (from `decayEvidence`; `lower`/`upper` optional). */
  points: { delays: readonly number[]; rates: readonly number[]; lower?: readonly number[]; upper?: readonly number[] };
  /** Parametric fits to draw; `chosen` (model name) is drawn solid and marked. */
  fits: readonly DecayFit[];
  chosen?: string;
  /** The PCHIP interpolation, evaluated on the band's (or a default) grid. */
  interpolation?: (d: number) => number;
  /** Posterior band of curves. */
  band?: DecayBand;
  /** The plan's best window [from, to] days, shaded (the first two values are used). */
  goldenWindow?: readonly number[];
  /** Delays to draw (default 0..35). */
  delays?: readonly number[];
}

/**
 * The save rate after a delay: the plan's A/B points (with their posterior
 * intervals as error bars), the fitted curves (the AIC choice solid), the
 * monotone interpolation (dotted), the posterior band, and the golden window.
 *
 * @example
 * decayCurveChart({ points: { delays: [7, 14, 21, 30], rates: [0.62, 0.55, 0.38, 0.22] }, fits: fitDecayModels(ab).fits }, "en").data.length; // 4
 */
export function decayCurveChart(options: DecayCurveChartOptions, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const delays = [...(options.delays ?? options.band?.delays ?? Array.from({ length: 36 }, (_, i) => i))];
  const data: Array<Record<string, unknown>> = [];
  if (options.band !== undefined) {
    const b = options.band;
    const name = t("legend.band", lang, { low: Math.round(b.levels[0] * 100), high: Math.round(b.levels[1] * 100) });
    data.push({
      type: "scatter",
      mode: "lines",
      x: b.delays,
      y: b.lower,
      line: { width: 0, color: semanticColors.band },
      legendgroup: "band",
      showlegend: false,
      hoverinfo: "skip",
      name,
    });
    data.push({
      type: "scatter",
      mode: "lines",
      x: b.delays,
      y: b.upper,
      line: { width: 0, color: semanticColors.band },
      fill: "tonexty",
      fillcolor: semanticColors.band,
      legendgroup: "band",
      name,
    });
  }
  options.fits.forEach((fit, i) => {
    const chosen = fit.model === options.chosen;
    data.push({
      type: "scatter",
      mode: "lines",
      x: delays,
      y: delays.map((d) => fit.curve(d)),
      name: t(chosen ? "actions.series.fitChosen" : "actions.series.fit", lang, { model: fit.model }),
      line: { color: palette[i % palette.length], width: chosen ? 3 : 1.5, dash: chosen ? "solid" : "dash" },
    });
  });
  if (options.interpolation !== undefined) {
    const f = options.interpolation;
    data.push({
      type: "scatter",
      mode: "lines",
      x: delays,
      y: delays.map((d) => f(d)),
      name: t("actions.series.interpolation", lang),
      line: { color: semanticColors.reference, dash: "dot", width: 2 },
    });
  }
  const p = options.points;
  const point: Record<string, unknown> = {
    type: "scatter",
    mode: "markers",
    x: [...p.delays],
    y: [...p.rates],
    name: t("actions.series.abTest", lang),
    marker: { size: 11, color: semanticColors.bad, symbol: "diamond" },
  };
  if (p.lower !== undefined && p.upper !== undefined) {
    const lower = p.lower;
    const upper = p.upper;
    point["error_y"] = {
      type: "data",
      symmetric: false,
      array: p.rates.map((r, i) => (upper[i] as number) - r),
      arrayminus: p.rates.map((r, i) => r - (lower[i] as number)),
      color: semanticColors.bad,
    };
  }
  data.push(point);
  const shapes: Array<Record<string, unknown>> = [];
  const annotations: Array<Record<string, unknown>> = [];
  const from = options.goldenWindow?.[0];
  const to = options.goldenWindow?.[1];
  if (from !== undefined && to !== undefined) {
    shapes.push({
      type: "rect",
      xref: "x",
      yref: "paper",
      x0: from,
      x1: to,
      y0: 0,
      y1: 1,
      fillcolor: "rgba(0, 158, 115, 0.10)",
      line: { width: 0 },
      layer: "below",
    });
    annotations.push({
      xref: "x",
      yref: "paper",
      x: (from + to) / 2,
      y: 1,
      yanchor: "bottom",
      text: t("actions.line.goldenWindow", lang, { from, to }),
      showarrow: false,
      font: { color: semanticColors.good },
    });
  }
  const layout = baseLayout(t("actions.decay.title", lang), t("actions.axis.delayDays", lang), t("actions.axis.saveRate", lang), {
    yaxis: { tickformat: tickFormats.percent, rangemode: "tozero" },
    shapes,
    annotations,
    showlegend: true,
  });
  return withTitle({ data, layout }, title);
}

/**
 * Cost of one more day of delay per tier (money per day on the language's
 * money axis: 万元 in zh, M yuan in en), grouped by the delay already incurred.
 *
 * @param rows from `delayCost(plan, curve)` (src/actions).
 * @example
 * delayCostChart(delayCost(seedPlan, pchip), "en").data.length; // 4 (one series per tier)
 */
export function delayCostChart(rows: readonly DelayCostRow[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const money = moneyAxis(lang);
  const delays = [...new Set(rows.map((r) => r.delayDays))].sort((a, b) => a - b);
  const tiers = [...new Set(rows.map((r) => r.tierNumber))].sort((a, b) => a - b);
  return withTitle(
    barChart({
      categories: delays.map((d) => t("actions.delayAt", lang, { days: d })),
      series: tiers.map((n) => ({
        name: tierName(n, lang),
        values: delays.map((d) => (rows.find((r) => r.tierNumber === n && r.delayDays === d)?.yuanLostPerDay ?? NaN) / money.divisor),
        color: tierColorSafe(n),
      })),
      title: t("actions.delayCost.title", lang),
      xTitle: t("actions.axis.delayAt", lang),
      yTitle: t("actions.axis.lossPerDay", lang, { unit: money.unit }),
      valueTickFormat: lang === "zh" ? tickFormats.thousands : ",.2f",
    }),
    title,
  );
}

/**
 * The targeting policies on the same budget: saved value, cost and net
 * value per policy (万元 in zh, M yuan in en).
 *
 * @param outcomes from `compareTargeting` (src/actions).
 * @example
 * targetingComparisonChart(outcomes, "en").data.map((d) => d.name); // ["Saved value", "Intervention cost", "Net value"]
 */
export function targetingComparisonChart(outcomes: readonly TargetingOutcome[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const money = moneyAxis(lang);
  const categories = outcomes.map((o) => t(`actions.policy.${o.policy}` as "actions.policy.risk", lang));
  return withTitle(
    barChart({
      categories,
      series: [
        { name: t("actions.series.savedValue", lang), values: outcomes.map((o) => o.savedValueYuan / money.divisor), color: semanticColors.good },
        { name: t("actions.series.cost", lang), values: outcomes.map((o) => o.costYuan / money.divisor), color: semanticColors.stated },
        { name: t("actions.series.netValue", lang), values: outcomes.map((o) => o.netValueYuan / money.divisor), color: semanticColors.recomputed },
      ],
      title: t("actions.targeting.title", lang),
      xTitle: t("actions.axis.policy", lang),
      yTitle: t("axis.amountIn", lang, { unit: money.unit }),
      valueTickFormat: lang === "zh" ? tickFormats.thousands : ",.2f",
    }),
    title,
  );
}

/**
 * Cumulative expected customers saved against budget spent, one line per
 * policy (from each outcome's `gain`), with the budget as a vertical line.
 *
 * @example
 * gainChart(outcomes, "en").data.length; // one line per policy
 */
export function gainChart(outcomes: readonly TargetingOutcome[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const money = moneyAxis(lang);
  const data = outcomes.map((o, i) => ({
    type: "scatter",
    mode: "lines",
    ...thinCurve(
      o.gain.costYuan.map((c) => c / money.divisor),
      o.gain.savedCustomers,
    ),
    name: t(`actions.policy.${o.policy}` as "actions.policy.risk", lang),
    line: { color: palette[i % palette.length], width: 2.5 },
  }));
  const budget = outcomes[0]?.budgetYuan;
  const lines = referenceLineLayout(
    budget === undefined ? [] : [{ axis: "x", value: budget / money.divisor, label: `${(budget / money.divisor).toLocaleString("en-US")} ${money.unit}` }],
  );
  const layout = baseLayout(t("actions.gain.title", lang), t("actions.axis.budgetSpent", lang, { unit: money.unit }), t("actions.axis.savedCustomers", lang), {
    shapes: lines.shapes,
    annotations: lines.annotations,
    showlegend: true,
  });
  return withTitle({ data, layout }, title);
}

/**
 * Qini curves of several rankings evaluated on the same randomised test,
 * with the random-targeting diagonal of each.
 *
 * @param curves named Qini curves (from `qiniCurve`).
 * @example
 * qiniChart([{ name: "uplift", curve: qiniCurve(records) }], "en").data.length; // 2 (curve + its random line)
 */
export function qiniChart(curves: ReadonlyArray<{ name: string; curve: QiniCurve }>, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const data: Array<Record<string, unknown>> = [];
  curves.forEach(({ name, curve }, i) => {
    const color = palette[i % palette.length];
    data.push({
      type: "scatter",
      mode: "lines",
      ...thinCurve(curve.fraction, curve.qini),
      name: `${name} (Qini ${curve.coefficient.toFixed(1)})`,
      line: { color, width: 2.5 },
    });
  });
  const first = curves[0]?.curve;
  if (first !== undefined) {
    data.push({
      type: "scatter",
      mode: "lines",
      x: [0, 1],
      y: [0, first.qini[first.qini.length - 1] ?? 0],
      name: t("actions.series.random", lang),
      line: { color: semanticColors.stated, dash: "dash", width: 1.5 },
    });
  }
  const layout = baseLayout(t("actions.qini.title", lang), t("actions.axis.fractionTargeted", lang), t("actions.axis.qini", lang), {
    xaxis: { tickformat: tickFormats.percent },
    showlegend: true,
  });
  return withTitle({ data, layout }, title);
}
