import type { DecayCurve } from "../../actions/decayFit";
import { rankTiers } from "../../plan/tiers";
import { saveRateAfterDelay } from "../../actions/saveRateAfterDelay";
import type { Plan } from "../../plan/index";
import { planDecayCurve } from "./rolloutPlanScenario";
import { contactDelayDays } from "../population/rolloutQueues";
import type { ProgrammeBasis } from "./programmeBasis";
import { evaluateProgramme, type ProgrammeEconomics, type ProgrammeFlows, programmeFlowsFor, programmeOutputs, type WeightedBasis } from "./programmeCash";
import type { ProgrammeModel } from "./programmeModel";

/** Index and weight of the grid interval holding x (clamped to the grid's ends). */
function bracket(grid: readonly number[], x: number): { lo: number; hi: number; w: number } {
  // Grids are ascending (buildProgrammeModel sorts them).
  const n = grid.length;
  if (n === 1 || x <= grid[0]!) return { lo: 0, hi: 0, w: 0 };
  if (x >= grid[n - 1]!) return { lo: n - 1, hi: n - 1, w: 0 };
  let k = 1;
  while (grid[k]! < x) k += 1;
  return { lo: k - 1, hi: k, w: (x - grid[k - 1]!) / (grid[k]! - grid[k - 1]!) };
}

/**
 * The grid points around (annual churn, model AUC) with their bilinear
 * weights (clamped to the grid; one point at a grid point), written into
 * `out` (reused: no allocation beyond the first call).
 *
 * @example
 * cornersAt(model, model.plan.benefits.churnBefore, model.settings.modelAuc) // [{ basis: model.bases[i], weight: 1 }]
 */
export function cornersAt(model: ProgrammeModel, churn: number, auc: number, out: WeightedBasis[] = []): WeightedBasis[] {
  const J = model.aucGrid.length;
  const c = bracket(model.churnGrid, churn);
  const a = bracket(model.aucGrid, auc);
  let n = 0;
  const add = (i: number, j: number, w: number): void => {
    if (!(w > 0)) return;
    const basis = model.bases[i * J + j]!;
    // Reuse the caller's corner objects: no allocation per evaluation in the Monte Carlo loop.
    if (n < out.length) {
      out[n]!.basis = basis;
      out[n]!.weight = w;
    } else out.push({ basis, weight: w });
    n += 1;
  };
  add(c.lo, a.lo, (1 - c.w) * (1 - a.w));
  if (a.hi !== a.lo) add(c.lo, a.hi, (1 - c.w) * a.w);
  if (c.hi !== c.lo) add(c.hi, a.lo, c.w * (1 - a.w));
  if (c.hi !== c.lo && a.hi !== a.lo) add(c.hi, a.hi, c.w * a.w);
  out.length = n;
  return out;
}

/**
 * The basis at (annual churn, model AUC): bilinear interpolation between the
 * model's grid points (clamped to the grid), exact at a grid point; the
 * channel statistics are those of the first corner.
 *
 * @example
 * blendBasis(model, model.plan.benefits.churnBefore, model.settings.modelAuc) === model.bases[0] // true for a one-point grid
 */
function blendBasis(model: ProgrammeModel, churn: number, auc: number): ProgrammeBasis {
  const corners = cornersAt(model, churn, auc);
  if (corners.length === 1) return corners[0]!.basis;
  const b = corners[0]!.basis;
  const mix = (pick: (x: ProgrammeBasis) => Float64Array): Float64Array => {
    const out = new Float64Array(pick(b).length);
    for (const { basis, weight } of corners) {
      const src = pick(basis);
      for (let i = 0; i < out.length; i += 1) out[i] = out[i]! + weight * src[i]!;
    }
    return out;
  };
  return { ...b, retained: mix((x) => x.retained), retainedFirstYear: mix((x) => x.retainedFirstYear), contactsByMonth: mix((x) => x.contactsByMonth) };
}

/** Values that may differ from the model's plan in one evaluation. */
export interface EvaluationValues {
  /** The plan with its (drawn) values; default the model's plan. */
  plan?: Plan;
  annualMarginYuan?: number;
  discountRate?: number;
  modelAuc?: number;
  /** The timing decay curve (default the plan's A/B test, planDecayCurve). */
  decay?: DecayCurve;
  /** Save rates replacing the plan's, by tier id (e.g. a pilot's measurement). */
  saveRates?: Record<string, number>;
}

