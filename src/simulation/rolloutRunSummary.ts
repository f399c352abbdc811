import type { Plan } from "../plan/index";
import { gateAuc } from "./gateAuc";
import { gateCriteriaFor, gateDecision, isTrulyGood, type GateDecision, type GateMeasurement } from "./rolloutGates";
import type { RolloutRun } from "./rolloutKernel";
import { compilePlanKernel, OUT } from "./planKernel";
import type { RolloutScenario } from "./rolloutScenario";

/** One gate of one run: what the team measures, the truth, the decision. */
export interface GateOutcome {
  /** The stage that ends at this gate, and the next one. */
  stageId: string;
  nextStageId: string;
  /** Week of the gate (the stage's last week + 1). */
  week: number;
  measured: GateMeasurement;
  truth: GateMeasurement;
  decision: GateDecision;
  trulyGood: boolean;
  /** Scored customer-snapshots and 30-day churners behind the measured AUC. */
  scored: number;
  positives: number;
  /** Would-be churners treated behind the measured save rate. */
  wouldBeChurners: number;
  /** Customers in the stage's scope. */
  stageCustomers: number;
}

/** The outputs of one run, in plain numbers (per-tier arrays indexed by tier number − 1, intervened tiers only: tiers 1..K−1). */
export interface RolloutRunSummary {
  trial: number;
  replicate: number;
  /** The model's AUC (calibrated) and the noise sd that gives it. */
  modelAuc: number;
  scoreNoiseSd: number;
  customers: number;
  /** Share of customers churning within the run, without and with the programme. */
  baselineChurnRate: number;
  programmeChurnRate: number;
  /** Baseline churners minus programme churners (same customers, same random numbers). */
  retainedCustomers: number;
  flaggedByTier: number[];
  contactsByTier: number[];
  savedByTier: number[];
  spendByTier: number[];
  meanDelayDaysByTier: number[];
  within7DaysShareByTier: number[];
  /** Share of the customers flagged into the tier's queue (and not escalated) contacted within 7 days: contacts within 7 days / (contacts + expired + lost waiting + still waiting). */
  flaggedWithin7DaysShareByTier: number[];
  lostBeforeContactByTier: number[];
  expiredByTier: number[];
  /** Contacts by weeks waited (0, 1, 2, 3, 4+) per tier. */
  delayHistogramByTier: number[][];
  costYuan: number;
  benefitYuan: number;
  /** Retained customers × lifetime value (the referral part is in benefitYuan), yuan. */
  retainedValueYuan: number;
  /** (benefit − cost) / cost over the run. */
  roi: number;
  /** Month (fractional) when cumulative cash flow turns non-negative; Infinity if it does not within the run. */
  paybackMonth: number;
  monthlyCostYuan: number[];
  monthlyBenefitYuan: number[];
  monthlyCashFlowYuan: number[];
  cumulativeCashFlowYuan: number[];
  cumulativeRoi: number[];
  /** Spend (fixed + interventions) during each stage's months, yuan, and the stage budgets as stated. */
  stageIds: string[];
  stageSpendYuan: number[];
  stageBudgetYuan: number[];
  gates: GateOutcome[];
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);

/**
 * The first-year ROI a team projects at a gate: the plan's bottom-up
 * business case (the Monte Carlo engine's plan kernel, `model:
 * "bottom-up"`, stated costs) with the save rate and the annual churn
 * probability of the tiers the stage intervened on replaced by the pilot's
 * measurements; other tiers keep the plan's save rates and the middle of
 * their bands as churn probability. NaN when a measurement is NaN.
 *
 * @example
 * // retained (6,000 + 16,000) × 0.6 × 0.5 + 24,000 × 0.4 × 0.7 = 13,320; × 4,144 yuan = 55,198,080 against 10,840,000
 * projectedRoi(seedPlan, ["very-high", "high"], 0.5, 0.6) // 4.0920738007380075
 */
