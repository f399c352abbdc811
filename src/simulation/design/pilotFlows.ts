import { rankTiers } from "../../plan/tiers";
import { FastRng } from "../../random/FastRng";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { NEVER, runRolloutKernel } from "../population/rolloutKernel";
import { rolloutScenarioFor } from "../programme/rolloutPlanScenario";
import { designCalibration, designPlan } from "./designPlan";
import type { DesignAssumptions, ProgrammeDesign } from "./programmeDesign";

/** What a pilot city's flags look like, per pilot tier (expected counts for the pilot's customers). */
export interface PilotTierFlows {
  tierId: string;
  tierNumber: number;
  /** Customers flagged in the first w weeks, w = 0..52 (entry w): the stock at the start, then the weekly flow. */
  flaggedBy: number[];
  /** Share of flagged customers (first year) who churn within f weeks after the flag without a contact, f = 0..26 (entry f). */
  churnWithin: number[];
  /** Share who churn within the protection (would-be churners a save keeps). */
  churnWithinProtection: number;
  /** The tier's save rate (its channel, base values) and the cost of a contact, yuan. */
  saveRate: number;
  costYuan: number;
  /** Contacts a week the design's channel can make in the pilot city (its capacity × pilot customers / plan customers; Infinity: no limit). */
  capacityPerWeek: number;
}

/**
 * The flags of a pilot: the design run on a panel of the pilot city alone
 * (its tiers contacted every week for a year, every flag served at once, so
 * each flag is recorded with the customer's churn week without the
 * programme), scaled to `customers`: per tier, the customers flagged by
 * week w (the stock of high-risk customers at the start, then the flow of
 * newly high-risk ones) and the share of them who churn within f weeks with
 * no contact (the hold-out's churn). Panel: max(customers, 50,000)
 * customers, seed "pilot-panel".
 *
 * @throws RangeError when a tier id is not the plan's.
 * @example
 * pilotFlows(plan, design, defaultDesignAssumptions, ["very-high", "high"], 20000).map((t) => t.flaggedBy[13]) // flags in 13 weeks
 */
export function pilotFlows(
  plan: UncertainPlan,
  design: ProgrammeDesign,
  assumptions: DesignAssumptions,
  tiers: readonly string[],
  customers: number,
): PilotTierFlows[] {
  const run0 = designPlan(plan.base, plan.assumptions.programme, design, assumptions);
  const ranked = rankTiers(run0.plan);
  for (const id of tiers) if (!ranked.some((r) => r.tier.id === id)) throw new RangeError(`unknown tier "${id}"`);
  const panel = Math.max(customers, 50_000);
  const first = [...run0.plan.rollout].sort((a, b) => a.monthStart - b.monthStart)[0]!;
  const pilotPlan = { ...run0.plan, customers: panel, rollout: [{ ...first, monthStart: 0, monthEnd: 12, customers: panel, interveneTiers: [...tiers] }] };
  const unlimited = Object.fromEntries(tiers.map((id) => [id, Number.POSITIVE_INFINITY]));
  const cal = designCalibration(plan.base, design.cumulativeShares);
  const sc = rolloutScenarioFor(pilotPlan, cal, run0.settings.modelAuc, run0.settings, {
    customers: panel,
    weeks: 52 + 26,
    lastStageRunsOn: true,
    capacityPerWeek: unlimited,
  });
  const run = runRolloutKernel({ ...sc, recordContacts: true, snapshotCustomers: 0, snapshotWeeks: [] }, new FastRng("pilot-panel", "panel").state);
  const rec = run.contactRecords!;
  const scale = customers / panel;
  const protection = run0.settings.protectionWeeks;
  return ranked
    .filter((r) => tiers.includes(r.tier.id))
    .map((r) => {
      const k = r.tierNumber;
      const flaggedBy = new Array<number>(53).fill(0);
      const churnCount = new Array<number>(27).fill(0);
      let firstYear = 0;
      let withinProtection = 0;
      for (let i = 0; i < rec.tier.length; i += 1) {
        if (rec.tier[i] !== k) continue;
        const flagWeek = rec.week[i]! - rec.age[i]!;
        if (flagWeek >= 52) continue;
        for (let w = flagWeek + 1; w <= 52; w += 1) flaggedBy[w] = flaggedBy[w]! + scale;
        firstYear += 1;
        const b = rec.churnWeekB[i]!;
        const after = b === NEVER ? Number.POSITIVE_INFINITY : b - rec.week[i]!;
        for (let f = Math.max(1, after); f <= 26; f += 1) churnCount[f] = churnCount[f]! + 1;
        if (after >= 1 && after <= protection) withinProtection += 1;
      }
      return {
        tierId: r.tier.id,
        tierNumber: k,
        flaggedBy,
        churnWithin: churnCount.map((c) => (firstYear > 0 ? c / firstYear : 0)),
        churnWithinProtection: firstYear > 0 ? withinProtection / firstYear : 0,
        saveRate: r.tier.saveRate,
        costYuan: r.tier.budgetYuanPerPerson,
        capacityPerWeek: (design.capacityPerWeek[r.tier.id] ?? Number.POSITIVE_INFINITY) * (customers / plan.base.customers),
      };
    });
}
