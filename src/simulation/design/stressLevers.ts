import type { UncertainPlan } from "../inputs/uncertainPlan";

/** The inputs a reverse stress test moves, one at a time. */
export const stressLeverIds = ["saveRate", "modelAuc", "annualMargin", "ltv", "churnBefore", "oneTimeCost", "contactCost"] as const;
/** One lever's id. */
export type StressLeverId = (typeof stressLeverIds)[number];

/** One input a reverse stress test fixes at a value (the other inputs keep their distributions). */
export interface StressLever {
  id: StressLeverId;
  label: string;
  /** "multiplier": × the plan's values (1 = as planned); "fraction", "auc", "yuan": the input's own value. */
  unit: "multiplier" | "fraction" | "auc" | "yuan";
  /** The plan's base value in the lever's unit. */
  base: number;
  /** Range searched. */
  lo: number;
  hi: number;
  /** True when a higher value helps the programme (save rate, AUC, margin, lifetime value, churn); false for costs. */
  increasing: boolean;
  /** Fixes the lever at v in one trial's slots (in place). */
  apply: (p: Float64Array, v: number) => void;
}

/** Slot indices of paths matching a pattern. */
function slotsMatching(paths: readonly string[], pattern: RegExp): number[] {
  return paths.flatMap((p, i) => (pattern.test(p) ? [i] : []));
}

/**
 * The levers of a reverse stress test on a plan's kernel slots: every
 * tier's save rate scaled together (capped at 1), the model's AUC, the
 * annual cash margin of a kept customer, the lifetime value, the annual
 * churn, every one-time cost scaled, every contact's cost scaled. AUC and
 * churn ranges stay inside `aucRange` and `churnRange` (the flows are
 * measured there).
 *
 * @throws RangeError when a slot the levers need is missing.
 * @example
 * stressLevers(plan, draws.slotPaths, [0.75, 0.95], [0.12, 0.24]).map((l) => l.id) // ["saveRate", "modelAuc", ...]
 */
export function stressLevers(plan: UncertainPlan, slotPaths: readonly string[], aucRange: [number, number], churnRange: [number, number]): StressLever[] {
  const one = (path: string): number => {
    const i = slotPaths.indexOf(path);
    if (i < 0) throw new RangeError(`the kernel has no slot ${path}`);
    return i;
  };
  const rates = slotsMatching(slotPaths, /^\$\.tiers\[\d+\]\.saveRate$/);
  const budgets = slotsMatching(slotPaths, /^\$\.tiers\[\d+\]\.budgetYuanPerPerson$/);
  const oneTime = slotsMatching(slotPaths, /^\$\.costs\.oneTime\[\d+\]\.amountYuan$/);
  const auc = one("$.simulation.modelAuc");
  const margin = one("$.simulation.annualMarginYuan");
  const ltv = one("$.benefits.ltvYuan");
  const churn = one("$.benefits.churnBefore");
  const b = plan.base;
  const s = plan.assumptions.programme;
  return [
    { id: "saveRate", label: "save rates (every tier, × the plan's)", unit: "multiplier", base: 1, lo: 0, hi: 3, increasing: true, apply: (p, v) => rates.forEach((i) => (p[i] = Math.min(1, p[i]! * v))) },
    { id: "modelAuc", label: "model AUC", unit: "auc", base: s.modelAuc, lo: aucRange[0], hi: aucRange[1], increasing: true, apply: (p, v) => void (p[auc] = v) },
    { id: "annualMargin", label: "cash margin of a kept customer a year", unit: "yuan", base: s.annualMarginYuan, lo: 0, hi: 10_000, increasing: true, apply: (p, v) => void (p[margin] = v) },
    { id: "ltv", label: "lifetime value of a kept customer", unit: "yuan", base: b.benefits.ltvYuan, lo: 0, hi: 100_000, increasing: true, apply: (p, v) => void (p[ltv] = v) },
    { id: "churnBefore", label: "annual churn without the programme", unit: "fraction", base: b.benefits.churnBefore, lo: churnRange[0], hi: churnRange[1], increasing: true, apply: (p, v) => void (p[churn] = v) },
    { id: "oneTimeCost", label: "one-time costs (× the plan's)", unit: "multiplier", base: 1, lo: 0, hi: 5, increasing: false, apply: (p, v) => oneTime.forEach((i) => (p[i] = p[i]! * v)) },
    { id: "contactCost", label: "cost of every contact (× the plan's)", unit: "multiplier", base: 1, lo: 0, hi: 5, increasing: false, apply: (p, v) => budgets.forEach((i) => (p[i] = p[i]! * v)) },
  ];
}

/** Where a probability reaches its target along a lever. */
export interface ThresholdSolution {
  /** The lever value at which the probability reaches the target; undefined when it does not within the range. */
  value: number | undefined;
  /** "inside": found in the range; "always": already met at the range's least favourable end; "never": not met at its most favourable end. */
  status: "inside" | "always" | "never";
}

/**
 * The lever value at which a probability that rises (or, with `increasing`
 * false, falls) with the lever first reaches `target`: bisection on [lo, hi]
 * to `tolerance` (the probability may be a step function, as a share of
 * trials is). Returns the favourable end of the last bracket.
 *
 * @throws RangeError when lo >= hi or the tolerance is not positive.
 * @example
 * solveThreshold((v) => v, 0, 1, 0.8, true, 1e-9).value // 0.8
 */
export function solveThreshold(probabilityAt: (v: number) => number, lo: number, hi: number, target: number, increasing: boolean, tolerance: number): ThresholdSolution {
  if (!(lo < hi)) throw new RangeError(`need lo < hi, got ${lo} and ${hi}`);
  if (!(tolerance > 0)) throw new RangeError(`tolerance must be > 0, got ${tolerance}`);
  const [worst, best] = increasing ? [lo, hi] : [hi, lo];
  if (probabilityAt(worst) >= target) return { value: undefined, status: "always" };
  if (probabilityAt(best) < target) return { value: undefined, status: "never" };
  let bad = worst;
  let good = best;
  while (Math.abs(good - bad) > tolerance) {
    const mid = (bad + good) / 2;
    if (probabilityAt(mid) >= target) good = mid;
    else bad = mid;
  }
  return { value: good, status: "inside" };
}
