import { escapeHtml, figureElementHtml } from "../charts/figureHtml";
import { formatNumber, formatPercent } from "../charts/format";
import { htmlDocument } from "../charts/htmlDocument";
import { t, type Lang } from "../charts/labels";
import { tierCount } from "../plan/tierCounts";
import { auditCorrections } from "./auditCorrections";
import type { CeoPageInputs } from "./CeoPageInputs";
import { ceoPageCss } from "./ceoPageCss";
import { driversChart } from "./driversChart";
import { gateColor, gatesChart, holdColor } from "./gatesChart";
import { semanticColors } from "../charts/theme";
import { countWord, probabilityText, rankColor, rankedTiers, roiText, tierLabel, wan } from "./pageFormat";
import { roiDistributionChart } from "./roiDistributionChart";
import { probabilityAbove } from "./probabilityAbove";
import type { StageGate } from "./stageGates";

const e = escapeHtml;

/** Audit ids shown in bold: the corrections that move the headline. */
const keyCorrections = new Set(["cost.firstYear.recomputed", "headline.roi"]);

/**
 * Lays out the CEO one-pager (the plan's section 9) as a self-contained HTML
 * page: one A4 sheet with the headline (simulated ROI against the plan's
 * stated ROI, the probability of payback within the year, the probability of
 * clearing the MVP's ROI bar, customers retained and their value), the
 * plan's own message (risk seen N days ahead, key customers, the golden
 * window, "every 1 yuan returns X" against the simulated median), the ROI
 * histogram, the top ROI drivers, the three stage gates with their pass
 * probabilities, the audit's corrections, the four risk tiers in their
 * colours, the timing A/B test, the stop-loss lines, and a footer with the
 * seed, trials, plan file and its SHA-256, churnlab version and date.
 *
 * The plotly.js bundle is inlined once; there are no external resources, so
 * the page works offline and prints to exactly one A4 page (see
 * {@link writeCeoReport}). Money is shown in 万 (10,000 yuan). Pure: the same
 * inputs give the same HTML.
 *
 * @param inputs everything the page shows ({@link collectCeoInputs})
 * @param lang "zh" (default for this plan) or "en"
 * @returns the HTML document (about 11 MB, nearly all of it the inlined plotly bundle)
 * @throws RangeError when the ROI sample has no finite value
 * @example
 * buildCeoPage(await collectCeoInputs("data/plans/seed-plan-uncertain.json", { trials: 20000, seed: 1 }), "zh")
 * // '<!DOCTYPE html>\n<html lang="zh-CN">...'
 */
export function buildCeoPage(inputs: CeoPageInputs, lang: Lang = "zh"): string {
  const body = [
    '<div class="sheet">',
    header(inputs, lang),
    message(inputs, lang),
    kpis(inputs, lang),
    bottomLine(inputs, lang),
    '<section class="row charts">',
    `<div class="panel chart">${figureElementHtml(roiDistributionChart(inputs, lang, { width: 392, height: 276 }), { divId: "ceo-roi" })}</div>`,
    `<div class="panel chart">${figureElementHtml(driversChart(inputs, lang, 6, { width: 322, height: 276 }), { divId: "ceo-drivers" })}</div>`,
    "</section>",
    '<section class="row mid">',
    gatesPanel(inputs, lang),
    auditPanel(inputs, lang),
    "</section>",
    '<section class="row low">',
    tiersPanel(inputs, lang),
    timingPanel(inputs, lang),
    stopLossPanel(inputs, lang),
    "</section>",
    footer(inputs, lang),
    "</div>",
  ].join("\n");
  return htmlDocument({ title: t("report.page.title", lang), lang, css: ceoPageCss, body });
}

function header(inputs: CeoPageInputs, lang: Lang): string {
  const sub = t("report.page.subtitle", lang, { customers: formatNumber(inputs.plan.customers), trials: formatNumber(inputs.run.trials) });
  return (
    `<header class="head"><div><h1>${e(t("report.page.title", lang))}</h1>` +
    `<div class="sub"><span data-field="$.name">${e(inputs.plan.name)}</span> · ${e(sub)}</div></div>` +
    `<div class="badge">${e(t("report.page.forCeo", lang))}</div></header>`
  );
}

