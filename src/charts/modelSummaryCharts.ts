import type { Figure } from "./Figure";
import type { PlotlyShape, PlotlyTrace } from "./plotlyTypes";
import { chartText, withTitle, type ChartText } from "./chartText";
import { t, type Lang } from "./labels";
import { baseLayout, palette, semanticColors, tierColors, tierNumbers } from "./theme";
import { hideColourfulLegend } from "./barChart";
import type { LiftRow } from "../models/metrics/liftTable";
import type { FeatureImportance } from "../models/metrics/permutationImportance";

/**
 * Lift per decile (bars, left axis) and cumulative gain (line, right axis).
 *
 * @param rows - from `liftTable` (highest-risk group first).
 * @throws RangeError when there are no rows.
 * @example
 * liftGainChart(liftTable(p, y), "en").data[0].type; // "bar"
 */
export function liftGainChart(rows: readonly LiftRow[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (rows.length === 0) throw new RangeError("liftGainChart needs at least one row");
  const x = rows.map((r) => r.group);
  return withTitle(
    {
      data: [
        {
          type: "bar",
          x,
          y: rows.map((r) => r.lift),
          name: t("models.lift.bars", lang),
          marker: { color: palette[0] },
          hovertemplate: "%{x}: %{y:.2f}×<extra></extra>",
        },
        {
          type: "scatter",
          mode: "lines+markers",
          x,
          y: rows.map((r) => r.cumulativeGain),
          yaxis: "y2",
          name: t("models.lift.gain", lang),
          line: { color: palette[1], width: 2.5 },
          marker: { color: palette[1] },
          hovertemplate: "%{x}: %{y:.0%}<extra></extra>",
        },
      ],
      layout: baseLayout(t("models.lift.title", lang), t("models.lift.x", lang), t("models.lift.y", lang), {
        xaxis: { tickmode: "linear", dtick: 1 },
        yaxis2: { title: { text: t("models.lift.y2", lang) }, overlaying: "y", side: "right", range: [0, 1.05], tickformat: ".0%", showgrid: false },
        shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: 1, y1: 1, line: { color: semanticColors.reference, dash: "dot", width: 1 } }],
      }),
    },
    title,
  );
}

/**
 * Permutation importance as horizontal bars (most important on top) with ±1 sd error bars.
 *
 * @param importances - from `permutationImportance`; at most `top` are shown (default 15).
 * @throws RangeError when the list is empty.
 * @example
 * importanceChart([{ feature: "recency_days", importance: 0.08, sd: 0.004 }], "en").data[0].orientation; // "h"
 */
export function importanceChart(importances: readonly FeatureImportance[], text: Lang | ChartText = "zh", top = 15): Figure {
  const { lang, title } = chartText(text);
  if (importances.length === 0) throw new RangeError("importanceChart needs at least one feature");
  const shown = [...importances]
    .sort((a, b) => b.importance - a.importance)
    .slice(0, top)
    .reverse();
  return withTitle(
    {
      data: [
        {
          type: "bar",
          orientation: "h",
          y: shown.map((f) => f.feature),
          x: shown.map((f) => f.importance),
          error_x: { type: "data", array: shown.map((f) => f.sd), color: semanticColors.reference, thickness: 1.5 },
          marker: { color: shown.map((f) => (f.importance > 0 ? palette[0] : semanticColors.stated)) },
          hovertemplate: "%{y}: %{x:.4f}<extra></extra>",
          name: t("models.importance.x", lang),
        },
      ],
      layout: baseLayout(t("models.importance.title", lang), t("models.importance.x", lang), t("models.importance.y", lang), {
        showlegend: false,
        margin: { l: 190 },
        height: 120 + 28 * shown.length,
      }),
    },
    title,
  );
}

/**
 * Shares of scored customers per risk tier next to the plan's assumed shares (3% / 8% / 12% / 77%).
 *
 * @param modelShares - shares of tiers 1..4 among scored customers (0..1 each).
 * @param planShares - the plan's stated shares of tiers 1..4.
 * @throws RangeError when either list does not have 4 entries.
 * @example
 * tierDistributionChart([0.01, 0.02, 0.05, 0.92], [0.03, 0.08, 0.12, 0.77], "en").data.length; // 2
 */
