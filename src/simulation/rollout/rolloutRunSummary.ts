import type { Plan } from "../../plan/index";
import { gateAuc } from "../population/gateAuc";
import { gateCriteriaFor, gateDecision, isTrulyGood, type GateDecision, type GateMeasurement } from "./rolloutGates";
import type { RolloutRun } from "../population/rolloutKernel";
import { evaluateProgrammeModel } from "../programme/programmeEvaluation";
import type { ProgrammeModel } from "../programme/programmeModel";
import { runCashFlows } from "./rolloutCashFlows";
import type { TrialParameters } from "./rolloutTrials";
import type { RolloutScenario } from "../population/rolloutScenario";

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
  /** First-year cost and lifetime-value benefit (kept customers × (LTV + referral value)), yuan. */
  costYuan: number;
  benefitYuan: number;
  /** Retained customers × lifetime value (the referral part is in benefitYuan), yuan. */
  retainedValueYuan: number;
  /** First-year lifetime-value ROI (the plan's valuation of a kept customer). */
  roi: number;
  /** First-year cash (margin on kept customer-weeks + referral value) and its ROI. */
  cashYear1Yuan: number;
  cashRoi: number;
  /** NPV over the horizon at the trial's discount rate, yuan, at the plan's full scale (the run's NPV / its scale; later years from the aggregate view). */
  npv: number;
  /** Month (fractional) when cumulative cash turns non-negative; Infinity if not within the horizon. */
  paybackMonth: number;
  /** The aggregate (programme model) view at this trial's parameters: the control variate of the customer-level figures. */
  aggregate: { roi: number; cashRoi: number; npv: number };
  monthlyCostYuan: number[];
  monthlyCashYuan: number[];
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
 * The first-year lifetime-value ROI a team projects at a gate: the
 * programme model at the plan's values with the pilot's measurements in
 * place of the plan's (the stage's tiers' save rate, the model's AUC,
 * clamped to the model's grid). NaN when a measurement is NaN.
 *
 * @example
 * projectedRoi(model, seedPlan, ["very-high", "high"], 0.5, 0.86) // the programme's LTV ROI with those tiers saving 50%
 */
export function projectedRoi(model: ProgrammeModel, plan: Plan, stageTiers: readonly string[], saveRate: number, auc: number): number {
  if (Number.isNaN(saveRate) || Number.isNaN(auc)) return Number.NaN;
  const saveRates = Object.fromEntries(stageTiers.map((id) => [id, saveRate]));
  return evaluateProgrammeModel(model, { plan, modelAuc: auc, saveRates }).outputs.roi;
}

/** The gates of a run: at the end of every stage that has a successor, what the team measures, the truth, and the decision. */
function gateOutcomes(run: RolloutRun, sc: RolloutScenario, params: TrialParameters, model: ProgrammeModel): GateOutcome[] {
  const plan = params.plan;
  const gates: GateOutcome[] = [];
  const snapN = run.snapshotChurnWeek.length;
  const sortedPlanStages = [...plan.rollout].map((s, i) => ({ s, i })).sort((a, b) => a.s.monthStart - b.s.monthStart);
  for (let j = 0; j + 1 < sc.stages.length; j += 1) {
    const stage = sc.stages[j]!;
    const { scores, labels, positives } = stageScores(run, sc, stage, snapN);
    const wbc = run.stageWouldBeChurners[j]!;
    const stageTiers = plan.rollout[sortedPlanStages[j]!.i]!.interveneTiers;
    const measuredSaveRate = ratio(run.stageSaves[j]!, wbc);
    const trueSaveRate = ratio(run.stageExpectedSaves[j]!, wbc);
    const measuredAuc = gateAuc(scores, labels);
    const measured: GateMeasurement = {
      auc: measuredAuc,
      saveRate: measuredSaveRate,
      projectedRoi: projectedRoi(model, plan, stageTiers, measuredSaveRate, measuredAuc),
    };
    const truth: GateMeasurement = {
      auc: params.modelAuc,
      saveRate: trueSaveRate,
      projectedRoi: projectedRoi(model, plan, stageTiers, trueSaveRate, params.modelAuc),
    };
    const criteria = gateCriteriaFor(plan, sortedPlanStages[j]!.i);
    gates.push({
      stageId: stage.id,
      nextStageId: sc.stages[j + 1]!.id,
      week: stage.weekEnd,
      measured,
      truth,
      decision: gateDecision(measured, criteria),
      trulyGood: isTrulyGood(truth, criteria),
      scored: scores.length,
      positives,
      wouldBeChurners: wbc,
      stageCustomers: stage.customers,
    });
  }
  return gates;
}

