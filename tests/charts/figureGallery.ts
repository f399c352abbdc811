// The figure gallery: every figure builder with sample inputs, in the sizes
// it is shown at. The generic chart tests iterate over it: every builder
// takes a title (figureGallery.test.ts) and draws in Chromium, in zh and en,
// with no text over another and none clipped (figureLayout.browser.test.ts).
// A new builder joins by adding an entry here; figureGallery.test.ts fails
// for an exported builder that has none.
import * as charts from "../../src/charts";
import type { Figure } from "../../src/charts/Figure";
import type { Lang } from "../../src/charts/labels";
import * as report from "../../src/report";
import { seedInputs } from "../report/fixtures";
import * as g from "./galleryInputs";

/** CSS px a figure is drawn at. */
export interface Size {
  width: number;
  height: number;
}

/** One builder of the gallery. */
export interface GalleryEntry {
  /** The builder's exported name. */
  builder: string;
  /** Builds a sample figure in `lang`; `title` replaces the builder's own (when the builder takes one). */
  build(lang: Lang, title?: string): Figure | Promise<Figure>;
  /** Sizes it is shown at; default its layout size, else 900 × 500 (the export default, about a notebook's width). */
  sizes?: readonly Size[];
  /** Why the builder takes no title, when it does not (a page panel whose heading the page prints). */
  noTitle?: string;
}

/** Half of a notebook's width: the two-column grid of `showMany`. */
const gridCell: Size = { width: 540, height: 400 };
const text = (lang: Lang, title?: string) => (title === undefined ? { lang } : { lang, title });

