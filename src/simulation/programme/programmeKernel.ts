import { isotonicRegression } from "../../models/isotonicRegression";
import { pchipInterpolant } from "../../actions/pchip";
import { rankTiers } from "../../plan/tiers";
import { jsonPath, type Plan } from "../../plan/index";
import type { PlanKernel } from "../montecarlo/planKernel";
import { contactDelayDays } from "../population/rolloutQueues";
import type { SimulationAssumptions } from "../inputs/uncertainPlan";
import { evaluateProgramme, type ProgrammeEconomics, programmeFlowsFor } from "./programmeCash";
import { cornersAt, economicsFor } from "./programmeEvaluation";
import type { WeightedBasis } from "./programmeCash";
import type { ProgrammeModel } from "./programmeModel";

/** Slot indices of the numbers the programme kernel reads. */
interface Slots {
  customers: number;
  churnBefore: number;
  ltv: number;
  referralRate: number;
  perReferrer: number;
  newValue: number;
  oneTime: Int32Array;
  annualFixed: Int32Array;
  share: Int32Array;
  budget: Int32Array;
  saveRate: Int32Array;
  abDelay: Int32Array;
  abSave: Int32Array;
  reference: number;
  discount: number;
  margin: number;
  auc: number;
}

/** Lays out one slot per number of the plan the programme can read, named by JSON path. */
function layout(plan: Plan, assumptions: SimulationAssumptions): { slots: Slots; paths: string[]; values: number[]; unread: Int32Array } {
  const paths: string[] = [];
  const values: number[] = [];
  const slot = (path: ReadonlyArray<PropertyKey>, value: number): number => {
    paths.push(jsonPath(path));
    values.push(value);
    return paths.length - 1;
  };
  const b = plan.benefits;
  const slots: Slots = {
    customers: slot(["customers"], plan.customers),
    churnBefore: slot(["benefits", "churnBefore"], b.churnBefore),
    ltv: slot(["benefits", "ltvYuan"], b.ltvYuan),
    referralRate: slot(["benefits", "referralRate"], b.referralRate),
    perReferrer: slot(["benefits", "referralsPerReferrer"], b.referralsPerReferrer),
    newValue: slot(["benefits", "newCustomerValueYuan"], b.newCustomerValueYuan),
    oneTime: Int32Array.from(plan.costs.oneTime.map((l, i) => slot(["costs", "oneTime", i, "amountYuan"], l.amountYuan))),
    annualFixed: Int32Array.from(
      plan.costs.annual.flatMap((l, i) => (l.tierId === undefined ? [slot(["costs", "annual", i, "amountYuan"], l.amountYuan)] : [])),
    ),
    share: Int32Array.from(plan.tiers.map((t, i) => slot(["tiers", i, "shareStated"], t.shareStated))),
    budget: Int32Array.from(plan.tiers.map((t, i) => slot(["tiers", i, "budgetYuanPerPerson"], t.budgetYuanPerPerson))),
    saveRate: Int32Array.from(plan.tiers.map((t, i) => slot(["tiers", i, "saveRate"], t.saveRate))),
    abDelay: Int32Array.from(plan.timing.abTest.map((x, i) => slot(["timing", "abTest", i, "delayDays"], x.delayDays))),
    abSave: Int32Array.from(plan.timing.abTest.map((x, i) => slot(["timing", "abTest", i, "saveRate"], x.saveRate))),
    reference: slot(["timing", "bestWindowDays", 0], plan.timing.bestWindowDays[0]),
    discount: slot(["simulation", "discountRate"], assumptions.discountRate),
    margin: slot(["simulation", "annualMarginYuan"], assumptions.programme.annualMarginYuan),
    auc: slot(["simulation", "modelAuc"], assumptions.programme.modelAuc),
  };
  // Numbers the programme does not read: the stated tier cost lines and results (its costs are per contact), churnAfter (an outcome here).
  const unread = Int32Array.from([
    ...plan.costs.annual.flatMap((l, i) => (l.tierId !== undefined ? [slot(["costs", "annual", i, "amountYuan"], l.amountYuan)] : [])),
    slot(["benefits", "churnAfter"], b.churnAfter),
  ]);
  return { slots, paths, values, unread };
}

/** The last decay curve built and the A/B values it was built from. */
interface DecayMemo {
  key: Float64Array;
  curve: (d: number) => number;
}

