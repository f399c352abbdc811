import { escapeHtml, figureElementHtml } from "../charts/figureHtml";
import { formatNumber } from "../charts/format";
import { htmlDocument } from "../charts/htmlDocument";
import { bundleForFigures } from "../charts/plotlyBundle";
import { t, type Lang } from "../charts/labels";
import { bridgePanelChart } from "./bridgePanelChart";
import type { CeoPageInputs } from "./CeoPageInputs";
import { ceoPageCss } from "./ceoPageCss";
import { auditPanel, gatesPanel, stopLossPanel, tiersPanel, timingPanel } from "./ceoPanels";
import { decisionBox, headlineCards, planClaims } from "./decisionBox";
import { driversChart } from "./driversChart";
import { roiText } from "./pageFormat";

const e = escapeHtml;

/**
 * Lays out the CEO one-pager (the plan's section 9) as a self-contained HTML
 * page, decision first, details after, every figure from one run of the one
 * programme model:
 * 1. the recommendation ("go", "pilot first", "redesign" in the page
 *    language) with the probability behind it, the reasons with their numbers
 *    and the assumptions that would change it;
 * 2. the headline: the reconciled first-year cash ROI (the ROI bridge's end,
 *    with its standard error) beside the first-year lifetime-value ROI, the
 *    NPV over the model's horizon with its discount rate, and the probability
 *    of payback within the year from the monthly cash flow;
 * 3. the plan's claims ("every 1 yuan returns 3.59", customers kept a year)
 *    each against the reconciled figure, in words that say which is which;
 * 4. the ROI bridge from the stated ROI to the headline, and the assumptions
 *    the lifetime-value ROI turns on (tornado);
 * 5. the stage gates with their decision probabilities, the audit's
 *    corrections of the plan's arithmetic (the bridge's first step), the risk
 *    tiers, the timing A/B test, the stop-loss lines;
 * 6. a footer with the seed, trials, model, plan file and its SHA-256,
 *    churnlab version and date.
 *
 * The smallest plotly.js bundle that draws its two charts is inlined once
 * (see `bundleForFigures`); there are no external resources, so
 * the page works offline and prints to exactly one A4 page (see
 * {@link writeCeoReport}). Money through the charts layer's one formatter
 * (zh 万元, en millions of yuan). Pure: the same inputs give the same HTML.
 *
 * @param inputs everything the page shows ({@link collectCeoInputs})
 * @param lang "zh" (default for this plan) or "en"
 * @returns the HTML document (about 1.3 MB, most of it the inlined plotly bundle)
 * @throws RangeError when the bridge has a non-finite figure
 * @example
 * buildCeoPage(await collectCeoInputs("data/plans/seed-plan-uncertain.json", { trials: 20000, seed: 1 }), "zh")
 * // '<!DOCTYPE html>\n<html lang="zh-CN">...'
 */
export function buildCeoPage(inputs: CeoPageInputs, lang: Lang = "zh"): string {
  const bridgeTitle = t("report.section.bridge", lang, { stated: roiText(inputs.bridge.start.roi), reconciled: roiText(inputs.bridge.end.roi) });
  const figures = [bridgePanelChart(inputs, lang, { width: 428, height: 232 }), driversChart(inputs, lang, 6, { width: 286, height: 232 })] as const;
  const bridge = figureElementHtml(figures[0], { divId: "ceo-bridge" });
  const drivers = figureElementHtml(figures[1], { divId: "ceo-drivers" });
  const body = [
    '<div class="sheet">',
    header(inputs, lang),
    decisionBox(inputs, lang),
    headlineCards(inputs, lang),
    planClaims(inputs, lang),
    '<section class="row charts">',
    `<div class="panel chart bridge"><h2>${e(bridgeTitle)}</h2>${bridge}</div>`,
    `<div class="panel chart drivers"><h2>${e(t("report.drivers.title", lang))}</h2>${drivers}</div>`,
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
  return htmlDocument({ title: t("report.page.title", lang), lang, css: ceoPageCss, body, bundle: bundleForFigures(figures) });
}

/** The plan's name in the page language: in zh its Chinese name, or none (the footer names the file); in en its name. */
function planName(inputs: CeoPageInputs, lang: Lang): string | undefined {
  return lang === "zh" ? inputs.plan.nameZh : inputs.plan.name;
}

function header(inputs: CeoPageInputs, lang: Lang): string {
  const sub = t("report.page.subtitle", lang, { customers: formatNumber(inputs.plan.customers), trials: formatNumber(inputs.run.trials) });
  const name = planName(inputs, lang);
  return (
    `<header class="head"><div><h1>${e(t("report.page.title", lang))}</h1>` +
    `<div class="sub">${name === undefined ? "" : `<span data-field="${lang === "zh" ? "$.nameZh" : "$.name"}">${e(name)}</span> · `}${e(sub)}</div></div>` +
    `<div class="badge">${e(t("report.page.forCeo", lang))}</div></header>`
  );
}

function footer(inputs: CeoPageInputs, lang: Lang): string {
  const r = inputs.run;
  const date = r.generatedAt
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC")
    .replace(/Z$/, " UTC");
  const run = t("report.footer.run", lang, {
    seed: r.seed,
    trials: formatNumber(r.trials),
    model: t(r.model === "programme" ? "report.model.programme" : "report.model.as-stated", lang),
    costs: t(r.costs === "recomputed" ? "report.costs.recomputed" : "report.costs.stated", lang),
    version: r.version,
    date,
  });
  const plan = t("report.footer.plan", lang, { file: inputs.planFile.name, hash: "\u0000" });
  const [before, after] = plan.split("\u0000") as [string, string];
  const ro = inputs.rollout;
  const scale = ro === null ? "" : formatNumber(ro.scale, ro.scale % 1 === 0 ? 0 : 1);
  const rollout =
    ro === null ? "" : ` · ${t("report.footer.rollout", lang, { trials: formatNumber(ro.trials), customers: formatNumber(ro.customers), scale })}`;
  return (
    `<footer class="foot"><div>${e(run)}${e(rollout)} · ${e(t("report.footer.units", lang))}</div>` +
    `<div>${e(before)}<span class="hash">${e(inputs.planFile.sha256)}</span>${e(after ?? "")}</div></footer>`
  );
}