function message(inputs: CeoPageInputs, lang: Lang): string {
  const { plan } = inputs;
  const lead = plan.ceoPage?.leadTimeDays ?? plan.predictionHorizonDays;
  const key = rankedTiers(plan)
    .slice(0, 2)
    .reduce((s, tier) => s + tierCount(plan.customers, tier), 0);
  const [from, to] = plan.timing.bestWindowDays;
  const stated = plan.ceoPage?.returnPerYuanStated ?? plan.benefits.roiStated;
  const items = [
    `<div>${e(t("report.message.lead", lang, { days: lead }))}</div>`,
    `<div>${e(t("report.message.key", lang, { count: formatNumber(key) }))}</div>`,
    `<div>${e(t("report.message.window", lang, { from, to }))}</div>`,
    `<div class="return">${e(t("report.message.return", lang, { stated: formatNumber(stated, 2), median: formatNumber(inputs.monteCarlo.roi.p50, 2) }))}</div>`,
  ];
  return `<section class="message">${items.join("")}</section>`;
}

function kpi(label: string, value: string, detail: string, tone = ""): string {
  return `<div class="kpi"><div class="label">${e(label)}</div><div class="value${tone ? ` ${tone}` : ""}">${e(value)}</div><div class="detail">${e(detail)}</div></div>`;
}

function kpis(inputs: CeoPageInputs, lang: Lang): string {
  const { monteCarlo: mc, plan } = inputs;
  const stated = plan.benefits.roiStated;
  const bar = mvpRoiBar(inputs);
  const pBar = bar === 2 ? mc.probRoiAbove200.value : probabilityAbove(mc.roiSamples, bar).value;
  const pPayback = 1 - mc.probPaybackOver12.value;
  const cards = [
    kpi(t("report.kpi.roi", lang), roiText(mc.roi.p50), t("report.kpi.roiDetail", lang, { p5: roiText(mc.roi.p5), p95: roiText(mc.roi.p95), stated: roiText(stated) }), mc.roi.p50 < bar ? "bad" : ""),
    kpi(
      t("report.kpi.payback", lang),
      probabilityText(pPayback),
      t("report.kpi.paybackDetail", lang, { median: formatNumber(mc.paybackMonths.p50, 1), stated: formatNumber(plan.benefits.paybackMonthsStated, 1) }),
      pPayback >= 0.8 ? "good" : pPayback < 0.5 ? "bad" : "",
    ),
    kpi(t("report.kpi.roiBar", lang, { bar: roiText(bar) }), probabilityText(pBar), t("report.kpi.roiBarDetail", lang, { loss: probabilityText(mc.probLoss.value) }), pBar < 0.5 ? "bad" : pBar >= 0.8 ? "good" : ""),
    kpi(
      t("report.kpi.retained", lang),
      t("report.kpi.people", lang, { count: formatNumber(inputs.recomputed.retainedCustomers) }),
      [
        t("report.kpi.retainedDetail", lang, { value: wan(inputs.recomputed.retainedValue), net: wan(mc.netBenefit.p50) }),
        ...(inputs.rollout === null ? [] : [t("report.kpi.retainedRollout", lang, { count: formatNumber(inputs.rollout.retainedCustomers.p50 * inputs.rollout.scale, 0) })]),
      ].join(" · "),
    ),
  ];
  const warning = inputs.run.uncertainInputs === 0 ? `<div class="note warn">${e(t("report.noUncertainty", lang))}</div>` : "";
  return `<section class="kpis">${cards.join("")}</section>${warning}`;
}

function bottomLine(inputs: CeoPageInputs, lang: Lang): string {
  const { monteCarlo: mc, plan } = inputs;
  const stated = plan.benefits.roiStated;
  const bar = mvpRoiBar(inputs);
  const costs = t(inputs.run.costs === "recomputed" ? "report.costs.recomputed" : "report.costs.stated", lang);
  const roi = t("report.bottomLine.roi", lang, {
    costs,
    median: roiText(mc.roi.p50),
    p5: roiText(mc.roi.p5),
    p95: roiText(mc.roi.p95),
    stated: roiText(stated),
    pStated: probabilityText(probabilityAbove(mc.roiSamples, stated).value),
  });
  const pBar = probabilityAbove(mc.roiSamples, bar).value;
  const gates = t("report.bottomLine.gates", lang, { payback: probabilityText(1 - mc.probPaybackOver12.value), bar: roiText(bar), pBar: probabilityText(bar === 2 ? mc.probRoiAbove200.value : pBar) });
  const r = inputs.rollout;
  const mvp = inputs.gates.find((g) => g.source === "rollout");
  const rollout =
    r === null || mvp === undefined
      ? ""
      : ` ${t("report.bottomLine.rollout", lang, { trials: formatNumber(r.trials), scale: formatNumber(r.scale, r.scale % 1 === 0 ? 0 : 1), roi: roiText(r.roi.p50), go: probabilityText(mvp.passProbability ?? Number.NaN), stop: probabilityText(mvp.stopProbability ?? Number.NaN) })}`;
  return `<section class="bottom"><b>${e(t("report.bottomLine.title", lang))}</b>${e(lang === "zh" ? "：" : ": ")}${e(roi)} ${e(gates)}${e(rollout)}</section>`;
}