export const figureGallery: readonly GalleryEntry[] = [
  // generic builders (titles are required arguments)
  {
    builder: "barChart",
    build: (lang, title) =>
      charts.barChart({
        categories: [charts.t("tier.1", lang), charts.t("tier.2", lang), charts.t("tier.3", lang)],
        series: [{ name: charts.t("legend.stated", lang), values: [144, 480, 120] }],
        title: title ?? charts.t("plan.costBreakdown.title", lang),
        xTitle: charts.t("tier.axis", lang),
        yTitle: charts.t("axis.amountIn", lang, { unit: charts.t("unit.wanYuan", lang) }),
      }),
  },
  {
    builder: "lineChart",
    build: (lang, title) =>
      charts.lineChart({
        x: [1, 2, 3, 4],
        series: [{ name: charts.t("legend.median", lang), y: [0.1, 0.5, 1.2, 1.9] }],
        bands: [{ name: charts.t("legend.band", lang, { low: 5, high: 95 }), lower: [0, 0.2, 0.6, 1], upper: [0.3, 0.9, 1.9, 2.8] }],
        title: title ?? "ROI",
        xTitle: charts.t("axis.month", lang),
        yTitle: "ROI",
        yTickFormat: ".0%",
      }),
  },
  {
    builder: "histogram",
    build: (lang, title) => charts.histogram({ values: g.roiSample, title: title ?? "ROI", xTitle: "ROI", yTitle: charts.t("axis.frequency", lang) }),
  },
  // plan (notebook 01)
  { builder: "costBreakdownChart", build: (lang, title) => charts.costBreakdownChart(g.summary, text(lang, title)) },
  { builder: "benefitBreakdownChart", build: (lang, title) => charts.benefitBreakdownChart(g.summary, text(lang, title)) },
  { builder: "roiChart", build: (lang, title) => charts.roiChart(g.summary, text(lang, title)) },
  // data (notebook 02)
  {
    builder: "churnRateByBucketChart",
    build: (lang, title) => charts.churnRateByBucketChart(g.buckets, { signal: charts.t("data.signal.recency", lang), horizonDays: 90, ...text(lang, title) }),
    sizes: [gridCell, { width: 900, height: 500 }],
  },
  {
    builder: "survivalChart",
    build: (lang, title) => charts.survivalChart(g.survivalCurves, { group: charts.t("data.group.cohort", lang), maxTime: 728, ...text(lang, title) }),
  },
  { builder: "visitGapsChart", build: (lang, title) => charts.visitGapsChart(g.visitGaps, text(lang, title)) },
  {
    builder: "correlationHeatmap",
    build: (lang, title) =>
      charts.correlationHeatmap(
        g.correlation,
        g.signalNames.map((name) => (lang === "en" ? name : `${name.slice(0, 10)}（中文）`)),
        text(lang, title),
      ),
  },
  // models (notebook 03)
  { builder: "rocChart", build: (lang, title) => charts.rocChart(g.rocCurves, text(lang, title)) },
  { builder: "precisionRecallChart", build: (lang, title) => charts.precisionRecallChart(g.prCurves, 0.03, text(lang, title)) },
  { builder: "calibrationChart", build: (lang, title) => charts.calibrationChart(g.calibrationSeries, text(lang, title)) },
  { builder: "liftGainChart", build: (lang, title) => charts.liftGainChart(g.lift, text(lang, title)) },
  { builder: "importanceChart", build: (lang, title) => charts.importanceChart(g.importances, text(lang, title)) },
  {
    builder: "tierDistributionChart",
    build: (lang, title) => charts.tierDistributionChart([0.004, 0.011, 0.04, 0.945], [0.03, 0.08, 0.12, 0.77], text(lang, title)),
  },
  { builder: "aucComparisonChart", build: (lang, title) => charts.aucComparisonChart(g.aucModels, 0.85, 0.8, text(lang, title)) },
  // actions (notebook 04)
  { builder: "tierShareChart", build: (lang, title) => charts.tierShareChart(g.tierSummary, text(lang, title)) },
  { builder: "weeklyQueueChart", build: (lang, title) => charts.weeklyQueueChart(g.weekSummaries, text(lang, title)) },
  { builder: "advisorLoadChart", build: (lang, title) => charts.advisorLoadChart(g.lastWeek, text(lang, title)) },
  { builder: "decayCurveChart", build: (lang, title) => charts.decayCurveChart(g.decayOptions, text(lang, title)) },
  { builder: "delayCostChart", build: (lang, title) => charts.delayCostChart(g.delayRows, text(lang, title)) },
  { builder: "targetingComparisonChart", build: (lang, title) => charts.targetingComparisonChart(g.targeting.outcomes, text(lang, title)) },
  { builder: "gainChart", build: (lang, title) => charts.gainChart(g.targeting.outcomes, text(lang, title)) },
  {
    builder: "qiniChart",
    build: (lang, title) =>
      charts.qiniChart(
        g.targeting.qini.map((q) => ({ name: charts.t(`actions.policy.${q.policy}` as "actions.policy.risk", lang), curve: q.curve })),
        text(lang, title),
      ),
  },
  // simulation (notebook 05)
  { builder: "roiHistogramFigure", build: (lang, title) => charts.roiHistogramFigure(g.roiSample, { stated: 3.59, mvpBar: 2, ...text(lang, title) }) },
  { builder: "tornadoFigure", build: (lang, title) => charts.tornadoFigure(g.tornadoResult.bars, g.tornadoResult.baseOutput, text(lang, title)) },
  { builder: "sobolFigure", build: (lang, title) => charts.sobolFigure(g.sobolRows, text(lang, title)) },
  { builder: "convergenceFigure", build: (lang, title) => charts.convergenceFigure(g.convergence, text(lang, title)) },
  { builder: "spiderFigure", build: (lang, title) => charts.spiderFigure(g.spiderLines, text(lang, title)) },
  { builder: "scenarioFigure", build: (lang, title) => charts.scenarioFigure(g.scenarios, { stated: 3.59, ...text(lang, title) }) },
  // rollout (notebook 06)
  { builder: "cashFlowFanChart", build: (lang, title) => charts.cashFlowFanChart(g.cashFlow, 12, text(lang, title)) },
  { builder: "gateProbabilityChart", build: (lang, title) => charts.gateProbabilityChart(g.gates, text(lang, title)) },
  { builder: "churnComparisonChart", build: (lang, title) => charts.churnComparisonChart(g.churn, 0.12, text(lang, title)) },
  { builder: "staffingChart", build: (lang, title) => charts.staffingChart(g.staffing, text(lang, title)) },
  { builder: "roiByAucChart", build: (lang, title) => charts.roiByAucChart(g.byAuc, text(lang, title)) },
  { builder: "timingPolicyChart", build: (lang, title) => charts.timingPolicyChart(g.timing, text(lang, title)) },
  // the ROI bridge (notebook 06, churnlab bridge)
  { builder: "bridgeWaterfallFigure", build: async (lang, title) => charts.bridgeWaterfallFigure((await seedInputs()).bridge, text(lang, title)) },
  // design search (notebook 08)
  {
    builder: "frontierChart",
    build: (lang, title) =>
      charts.frontierChart(g.designs, g.frontier, { plan: g.designs[1]!, best: g.designs[2]!, budgetYuan: 10_840_000 }, text(lang, title)),
  },
  { builder: "designBridgeChart", build: (lang, title) => charts.designBridgeChart(-25e6, g.designSteps, -7e6, text(lang, title)) },
  { builder: "stressBoundaryChart", build: (lang, title) => charts.stressBoundaryChart(g.reverseStress, { aucLine: 0.85, saveLine: 0.5 }, text(lang, title)) },
  {
    builder: "pilotErrorChart",
    build: (lang, title) => charts.pilotErrorChart(g.pilotCandidates, 13, 0.2, { maxFalseGo: 0.05, maxFalseStop: 0.1 }, text(lang, title)),
  },
  // the CEO page's panels (src/report): sized by the page, headed by the page's own text
  {
    builder: "roiDistributionChart",
    build: async (lang) => report.roiDistributionChart(await seedInputs(), lang),
    noTitle: "a CEO-page panel: the page prints its heading",
  },
  { builder: "driversChart", build: async (lang) => report.driversChart(await seedInputs(), lang), noTitle: "a CEO-page panel: the page prints its heading" },
  {
    builder: "bridgePanelChart",
    build: async (lang) => report.bridgePanelChart(await seedInputs(), lang),
    noTitle: "a CEO-page panel: the page prints its heading",
  },
  { builder: "gatesChart", build: async (lang) => report.gatesChart(await seedInputs(), lang), noTitle: "a CEO-page panel: the page prints its heading" },
];

/** Names of the figure builders a module exports: functions named like nouns ending in Chart, Figure, Heatmap or Histogram (not saveFigure, exportFigure, ...). */
export function builderNames(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter(
      (name) =>
        typeof module[name] === "function" &&
        /(Chart|Figure|Heatmap|[hH]istogram)$/.test(name) &&
        !/^(save|load|parse|export|show|apply|render|with)/.test(name),
    )
    .sort();
}