/**
 * The economics of one evaluation from a plan's values: save probability
 * of a contact by tier and age (the tier's save rate × the decay curve's
 * share left at that contact's delay, `saveRateAfterDelay`), contact costs,
 * one-time, fixed and routine costs, margin, values and discount rate.
 * Routine spend: tiers that no stage intervenes on but that have a budget
 * per person (the plan's low tier: surveys, points) cost budget × share ×
 * customers in scope a year.
 *
 * @example
 * economicsFor(model, { discountRate: 0.08 }).referralYuan // 0.15 × 1.2 × 800 = 144
 */
export function economicsFor(model: ProgrammeModel, values: EvaluationValues = {}): ProgrammeEconomics {
  const plan = values.plan ?? model.plan;
  const ranked = rankTiers(plan);
  const K = ranked.length;
  const A = model.bases[0]!.ages;
  const curve = values.decay ?? planDecayCurve(plan);
  const saveProbability = new Float64Array((K + 1) * A);
  const contactCostYuan = new Float64Array(K + 1);
  const intervened = new Set(plan.rollout.flatMap((s) => s.interveneTiers));
  let routine = 0;
  for (const r of ranked) {
    const rate = values.saveRates?.[r.tier.id] ?? r.tier.saveRate;
    contactCostYuan[r.tierNumber] = r.tier.budgetYuanPerPerson;
    if (!intervened.has(r.tier.id)) routine += r.tier.budgetYuanPerPerson * r.tier.shareStated * plan.customers;
    for (let a = 0; a < A; a += 1) {
      const delay = contactDelayDays(a, model.settings.minContactDelayDays);
      saveProbability[r.tierNumber * A + a] = saveRateAfterDelay({ saveRate: rate }, delay, curve, plan.timing.bestWindowDays[0]);
    }
  }
  const b = plan.benefits;
  return {
    saveProbability,
    customerScale: plan.customers / model.plan.customers,
    contactCostYuan,
    oneTimeYuan: plan.costs.oneTime.reduce((s, l) => s + l.amountYuan, 0),
    setupFrom: model.setupFrom,
    setupTo: model.setupTo,
    fixedAnnualYuan: plan.costs.annual.filter((l) => l.tierId === undefined).reduce((s, l) => s + l.amountYuan, 0),
    routineAnnualYuan: routine,
    scopeByMonth: model.scopeByMonth,
    annualMarginYuan: values.annualMarginYuan ?? model.settings.annualMarginYuan,
    ltvYuan: b.ltvYuan,
    referralYuan: b.referralRate * b.referralsPerReferrer * b.newCustomerValueYuan,
    referralsPerRetained: b.referralRate * b.referralsPerReferrer,
    discountRate: values.discountRate ?? model.settings.discountRate,
  };
}

/** One evaluation of the programme model: outputs by name, the monthly flows and the first-year channel statistics. */
export interface ProgrammeEvaluation {
  outputs: Record<(typeof programmeOutputs)[number], number>;
  flows: ProgrammeFlows;
  basis: ProgrammeBasis;
  economics: ProgrammeEconomics;
}

/**
 * Evaluates the programme model at a plan's values (default the model's own
 * plan): the deterministic view of the programme.
 *
 * @example
 * evaluateProgrammeModel(model).outputs.cashRoi // the first-year cash ROI at base
 */
export function evaluateProgrammeModel(model: ProgrammeModel, values: EvaluationValues = {}): ProgrammeEvaluation {
  const plan = values.plan ?? model.plan;
  const auc = values.modelAuc ?? model.settings.modelAuc;
  const basis = blendBasis(model, plan.benefits.churnBefore, auc);
  const economics = economicsFor(model, values);
  const flows = programmeFlowsFor(basis);
  const out = new Float64Array(programmeOutputs.length);
  evaluateProgramme(cornersAt(model, plan.benefits.churnBefore, auc), economics, flows, out);
  const outputs = Object.fromEntries(programmeOutputs.map((name, i) => [name, out[i]!])) as ProgrammeEvaluation["outputs"];
  return { outputs, flows, basis, economics };
}