function mvpRoiBar(inputs: CeoPageInputs): number {
  return inputs.gates.flatMap((g) => g.criteria).find((c) => c.kind === "roi")?.min ?? 2;
}

function criteriaText(gate: StageGate, lang: Lang): string {
  if (gate.criteria.length === 0) return t("report.gate.noCriteria", lang);
  const parts = gate.criteria.map((c) =>
    c.kind === "auc" ? t("report.gate.auc", lang, { value: formatNumber(c.min, 2) }) : c.kind === "saveRate" ? t("report.gate.saveRate", lang, { value: formatPercent(c.min) }) : t("report.gate.roi", lang, { value: roiText(c.min) }),
  );
  return t(gate.criteriaInherited ? "report.gate.criteriaInherited" : "report.gate.criteria", lang, { criteria: parts.join(lang === "zh" ? "、" : ", ") });
}

function gatesPanel(inputs: CeoPageInputs, lang: Lang): string {
  const items = inputs.gates.map((g) => {
    const name = lang === "zh" ? (g.nameZh ?? g.name) : g.name;
    const field = `$.rollout[${inputs.plan.rollout.findIndex((s) => s.id === g.stageId)}].${lang === "zh" && g.nameZh !== undefined ? "nameZh" : "name"}`;
    const source = g.source === "rollout" ? "report.gate.source.rollout" : g.source === "monte-carlo-roi" ? "report.gate.source.roiOnly" : inputs.rollout !== null ? "report.gate.source.yearEnd" : "report.gate.source.none";
    const title = `<b data-field="${e(field)}">${e(name)}</b>`;
    return `<li style="--dot:${gateColor(g.passProbability)}">${title} ${e(criteriaText(g, lang))} <span class="note">· ${e(t(source, lang))}</span></li>`;
  });
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
    figureElementHtml(gatesChart(inputs, lang, { width: 342, height: 128 }), { divId: "ceo-gates" }) +
    `<ul class="gates-list">${items.join("")}</ul></div>`
  );
}

function auditPanel(inputs: CeoPageInputs, lang: Lang): string {
  const audit = auditCorrections(inputs.findings, inputs.plan, lang);
  const shown = audit.lines.slice(0, 8);
  const items =
    audit.errors === 0
      ? [`<li>${e(t("report.audit.none", lang))}</li>`]
      : shown.map((l) => `<li${keyCorrections.has(l.id) ? ' class="key"' : ""} style="--dot:${l.tierRank !== undefined ? rankColor(l.tierRank) : "#C0392B"}">${e(l.text)}</li>`);
  const more = audit.lines.length > shown.length ? `<li>… +${audit.lines.length - shown.length}</li>` : "";
  const intro = audit.errors > 0 ? `<div class="note">${e(t("report.audit.intro", lang, { errors: audit.errors }))}</div>` : "";
  const warnings = audit.warnings > 0 ? `<div class="note">${e(t("report.audit.warnings", lang, { count: audit.warnings }))}</div>` : "";
  const basis = `<div class="note"><b>${e(t("report.audit.basis", lang, { costs: t(inputs.run.costs === "recomputed" ? "report.costs.recomputed" : "report.costs.stated", lang) }))}</b></div>`;
  return `<div class="panel audit"><h2>${e(t("report.section.audit", lang))}</h2>${intro}<ul>${items.join("")}${more}</ul>${warnings}${basis}</div>`;
}

