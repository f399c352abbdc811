import { rankTiers } from "../../plan/tiers";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import type { AssumptionSource } from "./programmeSettings";
import { evaluateProgrammeModel } from "./programmeEvaluation";
import { programmeModelFor } from "./programmeModelFor";
import type { StageTierCapacity } from "./stageCapacity";

/** The programme model's deterministic view of a plan (its base values), for `churnlab plan --programme`. */
export interface ProgrammeSummary {
  /** First-year lifetime-value ROI, first-year cash ROI (fractions), NPV over the horizon (yuan), payback from the monthly cash flow (months; null: not within the horizon). */
  roi: number;
  cashRoi: number;
  npv: number;
  npvYears: number;
  paybackMonths: number | null;
  firstYearCost: number;
  /** Customers kept at the end of the first year (baseline minus programme churners). */
  retainedCustomers: number;
  /** First-year flags, contacts, customers lost while waiting and flags expired unserved, per intervened tier (over the horizon / its years for flags, lost, expired). */
  tiers: Array<{ tierId: string; contactsYear1: number; flagsPerYear: number; lostPerYear: number; expiredPerYear: number; meanDelayDays: number }>;
  capacities: StageTierCapacity[];
  assumptions: AssumptionSource[];
}

/**
 * The programme model at the plan's base values (no uncertainty): the figure
 * every other view reconciles to (`churnlab bridge` walks from the stated ROI
 * to it, under uncertainty). Builds the model with its base point only
 * (cached: one panel run the first time).
 *
 * @example
 * programmeSummary(loadUncertainPlan("data/plans/seed-plan.json")).cashRoi // about -0.94
 */
export function programmeSummary(plan: UncertainPlan): ProgrammeSummary {
  const model = programmeModelFor(plan, { baseOnly: true });
  const ev = evaluateProgrammeModel(model);
  const b = ev.basis;
  const years = model.settings.horizonYears;
  const o = ev.outputs;
  return {
    roi: o.roi,
    cashRoi: o.cashRoi,
    npv: o.npv,
    npvYears: years,
    paybackMonths: Number.isFinite(o.paybackMonths) ? o.paybackMonths : null,
    firstYearCost: o.firstYearCost,
    retainedCustomers: o.retainedCustomers,
    tiers: rankTiers(plan.base)
      .filter((r) => plan.base.rollout.some((s) => s.interveneTiers.includes(r.tier.id)))
      .map((r) => {
        const k = r.tierNumber;
        return {
          tierId: r.tier.id,
          contactsYear1: b.contactsYear1[k]!,
          flagsPerYear: b.flags[k]! / years,
          lostPerYear: b.lost[k]! / years,
          expiredPerYear: b.expired[k]! / years,
          meanDelayDays: b.contactsYear1[k]! > 0 ? b.delayDaysYear1[k]! / b.contactsYear1[k]! : Number.NaN,
        };
      }),
    capacities: model.capacities,
    assumptions: plan.assumptions.programmeSources,
  };
}