export function tierDistributionChart(modelShares: readonly number[], planShares: readonly number[], text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (modelShares.length !== 4 || planShares.length !== 4) throw new RangeError("tierDistributionChart needs 4 shares for the model and 4 for the plan");
  const tiers = tierNumbers.map((k) => t(`tier.${k}`, lang));
  const colors = [tierColors[1], tierColors[2], tierColors[3], tierColors[4]];
  const data: PlotlyTrace[] = [
    {
      type: "bar",
      x: tiers,
      y: [...modelShares],
      name: t("models.tiers.model", lang),
      marker: { color: colors },
      text: modelShares.map((s) => `${(s * 100).toFixed(1)}%`),
      textposition: "outside",
      hovertemplate: "%{x}: %{y:.1%}<extra></extra>",
    },
    {
      type: "bar",
      x: tiers,
      y: [...planShares],
      name: t("models.tiers.plan", lang),
      marker: { color: "rgba(0,0,0,0)", line: { color: semanticColors.stated, width: 2 } },
      text: planShares.map((s) => `${(s * 100).toFixed(0)}%`),
      textposition: "outside",
      hovertemplate: "%{x}: %{y:.0%}<extra></extra>",
    },
  ];
  // The model's bars are coloured by tier: a red legend swatch would speak for a mostly blue series.
  hideColourfulLegend(data, 0, t("legend.colouredByTier", lang, { name: t("models.tiers.model", lang) }));
  const top = Math.max(...modelShares, ...planShares);
  return withTitle(
    {
      data,
      // Room above the tallest bar for its label ("outside" text would otherwise be cut at the top).
      layout: baseLayout(t("models.tiers.title", lang), t("tier.axis", lang), t("axis.share", lang), {
        barmode: "group",
        yaxis: { tickformat: ".0%", range: [0, Math.min(1.12, top * 1.12 + 0.01)] },
      }),
    },
    title,
  );
}

/**
 * Test AUC of each model with its 95% CI (error bars), against the plan's MVP gate and stop-loss lines.
 *
 * @param models - one per model: name, AUC and its CI bounds.
 * @param gate - MVP gate AUC (plan: 0.85); stopLoss: stop-loss AUC (plan: 0.80).
 * @throws RangeError when the list is empty.
 * @example
 * aucComparisonChart([{ name: "GBDT", auc: 0.86, low: 0.84, high: 0.88 }], 0.85, 0.8, "en").layout.shapes.length; // 2
 */
export function aucComparisonChart(
  models: ReadonlyArray<{ name: string; auc: number; low: number; high: number }>,
  gate: number,
  stopLoss: number,
  text: Lang | ChartText = "zh",
): Figure {
  const { lang, title } = chartText(text);
  if (models.length === 0) throw new RangeError("aucComparisonChart needs at least one model");
  const line = (y: number, color: string): PlotlyShape => ({
    type: "line",
    xref: "paper",
    x0: 0,
    x1: 1,
    yref: "y",
    y0: y,
    y1: y,
    line: { color, dash: "dash", width: 1.5 },
  });
  const lowest = Math.min(stopLoss, ...models.map((m) => m.low));
  return withTitle(
    {
      data: [
        {
          type: "scatter",
          mode: "markers",
          x: models.map((m) => m.name),
          y: models.map((m) => m.auc),
          error_y: {
            type: "data",
            symmetric: false,
            array: models.map((m) => m.high - m.auc),
            arrayminus: models.map((m) => m.auc - m.low),
            color: semanticColors.reference,
            thickness: 1.5,
            width: 8,
          },
          marker: { size: 12, color: models.map((m) => (m.low > gate ? semanticColors.good : m.high < stopLoss ? semanticColors.bad : palette[0])) },
          hovertemplate: "%{x}: %{y:.3f}<extra></extra>",
          name: t("models.auc.y", lang),
        },
      ],
      layout: baseLayout(t("models.auc.title", lang), t("models.auc.x", lang), t("models.auc.y", lang), {
        showlegend: false,
        yaxis: { range: [Math.max(0.5, lowest - 0.03), 1] },
        shapes: [line(gate, semanticColors.good), line(stopLoss, semanticColors.bad)],
        annotations: [
          {
            xref: "paper",
            x: 1,
            xanchor: "right",
            yref: "y",
            y: gate,
            yanchor: "bottom",
            text: t("models.auc.gate", lang, { value: gate.toFixed(2) }),
            showarrow: false,
            font: { color: semanticColors.good },
          },
          {
            xref: "paper",
            x: 1,
            xanchor: "right",
            yref: "y",
            y: stopLoss,
            yanchor: "top",
            text: t("models.auc.stopLoss", lang, { value: stopLoss.toFixed(2) }),
            showarrow: false,
            font: { color: semanticColors.bad },
          },
        ],
      }),
    },
    title,
  );
}
