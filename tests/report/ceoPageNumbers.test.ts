import { describe, expect, it } from "vitest";
import type { BarTrace } from "../../src/charts/plotlyTypes";
import { numbersOf } from "../charts/traceValues";
import { sePoints } from "../../src/charts/bridgeChart";
import { formatNumber, formatPercent, formatWan } from "../../src/charts/format";
import { t, type Lang } from "../../src/charts/labels";
import { recommend } from "../../src/simulation/recommendation";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import type { CeoPageInputs } from "../../src/report/CeoPageInputs";
import { decisionLabels } from "../../src/report/decisionBox";
import { driverLabel } from "../../src/report/driverLabel";
import { inputValueText, probabilityText, roiText } from "../../src/report/pageFormat";
import { seedInputs } from "./fixtures";
import { chartSpecs, numbersIn, sectionHtml, textOf } from "./pageText";

// The CEO page must not contradict itself: every number printed in its headline sections (the decision, the headline
// cards, the plan's claims) and on its bridge and gates charts is read back from the HTML and checked against the run
// it comes from: the ROI bridge's end, the programme model's Monte Carlo summaries (the bridge's last variant), the
// model at base values, the recommendation and the stage gates. Small runs (4,000 trials, a 2-draw rollout at 1:40).

/** Every number a section may print, as the page formats it, and the formatted strings that must appear. */
interface Expected {
  must: string[];
  may: string[];
}

function decisionExpected(inputs: CeoPageInputs): Expected {
  const { recommendation: rec, monteCarlo: mc, headlineRoi, gates } = inputs;
  const must = [
    probabilityText(rec.probability),
    roiText(2),
    probabilityText(mc.probRoiAbove200.value),
    probabilityText(1 - mc.probNpvNegative.value),
    roiText(headlineRoi.value),
    sePoints(headlineRoi.se).replace("± ", ""),
    probabilityText(gates[0]!.passProbability!),
    probabilityText(gates[0]!.stopProbability!),
    ...rec.pivots.flatMap((p) => [roiText(p.roiAtP10), roiText(p.roiAtP90)]),
  ];
  return { must, may: [String(mc.npvYears), ...rec.pivots.flatMap((p) => [p.p10, p.p90].map((v) => inputValueText(p.name, v, "en")))] };
}

function cardsExpected(inputs: CeoPageInputs, lang: Lang): Expected {
  const { monteCarlo: mc, headlineRoi, plan } = inputs;
  const must = [
    roiText(headlineRoi.value),
    sePoints(headlineRoi.se).replace("± ", ""),
    roiText(plan.benefits.roiStated),
    roiText(mc.roi.mean),
    sePoints(mc.roi.se.mean).replace("± ", ""),
    roiText(mc.roi.p5),
    roiText(mc.roi.p95),
    formatWan(mc.npv.mean, lang),
    formatWan(mc.npv.se.mean, lang),
    formatPercent(mc.discountRate),
    probabilityText(1 - mc.probNpvNegative.value),
    probabilityText(1 - mc.probPaybackOver12.value),
    formatNumber(plan.benefits.paybackMonthsStated, 1),
  ];
  return { must, may: [String(mc.npvYears), "90%", Number.isFinite(mc.paybackMonths.p50) ? formatNumber(mc.paybackMonths.p50, 1) : ""] };
}

function claimsExpected(inputs: CeoPageInputs): Expected {
  const must = [
    formatNumber(inputs.plan.benefits.roiStated, 2),
    formatNumber(inputs.headlineRoi.value, 2),
    formatNumber(inputs.monteCarlo.roi.mean, 2),
    formatNumber(inputs.asStated.retainedCustomers),
    formatNumber(inputs.programmeBase.retainedCustomers),
    formatNumber(inputs.rollout!.retainedCustomers.p50 * inputs.rollout!.scale),
  ];
  return { must, may: ["1"] };
}

/** Checks a section: every formatted figure it must show is there, and it prints no number that is not one of the run's. */
function checkSection(text: string, expected: Expected, where: string): void {
  for (const s of expected.must) expect(text, `${where} shows ${s}`).toContain(s);
  const allowed = new Set(numbersIn([...expected.must, ...expected.may].join(" ")));
  for (const n of numbersIn(text)) expect(allowed.has(n), `${where} prints ${n}, which is not a figure of the run: "${text}"`).toBe(true);
}

