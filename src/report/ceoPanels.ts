import { escapeHtml, figureElementHtml } from "../charts/figureHtml";
import { formatNumber, formatPercent } from "../charts/format";
import { t, type Lang } from "../charts/labels";
import { semanticColors } from "../charts/theme";
import { tierCount } from "../plan/tierCounts";
import { auditCorrections } from "./auditCorrections";
import type { CeoPageInputs } from "./CeoPageInputs";
import { gateColor, gatesChart, holdColor } from "./gatesChart";
import { countWord, rankColor, rankedTiers, roiText, tierLabel } from "./pageFormat";
import type { StageGate } from "./stageGates";

// The lower panels of the CEO page: stage gates, the audit's corrections, the risk tiers, the timing test and the stop-loss lines.

const e = escapeHtml;

/** Audit ids shown in bold: the corrections that move the headline. */
const keyCorrections = new Set(["cost.firstYear.recomputed", "headline.roi"]);

function criteriaText(gate: StageGate, lang: Lang, inheritedFrom: string | undefined): string {
  if (gate.criteria.length === 0) return t("report.gate.noCriteria", lang);
  if (gate.criteriaInherited && inheritedFrom !== undefined) return t("report.gate.criteriaSameAs", lang, { stage: inheritedFrom });
  const parts = gate.criteria.map((c) =>
    c.kind === "auc"
      ? t("report.gate.auc", lang, { value: formatNumber(c.min, 2) })
      : c.kind === "saveRate"
        ? t("report.gate.saveRate", lang, { value: formatPercent(c.min) })
        : t("report.gate.roi", lang, { value: roiText(c.min) }),
  );
  return t(gate.criteriaInherited ? "report.gate.criteriaInherited" : "report.gate.criteria", lang, { criteria: parts.join(lang === "zh" ? "、" : ", ") });
}

/**
 * The stage gates: the chart of their decision probabilities, each gate's
 * criteria (an inherited set named by the stage it comes from) and, when not
 * the rollout simulation, where its probability comes from.
 */
export function gatesPanel(inputs: CeoPageInputs, lang: Lang): string {
  const nameOf = (g: StageGate): string => (lang === "zh" ? (g.nameZh ?? g.name) : g.name);
  const items = inputs.gates.map((g, i) => {
    const from = inputs.gates
      .slice(0, i)
      .reverse()
      .find((x) => !x.criteriaInherited && x.criteria.length > 0);
    const notRollout =
      g.source === "monte-carlo-roi" ? "report.gate.source.roiOnly" : inputs.rollout !== null ? "report.gate.source.yearEnd" : "report.gate.source.none";
    const note = g.source === "rollout" ? "" : ` <span class="note">· ${e(t(notRollout, lang))}</span>`;
    const criteria = criteriaText(g, lang, from === undefined ? undefined : nameOf(from));
    const field = `$.rollout[${inputs.plan.rollout.findIndex((s) => s.id === g.stageId)}].${lang === "zh" && g.nameZh !== undefined ? "nameZh" : "name"}`;
    return `<li style="--dot:${gateColor(g.passProbability)}"><b data-field="${e(field)}">${e(nameOf(g))}</b> ${e(criteria)}${note}</li>`;
  });
  const simulated = inputs.gates.some((g) => g.source === "rollout") ? `<div class="note">${e(t("report.gates.sourceNote", lang))}</div>` : "";
  const key = inputs.gates.some((g) => g.source === "rollout")
    ? `<span class="key">${(
        [
          ["report.gates.go", semanticColors.good],
          ["report.gates.hold", holdColor],
          ["report.gates.stop", semanticColors.bad],
        ] as const
      )
        .map(([k, color]) => `<i style="background:${color}"></i>${e(t(k, lang))}`)
        .join("")}</span>`
    : "";
  return (
    `<div class="panel gates"><h2>${e(t("report.section.gates", lang))}${key}</h2>` +
    figureElementHtml(gatesChart(inputs, lang, { width: 372, height: 124 }), { divId: "ceo-gates" }) +
    `<ul class="gates-list">${items.join("")}</ul>${simulated}</div>`
  );
}

/** The audit's corrections of the plan's own arithmetic (the bridge's first step). */
export function auditPanel(inputs: CeoPageInputs, lang: Lang): string {
  const audit = auditCorrections(inputs.findings, inputs.plan, lang);
  const shown = audit.lines.slice(0, 8);
  const items =
    audit.errors === 0
      ? [`<li>${e(t("report.audit.none", lang))}</li>`]
      : shown.map(
          (l) =>
            `<li${keyCorrections.has(l.id) ? ' class="key"' : ""} style="--dot:${l.tierRank !== undefined ? rankColor(l.tierRank) : "#C0392B"}">${e(l.text)}</li>`,
        );
  const more = audit.lines.length > shown.length ? `<li>… +${audit.lines.length - shown.length}</li>` : "";
  const intro = audit.errors > 0 ? `<div class="note">${e(t("report.audit.intro", lang, { errors: audit.errors }))}</div>` : "";
  const warnings = audit.warnings > 0 ? `<div class="note">${e(t("report.audit.warnings", lang, { count: audit.warnings }))}</div>` : "";
  const basis = `<div class="note"><b>${e(t("report.audit.basis", lang, { costs: t(inputs.run.costs === "recomputed" ? "report.costs.recomputed" : "report.costs.stated", lang) }))}</b></div>`;
  return `<div class="panel audit"><h2>${e(t("report.section.audit", lang))}</h2>${intro}<ul>${items.join("")}${more}</ul>${warnings}${basis}</div>`;
}

