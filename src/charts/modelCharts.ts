import type { Figure } from "./Figure";
import type { PlotlyTrace } from "./plotlyTypes";
import { chartText, withTitle, type ChartText } from "./chartText";
import { t, type Lang } from "./labels";
import { baseLayout, paletteColor, semanticColors } from "./theme";
import { thinCurve as thin } from "./thinCurve";
import type { RocCurve } from "../models/metrics/rocAuc";
import type { PrecisionRecallCurve } from "../models/metrics/averagePrecision";
import type { CalibrationCurve } from "../models/metrics/calibrationCurve";

const fixed = (v: number, digits = 3): string => (Number.isFinite(v) ? v.toFixed(digits) : "—");

/** 0..100% with a little room at both ends, so the two axes' "0%" labels do not meet at the origin and curves at 100% are not cut. */
const unitRange = [-0.02, 1.02];

/**
 * The calibration plot's range, the same on both axes so the diagonal stays
 * at 45°: up to the largest mean prediction or observed rate (plus 10%),
 * rounded up to a step that reads well. A calibrated churn model at a 2%
 * base rate keeps nearly every bin under 10%: a 0–100% axis would squeeze
 * them into its first tenth.
 */
function calibrationRange(series: ReadonlyArray<{ curve: CalibrationCurve }>): [number, number] {
  const largest = Math.max(0, ...series.flatMap((s) => s.curve.bins.flatMap((b) => [b.meanPredicted, b.observedRate]).filter(Number.isFinite)));
  const step = largest < 0.1 ? 0.01 : largest < 0.3 ? 0.05 : 0.1;
  const top = Math.min(1, Math.max(step, Math.ceil((largest * 1.1) / step) * step));
  return [-top * 0.02, top];
}

/**
 * ROC curves of one or more models on the same axes, with the chance diagonal.
 *
 * @param curves - one per model: legend name, curve (from `rocCurve`) and AUC.
 * @throws RangeError when there is no curve.
 * @example
 * rocChart([{ name: "GBDT", curve: rocCurve(p, y), auc: 0.86 }], "en").data.length; // 2 (curve + chance)
 */
export function rocChart(curves: ReadonlyArray<{ name: string; curve: RocCurve; auc: number }>, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (curves.length === 0) throw new RangeError("rocChart needs at least one curve");
  const data: PlotlyTrace[] = curves.map((c, k) => {
    const { x, y } = thin(c.curve.falsePositiveRate, c.curve.truePositiveRate);
    return {
      type: "scatter",
      mode: "lines",
      x,
      y,
      name: t("models.roc.legend", lang, { model: c.name, auc: fixed(c.auc) }),
      line: { color: paletteColor(k), width: 2.5 },
    };
  });
  data.push(diagonalTrace(t("models.roc.chance", lang)));
  return withTitle(
    {
      data,
      layout: baseLayout(t("models.roc.title", lang), t("models.roc.x", lang), t("models.roc.y", lang), {
        xaxis: { range: unitRange, tickformat: ".0%" },
        yaxis: { range: unitRange, tickformat: ".0%" },
      }),
    },
    title,
  );
}

/**
 * Precision–recall curves with the base churn rate (a random model's precision) as a reference line.
 *
 * @param baseRate - share of churners in the evaluated rows, 0..1.
 * @throws RangeError when there is no curve or baseRate is outside [0, 1].
 * @example
 * precisionRecallChart([{ name: "MLP", curve: precisionRecallCurve(p, y), ap: 0.41 }], 0.02, "en").data.length; // 2
 */
export function precisionRecallChart(
  curves: ReadonlyArray<{ name: string; curve: PrecisionRecallCurve; ap: number }>,
  baseRate: number,
  text: Lang | ChartText = "zh",
): Figure {
  const { lang, title } = chartText(text);
  if (curves.length === 0) throw new RangeError("precisionRecallChart needs at least one curve");
  if (!(baseRate >= 0 && baseRate <= 1)) throw new RangeError(`baseRate must be in [0, 1], got ${baseRate}`);
  const data: PlotlyTrace[] = curves.map((c, k) => {
    const { x, y } = thin(c.curve.recall, c.curve.precision);
    return {
      type: "scatter",
      mode: "lines",
      x,
      y,
      name: t("models.pr.legend", lang, { model: c.name, ap: fixed(c.ap) }),
      line: { color: paletteColor(k), width: 2.5, shape: "hv" },
    };
  });
  data.push({
    type: "scatter",
    mode: "lines",
    x: [0, 1],
    y: [baseRate, baseRate],
    name: t("models.pr.baseRate", lang, { rate: `${(baseRate * 100).toFixed(1)}%` }),
    line: { color: semanticColors.reference, dash: "dot", width: 1 },
  });
  return withTitle(
    {
      data,
      layout: baseLayout(t("models.pr.title", lang), t("models.pr.x", lang), t("models.pr.y", lang), {
        xaxis: { range: unitRange, tickformat: ".0%" },
        yaxis: { range: unitRange, tickformat: ".0%" },
      }),
    },
    title,
  );
}

/**
 * Reliability diagram: observed churn rate against mean predicted probability
 * per bin (marker size ∝ rows in the bin), with the perfect-calibration diagonal.
 *
 * @throws RangeError when there is no series.
 * @example
 * calibrationChart([{ name: "GBDT", curve: calibrationCurve(p, y) }], "en").data.length; // 2
 */
export function calibrationChart(series: ReadonlyArray<{ name: string; curve: CalibrationCurve }>, text: Lang | ChartText = "zh"): Figure {
  const { lang, title } = chartText(text);
  if (series.length === 0) throw new RangeError("calibrationChart needs at least one series");
  const maxCount = Math.max(1, ...series.flatMap((s) => s.curve.bins.map((b) => b.count)));
  const data: PlotlyTrace[] = series.map((s, k) => ({
    type: "scatter",
    mode: "lines+markers",
    x: s.curve.bins.map((b) => b.meanPredicted),
    y: s.curve.bins.map((b) => b.observedRate),
    text: s.curve.bins.map((b) => `n = ${b.count}`),
    hovertemplate: "%{x:.1%} → %{y:.1%}<br>%{text}<extra></extra>",
    marker: { size: s.curve.bins.map((b) => 6 + 14 * Math.sqrt(b.count / maxCount)), color: paletteColor(k) },
    line: { color: paletteColor(k), width: 2 },
    name: t("models.calibration.legend", lang, { model: s.name, ece: fixed(s.curve.ece) }),
  }));
  data.push(diagonalTrace(t("models.calibration.perfect", lang)));
  return withTitle(
    {
      data,
      layout: baseLayout(t("models.calibration.title", lang), t("models.calibration.x", lang), t("models.calibration.y", lang), {
        xaxis: { range: calibrationRange(series), tickformat: ".1~%" },
        yaxis: { range: calibrationRange(series), tickformat: ".1~%" },
      }),
    },
    title,
  );
}

/** The dotted y = x reference line of a ROC curve (chance) or a calibration plot (perfect calibration). */
function diagonalTrace(name: string): PlotlyTrace {
  return { type: "scatter", mode: "lines", x: [0, 1], y: [0, 1], name, line: { color: semanticColors.reference, dash: "dot", width: 1 } };
}