/** The stage's scores every 4 weeks against churn within the next 4 weeks, among its original customers (baseline outcomes, as on a holdout). */
function stageScores(
  run: RolloutRun,
  sc: RolloutScenario,
  stage: RolloutScenario["stages"][number],
  snapN: number,
): { scores: Float64Array; labels: Uint8Array; positives: number } {
  const limit = Math.min(snapN, stage.customers);
  const inStage = sc.snapshotWeeks.map((sw, q) => ({ sw, q })).filter(({ sw }) => sw >= stage.weekStart && sw + 4 <= stage.weekEnd);
  const scores = new Float64Array(limit * inStage.length);
  const labels = new Uint8Array(limit * inStage.length);
  let scored = 0;
  let positives = 0;
  for (const { sw, q } of inStage) {
    for (let i = 0; i < limit; i += 1) {
      const s = run.snapshotSignal[q * snapN + i]!;
      if (Number.isNaN(s)) continue;
      scores[scored] = s + sc.scoreNoiseSd * run.snapshotNoise[q * snapN + i]!;
      const cw = run.snapshotChurnWeek[i]!;
      const label = cw >= sw && cw < sw + 4 ? 1 : 0;
      labels[scored] = label;
      positives += label;
      scored += 1;
    }
  }
  return { scores: scores.subarray(0, scored), labels: labels.subarray(0, scored), positives };
}

/** The run's outputs by tier (tiers 1..K-1; tier 0, not flagged, is left out): counts, spend, delays, shares within 7 days, delay histograms. */
function tierOutputs(
  run: RolloutRun,
): Pick<
  RolloutRunSummary,
  | "flaggedByTier"
  | "contactsByTier"
  | "savedByTier"
  | "spendByTier"
  | "meanDelayDaysByTier"
  | "within7DaysShareByTier"
  | "flaggedWithin7DaysShareByTier"
  | "lostBeforeContactByTier"
  | "expiredByTier"
  | "delayHistogramByTier"
> {
  const tiers = Array.from({ length: run.tiers - 1 }, (_, j) => j + 1);
  const per = (a: Float64Array): number[] => tiers.map((k) => a[k]!);
  return {
    flaggedByTier: per(run.flagged),
    contactsByTier: per(run.contacts),
    savedByTier: per(run.saves),
    spendByTier: per(run.spendYuan),
    meanDelayDaysByTier: tiers.map((k) => ratio(run.delaySumDays[k]!, run.contacts[k]!)),
    within7DaysShareByTier: tiers.map((k) => ratio(run.contactsWithin7Days[k]!, run.contacts[k]!)),
    flaggedWithin7DaysShareByTier: tiers.map((k) =>
      ratio(run.contactsWithin7Days[k]!, run.contacts[k]! + run.expired[k]! + run.lostBeforeContact[k]! + run.stillQueued[k]!),
    ),
    lostBeforeContactByTier: per(run.lostBeforeContact),
    expiredByTier: per(run.expired),
    delayHistogramByTier: tiers.map((k) => Array.from(run.delayHistogram.subarray(k * 5, k * 5 + 5))),
  };
}

/** First-year spend of each stage: the months (of the first 12) whose starting week falls in the stage. */
function stageSpendOf(sc: RolloutScenario, months: number, costByMonth: readonly number[]): number[] {
  return sc.stages.map((s) => {
    let total = 0;
    for (let m = 0; m < Math.min(12, months); m += 1) {
      const week = Math.ceil((m * 52) / 12);
      if (week >= s.weekStart && week < s.weekEnd) total += costByMonth[m]!;
    }
    return total;
  });
}