/** The risk tiers in their colours: people, budget, save rate and intervention (wrapped, never cut). */
export function tiersPanel(inputs: CeoPageInputs, lang: Lang): string {
  const { plan } = inputs;
  const rows = rankedTiers(plan).map((tier, i) => {
    const what = lang === "zh" && tier.interventionZh !== undefined ? tier.interventionZh : tier.intervention;
    const figs = t("report.tier.line", lang, {
      people: formatNumber(tierCount(plan.customers, tier)),
      budget: formatNumber(tier.budgetYuanPerPerson),
      save: formatPercent(tier.saveRate),
    });
    const at = `$.tiers[${plan.tiers.indexOf(tier)}]`;
    const nameField = `${at}.${lang === "zh" && tier.nameZh !== undefined ? "nameZh" : "name"}`;
    const whatField = `${at}.${lang === "zh" && tier.interventionZh !== undefined ? "interventionZh" : "intervention"}`;
    return (
      `<div class="tier"><div class="chip" style="background:${rankColor(i + 1)}"></div><div>` +
      `<div class="name" style="color:${rankColor(i + 1)}"><span data-field="${nameField}">${e(tierLabel(plan, tier.id, lang))}</span> ` +
      `<span class="figs" style="color:#2C3E50;font-weight:400">${e(figs)}</span></div>` +
      `<div class="what" data-field="${whatField}">${e(what)}</div></div></div>`
    );
  });
  const key = rankedTiers(plan)
    .slice(0, 2)
    .reduce((s, tier) => s + tierCount(plan.customers, tier), 0);
  const keyNote = plan.tiers.length > 2 ? `<span class="key">${e(t("report.tier.key", lang, { count: formatNumber(key) }))}</span>` : "";
  return `<div class="panel tiers"><h2>${e(t("report.section.tiers", lang, { count: countWord(plan.tiers.length, lang) }))}${keyNote}</h2>${rows.join("")}</div>`;
}

/** The timing A/B test with the golden window highlighted. */
export function timingPanel(inputs: CeoPageInputs, lang: Lang): string {
  const { timing } = inputs.plan;
  const [from, to] = timing.bestWindowDays;
  const top = timing.abTest.reduce((m, p) => Math.max(m, p.saveRate), 1e-9);
  const rows = [...timing.abTest]
    .sort((a, b) => a.delayDays - b.delayDays)
    .map((p) => {
      const golden = p.delayDays >= from && p.delayDays <= to;
      return (
        `<div class="bar${golden ? " golden" : ""}"><span>${e(t("report.timing.point", lang, { days: p.delayDays }))}</span>` +
        `<div class="track"><div class="fill" style="width:${((p.saveRate / top) * 100).toFixed(1)}%"></div></div><span>${e(formatPercent(p.saveRate))}</span></div>`
      );
    });
  return `<div class="panel timing"><h2>${e(t("report.section.timing", lang))}</h2>${rows.join("")}<div class="note">${e(t("report.timing.note", lang))}</div></div>`;
}

/** The plan's stop-loss lines and the grey zone between them and the MVP's criteria. */
export function stopLossPanel(inputs: CeoPageInputs, lang: Lang): string {
  const { plan } = inputs;
  const s = plan.stopLoss;
  const items = [
    `<li style="--dot:#C0392B">${e(t("report.stopLoss.auc", lang, { value: formatNumber(s.aucPause, 2) }))}</li>`,
    `<li style="--dot:#C0392B">${e(t("report.stopLoss.saveRate", lang, { value: formatPercent(s.saveRateRedesign) }))}</li>`,
  ];
  if (s.churnerInterviews !== undefined && s.parallelStrategies !== undefined) {
    items.push(
      `<li>${e(t("report.stopLoss.actions", lang, { interviews: formatNumber(s.churnerInterviews), min: s.parallelStrategies[0], max: s.parallelStrategies[1] }))}</li>`,
    );
  }
  const c = plan.rollout.find((stage) => stage.successCriteria !== undefined)?.successCriteria;
  if (c !== undefined && (c.aucMin > s.aucPause || c.saveRateMin > s.saveRateRedesign)) {
    items.push(
      `<li style="--dot:#E69F00">${e(t("report.stopLoss.gap", lang, { aucLow: formatNumber(s.aucPause, 2), aucHigh: formatNumber(c.aucMin, 2), saveLow: formatPercent(s.saveRateRedesign), saveHigh: formatPercent(c.saveRateMin) }))}</li>`,
    );
  }
  return `<div class="panel stoploss"><h2>${e(t("report.section.stopLoss", lang))}</h2><ul>${items.join("")}</ul></div>`;
}
