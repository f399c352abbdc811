import { z } from "zod";
import type { InputProblem } from "../../io/InputError";
import { jsonPath, type Plan } from "../../plan/index";
import { type AssumptionSource, type ProgrammeSettings, programmeSettingsFor, programmeSettingsShape } from "../programme/programmeSettings";

/**
 * Benefit model of the engine: "programme", the programme model (flows of
 * newly high-risk customers through capacity-limited channels, saves with a
 * duration, cash as well as lifetime value: src/simulation/programme), or
 * "as-stated", the plan's own top-down arithmetic (retained = customers ×
 * (churnBefore − churnAfter); it ignores save rates, timing and capacity).
 */
export type BenefitModel = "programme" | "as-stated";
/** Cost view: the stated cost lines, or tier lines recomputed as customers × share × budget (as `recomputed`). */
export type CostView = "stated" | "recomputed";

/** Simulation assumptions that are not part of the plan itself, with their values at base. */
export interface SimulationAssumptions {
  /** Benefit model (default "programme"). */
  model: BenefitModel;
  /** The programme model's settings (defaults and their sources: programmeSettingsFor). */
  programme: ProgrammeSettings;
  /** Where each programme setting comes from. */
  programmeSources: AssumptionSource[];
  /** Things in the file's simulation section that the chosen model does not use, in words (printed as warnings). */
  warnings: string[];
  /** Cost view (default "stated"). */
  costs: CostView;
  /** Annual discount rate for the NPV, fraction (default 0.08). */
  discountRate: number;
  /** Scale the as-stated benefits and tier costs by the rollout's customer coverage over the year (default false). */
  coverageRamp: boolean;
}

const finite = z.number().refine(Number.isFinite, "must be a finite number");

/** zod schema of an uncertain plan's `simulation` section (at base values: distributions already replaced). */
export const simulationSchema = z.strictObject({
  model: z.enum(["programme", "as-stated", "bottom-up"]).optional(),
  costs: z.enum(["stated", "recomputed"]).optional(),
  discountRate: finite.min(0, "must be a rate >= 0").max(1, "must be a rate from 0 to 1").optional(),
  coverageRamp: z.boolean().optional(),
  ...programmeSettingsShape,
  // Settings of the former bottom-up model, superseded by the programme model: accepted, ignored with a warning.
  contactDelayDays: finite.min(0, "must be a number of days >= 0").optional(),
  tierChurnProbability: z.record(z.string(), finite.min(0, "must be a fraction from 0 to 1").max(1, "must be a fraction from 0 to 1")).optional(),
  interveneTiers: z.array(z.string()).optional(),
  $comment: z.string().optional(),
});

/** A validated `simulation` section. */
export type SimulationSection = z.infer<typeof simulationSchema>;

/** Warnings for settings of the former bottom-up model, which the programme model replaces. */
function legacyWarnings(s: SimulationSection): string[] {
  const out: string[] = [];
  if (s.model === "bottom-up")
    out.push('$.simulation.model: "bottom-up" is replaced by "programme" (flows of newly high-risk customers, not tier stocks); simulated as "programme"');
  const replaced: Record<string, string> = {
    contactDelayDays: "contact delays come from the channels' capacity and the queue rule ($.simulation.minContactDelayDays sets a minimum)",
    tierChurnProbability:
      "who churns after a flag comes from the calibrated population (annual churn $.benefits.churnBefore, tier shares), not from the tier bands",
    interveneTiers: "each rollout stage's interveneTiers say which tiers are contacted",
  };
  for (const [key, why] of Object.entries(replaced)) if (s[key as keyof typeof s] !== undefined) out.push(`$.simulation.${key} is ignored: ${why}`);
  return out;
}

/**
 * Capacity settings that name a stage or tier the plan does not have.
 *
 * @example
 * capacityProblems(seedPlan, { capacityPerWeek: { vip: 10 } })[0].where // "$.simulation.capacityPerWeek.vip"
 */
export function capacityProblems(base: Plan, s: SimulationSection): InputProblem[] {
  const problems: InputProblem[] = [];
  const tierIds = base.tiers.map((t) => t.id);
  for (const [stageId, byTier] of Object.entries(s.stageCapacityPerWeek ?? {})) {
    if (!base.rollout.some((st) => st.id === stageId))
      problems.push({
        where: jsonPath(["simulation", "stageCapacityPerWeek", stageId]),
        message: `unknown stage "${stageId}" (stages: ${base.rollout.map((st) => st.id).join(", ")})`,
      });
    for (const tierId of Object.keys(byTier))
      if (!tierIds.includes(tierId))
        problems.push({ where: jsonPath(["simulation", "stageCapacityPerWeek", stageId, tierId]), message: `unknown tier "${tierId}"` });
  }
  for (const tierId of Object.keys(s.capacityPerWeek ?? {}))
    if (!tierIds.includes(tierId))
      problems.push({ where: jsonPath(["simulation", "capacityPerWeek", tierId]), message: `unknown tier "${tierId}" (tiers: ${tierIds.join(", ")})` });
  return problems;
}

/**
 * The simulation assumptions of a plan from its validated `simulation`
 * section, defaults filled in (model "programme", costs "stated", discount
 * rate 8%, no coverage ramp; the programme settings' defaults and sources
 * from `programmeSettingsFor`).
 *
 * @example
 * simulationAssumptions(seedPlan, {}).discountRate // 0.08
 */
export function simulationAssumptions(base: Plan, s: SimulationSection): SimulationAssumptions {
  const { settings, sources } = programmeSettingsFor(base, s);
  return {
    model: s.model === "as-stated" ? "as-stated" : "programme",
    programme: settings,
    programmeSources: sources,
    warnings: legacyWarnings(s),
    costs: s.costs ?? "stated",
    discountRate: s.discountRate ?? 0.08,
    coverageRamp: s.coverageRamp ?? false,
  };
}
