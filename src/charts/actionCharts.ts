import type { TierSummary } from "../actions/summarizeTiers";
import type { WeeklySummary } from "../actions/queueTypes";
import type { DelayCostRow } from "../actions/saveRateAfterDelay";
import { barChart } from "./barChart";
import type { Figure } from "./Figure";
import { chartText, withTitle, type ChartText } from "./chartText";
import { formatPercent, moneyAxis, tickFormats } from "./format";
import { t, type Lang } from "./labels";
import { paletteColor, semanticColors, tierColor } from "./theme";

const tierName = (n: number, lang: Lang): string => (n === 1 || n === 2 || n === 3 || n === 4 ? t(`tier.${n}`, lang) : `tier ${n}`);
const tierColorSafe = (n: number): string => (n >= 1 && n <= 4 ? tierColor(n) : paletteColor(n - 1));

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
  figure.layout.xaxis = { ...(figure.layout.xaxis ?? {}), type: "category" };
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
  figure.layout.showlegend = true;
  return withTitle(figure, title);
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