/** The decay curve of a trial's A/B points (sorted by delay, pooled to non-increasing, PCHIP); the last one is reused while the points do not change. */
function decayOf(p: Float64Array, s: Slots, memo: DecayMemo): (d: number) => number {
  const n = s.abDelay.length;
  if (n === 0) return () => 1;
  let same = true;
  for (let j = 0; j < n; j += 1) {
    if (memo.key[2 * j] !== p[s.abDelay[j]!] || memo.key[2 * j + 1] !== p[s.abSave[j]!]) same = false;
    memo.key[2 * j] = p[s.abDelay[j]!]!;
    memo.key[2 * j + 1] = p[s.abSave[j]!]!;
  }
  if (same) return memo.curve;
  const order = Array.from({ length: n }, (_, j) => j).sort((x, y) => p[s.abDelay[x]!]! - p[s.abDelay[y]!]!);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const j of order) {
    const d = p[s.abDelay[j]!]!;
    if (xs.length > 0 && d <= xs[xs.length - 1]!) continue;
    xs.push(d);
    ys.push(p[s.abSave[j]!]!);
  }
  memo.curve = pchipInterpolant(
    xs,
    isotonicRegression(
      ys,
      ys.map(() => 1),
      "decreasing",
    ),
  );
  return memo.curve;
}

/**
 * Compiles the programme model into a flat kernel for the Monte Carlo
 * engine: every number it reads sits in one slot named by its JSON path
 * (tiers' save rates and budgets, the A/B test, costs, values, churn before,
 * the model's AUC, margin, discount rate), and `evaluate` blends the model's
 * basis at the trial's (churn, AUC), builds the trial's save probabilities
 * (save rate × the decay curve through the trial's A/B points) and writes
 * the outputs in `kernelOutputs` order. At base it gives exactly
 * `evaluateProgrammeModel(model)`.
 *
 * @example
 * const k = compileProgrammeKernel(seedPlan, assumptions, model); k.evaluate(k.base, out); out[OUT.cashRoi] // the first-year cash ROI at base
 */
export function compileProgrammeKernel(plan: Plan, assumptions: SimulationAssumptions, model: ProgrammeModel): PlanKernel {
  const { slots: s, paths, values, unread } = layout(plan, assumptions);
  const reads = new Uint8Array(paths.length).fill(1);
  for (const u of unread) reads[u] = 0;
  const ranked = rankTiers(plan);
  const tierIndex = Int32Array.from(ranked.map((r) => plan.tiers.indexOf(r.tier)));
  const template = economicsFor(model);
  const A = model.bases[0]!.ages;
  const K = ranked.length;
  const intervened = Uint8Array.from(ranked.map((r) => (plan.rollout.some((st) => st.interveneTiers.includes(r.tier.id)) ? 1 : 0)));
  const delays = Float64Array.from({ length: A }, (_, a) => contactDelayDays(a, model.settings.minContactDelayDays));
  const corners: WeightedBasis[] = [];
  const memo: DecayMemo = { key: new Float64Array(2 * s.abDelay.length).fill(Number.NaN), curve: () => 1 };
  const e: ProgrammeEconomics = { ...template, saveProbability: new Float64Array(template.saveProbability.length), contactCostYuan: new Float64Array(K + 1) };
  const flows = programmeFlowsFor(model.bases[0]!);
  const evaluate = (p: Float64Array, out: Float64Array): void => {
    cornersAt(model, p[s.churnBefore]!, p[s.auc]!, corners);
    const curve = decayOf(p, s, memo);
    const ref = curve(p[s.reference]!);
    let routine = 0;
    const n = p[s.customers]!;
    for (let r = 0; r < K; r += 1) {
      const i = tierIndex[r]!;
      const k = r + 1;
      e.contactCostYuan[k] = p[s.budget[i]!]!;
      if (intervened[r] === 0) routine += p[s.budget[i]!]! * p[s.share[i]!]! * n;
      for (let a = 0; a < A; a += 1) e.saveProbability[k * A + a] = ref > 0 ? Math.min(1, Math.max(0, (p[s.saveRate[i]!]! * curve(delays[a]!)) / ref)) : 0;
    }
    let oneTime = 0;
    for (const j of s.oneTime) oneTime += p[j]!;
    let fixed = 0;
    for (const j of s.annualFixed) fixed += p[j]!;
    e.customerScale = n / model.plan.customers;
    e.oneTimeYuan = oneTime;
    e.fixedAnnualYuan = fixed;
    e.routineAnnualYuan = routine;
    e.annualMarginYuan = p[s.margin]!;
    e.ltvYuan = p[s.ltv]!;
    e.referralsPerRetained = p[s.referralRate]! * p[s.perReferrer]!;
    e.referralYuan = e.referralsPerRetained * p[s.newValue]!;
    e.discountRate = p[s.discount]!;
    evaluateProgramme(corners, e, flows, out, false);
  };
  const index = new Map(paths.map((path, i) => [path, i]));
  return { slotPaths: paths, base: Float64Array.from(values), slotOf: (path) => index.get(path) ?? -1, reads, evaluate };
}
