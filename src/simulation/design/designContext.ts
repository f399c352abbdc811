import { availableParallelism } from "node:os";
import { rankTiers } from "../../plan/tiers";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { ADVISOR_TIER_NUMBER } from "../programme/stageCapacity";
import type { ProgrammeModel } from "../programme/programmeModel";
import { type DesignDraws, drawDesignInputs } from "./designDraws";
import { type DesignRun, runDesign } from "./designEvaluation";
import { designModel, type DesignModelOptions, prefetchDesignModels } from "./designModel";
import { type DesignObjective, type DesignSummary, summarizeDesign } from "./designSummary";
import { contactTierIds, type DesignAssumptions, defaultDesignAssumptions, NO_CHANNEL, planDesign, type ProgrammeDesign } from "./programmeDesign";

/** A staffed channel's limit: contacts per week at the plan's full scale. */
export interface StaffingLimit {
  /** The channel (a tier id: that tier's intervention). */
  channel: string;
  maxPerWeek: number;
}

/** The constraints a design must meet. */
export interface DesignConstraints {
  /** Expected first-year cost at most this, yuan. */
  budgetYuan: number;
  /** P(the design truly meets the MVP gate) at least this. */
  minProbMvpPass: number;
  staffing: StaffingLimit[];
}

/** Everything designs are compared with: the plan, the draws (common random numbers), the model options and the constraints. */
export interface DesignContext {
  plan: UncertainPlan;
  assumptions: DesignAssumptions;
  modelOptions: DesignModelOptions;
  draws: DesignDraws;
  objective: DesignObjective;
  constraints: DesignConstraints;
  /** Worker threads that build design models (0: this thread); results do not depend on it. */
  workers: number;
}

/** A design evaluated in a context. */
export interface EvaluatedDesign {
  design: ProgrammeDesign;
  /** What this design changes relative to the one it came from, in words. */
  change: string;
  summary: DesignSummary;
  /** Contacts per week per channel at full scope (base values), as the model's channels serve them. */
  contactsPerWeek: Record<string, number>;
  feasible: boolean;
  /** The constraints it breaks, in words. */
  violations: string[];
  run: DesignRun;
  model: ProgrammeModel;
}

/** Options of {@link createDesignContext}. */
export interface DesignContextOptions {
  /** Monte Carlo trials (default 4,000). */
  trials?: number;
  /** Seed of the draws (default 1). */
  seed?: number;
  objective?: DesignObjective;
  /** First-year budget, yuan (default: the plan's stated first-year total). */
  budgetYuan?: number;
  /** Minimum P(MVP gate passed) (default 0). */
  minProbMvpPass?: number;
  /** Staffed channels (the visit and advisor tiers) at most this multiple of the plan's capacity (default 2). */
  staffMultiple?: number;
  assumptions?: DesignAssumptions;
  modelOptions?: DesignModelOptions;
  /** Worker threads for the design models (default: the machine's cores; 0 runs in this thread). */
  workers?: number;
}

/**
 * The staffed channels of a plan and their limits: the channels of the
 * tiers served by people (tier 1's visits and the advisors' tier,
 * `ADVISOR_TIER_NUMBER`), at most `multiple` × the plan's capacity at full
 * scale; automated channels have no staffing limit.
 *
 * @example
 * staffingLimits(seedPlan, settings, 2) // [{ channel: "very-high", maxPerWeek: 230.8 }, { channel: "high", maxPerWeek: 615.4 }]
 */
function staffingLimits(plan: UncertainPlan, multiple: number): StaffingLimit[] {
  const design = planDesign(plan.base, plan.assumptions.programme);
  const contact = new Set(contactTierIds(plan.base));
  return rankTiers(plan.base)
    .filter((r) => r.tierNumber <= ADVISOR_TIER_NUMBER && contact.has(r.tier.id))
    .map((r) => ({ channel: r.tier.id, maxPerWeek: multiple * (design.capacityPerWeek[r.tier.id] ?? 0) }));
}

/**
 * A context for comparing designs of a plan: draws of its uncertain inputs
 * (the same rows for every design), the model options and the constraints.
 *
 * @example
 * createDesignContext(plan, { trials: 4000, seed: 1 }).constraints.budgetYuan // 10,840,000 for the seed plan
 */