describe.each(["zh", "en"] as const)("the CEO page's numbers agree with the run they come from (%s)", (lang) => {
  const page = async (): Promise<{ inputs: CeoPageInputs; html: string }> => {
    const inputs = await seedInputs();
    return { inputs, html: buildCeoPage(inputs, lang) };
  };

  it("states the recommendation first, in the page language, with the probability, reasons and pivots of the run", async () => {
    const { inputs, html } = await page();
    const text = textOf(sectionHtml(html, "section", "decision"));
    expect(html.indexOf('<section class="decision')).toBeLessThan(html.indexOf('<section class="kpis"'));
    expect(text).toContain(t(decisionLabels[inputs.recommendation.decision], lang));
    checkSection(text, decisionExpected(inputs), "the decision box");
    for (const p of inputs.recommendation.pivots) expect(text).toContain(driverLabel(p.name, inputs.plan, lang));
  });

  it("derives the decision by rule from the figures the page prints (same run, same decision and probability)", async () => {
    const { inputs } = await page();
    const mc = inputs.monteCarlo;
    const mvp = inputs.gates[0]!;
    const again = recommend({
      mvpGate: { probGo: mvp.passProbability!, probStop: mvp.stopProbability! },
      probRoiAboveLine: mc.probRoiAbove200.value,
      roiLine: 2,
      probNpvPositive: 1 - mc.probNpvNegative.value,
      npvYears: mc.npvYears,
      cashRoi: inputs.headlineRoi,
      drivers: inputs.drivers.bars,
    });
    expect(again).toEqual(inputs.recommendation);
  });

  it("heads with the reconciled first-year cash ROI (the bridge's end) and its standard error, beside the lifetime-value ROI, the NPV and payback", async () => {
    const { inputs, html } = await page();
    const cards = sectionHtml(html, "section", "kpis");
    const values = [...cards.matchAll(/<div class="value[^"]*">([^<]*)<\/div>/g)].map((m) => m[1]);
    const mc = inputs.monteCarlo;
    expect(values).toEqual([
      roiText(inputs.bridge.end.roi),
      roiText(mc.roi.mean),
      formatWan(mc.npv.mean, lang),
      probabilityText(1 - mc.probPaybackOver12.value),
    ]);
    checkSection(textOf(cards), cardsExpected(inputs, lang), "the headline cards");
  });

  it("sets the plan's claims against the reconciled figures, saying which is which", async () => {
    const { inputs, html } = await page();
    const text = textOf(sectionHtml(html, "section", "claims"));
    checkSection(text, claimsExpected(inputs), "the claims");
    expect(text).toContain(t("report.claim.return.plan", lang, { stated: "3.59" }));
    expect(text).toContain(
      t("report.claim.return.model", lang, { cash: formatNumber(inputs.headlineRoi.value, 2), ltv: formatNumber(inputs.monteCarlo.roi.mean, 2) }),
    );
  });

  it("draws the bridge from the stated ROI to the headline, each step with its standard error", async () => {
    const { inputs, html } = await page();
    const { bridge } = inputs;
    expect(textOf(html)).toContain(t("report.section.bridge", lang, { stated: roiText(bridge.start.roi), reconciled: roiText(inputs.headlineRoi.value) }));
    const spec = chartSpecs(html)["ceo-bridge"]!;
    const trace = spec.data[0] as BarTrace;
    // The page's chart specs carry five significant digits (figureHtml): the end bar lands on the headline to within 0.01 points.
    expect(Math.abs(numbersOf(trace.base).at(-1)! + numbersOf(trace.x).at(-1)! - inputs.headlineRoi.value * 100)).toBeLessThan(0.01);
    const column = (spec.layout["annotations"] as Array<{ text: string }>).map((a) => a.text);
    expect(column.slice(0, -1)).toEqual([
      formatPercent(bridge.start.roi, 1),
      ...bridge.steps.map((s) => `${s.delta > 0 ? "+" : ""}${formatNumber(s.delta * 100, 1)} ${sePoints(s.se)}`),
      `${formatPercent(inputs.headlineRoi.value, 1)} ${sePoints(inputs.headlineRoi.se)}`,
    ]);
  });

  it("labels every simulated gate with its go and stop probabilities (a 0% go too) and the tornado with its base", async () => {
    const { inputs, html } = await page();
    const specs = chartSpecs(html);
    const outcomes = (specs["ceo-gates"]!.layout["annotations"] as Array<{ text: string }>).map((a) => a.text);
    for (const g of inputs.gates.filter((x) => x.source === "rollout")) {
      expect(outcomes).toContain(t("report.gates.outcome", lang, { go: probabilityText(g.passProbability!), stop: probabilityText(g.stopProbability!) }));
    }
    const drivers = (specs["ceo-drivers"]!.layout["annotations"] as Array<{ text: string }>).map((a) => a.text);
    expect(drivers[0]).toBe(t("report.drivers.base", lang, { value: roiText(inputs.programmeBase.roi) }));
  });

  it("keeps no figure of the old page: no as-stated simulated median, no 'simulated median' return per yuan", async () => {
    const { html } = await page();
    const text = textOf(html);
    expect(text).not.toMatch(/模拟中位数 -?[\d.]+ 元|simulated median -?[\d.]+ yuan|（模拟中位数）|\(simulated median\)|bottom-up|分层自下而上/);
  });
});

describe("the page's language", () => {
  it("zh: the subtitle is Chinese (the plan's Chinese name), with no English words", async () => {
    const inputs = await seedInputs();
    const sub = textOf(/<div class="sub">([\s\S]*?)<\/div>/.exec(buildCeoPage(inputs, "zh"))![1]!);
    expect(sub).toContain(inputs.plan.nameZh!);
    expect(sub).not.toMatch(/[A-Za-z]/);
  });

  it("en: no Chinese character and no 万 anywhere on the page, money in yuan (¥…M)", async () => {
    const html = buildCeoPage(await seedInputs(), "en").replace(/el\.textContent = "[^"]*";/g, "");
    const own = html.replace(/<script type="text\/javascript" data-churnlab="plotly-bundle">[\s\S]*?<\/script>/, "");
    expect(own.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)).toBeNull();
    expect(textOf(own)).toMatch(/-¥\d+\.\d\dM/);
  });
});
