import type { TargetingOutcome } from "../actions/targeting";
import type { QiniCurve } from "../actions/qini";
import { barChart } from "./barChart";
import type { Figure } from "./Figure";
import type { PlotlyTrace, ScatterTrace } from "./plotlyTypes";
import { chartText, withTitle, type ChartText } from "./chartText";
import { moneyAxis, tickFormats } from "./format";
import { t, type Lang } from "./labels";
import { baseLayout, paletteColor, semanticColors } from "./theme";
import { referenceLineLayout } from "./referenceLines";
import { thinCurve } from "./thinCurve";

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
  const categories = outcomes.map((o) => t(`actions.policy.${o.policy}`, lang));
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
  const data = outcomes.map(
    (o, i): ScatterTrace => ({
      type: "scatter",
      mode: "lines",
      ...thinCurve(
        o.gain.costYuan.map((c) => c / money.divisor),
        o.gain.savedCustomers,
      ),
      name: t(`actions.policy.${o.policy}`, lang),
      line: { color: paletteColor(i), width: 2.5 },
    }),
  );
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
  const data: PlotlyTrace[] = [];
  curves.forEach(({ name, curve }, i) => {
    const color = paletteColor(i);
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
