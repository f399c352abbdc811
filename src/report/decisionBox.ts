import { escapeHtml } from "../charts/figureHtml";
import { formatNumber, formatPercent, formatWan } from "../charts/format";
import { t, type LabelKey, type Lang } from "../charts/labels";
import type { Decision, ProbabilityBasis, RecommendationReason } from "../simulation/recommendation";
import type { CeoPageInputs } from "./CeoPageInputs";
import { driverLabel } from "./driverLabel";
import { inputValueText, probabilityText, roiText } from "./pageFormat";
import { sePoints } from "../charts/bridgeChart";

// The top of the CEO page: the decision, the reasons behind it, the headline figures and the plan's claims against them.

const e = escapeHtml;

/** Label of each decision (the page's words for go / pilot-first / redesign). */
export const decisionLabels: Readonly<Record<Decision, LabelKey>> = {
  go: "report.decision.go",
  "pilot-first": "report.decision.pilot-first",
  redesign: "report.decision.redesign",
};

/** Sentence saying what the recommendation's probability is the probability of. */
const probabilityLabels: Readonly<Record<ProbabilityBasis, LabelKey>> = {
  gatePass: "report.probability.gatePass",
  roiAboveLine: "report.probability.roiAboveLine",
  roiBelowLine: "report.probability.roiBelowLine",
  npvNegative: "report.probability.npvNegative",
  gateStop: "report.probability.gateStop",
};

/**
 * A reason of the recommendation in the page language, with its numbers
 * formatted as everywhere on the page.
 *
 * @example
 * reasonLine({ id: "npvPositive", probability: 0, years: 3, decisive: true }, "zh") // "3 年净现值为正：0%"
 */
function reasonLine(r: RecommendationReason, lang: Lang): string {
  switch (r.id) {
    case "roiLine":
      return t("report.reason.roiLine", lang, { line: roiText(r.line), p: probabilityText(r.probability) });
    case "npvPositive":
      return t("report.reason.npvPositive", lang, { years: r.years, p: probabilityText(r.probability) });
    case "cashRoi":
      return t("report.reason.cashRoi", lang, { value: roiText(r.value), se: sePoints(r.se) });
    case "mvpGate":
      return t("report.reason.mvpGate", lang, { go: probabilityText(r.probGo), stop: probabilityText(r.probStop) });
  }
}

/** The MVP's ROI line (a fraction; 2 = 200%) the recommendation used. */
function roiLine(inputs: CeoPageInputs): number {
  const r = inputs.recommendation.reasonItems.find((x) => x.id === "roiLine");
  return r?.id === "roiLine" ? r.line : 2;
}

/** The probability sentence under the decision. */
function probabilitySentence(inputs: CeoPageInputs, lang: Lang): string {
  const rec = inputs.recommendation;
  const params = { p: probabilityText(rec.probability), line: roiText(roiLine(inputs)), years: inputs.monteCarlo.npvYears };
  return t(probabilityLabels[rec.probabilityOf], lang, params);
}

/** The pivots: the one or two assumptions the lifetime-value ROI turns on most, and whether one alone crosses the MVP line. */
function pivotsHtml(inputs: CeoPageInputs, lang: Lang): string {
  const { pivots } = inputs.recommendation;
  if (pivots.length === 0) return "";
  const items = pivots.map((p) =>
    t("report.pivot.item", lang, {
      name: driverLabel(p.name, inputs.plan, lang),
      p10: inputValueText(p.name, p.p10, lang),
      p90: inputValueText(p.name, p.p90, lang),
      roiP10: roiText(p.roiAtP10),
      roiP90: roiText(p.roiAtP90),
    }),
  );
  const line = roiText(roiLine(inputs));
  const verdict = t(pivots.some((p) => p.crossesLine) ? "report.pivot.crosses" : "report.pivot.noneCrosses", lang, { line });
  const [colon, sep, stop] = lang === "zh" ? ["：", "；", "。"] : [": ", "; ", ". "];
  return `<div class="pivots"><b>${e(t("report.pivot.title", lang))}${colon}</b>${e(items.join(sep))}${stop}${e(verdict)}</div>`;
}

/**
 * The decision box: the recommendation in the page language, the probability
 * behind it in words, the reasons with their numbers (those the rule decided
 * on in bold) and the assumptions that would change it.
 *
 * @example
 * decisionBox(inputs, "en") // '<section class="decision redesign">…Redesign before spending…</section>'
 */
export function decisionBox(inputs: CeoPageInputs, lang: Lang): string {
  const rec = inputs.recommendation;
  const reasons = rec.reasonItems.map((r) => `<li${r.decisive ? ' class="decisive"' : ""}>${e(reasonLine(r, lang))}</li>`);
  return (
    `<section class="decision ${rec.decision}"><div class="verdict"><div class="label">${e(t("report.decision.label", lang))}</div>` +
    `<div class="word">${e(t(decisionLabels[rec.decision], lang))}</div><div class="prob">${e(probabilitySentence(inputs, lang))}</div></div>` +
    `<div class="why"><div class="why-title">${e(t("report.decision.why", lang))}</div><ul>${reasons.join("")}</ul>${pivotsHtml(inputs, lang)}</div></section>`
  );
}

