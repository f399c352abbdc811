import { asStated } from "./asStated";
import type { PlanFigures } from "./PlanFigures";
import { recomputed } from "./recomputed";
import { rolloutCoverage } from "./rolloutCoverage";
import type { Plan } from "./schema";
import { tierCount } from "./tierCounts";

/** One cost line in both views, yuan. */
export interface CostBreakdownLine {
  id: string;
  label: string;
  labelZh?: string;
  /** "oneTime" set-up cost, "annual" running cost, "tier" annual interventions of one tier. */
  kind: "oneTime" | "annual" | "tier";
  /** For tier lines: the tier id and its risk rank (1 = highest band). */
  tierId?: string;
  tierRank?: number;
  /** Amount as the plan states it (0 for a budgeted tier with no cost line), yuan. */
  statedYuan: number;
  /** Amount derived from the drivers (tier lines: customers × share × budget), yuan. */
  recomputedYuan: number;
}

/**
 * Every cost line of a plan in both views: one-time lines, fixed annual
 * lines, then one line per tier with a budget or a cost line (stated amount
 * vs customers × share × budget per person). Sums equal `asStated` and
 * `recomputed` one-time + annual costs.
 *
 * @example
 * costBreakdown(seedPlan).find((l) => l.tierId === "low") // { statedYuan: 0, recomputedYuan: 1540000, tierRank: 4, ... }
 */
export function costBreakdown(plan: Plan): CostBreakdownLine[] {
  const lines: CostBreakdownLine[] = [];
  const withZh = (line: CostBreakdownLine, zh: string | undefined): CostBreakdownLine => (zh === undefined ? line : { ...line, labelZh: zh });
  for (const c of plan.costs.oneTime)
    lines.push(withZh({ id: c.id, label: c.label, kind: "oneTime", statedYuan: c.amountYuan, recomputedYuan: c.amountYuan }, c.labelZh));
  for (const c of plan.costs.annual) {
    if (c.tierId === undefined)
      lines.push(withZh({ id: c.id, label: c.label, kind: "annual", statedYuan: c.amountYuan, recomputedYuan: c.amountYuan }, c.labelZh));
  }
  const ranked = [...plan.tiers].sort((a, b) => b.probabilityMin - a.probabilityMin);
  ranked.forEach((tier, i) => {
    const stated = plan.costs.annual.filter((c) => c.tierId === tier.id).reduce((s, c) => s + c.amountYuan, 0);
    const derived = tierCount(plan.customers, tier) * tier.budgetYuanPerPerson;
    if (stated === 0 && derived === 0) return;
    lines.push(
      withZh(
        { id: `tier-${tier.id}`, label: tier.name, kind: "tier", tierId: tier.id, tierRank: i + 1, statedYuan: stated, recomputedYuan: derived },
        tier.nameZh,
      ),
    );
  });
  return lines;
}

/** Everything the plan's charts and tables show, computed once from a plan. */
export interface PlanSummary {
  name: string;
  asStated: PlanFigures;
  recomputed: PlanFigures;
  costLines: CostBreakdownLine[];
  /** ROI as the plan writes it (3.59). */
  roiStated: number;
  /** Share of first-year customer-months the rollout reaches, 0..1. */
  rolloutCoverage: number;
  /** The first stage's ROI success threshold, when stated (2 = 200%). */
  roiMin?: number;
}

/**
 * The plan's figures in both views, its cost lines, stated ROI and rollout
 * reach: the input of the plan charts (src/charts/planCharts.ts).
 *
 * @example
 * planSummary(seedPlan).rolloutCoverage // 0.65
 */
export function planSummary(plan: Plan): PlanSummary {
  const summary: PlanSummary = {
    name: plan.name,
    asStated: asStated(plan),
    recomputed: recomputed(plan),
    costLines: costBreakdown(plan),
    roiStated: plan.benefits.roiStated,
    rolloutCoverage: rolloutCoverage(plan),
  };
  const roiMin = plan.rollout.find((s) => s.successCriteria !== undefined)?.successCriteria?.roiMin;
  return roiMin === undefined ? summary : { ...summary, roiMin };
}