export function createDesignContext(plan: UncertainPlan, options: DesignContextOptions = {}): DesignContext {
  const assumptions = options.assumptions ?? defaultDesignAssumptions;
  const modelOptions = options.modelOptions ?? {};
  const reference = designModel(plan, planDesign(plan.base, plan.assumptions.programme), assumptions, modelOptions);
  return {
    plan,
    assumptions,
    modelOptions,
    draws: drawDesignInputs(plan, reference, options.trials ?? 4000, options.seed ?? 1),
    objective: options.objective ?? "npv",
    constraints: {
      budgetYuan: options.budgetYuan ?? plan.base.costs.firstYearTotalStated,
      minProbMvpPass: options.minProbMvpPass ?? 0,
      staffing: staffingLimits(plan, options.staffMultiple ?? 2),
    },
    workers: options.workers ?? availableParallelism(),
  };
}

/** Contacts per week per channel in the months at full scope (the base grid point). */
function channelLoad(model: ProgrammeModel, design: ProgrammeDesign): Record<string, number> {
  const basis =
    model.bases[
      Math.max(0, model.churnGrid.indexOf(model.plan.benefits.churnBefore)) * model.aucGrid.length + Math.max(0, model.aucGrid.indexOf(model.settings.modelAuc))
    ]!;
  const M = basis.months;
  const full: number[] = [];
  for (let m = 0; m < M; m += 1) if (model.scopeByMonth[m]! >= 1 - 1e-12) full.push(m);
  const load: Record<string, number> = {};
  for (const r of rankTiers(model.plan)) {
    const channel = design.channels[r.tier.id] ?? r.tier.id;
    if (channel === NO_CHANNEL) continue;
    let c = 0;
    for (const m of full) c += basis.contactsByMonth[r.tierNumber * M + m]!;
    if (c > 0) load[channel] = (load[channel] ?? 0) + (full.length > 0 ? (c / full.length) * (12 / 52) : 0);
  }
  return load;
}

/** The constraints a design breaks, in words. */
function violationsOf(ctx: DesignContext, summary: DesignSummary, load: Record<string, number>): string[] {
  const c = ctx.constraints;
  const out: string[] = [];
  if (summary.firstYearCost.mean > c.budgetYuan)
    out.push(`first-year cost ${Math.round(summary.firstYearCost.mean)} yuan is over the budget ${Math.round(c.budgetYuan)}`);
  if (summary.probMvpPass.value < c.minProbMvpPass) out.push(`P(MVP gate) ${summary.probMvpPass.value.toFixed(3)} is below ${c.minProbMvpPass}`);
  for (const s of c.staffing)
    if ((load[s.channel] ?? 0) > s.maxPerWeek * (1 + 1e-9))
      out.push(`channel ${s.channel} needs ${(load[s.channel] ?? 0).toFixed(1)} contacts a week, staff for ${s.maxPerWeek.toFixed(1)}`);
  return out;
}

/**
 * Evaluates a design in a context: its programme model (`designModel`, the
 * base point or the full grid), its run on the context's draws, summary,
 * channel load and constraint check.
 *
 * @example
 * evaluateDesign(ctx, planDesign(plan.base, plan.assumptions.programme), "the plan's design").summary.npv.mean // ≈ −24.8 M yuan on the seed plan
 */
function evaluateDesign(
  ctx: DesignContext,
  design: ProgrammeDesign,
  change: string,
  grid: "base" | "full" = "base",
  draws: DesignDraws = ctx.draws,
): EvaluatedDesign {
  const model = designModel(ctx.plan, design, ctx.assumptions, { ...ctx.modelOptions, grid });
  const run = runDesign(ctx.plan, design, model, draws, ctx.assumptions);
  const summary = summarizeDesign(run);
  const contactsPerWeek = channelLoad(model, design);
  const violations = violationsOf(ctx, summary, contactsPerWeek);
  return { design, change, summary, contactsPerWeek, feasible: violations.length === 0, violations, run, model };
}

/**
 * Evaluates several designs, their models built in parallel first
 * (`prefetchDesignModels` on the context's workers); same results as
 * evaluating them one by one.
 *
 * @example
 * (await evaluateDesigns(ctx, moves.map((m) => ({ design: m.design, change: m.change })))).length // moves.length
 */
export async function evaluateDesigns(
  ctx: DesignContext,
  items: ReadonlyArray<{ design: ProgrammeDesign; change: string }>,
  grid: "base" | "full" = "base",
  draws: DesignDraws = ctx.draws,
): Promise<EvaluatedDesign[]> {
  await prefetchDesignModels(
    ctx.plan,
    items.map((x) => x.design),
    ctx.assumptions,
    { ...ctx.modelOptions, grid },
    ctx.workers,
  );
  return items.map((x) => evaluateDesign(ctx, x.design, x.change, grid, draws));
}
