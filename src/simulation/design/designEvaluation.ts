import { rankTiers } from "../../plan/tiers";
import { saveRateAfterDelay } from "../../actions/saveRateAfterDelay";
import type { Plan } from "../../plan/index";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { OUT, OUTPUTS } from "../montecarlo/planKernel";
import { contactDelayDays } from "../population/rolloutQueues";
import { compileProgrammeKernel } from "../programme/programmeKernel";
import type { ProgrammeModel } from "../programme/programmeModel";
import { planDecayCurve } from "../programme/rolloutPlanScenario";
import { gateCriteriaFor } from "../rollout/rolloutGates";
import type { DesignDraws } from "./designDraws";
import { channelSaveRate, type DesignAssumptions, type ProgrammeDesign, saveRateTerms } from "./programmeDesign";

/** Per-trial outputs of one design on a set of draws (trial order; money in yuan, ROI as fractions). */
export interface DesignRun {
  design: ProgrammeDesign;
  trials: number;
  /** NPV over the horizon (3 years by default), cash margin and referrals against every cost. */
  npv: Float64Array;
  /** First-year lifetime-value ROI (the plan's valuation: the MVP gate's "projected ROI"). */
  roi: Float64Array;
  cashRoi: Float64Array;
  /** First-year net cash: cash brought in year 1 − the year's cost. */
  cashNet: Float64Array;
  firstYearCost: Float64Array;
  /** Customers kept at the end of year 1. */
  retained: Float64Array;
  /** The save rate the MVP's tiers truly achieve on their would-be churners (delay included). */
  mvpSaveRate: Float64Array;
  /** 1 when the trial's true values meet the MVP gate's success criteria (AUC, save rate, projected ROI). */
  mvpPass: Uint8Array;
}

/** Changes one trial's slots in place before the design maps them (a reverse stress test's lever). */
export type RowTransform = (p: Float64Array) => void;

/** Slot index of a path, or a RangeError naming it. */
function slotOf(paths: readonly string[], path: string): number {
  const i = paths.indexOf(path);
  if (i < 0) throw new RangeError(`the programme kernel has no slot ${path}`);
  return i;
}

/** The MVP (first stage in time) of a plan and its success criteria. */
function mvpOf(plan: Plan): { tiers: string[]; criteria: ReturnType<typeof gateCriteriaFor> | undefined } {
  const first = plan.rollout.map((s, i) => ({ s, i })).sort((a, b) => a.s.monthStart - b.s.monthStart)[0]!;
  try {
    return { tiers: first.s.interveneTiers, criteria: gateCriteriaFor(plan, first.i) };
  } catch {
    return { tiers: first.s.interveneTiers, criteria: undefined };
  }
}

/** Weights of the MVP's would-be churners by tier and age (the base grid point's basis) and the decay factor of each age. */
function mvpWeights(model: ProgrammeModel, tierNumbers: readonly number[]): { weights: Float64Array; decay: Float64Array } {
  const J = model.aucGrid.length;
  const at = Math.max(0, model.churnGrid.indexOf(model.plan.benefits.churnBefore)) * J + Math.max(0, model.aucGrid.indexOf(model.settings.modelAuc));
  const basis = model.bases[at]!;
  const A = basis.ages;
  const weights = new Float64Array((basis.tiers + 1) * A);
  let total = 0;
  for (const k of tierNumbers) for (let a = 0; a < A; a += 1) total += basis.wouldBeChurnersByAge[k * A + a]!;
  if (total > 0) for (const k of tierNumbers) for (let a = 0; a < A; a += 1) weights[k * A + a] = basis.wouldBeChurnersByAge[k * A + a]! / total;
  const curve = planDecayCurve(model.plan);
  const decay = Float64Array.from({ length: A }, (_, a) =>
    saveRateAfterDelay({ saveRate: 1 }, contactDelayDays(a, model.settings.minContactDelayDays), curve, model.plan.timing.bestWindowDays[0]),
  );
  return { weights, decay };
}

/** Maps a trial's plan inputs (raw slots) to the design's (`p`): each tier's share, budget from its channel and save rate from `saveRateTerms`. */
function rowMapper(
  plan: Plan,
  design: ProgrammeDesign,
  model: ProgrammeModel,
  paths: readonly string[],
  f: number,
): { map: (raw: Float64Array, p: Float64Array) => void; rateSlots: number[] } {
  const terms = saveRateTerms(plan, design);
  const tierSlots = plan.tiers.map((_, i) => {
    const intervened = model.plan.tiers[i]!.budgetYuanPerPerson > 0 || model.plan.tiers[i]!.saveRate > 0;
    return {
      rate: slotOf(paths, `$.tiers[${i}].saveRate`),
      budget: slotOf(paths, `$.tiers[${i}].budgetYuanPerPerson`),
      share: slotOf(paths, `$.tiers[${i}].shareStated`),
      j: intervened ? terms[i]!.channelIndex : -1,
      shareValue: model.plan.tiers[i]!.shareStated,
    };
  });
  const mix = terms.map((x) => x.terms.map((term) => ({ ...term, rate: tierSlots[term.tierIndex]!.rate })));
  const map = (raw: Float64Array, p: Float64Array): void => {
    p.set(raw);
    for (let t = 0; t < tierSlots.length; t += 1) {
      const s = tierSlots[t]!;
      p[s.share] = s.shareValue;
      if (s.j < 0) {
        p[s.rate] = 0;
        p[s.budget] = 0;
        continue;
      }
      const channelRate = raw[tierSlots[s.j]!.rate]!;
      let rate = 0;
      for (const term of mix[t]!) rate += term.weight * channelSaveRate(channelRate, raw[term.rate]!, term.relation, f);
      p[s.rate] = rate;
      p[s.budget] = raw[tierSlots[s.j]!.budget]!;
    }
  };
  return { map, rateSlots: tierSlots.map((x) => x.rate) };
}