function card(label: string, value: string, detail: string, tone: "" | "good" | "bad", headline = false): string {
  const valueClass = tone ? `value ${tone}` : "value";
  return (
    `<div class="kpi${headline ? " headline" : ""}"><div class="label">${e(label)}</div>` +
    `<div class="${valueClass}">${e(value)}</div><div class="detail">${e(detail)}</div></div>`
  );
}

const toneOf = (good: boolean, bad: boolean): "" | "good" | "bad" => (good ? "good" : bad ? "bad" : "");

/**
 * The headline cards, all from the programme model's run: the reconciled
 * first-year cash ROI (the bridge's end, with its standard error) first, the
 * first-year lifetime-value ROI, the NPV over the model's horizon with its
 * discount rate, and the probability of payback within the year from the
 * monthly cash flow.
 *
 * @example
 * headlineCards(inputs, "zh") // '<section class="kpis"><div class="kpi headline">…首年现金ROI（核算后）…'
 */
export function headlineCards(inputs: CeoPageInputs, lang: Lang): string {
  const { monteCarlo: mc, plan, headlineRoi } = inputs;
  const payback = 1 - mc.probPaybackOver12.value;
  const median = Number.isFinite(mc.paybackMonths.p50)
    ? t("report.kpi.months", lang, { value: formatNumber(mc.paybackMonths.p50, 1) })
    : t("report.kpi.paybackNever", lang, { years: mc.npvYears });
  const rate = formatPercent(mc.discountRate, Number.isInteger(Math.round(mc.discountRate * 1e6) / 1e4) ? 0 : 1);
  const details = {
    cash: t("report.kpi.cashRoiDetail", lang, { se: sePoints(headlineRoi.se), stated: roiText(plan.benefits.roiStated) }),
    ltv: t("report.kpi.ltvRoiDetail", lang, { se: sePoints(mc.roi.se.mean), p5: roiText(mc.roi.p5), p95: roiText(mc.roi.p95) }),
    npv: t("report.kpi.npvDetail", lang, { rate, se: formatWan(mc.npv.se.mean, lang), positive: probabilityText(1 - mc.probNpvNegative.value) }),
    payback: t("report.kpi.paybackDetail", lang, { median, stated: formatNumber(plan.benefits.paybackMonthsStated, 1) }),
  };
  const cards = [
    card(t("report.kpi.cashRoi", lang), roiText(headlineRoi.value), details.cash, toneOf(headlineRoi.value > 0, headlineRoi.value < 0), true),
    card(t("report.kpi.ltvRoi", lang), roiText(mc.roi.mean), details.ltv, toneOf(false, mc.roi.mean < 0)),
    card(t("report.kpi.npv", lang, { years: mc.npvYears }), formatWan(mc.npv.mean, lang), details.npv, toneOf(mc.npv.mean > 0, mc.npv.mean < 0)),
    card(t("report.kpi.payback", lang), probabilityText(payback), details.payback, toneOf(payback >= 0.8, payback < 0.5)),
  ];
  const warning = inputs.run.uncertainInputs === 0 ? `<div class="note warn">${e(t("report.noUncertainty", lang))}</div>` : "";
  return `<section class="kpis">${cards.join("")}</section>${warning}`;
}

/** A yuan-per-yuan return (an ROI fraction) with two decimals. */
const perYuan = (roi: number): string => formatNumber(roi, 2);

/**
 * The plan's two headline claims, each set against the reconciled figure in
 * words that say which is which: "every 1 yuan returns 3.59" (the stated ROI,
 * on lifetime value, before the audit's corrections) against the net return
 * per yuan in first-year cash (the headline) and on lifetime value; the
 * customers the plan says it keeps a year against those the programme model
 * keeps at base values (and the rollout simulation's median at the plan's
 * scale, when it ran).
 *
 * @example
 * planClaims(inputs, "en") // '<section class="claims">…Plan: "every 1 yuan returns 3.59 yuan"…'
 */
export function planClaims(inputs: CeoPageInputs, lang: Lang): string {
  const { plan, monteCarlo: mc } = inputs;
  const stated = plan.ceoPage?.returnPerYuanStated ?? plan.benefits.roiStated;
  const kept = [t("report.claim.kept.model", lang, { count: formatNumber(inputs.programmeBase.retainedCustomers) })];
  const r = inputs.rollout;
  if (r !== null) kept.push(t("report.claim.kept.rollout", lang, { count: formatNumber(r.retainedCustomers.p50 * r.scale) }));
  const box = (planText: string, modelText: string): string =>
    `<div class="claim"><div class="plan">${e(planText)}</div><div class="model">${e(modelText)}</div></div>`;
  const reconciled = t("report.claim.return.model", lang, { cash: perYuan(inputs.headlineRoi.value), ltv: perYuan(mc.roi.mean) });
  return (
    `<section class="claims">` +
    box(t("report.claim.return.plan", lang, { stated: formatNumber(stated, 2) }), reconciled) +
    box(t("report.claim.kept.plan", lang, { count: formatNumber(inputs.asStated.retainedCustomers) }), kept.join(lang === "zh" ? "；" : "; ")) +
    `</section>`
  );
}