export function projectedRoi(plan: Plan, stageTiers: readonly string[], saveRate: number, annualChurnOfTreated: number): number {
  if (Number.isNaN(saveRate) || Number.isNaN(annualChurnOfTreated)) return Number.NaN;
  const late = [...plan.rollout].sort((x, y) => x.monthEnd - y.monthEnd);
  const interveneTiers = [...new Set([...late[late.length - 1]!.interveneTiers, ...stageTiers])];
  const tierChurnProbability: Record<string, number> = {};
  for (const tier of plan.tiers) tierChurnProbability[tier.id] = stageTiers.includes(tier.id) ? annualChurnOfTreated : (tier.probabilityMin + tier.probabilityMax) / 2;
  const kernel = compilePlanKernel(plan, {
    model: "bottom-up",
    costs: "stated",
    discountRate: 0,
    contactDelayDays: plan.timing.bestWindowDays[0],
    coverageRamp: false,
    tierChurnProbability,
    interveneTiers,
  });
  const p = Float64Array.from(kernel.base);
  plan.tiers.forEach((tier, i) => {
    if (!stageTiers.includes(tier.id)) return;
    const slot = kernel.slotOf(`$.tiers[${i}].saveRate`);
    if (slot >= 0) p[slot] = saveRate;
  });
  const out = new Float64Array(8);
  kernel.evaluate(p, out);
  return out[OUT.roi]!;
}

/**
 * Turns a kernel run into its outputs: churn with and without the
 * programme, saves, contacts, delays and spend by tier, monthly cash flow
 * (cost = fixed + interventions as incurred; benefit = (baseline −
 * programme churns) × value per save, booked in the month of the prevented
 * churn), cumulative ROI, payback month, spend by stage, and the gates.
 *
 * At the gate closing stage s (every stage with a successor) the team
 * measures: the AUC of the stage's scores every 4 weeks against churn
 * within the next 4 weeks among the stage's customers (baseline outcomes, as
 * on a holdout); the save rate = saves / would-be churners among customers
 * contacted during the stage whose churn fell before the gate (observable
 * with a control group); and the first-year ROI projected from them by
 * {@link projectedRoi}, with the treated customers' annual churn probability
 * 1 − exp(−52 λ), λ = would-be churners / weeks followed. The truth uses the
 * model's calibrated AUC, the expected save rate (Σ save probabilities /
 * would-be churners) and the ROI projected from it. Criteria: {@link gateCriteriaFor}.
 *
 * @param plan the plan of this trial (its sampled values).
 * @example
 * summarizeRolloutRun(run, scenario, plan, 0.85, 0, 0).gates[0].stageId // "mvp"
 */