/** The MVP gate's truth of one trial: the MVP tiers' save rate on their would-be churners, and whether AUC, save rate and ROI clear the lines. */
function mvpGate(
  model: ProgrammeModel,
  paths: readonly string[],
  rateSlots: readonly number[],
): (raw: Float64Array, p: Float64Array, roi: number) => { save: number; pass: boolean } {
  const aucSlot = slotOf(paths, "$.simulation.modelAuc");
  const mvp = mvpOf(model.plan);
  const ranked = rankTiers(model.plan);
  const numbers = mvp.tiers.map((id) => ranked.find((r) => r.tier.id === id)!.tierNumber);
  const slots = numbers.map((k) => rateSlots[model.plan.tiers.indexOf(ranked[k - 1]!.tier)]!);
  const { weights, decay } = mvpWeights(model, numbers);
  const A = decay.length;
  const c = mvp.criteria;
  return (raw, p, roi) => {
    let save = 0;
    numbers.forEach((k, j) => {
      const rate = p[slots[j]!]!;
      for (let a = 0; a < A; a += 1) save += weights[k * A + a]! * Math.min(1, rate * decay[a]!);
    });
    if (numbers.length === 0) save = Number.NaN;
    return { save, pass: c !== undefined && raw[aucSlot]! > c.aucMin && save > c.saveRateMin && roi > c.roiMin };
  };
}

/**
 * Evaluates a design's programme model on every trial of a set of draws:
 * each row's plan inputs are (optionally changed by `transform`, then)
 * mapped to the design (each tier's budget from its channel and its save
 * rate from the channel on the plan's tiers its band covers, `saveRateTerms`,
 * with the trial's drawn rates; the tier shares of its cut-offs), and the programme kernel (`compileProgrammeKernel`) gives the
 * outputs. The MVP gate's truth per trial: the drawn model AUC above the
 * gate's line, the save rate of the MVP's tiers on their would-be churners
 * (weighted by the basis's would-be churners per tier and wait, the plan's
 * A/B decay at each wait) above its line, and the first-year lifetime-value
 * ROI above its line.
 *
 * @throws RangeError when the model's kernel layout differs from the draws'.
 * @example
 * runDesign(plan, design, model, draws, defaultDesignAssumptions).npv.length // draws.trials
 */
export function runDesign(
  plan: UncertainPlan,
  design: ProgrammeDesign,
  model: ProgrammeModel,
  draws: DesignDraws,
  assumptions: DesignAssumptions,
  transform?: RowTransform,
): DesignRun {
  const kernel = compileProgrammeKernel(model.plan, { ...plan.assumptions, programme: model.settings }, model);
  const paths = kernel.slotPaths;
  if (paths.length !== draws.slots || paths.some((p, i) => p !== draws.slotPaths[i]))
    throw new RangeError("the design's kernel layout differs from the draws' (a different plan?)");
  const { map, rateSlots } = rowMapper(plan.base, design, model, paths, assumptions.crossChannelFactor);
  const gate = mvpGate(model, paths, rateSlots);
  const n = draws.trials;
  const series = (): Float64Array => new Float64Array(n);
  const run: DesignRun = {
    design,
    trials: n,
    npv: series(),
    roi: series(),
    cashRoi: series(),
    cashNet: series(),
    firstYearCost: series(),
    retained: series(),
    mvpSaveRate: series(),
    mvpPass: new Uint8Array(n),
  };
  const raw = new Float64Array(draws.slots);
  const p = new Float64Array(draws.slots);
  const out = new Float64Array(OUTPUTS);
  for (let i = 0; i < n; i += 1) {
    raw.set(draws.rows.subarray(i * draws.slots, (i + 1) * draws.slots));
    transform?.(raw);
    map(raw, p);
    kernel.evaluate(p, out);
    run.npv[i] = out[OUT.npv]!;
    run.roi[i] = out[OUT.roi]!;
    run.cashRoi[i] = out[OUT.cashRoi]!;
    run.cashNet[i] = out[OUT.cashYear1]! - out[OUT.firstYearCost]!;
    run.firstYearCost[i] = out[OUT.firstYearCost]!;
    run.retained[i] = out[OUT.retainedCustomers]!;
    const g = gate(raw, p, out[OUT.roi]!);
    run.mvpSaveRate[i] = g.save;
    run.mvpPass[i] = g.pass ? 1 : 0;
  }
  return run;
}
