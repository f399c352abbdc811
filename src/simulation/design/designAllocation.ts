import { rankTiers } from "../../plan/tiers";
import { saveRateAfterDelay } from "../../actions/saveRateAfterDelay";
import { contactDelayDays } from "../population/rolloutQueues";
import type { ProgrammeModel } from "../programme/programmeModel";
import { planDecayCurve, valuePerSaveYuan } from "../programme/rolloutPlanScenario";
import type { TargetingRule } from "./programmeDesign";

/** One contacted tier as a targeting rule sees it (at the plan's full scale, base values). */
export interface TierCell {
  tierId: string;
  tierNumber: number;
  /** Customers flagged into the tier per week when every flag is served (steady state, full scope). */
  flowPerWeek: number;
  /** Cost of one contact on the tier's channel, yuan. */
  costYuan: number;
  /** Expected saves per contact: the share of contacts who would have churned within the protection × the save probability at their wait. */
  savesPerContact: number;
  /** Expected value of one contact, yuan: saves per contact × the value of a save. */
  valuePerContactYuan: number;
}

/**
 * The cells a targeting rule ranks, from a design's programme model with
 * unlimited capacity (every flag served): per contacted tier, its steady
 * flow of flags per week (contacts in the months at full scope), cost,
 * saves per contact and value per contact. The value of a save is the
 * objective's: "npv" / "cash": the cash margin over the weeks a save keeps
 * the customer (from the basis) plus the referral value; "ltv": the plan's
 * lifetime value plus referrals.
 *
 * @example
 * tierCells(unlimitedModel, "npv").map((c) => c.tierId) // ["very-high", "high", "medium"]
 */
export function tierCells(model: ProgrammeModel, value: "npv" | "cash" | "ltv" = "npv"): TierCell[] {
  const basis = model.bases[0]!;
  const { ages: A, months: M, horizonWeeks: H } = basis;
  const plan = model.plan;
  const curve = planDecayCurve(plan);
  const b = plan.benefits;
  const referral = b.referralRate * b.referralsPerReferrer * b.newCustomerValueYuan;
  const fullMonths: number[] = [];
  for (let m = 0; m < M; m += 1) if (model.scopeByMonth[m]! >= 1 - 1e-12) fullMonths.push(m);
  const intervened = new Set(plan.rollout.flatMap((s) => s.interveneTiers));
  const cells: TierCell[] = [];
  for (const r of rankTiers(plan)) {
    const k = r.tierNumber;
    if (!intervened.has(r.tier.id)) continue;
    let contacts = 0;
    for (const m of fullMonths) contacts += basis.contactsByMonth[k * M + m]!;
    const flowPerWeek = fullMonths.length > 0 ? (contacts / fullMonths.length) * (12 / 52) : 0;
    let all = 0;
    let saves = 0;
    let keptWeeks = 0;
    let churners = 0;
    for (let a = 0; a < A; a += 1) {
      const s = saveRateAfterDelay(r.tier, contactDelayDays(a, model.settings.minContactDelayDays), curve, plan.timing.bestWindowDays[0]);
      all += basis.contactsByAge[k * A + a]!;
      saves += basis.wouldBeChurnersByAge[k * A + a]! * s;
      churners += basis.wouldBeChurnersByAge[k * A + a]!;
      for (let w = 0; w < H; w += 1) keptWeeks += basis.retained[(k * A + a) * H + w]!;
    }
    const perSave = value === "ltv" ? valuePerSaveYuan(plan) : (churners > 0 ? keptWeeks / churners : 0) * (model.settings.annualMarginYuan / 52) + referral;
    const savesPerContact = all > 0 ? saves / all : 0;
    cells.push({
      tierId: r.tier.id,
      tierNumber: k,
      flowPerWeek,
      costYuan: r.tier.budgetYuanPerPerson,
      savesPerContact,
      valuePerContactYuan: savesPerContact * perSave,
    });
  }
  return cells;
}

/** The rule's ranking key of a cell (higher first) and whether the rule contacts it at all. */
function ruleKey(rule: TargetingRule, c: TierCell): { key: number; eligible: boolean } {
  const net = c.valuePerContactYuan - c.costYuan;
  switch (rule) {
    case "risk":
      return { key: -c.tierNumber, eligible: true };
    case "uplift":
      return { key: c.savesPerContact, eligible: c.savesPerContact > 0 };
    case "value":
      return { key: net, eligible: net > 0 };
    case "value-per-yuan":
      return { key: c.costYuan > 0 ? c.valuePerContactYuan / c.costYuan : Number.POSITIVE_INFINITY, eligible: net > 0 };
  }
}

/**
 * Splits a weekly contact budget across tiers by a targeting rule: cells in
 * the rule's order ("risk": riskiest tier first, the plan's rule; "uplift":
 * most saves per contact first; "value": highest expected net value per
 * contact first; "value-per-yuan": highest value per yuan first, the
 * fractional-knapsack order that maximizes the value a budget buys, Dantzig
 * 1957), each served up to its flow while the budget lasts (the last one
 * partly). Value rules never contact a cell whose value does not cover its
 * cost. Returns contacts per week per tier id (0 for cells left out).
 *
 * @throws RangeError when the budget is negative or NaN.
 * @example
 * allocateBudget([{ tierId: "a", tierNumber: 1, flowPerWeek: 10, costYuan: 800, savesPerContact: 0.2, valuePerContactYuan: 900 },
 *   { tierId: "b", tierNumber: 2, flowPerWeek: 100, costYuan: 50, savesPerContact: 0.1, valuePerContactYuan: 100 }], "value-per-yuan", 6000)
 * // { a: 1.25, b: 100 } (b first: 2 yuan of value per yuan against 1.125)
 */
export function allocateBudget(cells: readonly TierCell[], rule: TargetingRule, weeklyBudgetYuan: number): Record<string, number> {
  if (!(weeklyBudgetYuan >= 0)) throw new RangeError(`the weekly budget must be >= 0 yuan, got ${weeklyBudgetYuan}`);
  const ranked = cells.map((c) => ({ c, ...ruleKey(rule, c) })).sort((x, y) => y.key - x.key || x.c.tierNumber - y.c.tierNumber);
  const out: Record<string, number> = Object.fromEntries(cells.map((c) => [c.tierId, 0]));
  let left = weeklyBudgetYuan;
  for (const { c, eligible } of ranked) {
    if (!eligible || c.flowPerWeek <= 0) continue;
    const take = c.costYuan > 0 ? Math.min(c.flowPerWeek, left / c.costYuan) : c.flowPerWeek;
    if (take <= 0) continue;
    out[c.tierId] = take;
    left -= take * c.costYuan;
  }
  return out;
}

/**
 * The value a split buys: Σ contacts × value per contact − contacts × cost, per week (yuan).
 *
 * @example
 * allocationValue(cells, { a: 1.25, b: 100 }) // 1.25 × (900 − 800) + 100 × (100 − 50) = 5125
 */
export function allocationValue(cells: readonly TierCell[], capacity: Readonly<Record<string, number>>): number {
  return cells.reduce((s, c) => s + (capacity[c.tierId] ?? 0) * (c.valuePerContactYuan - c.costYuan), 0);
}