export function summarizeRolloutRun(run: RolloutRun, sc: RolloutScenario, plan: Plan, modelAuc: number, trial: number, replicate: number): RolloutRunSummary {
  const K = run.tiers;
  const tiers = Array.from({ length: K - 1 }, (_, j) => j + 1);
  const per = (a: Float64Array): number[] => tiers.map((k) => a[k]!);
  const months = run.months;
  const monthlyCost = Array.from({ length: months }, (_, m) => run.fixedCostByMonth[m]! + run.interventionCostByMonth[m]!);
  const monthlyBenefit = Array.from(run.benefitByMonth);
  const flow = monthlyCost.map((c, m) => monthlyBenefit[m]! - c);
  const cumulative: number[] = [];
  const cumulativeRoi: number[] = [];
  let cumCost = 0;
  let cumBenefit = 0;
  let payback = Number.POSITIVE_INFINITY;
  for (let m = 0; m < months; m += 1) {
    const before = cumBenefit - cumCost;
    cumCost += monthlyCost[m]!;
    cumBenefit += monthlyBenefit[m]!;
    const after = cumBenefit - cumCost;
    cumulative.push(after);
    cumulativeRoi.push(cumCost > 0 ? after / cumCost : Number.NaN);
    if (payback === Number.POSITIVE_INFINITY && after >= 0 && cumCost > 0) payback = m + (before < 0 ? -before / (after - before) : 0);
  }
  const retained = run.baselineChurned - run.programmeChurned;
  const value = sc.valuePerSaveYuan;
  const ltv = plan.benefits.ltvYuan;
  const stageSpend = sc.stages.map((s) => {
    let total = 0;
    for (let m = 0; m < months; m += 1) {
      const week = Math.ceil((m * 52) / 12);
      if (week >= s.weekStart && week < s.weekEnd) total += monthlyCost[m]!;
    }
    return total;
  });

  const gates: GateOutcome[] = [];
  const snapWeeks = sc.snapshotWeeks;
  const snapN = run.snapshotChurnWeek.length;
  const sortedPlanStages = [...plan.rollout].map((s, i) => ({ s, i })).sort((a, b) => a.s.monthStart - b.s.monthStart);
  for (let j = 0; j + 1 < sc.stages.length; j += 1) {
    const stage = sc.stages[j]!;
    const limit = Math.min(snapN, stage.customers);
    const inStage = snapWeeks.map((sw, q) => ({ sw, q })).filter(({ sw }) => sw >= stage.weekStart && sw + 4 <= stage.weekEnd);
    const allScores = new Float64Array(limit * inStage.length);
    const allLabels = new Uint8Array(limit * inStage.length);
    let scored = 0;
    let positives = 0;
    for (const { sw, q } of inStage) {
      for (let i = 0; i < limit; i += 1) {
        const s = run.snapshotSignal[q * snapN + i]!;
        if (Number.isNaN(s)) continue;
        allScores[scored] = s + sc.scoreNoiseSd * run.snapshotNoise[q * snapN + i]!;
        const cw = run.snapshotChurnWeek[i]!;
        const label = cw >= sw && cw < sw + 4 ? 1 : 0;
        allLabels[scored] = label;
        positives += label;
        scored += 1;
      }
    }
    const scores = allScores.subarray(0, scored);
    const labels = allLabels.subarray(0, scored);
    const wbc = run.stageWouldBeChurners[j]!;
    const stageWeeks = Math.max(1, stage.weekEnd - stage.weekStart);
    // The team's projection: the plan's bottom-up business case with the pilot's measurements plugged in.
    const weeklyHazard = ratio(wbc, run.stageExposureWeeks[j]!);
    const annualChurnOfTreated = 1 - Math.exp(-52 * weeklyHazard);
    const stageTiers = plan.rollout[sortedPlanStages[j]!.i]!.interveneTiers;
    const measuredSaveRate = ratio(run.stageSaves[j]!, wbc);
    const trueSaveRate = ratio(run.stageExpectedSaves[j]!, wbc);
    const project = (saveRate: number): number => projectedRoi(plan, stageTiers, saveRate, annualChurnOfTreated);
    const measured: GateMeasurement = { auc: gateAuc(scores, labels), saveRate: measuredSaveRate, projectedRoi: project(measuredSaveRate) };
    const truth: GateMeasurement = { auc: modelAuc, saveRate: trueSaveRate, projectedRoi: project(trueSaveRate) };
    const criteria = gateCriteriaFor(plan, sortedPlanStages[j]!.i);
    gates.push({
      stageId: stage.id,
      nextStageId: sc.stages[j + 1]!.id,
      week: stage.weekEnd,
      measured,
      truth,
      decision: gateDecision(measured, criteria),
      trulyGood: isTrulyGood(truth, criteria),
      scored,
      positives,
      wouldBeChurners: wbc,
      stageCustomers: stage.customers,
    });
  }
  const cost = monthlyCost.reduce((a, b) => a + b, 0);
  const benefit = monthlyBenefit.reduce((a, b) => a + b, 0);
  return {
    trial,
    replicate,
    modelAuc,
    scoreNoiseSd: sc.scoreNoiseSd,
    customers: run.customers,
    baselineChurnRate: run.baselineChurned / run.customers,
    programmeChurnRate: run.programmeChurned / run.customers,
    retainedCustomers: retained,
    flaggedByTier: per(run.flagged),
    contactsByTier: per(run.contacts),
    savedByTier: per(run.saves),
    spendByTier: per(run.spendYuan),
    meanDelayDaysByTier: tiers.map((k) => ratio(run.delaySumDays[k]!, run.contacts[k]!)),
    within7DaysShareByTier: tiers.map((k) => ratio(run.contactsWithin7Days[k]!, run.contacts[k]!)),
    flaggedWithin7DaysShareByTier: tiers.map((k) => ratio(run.contactsWithin7Days[k]!, run.contacts[k]! + run.expired[k]! + run.lostBeforeContact[k]! + run.stillQueued[k]!)),
    lostBeforeContactByTier: per(run.lostBeforeContact),
    expiredByTier: per(run.expired),
    delayHistogramByTier: tiers.map((k) => Array.from(run.delayHistogram.subarray(k * 5, k * 5 + 5))),
    costYuan: cost,
    benefitYuan: benefit,
    retainedValueYuan: retained * ltv,
    roi: cost > 0 ? (benefit - cost) / cost : Number.NaN,
    paybackMonth: payback,
    monthlyCostYuan: monthlyCost,
    monthlyBenefitYuan: monthlyBenefit,
    monthlyCashFlowYuan: flow,
    cumulativeCashFlowYuan: cumulative,
    cumulativeRoi,
    stageIds: sc.stages.map((s) => s.id),
    stageSpendYuan: stageSpend,
    stageBudgetYuan: sc.stages.map((s) => s.budgetYuan),
    gates,
  };
}
