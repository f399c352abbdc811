// Sample inputs for the figure gallery (figureGallery.ts): small but realistic,
// computed by the library itself from the seed plans and seeded streams, so
// labels, category counts and value ranges look like the notebooks' own.
import type { FrontierPoint } from "../../src/simulation/design/designFrontier";
import type { PilotCandidate } from "../../src/simulation/design/pilotDesign";
import type { ReverseStress } from "../../src/simulation/design/reverseStress";
import {
  assignTiers,
  decayBand,
  decayEvidence,
  delayCost,
  fitDecayModels,
  nextWeekScores,
  summarizeTiers,
  syntheticScores,
  targetingScenario,
  weeklyQueue,
} from "../../src/actions";
import type { Advisor, Ledger, WeeklyQueueResult } from "../../src/actions";
import { churnRateByBucket, correlationMatrix, kaplanMeier } from "../../src/data";
import { calibrationCurve, liftTable, precisionRecallCurve, rocCurve } from "../../src/models/metrics";
import { loadPlan, planSummary } from "../../src/plan";
import { createStream } from "../../src/random";
import { loadUncertainPlan, spider, tornado } from "../../src/simulation";
import { convergenceTrace, summarizeSorted } from "../../src/simulation/stats/summaries";
import type { DecisionPoint, StaffingCurve } from "../../src/simulation/rollout/rolloutDecisions";
import type { GateSummary, MonthPercentiles, Spread } from "../../src/simulation/rollout/rolloutSummary";

export const plan = loadPlan("data/plans/seed-plan.json");
export const uncertainPlan = loadUncertainPlan("data/plans/seed-plan-uncertain.json");
export const summary = planSummary(plan);

// --- actions (notebook 04) ------------------------------------------------------------
const scores = syntheticScores(createStream(7, "gallery/scores"), 3000);
export const tierSummary = summarizeTiers(scores, plan);
const advisors: Advisor[] = [];
for (let o = 1; o <= 8; o++) for (const k of ["a", "b"]) advisors.push({ advisorId: `A${o}${k}`, outletId: `O0${o}`, weeklyCapacity: 12 });
const weeks: WeeklyQueueResult[] = [];
{
  const drift = createStream(7, "gallery/drift");
  let previous = scores;
  let ledger: Ledger = { version: 1, weeks: [] };
  for (const week of ["2025-03-03", "2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31", "2025-04-07"]) {
    const current = nextWeekScores(drift, previous, 0.3);
    const result = weeklyQueue({ week, current, previous, plan, advisors, ledger });
    weeks.push(result);
    ledger = result.ledger;
    previous = current;
  }
}
export const weekSummaries = weeks.map((w) => w.summary);
export const lastWeek = weeks[weeks.length - 1]!.summary;
export const decay = fitDecayModels(plan.timing.abTest);
const evidence = decayEvidence(plan.timing.abTest);
export const decayOptions = {
  points: { delays: evidence.delays, rates: evidence.rates },
  fits: decay.fits,
  chosen: decay.chosen.model,
  interpolation: decay.interpolation,
  band: decayBand(createStream(7, "gallery/band"), evidence, { draws: 60, levels: [0.05, 0.95] }),
  goldenWindow: [7, 14],
};
export const delayRows = delayCost(plan, decay.chosen.curve, { delays: [7, 14, 21] }).filter((r) => r.tierNumber <= 3);
export const targeting = targetingScenario({
  customers: assignTiers(scores, plan).filter((c) => c.tierNumber <= 3),
  plan,
  curve: decay.chosen.curve,
  budgetYuan: 300_000,
  gamma: 1,
  seed: 7,
});