/**
 * Turns a kernel run into its outputs: churn with and without the
 * programme, saves, contacts, delays and spend by tier, the money over the
 * horizon (`runCashFlows`: first-year cost and lifetime-value ROI, cash and
 * its ROI, NPV, payback from the cumulative cash flow), spend by stage, the
 * gates, and the aggregate view at the same parameters.
 *
 * At the gate closing stage s (every stage with a successor) the team
 * measures: the AUC of the stage's scores every 4 weeks against churn
 * within the next 4 weeks among the stage's customers (baseline outcomes, as
 * on a holdout); the save rate = saves / would-be churners among customers
 * contacted during the stage whose churn fell before the gate (observable
 * with a control group); and the first-year ROI projected from them by
 * {@link projectedRoi}. The truth uses the model's AUC, the expected save
 * rate (Σ save probabilities / would-be churners) and the ROI projected from
 * it. Criteria: gateCriteriaFor.
 *
 * @example
 * summarizeRolloutRun(run, scenario, params, model, 0, 0).gates[0].stageId // "mvp"
 */
export function summarizeRolloutRun(
  run: RolloutRun,
  sc: RolloutScenario,
  params: TrialParameters,
  model: ProgrammeModel,
  trial: number,
  replicate: number,
): RolloutRunSummary {
  const plan = params.plan;
  const b = plan.benefits;
  const referralYuan = b.referralRate * b.referralsPerReferrer * b.newCustomerValueYuan;
  const aggregate = evaluateProgrammeModel(model, {
    plan,
    modelAuc: params.modelAuc,
    annualMarginYuan: params.annualMarginYuan,
    discountRate: params.discountRate,
    decay: params.decay,
  });
  const money = {
    marginYuan: params.annualMarginYuan,
    referralYuan,
    valuePerSaveYuan: sc.valuePerSaveYuan,
    discountRate: params.discountRate,
    scale: run.customers / plan.customers,
  };
  const flows = runCashFlows(run, money, aggregate);
  const kept = run.retainedByWeek[Math.min(run.weeks, 52) - 1]!;
  return {
    trial,
    replicate,
    modelAuc: params.modelAuc,
    scoreNoiseSd: sc.scoreNoiseSd,
    customers: run.customers,
    baselineChurnRate: ratio(
      run.baselineChurnsByMonth.slice(0, 12).reduce((x, y) => x + y, 0),
      run.customers,
    ),
    programmeChurnRate: ratio(
      run.programmeChurnsByMonth.slice(0, 12).reduce((x, y) => x + y, 0),
      run.customers,
    ),
    retainedCustomers: kept,
    ...tierOutputs(run),
    costYuan: flows.costYear1,
    benefitYuan: kept * sc.valuePerSaveYuan,
    retainedValueYuan: kept * b.ltvYuan,
    roi: flows.roi,
    cashYear1Yuan: flows.cashYear1,
    cashRoi: flows.cashRoi,
    npv: flows.npv / money.scale,
    paybackMonth: flows.paybackMonth,
    aggregate: { roi: aggregate.outputs.roi, cashRoi: aggregate.outputs.cashRoi, npv: aggregate.outputs.npv },
    monthlyCostYuan: flows.costByMonth,
    monthlyCashYuan: flows.cashByMonth,
    monthlyCashFlowYuan: flows.cashByMonth.map((c, m) => c - flows.costByMonth[m]!),
    cumulativeCashFlowYuan: flows.cumulativeCashFlow,
    cumulativeRoi: flows.cumulativeRoi,
    stageIds: sc.stages.map((s) => s.id),
    stageSpendYuan: stageSpendOf(sc, run.months, flows.costByMonth),
    stageBudgetYuan: sc.stages.map((s) => s.budgetYuan),
    gates: gateOutcomes(run, sc, params, model),
  };
}