function tiersPanel(inputs: CeoPageInputs, lang: Lang): string {
  const { plan } = inputs;
  const rows = rankedTiers(plan).map((tier, i) => {
    const what = lang === "zh" && tier.interventionZh !== undefined ? tier.interventionZh : tier.intervention;
    const at = `$.tiers[${plan.tiers.indexOf(tier)}]`;
    const nameField = `${at}.${lang === "zh" && tier.nameZh !== undefined ? "nameZh" : "name"}`;
    const whatField = `${at}.${lang === "zh" && tier.interventionZh !== undefined ? "interventionZh" : "intervention"}`;
    const figs = t("report.tier.line", lang, { people: formatNumber(tierCount(plan.customers, tier)), budget: formatNumber(tier.budgetYuanPerPerson), save: formatPercent(tier.saveRate) });
    return (
      `<div class="tier"><div class="chip" style="background:${rankColor(i + 1)}"></div><div>` +
      `<div class="name" style="color:${rankColor(i + 1)}"><span data-field="${nameField}">${e(tierLabel(plan, tier.id, lang))}</span> ` +
      `<span class="figs" style="color:#2C3E50;font-weight:400">${e(figs)}</span></div>` +
      `<div class="what" data-field="${whatField}">${e(what)}</div></div></div>`
    );
  });
  return `<div class="panel tiers"><h2>${e(t("report.section.tiers", lang, { count: countWord(plan.tiers.length, lang) }))}</h2>${rows.join("")}</div>`;
}

function timingPanel(inputs: CeoPageInputs, lang: Lang): string {
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

function stopLossPanel(inputs: CeoPageInputs, lang: Lang): string {
  const { plan } = inputs;
  const s = plan.stopLoss;
  const items = [
    `<li style="--dot:#C0392B">${e(t("report.stopLoss.auc", lang, { value: formatNumber(s.aucPause, 2) }))}</li>`,
    `<li style="--dot:#C0392B">${e(t("report.stopLoss.saveRate", lang, { value: formatPercent(s.saveRateRedesign) }))}</li>`,
  ];
  if (s.churnerInterviews !== undefined && s.parallelStrategies !== undefined) {
    items.push(`<li>${e(t("report.stopLoss.actions", lang, { interviews: formatNumber(s.churnerInterviews), min: s.parallelStrategies[0], max: s.parallelStrategies[1] }))}</li>`);
  }
  const c = plan.rollout.find((stage) => stage.successCriteria !== undefined)?.successCriteria;
  if (c !== undefined && (c.aucMin > s.aucPause || c.saveRateMin > s.saveRateRedesign)) {
    items.push(
      `<li style="--dot:#E69F00">${e(t("report.stopLoss.gap", lang, { aucLow: formatNumber(s.aucPause, 2), aucHigh: formatNumber(c.aucMin, 2), saveLow: formatPercent(s.saveRateRedesign), saveHigh: formatPercent(c.saveRateMin) }))}</li>`,
    );
  }
  return `<div class="panel stoploss"><h2>${e(t("report.section.stopLoss", lang))}</h2><ul>${items.join("")}</ul></div>`;
}

function footer(inputs: CeoPageInputs, lang: Lang): string {
  const r = inputs.run;
  const date = r.generatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC").replace(/Z$/, " UTC");
  const run = t("report.footer.run", lang, {
    seed: r.seed,
    trials: formatNumber(r.trials),
    model: t(r.model === "bottom-up" ? "report.model.bottom-up" : "report.model.as-stated", lang),
    costs: t(r.costs === "recomputed" ? "report.costs.recomputed" : "report.costs.stated", lang),
    version: r.version,
    date,
  });
  const plan = t("report.footer.plan", lang, { file: inputs.planFile.name, hash: "\u0000" });
  const [before, after] = plan.split("\u0000") as [string, string];
  const rollout =
    inputs.rollout === null
      ? ""
      : ` · ${t("report.footer.rollout", lang, { trials: formatNumber(inputs.rollout.trials), customers: formatNumber(inputs.rollout.customers), scale: formatNumber(inputs.rollout.scale, inputs.rollout.scale % 1 === 0 ? 0 : 1) })}`;
  return (
    `<footer class="foot"><div>${e(run)}${e(rollout)} · ${e(t("report.footer.units", lang))}</div>` +
    `<div>${e(before)}<span class="hash">${e(inputs.planFile.sha256)}</span>${e(after ?? "")}</div></footer>`
  );
}