// --- data (notebook 02) ---------------------------------------------------------------
const rng = createStream(7, "gallery/data");
const n = 4000;
const recency = Float64Array.from({ length: n }, () => rng() * 400);
const churned = Float64Array.from(recency, (r) => (rng() < 0.02 + r / 1200 ? 1 : 0));
export const buckets = churnRateByBucket(recency, churned, [30, 90, 180, 270]);
export const survivalCurves = ["≤ 2017", "2018–2019", "2020–2021", "2022–2023"].map((name, k) => {
  const durations = Float64Array.from({ length: 800 }, () => rng() * 900);
  const events = Float64Array.from(durations, (d) => (d < 728 && rng() < 0.3 + 0.05 * k ? 1 : 0));
  return {
    name,
    curve: kaplanMeier(
      Float64Array.from(durations, (d) => Math.min(d, 728)),
      events,
    ),
  };
});
export const visitGaps = Float64Array.from({ length: 3000 }, () => (rng() < 0.7 ? 140 + rng() * 70 : rng() * 600));
export const signalNames = [
  "days since the last visit",
  "days of overdue maintenance",
  "visits in the last year",
  "spend trend (last 24 weeks ÷ previous 24)",
  "last satisfaction score",
  "complaint in the last 90 days",
  "bad experiences in the last 90 days",
  "app active days in the last 28",
  "distance to the outlet (km)",
  "price sensitivity",
  "vehicle age (years)",
  "churned within 90 days",
];
export const correlation = correlationMatrix(
  Object.fromEntries(signalNames.map((name, k) => [name, Float64Array.from(recency, (r) => r * (k % 3) + rng() * 300)])),
);

// --- models (notebook 03) ---------------------------------------------------------------
const labels = Float64Array.from({ length: 3000 }, () => (rng() < 0.03 ? 1 : 0));
const modelScores = ["Logistic regression", "Neural network (MLP)", "Gradient-boosted trees"].map((name, k) => ({
  name,
  p: Float64Array.from(labels, (y) => Math.min(0.99, Math.max(0.001, 0.02 + 0.25 * y * (0.5 + 0.2 * k) * rng() + 0.03 * rng()))),
}));
export const rocCurves = modelScores.map((m) => ({ name: m.name, curve: rocCurve(m.p, labels), auc: 0.8 + (0.02 * m.name.length) / 20 }));
export const prCurves = modelScores.map((m) => ({ name: m.name, curve: precisionRecallCurve(m.p, labels), ap: 0.21 }));
export const calibrationSeries = modelScores.map((m) => ({ name: m.name, curve: calibrationCurve(m.p, labels, 10, "quantile") }));
export const lift = liftTable(modelScores[2]!.p, labels, 10);
export const importances = [
  "recency_days",
  "visits_365d",
  "visit_trend",
  "spend_trend",
  "last_score",
  "score_trend",
  "complaints_90d",
  "app_days_28d",
  "app_trend",
  "maintenance_overdue_days",
  "distance_km",
  "vehicle_age_years",
  "segment=premium",
  "segment=midsize",
  "last_score (missing)",
].map((feature, k) => ({ feature, importance: 0.08 / (k + 1) - 0.002, sd: 0.004 }));
export const aucModels = [
  { name: "Logistic regression", auc: 0.842, low: 0.81, high: 0.87 },
  { name: "Neural network (MLP)", auc: 0.851, low: 0.82, high: 0.88 },
  { name: "Gradient-boosted trees", auc: 0.861, low: 0.83, high: 0.89 },
];

// --- simulation (notebook 05) ---------------------------------------------------------------
export const roiSample = Float64Array.from({ length: 20_000 }, () => 2.6 + 1.1 * (rng() + rng() + rng() - 1.5));
export const tornadoResult = tornado(uncertainPlan);
export const spiderLines = spider(uncertainPlan);
export const sobolRows = tornadoResult.bars
  .slice(0, 10)
  .map((b, k) => ({ name: b.name, first: 0.4 / (k + 1), firstCi: [0.3 / (k + 1), 0.5 / (k + 1)] as const, total: 0.45 / (k + 1) }));
export const convergence = convergenceTrace(roiSample);
export const scenarios = ["optimistic", "base", "pessimistic", "bottom-up, ramped"].map((name, k) => ({
  name,
  roi: summarizeSorted(
    2.6 - 0.6 * k,
    0.5,
    Float64Array.from(roiSample)
      .map((r) => r - 0.6 * k)
      .sort(),
  ),
}));

