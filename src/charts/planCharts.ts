import type { CostBreakdownLine, PlanSummary } from "../plan/planSummary";
import { barChart, type BarSeries } from "./barChart";
import type { Figure } from "./Figure";
import type { PlotlyAnnotation } from "./plotlyTypes";
import { chartText, withTitle, type ChartText } from "./chartText";
import { formatNumber, formatPercent, tickFormats, yuanToWan } from "./format";
import { t, type Lang } from "./labels";
import { palette, semanticColors, tierColor } from "./theme";
import { wanAmount } from "../io/numberText";

const wanUnit = (lang: Lang): string => t("unit.wanYuan", lang);
const moneyTitle = (lang: Lang): string => t("axis.amountIn", lang, { unit: wanUnit(lang) });
const wanText = (yuan: number, lang: Lang): string => `${wanAmount(yuan, yuanToWan(yuan) % 1 === 0 ? 0 : 1, "fixed")}${lang === "zh" ? "万" : ""}`;

function lineName(line: CostBreakdownLine, lang: Lang): string {
  const label = lang === "zh" && line.labelZh !== undefined ? line.labelZh : line.label;
  return line.kind === "tier" ? t("plan.series.interventions", lang, { tier: label }) : label;
}

function lineColor(line: CostBreakdownLine, index: number): string {
  if (line.kind === "tier" && line.tierRank !== undefined && line.tierRank >= 1 && line.tierRank <= 4) return tierColor(line.tierRank);
  // one-time lines in cool tones, fixed annual lines in the remaining palette colours
  const cool = ["#1F4E79", "#5D6D7E", "#8E44AD", "#7F8C8D", "#009E73", "#CC79A7", "#B7950B"];
  return cool[index % cool.length] ?? palette[0];
}

/** Annotations with each stack's total above it. */
function totalAnnotations(categories: readonly string[], totals: readonly number[], text: (v: number) => string): PlotlyAnnotation[] {
  return categories.map((category, i) => ({
    x: category,
    y: totals[i] ?? 0,
    xref: "x",
    yref: "y",
    text: `<b>${text(totals[i] ?? 0)}</b>`,
    showarrow: false,
    yanchor: "bottom",
  }));
}

/**
 * First-year cost as stated vs recomputed: two stacked bars (万元), one
 * segment per cost line: one-time lines, fixed annual lines, then each tier's
 * interventions in its tier colour (the recomputed bar shows tier 1 at
 * 6,000 × 800 = 480万 and the tier-4 line the article leaves out, 154万).
 * The total is written above each bar (1,084 and 1,574 for the seed plan).
 *
 * @param summary from `planSummary(plan)` (src/plan)
 * @param text "zh" (default) or "en", or `{ lang, title }` to replace the default title
 * @example
 * costBreakdownChart(planSummary(seedPlan), "en").data.length // 9 (4 one-time, 2 annual, 3 + 1 tiers)
 */
export function costBreakdownChart(summary: PlanSummary, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const categories = [t("plan.view.asStated", lang), t("plan.view.recomputed", lang)];
  const series: BarSeries[] = summary.costLines.map((line, i) => ({
    name: lineName(line, lang),
    values: [yuanToWan(line.statedYuan), yuanToWan(line.recomputedYuan)],
    color: lineColor(line, i),
  }));
  const figure = barChart({
    categories,
    series,
    title: t("plan.costBreakdown.title", lang),
    xTitle: t("plan.axis.view", lang),
    yTitle: moneyTitle(lang),
    barmode: "stack",
    valueTickFormat: tickFormats.thousands,
  });
  const totals = [summary.asStated.firstYearCost, summary.recomputed.firstYearCost].map(yuanToWan);
  figure.layout.annotations = totalAnnotations(categories, totals, (v) => formatNumber(v, v % 1 === 0 ? 0 : 1));
  // many cost lines: legend to the right of the plot, not under it
  figure.layout.legend = {
    ...(figure.layout.legend ?? {}),
    orientation: "v",
    x: 1.02,
    xanchor: "left",
    y: 1,
    yanchor: "top",
  };
  figure.layout.margin = { ...(figure.layout.margin ?? {}), r: 20 };
  return withTitle(figure, title);
}

/**
 * First-year benefit (万元), stacked: retained customers' lifetime value and
 * referred new customers, as stated, recomputed from the drivers, and scaled
 * to the share of customer-months the rollout reaches (65% for the seed
 * plan: 4,972.8万 × 0.65 = 3,232.3万). Dashed lines mark the stated and the
 * recomputed first-year cost (1,084万 and 1,574万).
 *
 * @param summary from `planSummary(plan)` (src/plan)
 * @param text "zh" (default) or "en", or `{ lang, title }` to replace the default title
 * @example
 * benefitBreakdownChart(planSummary(seedPlan), "en").data[0].y // [4800, 4800, 3120]
 */
