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
  const one = (path: string): number[] => {
    const i = slotPaths.indexOf(path);
    if (i < 0) throw new RangeError(`the kernel has no slot ${path}`);
    return [i];
  };
  // A lever that sets its slots to v, or (a multiplier) scales them by v.
  const set = (slots: number[]) => (p: Float64Array, v: number) =>
    slots.forEach((i) => {
      p[i] = v;
    });
  const scale =
    (slots: number[], cap = Number.POSITIVE_INFINITY) =>
    (p: Float64Array, v: number) =>
      slots.forEach((i) => {
        p[i] = Math.min(cap, p[i]! * v);
      });
  const b = plan.base;
  const s = plan.assumptions.programme;
  const lever = (
    id: StressLeverId,
    label: string,
    unit: StressLever["unit"],
    base: number,
    range: [number, number],
    increasing: boolean,
    apply: StressLever["apply"],
  ): StressLever => ({
    id,
    label,
    unit,
    base,
    lo: range[0],
    hi: range[1],
    increasing,
    apply,
  });
  return [
    lever(
      "saveRate",
      "save rates (every tier, × the plan's)",
      "multiplier",
      1,
      [0, 3],
      true,
      scale(slotsMatching(slotPaths, /^\$\.tiers\[\d+\]\.saveRate$/), 1),
    ),
    lever("modelAuc", "model AUC", "auc", s.modelAuc, aucRange, true, set(one("$.simulation.modelAuc"))),
    lever("annualMargin", "cash margin of a kept customer a year", "yuan", s.annualMarginYuan, [0, 10_000], true, set(one("$.simulation.annualMarginYuan"))),
    lever("ltv", "lifetime value of a kept customer", "yuan", b.benefits.ltvYuan, [0, 100_000], true, set(one("$.benefits.ltvYuan"))),
    lever("churnBefore", "annual churn without the programme", "fraction", b.benefits.churnBefore, churnRange, true, set(one("$.benefits.churnBefore"))),
    lever(
      "oneTimeCost",
      "one-time costs (× the plan's)",
      "multiplier",
      1,
      [0, 5],
      false,
      scale(slotsMatching(slotPaths, /^\$\.costs\.oneTime\[\d+\]\.amountYuan$/)),
    ),
    lever(
      "contactCost",
      "cost of every contact (× the plan's)",
      "multiplier",
      1,
      [0, 5],
      false,
      scale(slotsMatching(slotPaths, /^\$\.tiers\[\d+\]\.budgetYuanPerPerson$/)),
    ),
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
export function solveThreshold(
  probabilityAt: (v: number) => number,
  lo: number,
  hi: number,
  target: number,
  increasing: boolean,
  tolerance: number,
): ThresholdSolution {
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