// --- rollout (notebook 06; hand-made summaries of the shapes runRollout returns) -----------------
const spread = (mean: number, width = 0.1): Spread => ({ mean, sd: width / 2, p5: mean - width, p50: mean, p95: mean + width });
const prob = (hits: number, of = 10) => ({ value: hits / of, se: 0 });
export const cashFlow: MonthPercentiles[] = Array.from({ length: 12 }, (_, m) => ({
  month: m + 1,
  p5: -3e6 + m * 4e5,
  p25: -2.5e6 + m * 5e5,
  p50: -2e6 + m * 6e5,
  p75: -1.5e6 + m * 7e5,
  p95: -1e6 + m * 8e5,
  mean: -2e6 + m * 6e5,
}));
const gate = (stageId: string, nextStageId: string, go: number, hold: number, pause: number, redesign: number): GateSummary => ({
  stageId,
  nextStageId,
  criteria: { aucMin: 0.85, saveRateMin: 0.5, roiMin: 2, aucPause: 0.8, saveRateRedesign: 0.4 },
  probGo: prob(go),
  probHold: prob(hold),
  probPause: prob(pause),
  probRedesign: prob(redesign),
  probStop: prob(pause + redesign),
  probTrulyGood: prob(5),
  probFalseStop: prob(1),
  falseStopRate: prob(1, 5),
  probFalseGo: prob(2),
  falseGoRate: prob(2, 5),
  measuredAuc: spread(0.86, 0.01),
  measuredSaveRate: spread(0.5),
  measuredProjectedRoi: spread(3),
  trueSaveRate: spread(0.5),
  stageCustomers: 20000,
  scored: 60000,
  positives: 900,
  wouldBeChurners: 60,
  sampleSize: {
    power: 0.8,
    scoredForAuc: 5000,
    wouldBeChurnersForSaveRate: 100,
    pilotCustomersForAuc: 1700,
    pilotCustomersForSaveRate: 33000,
    pilotCustomers: 33000,
  },
});
export const gates = [gate("mvp", "regional", 3, 4, 1, 2), gate("regional", "national", 6, 2, 1, 1)];
export const churn = { baseline: spread(0.18, 0.01), programme: spread(0.165, 0.012) };
const point = (value: number, roi: number, within7: number): DecisionPoint => ({
  value,
  roi: spread(roi, 0.3),
  retainedCustomers: spread(12_000 + value * 30, 400),
  programmeChurnRate: spread(0.15, 0.01),
  costYuan: spread(1e7, 1e6),
  advisorWithin7Days: spread(within7, 0.05),
  advisorMeanDelayDays: spread(10, 2),
  cashRoi: spread(roi - 0.9, 0.2),
  npv: spread(value * 1e4 - 5e6, 1e6),
  contacts: spread(30_000, 500),
  keptPerContact: spread(0.05, 0.005),
});
export const staffing: StaffingCurve = {
  target: 0.9,
  callsPerAdvisorPerWeek: 8,
  callsSource: "a gallery value",
  advisorsForTarget: 400,
  points: [25, 50, 100, 200, 400, 800].map((a, k) => point(a, 0.4 + 0.15 * k, Math.min(0.98, 0.2 + 0.15 * k))),
};
export const byAuc = [0.7, 0.75, 0.8, 0.85, 0.9, 0.95].map((auc, k) => point(auc, 0.2 + 0.25 * k, 0.6));
export const timing = [7, 14, 21, 30].map((days, k) => point(days, 1.2 - 0.3 * k, 0.6));

// design search (notebook 08)
const designPoint = (cost: number, retained: number): FrontierPoint => ({ cost, retained, npv: cost / 2, label: `design ${cost}` });
export const designs = [designPoint(5e6, 1000), designPoint(6e6, 900), designPoint(8e6, 3000), designPoint(1.2e7, 3600)];
export const frontier = [designs[0]!, designs[2]!, designs[3]!];
export const designSteps = [
  { change: "channels", npv: { mean: 20e6, se: 1e4 } },
  { change: "cut-offs", npv: { mean: -2e6, se: 1e4 } },
];
export const reverseStress: ReverseStress = {
  level: 0.8,
  trials: 100,
  rows: [],
  boundary: [
    { auc: 0.82, saveRate: 0.7, multiplier: 1.3 },
    { auc: 0.86, saveRate: 0.6, multiplier: 1.1 },
    { auc: 0.9, saveRate: 0.55, multiplier: 1.02 },
  ],
  base: { auc: 0.85, saveRate: 0.5 },
  nearest: { auc: 0.86, saveRate: 0.6, multiplier: 1.1, distanceSd: 1.3 },
  grid: { churn: [0.18], auc: [0.85] },
};
const pilot = (e: number, go: number, stop: number): PilotCandidate =>
  ({ enrolmentWeeks: e, followUpWeeks: 13, durationWeeks: e + 13, holdOut: 0.2, errors: { falseGo: go, falseStop: stop, power: 0.9 } }) as PilotCandidate;
export const pilotCandidates = [pilot(8, 0.2, 0.05), pilot(13, 0.1, 0.01), pilot(26, 0.04, 0.001)];