export function benefitBreakdownChart(summary: PlanSummary, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const reach = summary.rolloutCoverage;
  const categories = [t("plan.view.asStated", lang), t("plan.view.recomputed", lang), t("plan.view.rolloutReach", lang, { share: formatPercent(reach) })];
  const retained = [summary.asStated.retainedValue, summary.recomputed.retainedValue, summary.recomputed.retainedValue * reach];
  const referral = [summary.asStated.referralValue, summary.recomputed.referralValue, summary.recomputed.referralValue * reach];
  const figure = barChart({
    categories,
    series: [
      { name: t("plan.series.retainedValue", lang), values: retained.map(yuanToWan), color: semanticColors.recomputed },
      { name: t("plan.series.referralValue", lang), values: referral.map(yuanToWan), color: palette[1] },
    ],
    title: t("plan.benefitBreakdown.title", lang),
    xTitle: t("plan.axis.view", lang),
    yTitle: moneyTitle(lang),
    barmode: "stack",
    valueTickFormat: tickFormats.thousands,
    referenceLines: [
      {
        value: yuanToWan(summary.asStated.firstYearCost),
        label: t("plan.line.costStated", lang, { value: wanText(summary.asStated.firstYearCost, lang) }),
        color: semanticColors.stated,
      },
      {
        value: yuanToWan(summary.recomputed.firstYearCost),
        label: t("plan.line.costRecomputed", lang, { value: wanText(summary.recomputed.firstYearCost, lang) }),
        color: semanticColors.bad,
      },
    ],
  });
  const totals = retained.map((r, i) => yuanToWan(r + (referral[i] ?? 0)));
  const annotations = figure.layout.annotations ?? [];
  figure.layout.annotations = [...annotations, ...totalAnnotations(categories, totals, (v) => formatNumber(v, v % 1 === 0 ? 0 : 1))];
  return withTitle(figure, title);
}

/**
 * First-year ROI ((benefit − cost) / cost) as the article writes it (359%),
 * as stated from its line items (358.75%), recomputed from the drivers
 * (215.93%) and recomputed with benefits scaled to the rollout's reach
 * ((3,232.3 − 1,574) / 1,574 = 105.36%), with the MVP's success threshold
 * (ROI > 200%) as a reference line, and break-even (0) when a view is at or
 * below it.
 *
 * @param summary from `planSummary(plan)` (src/plan)
 * @param text "zh" (default) or "en", or `{ lang, title }` to replace the default title
 * @example
 * roiChart(planSummary(seedPlan), "en").data[0].y // [3.59, 3.5875..., 2.1593..., 1.0536...]
 */
export function roiChart(summary: PlanSummary, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  const reach = summary.rolloutCoverage;
  const cost = summary.recomputed.firstYearCost;
  const atReach = cost === 0 ? Number.NaN : (summary.recomputed.totalBenefit * reach - cost) / cost;
  const categories = [
    t("plan.view.article", lang),
    t("plan.view.asStated", lang),
    t("plan.view.recomputed", lang),
    t("plan.view.rolloutReach", lang, { share: formatPercent(reach) }),
  ];
  const values = [summary.roiStated, summary.asStated.roi, summary.recomputed.roi, atReach];
  const lines: Array<{ value: number; label: string; color: string; dash: "dot" }> = [];
  if (values.some((v) => v <= 0)) lines.push({ value: 0, label: t("plan.line.breakEven", lang), color: semanticColors.reference, dash: "dot" });
  if (summary.roiMin !== undefined)
    lines.push({
      value: summary.roiMin,
      label: t("plan.line.mvpRoiMin", lang, { value: formatPercent(summary.roiMin) }),
      color: semanticColors.good,
      dash: "dot",
    });
  return withTitle(
    barChart({
      categories,
      series: [
        {
          name: "ROI",
          values,
          color: [semanticColors.stated, semanticColors.stated, semanticColors.recomputed, semanticColors.recomputed],
          text: values.map((v, i) => formatPercent(v, i === 0 ? 0 : 2)),
        },
      ],
      title: t("plan.roi.title", lang),
      xTitle: t("plan.axis.view", lang),
      yTitle: t("plan.axis.roi", lang),
      valueTickFormat: tickFormats.percent,
      referenceLines: lines,
    }),
    title,
  );
}
