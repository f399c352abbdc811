import { rankTiers } from "../../plan/tiers";
import type { Plan } from "../../plan/index";
import type { ProgrammeSettings } from "./programmeSettings";

/** The weekly contact capacity of one tier's channel in one stage, with its source. */
export interface StageTierCapacity {
  stageId: string;
  tierId: string;
  /** Tier number (1 = riskiest). */
  tierNumber: number;
  /** Contacts per week within the stage's scope; Infinity for no limit. */
  perWeek: number;
  source: string;
}

/** Tier number of the channel advisors staff: tier 2 (the article's dedicated service-advisor call). */
export const ADVISOR_TIER_NUMBER = 2;

const round1 = (x: number): string => (Math.round(x * 10) / 10).toLocaleString("en-US");

/** People the plan budgets for a tier in a year: the cost line's stated people, else its amount / budget per person; undefined without a line. */
function budgetedPeoplePerYear(plan: Plan, tierId: string): { people: number; how: string } | undefined {
  const line = plan.costs.annual.find((l) => l.tierId === tierId);
  const tier = plan.tiers.find((t) => t.id === tierId)!;
  if (line === undefined) return undefined;
  if (line.peopleStated !== undefined) return { people: line.peopleStated, how: `${line.peopleStated.toLocaleString("en-US")} people a year` };
  if (tier.budgetYuanPerPerson > 0) {
    const people = line.amountYuan / tier.budgetYuanPerPerson;
    return { people, how: `${line.amountYuan.toLocaleString("en-US")} yuan / ${tier.budgetYuanPerPerson} yuan = ${round1(people)} people a year` };
  }
  return undefined;
}

/**
 * Contacts per week of every intervened tier in every rollout stage (stages
 * in time order), each from the first rule that applies:
 * 1. the plan file's `simulation.stageCapacityPerWeek[stage][tier]`;
 * 2. its `simulation.capacityPerWeek[tier]` (at the plan's full scale) × the
 *    stage's share of customers;
 * 3. for the advisors' tier (tier 2) in a stage that states `advisorsTrained`,
 *    advisors × `simulation.callsPerAdvisorPerWeek` when that is given;
 * 4. the plan's annual budget line for the tier: people a year / 52 × the
 *    stage's share of customers (the plan pays for that many contacts, no
 *    more); the advisors it implies per call are named in the source;
 * 5. no budget line: no limit.
 *
 * @example
 * stageCapacities(seedPlan, settings).find((c) => c.stageId === "regional" && c.tierId === "high").perWeek // 16,000 / 52 × 0.5 = 153.8
 */
export function stageCapacities(plan: Plan, settings: ProgrammeSettings): StageTierCapacity[] {
  const ranked = rankTiers(plan);
  const out: StageTierCapacity[] = [];
  for (const stage of [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart)) {
    const share = Math.min(1, stage.customers / plan.customers);
    const shareText = `× ${stage.customers.toLocaleString("en-US")} / ${plan.customers.toLocaleString("en-US")} customers`;
    for (const r of ranked) {
      if (!stage.interveneTiers.includes(r.tier.id)) continue;
      const base = { stageId: stage.id, tierId: r.tier.id, tierNumber: r.tierNumber };
      const own = settings.stageCapacityPerWeek[stage.id]?.[r.tier.id];
      const full = settings.capacityPerWeek[r.tier.id];
      const advisors = r.tierNumber === ADVISOR_TIER_NUMBER ? stage.advisorsTrained : undefined;
      if (own !== undefined) out.push({ ...base, perWeek: own, source: "the plan file (this stage)" });
      else if (full !== undefined) out.push({ ...base, perWeek: full * share, source: `the plan file: ${round1(full)} a week at full scale ${shareText}` });
      else if (advisors !== undefined && settings.callsPerAdvisorPerWeek !== undefined) {
        out.push({
          ...base,
          perWeek: advisors * settings.callsPerAdvisorPerWeek,
          source: `${advisors} advisors trained × ${settings.callsPerAdvisorPerWeek} calls a week (plan file)`,
        });
      } else {
        const budget = budgetedPeoplePerYear(plan, r.tier.id);
        if (budget === undefined) {
          out.push({ ...base, perWeek: Number.POSITIVE_INFINITY, source: "no budget line for the tier: no limit" });
          continue;
        }
        const perWeek = (budget.people / 52) * share;
        const perAdvisor =
          advisors !== undefined && advisors > 0
            ? `; with the ${advisors} advisors trained that is ${round1(perWeek / advisors)} calls per advisor a week`
            : "";
        out.push({ ...base, perWeek, source: `the plan's annual budget: ${budget.how} / 52 ${shareText}${perAdvisor}` });
      }
    }
  }
  return out;
}

/**
 * Calls an advisor makes per week: the plan file's
 * `simulation.callsPerAdvisorPerWeek`, else what the plan's budget implies
 * for the first stage that trains advisors (the advisors' tier's budgeted
 * contacts a week in that stage / the advisors trained); a plan with neither
 * advisors nor an advisor budget gets 8 calls a week, said in the source.
 *
 * @example
 * callsPerAdvisor(seedPlan, settings) // { perWeek: 3.08, source: "the plan's budget: 153.8 tier-2 contacts a week in the regional stage / 50 advisors trained" }
 */
export function callsPerAdvisor(plan: Plan, settings: ProgrammeSettings): { perWeek: number; source: string } {
  if (settings.callsPerAdvisorPerWeek !== undefined) return { perWeek: settings.callsPerAdvisorPerWeek, source: "the plan file" };
  const withAdvisors = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart).find((s) => (s.advisorsTrained ?? 0) > 0);
  const capacities = stageCapacities(plan, settings).filter((c) => c.tierNumber === ADVISOR_TIER_NUMBER && Number.isFinite(c.perWeek));
  const cap = capacities.find((c) => c.stageId === withAdvisors?.id) ?? capacities[capacities.length - 1];
  if (withAdvisors === undefined || cap === undefined) return { perWeek: 8, source: "no advisors or advisor budget in the plan: 8 calls a week assumed" };
  const perWeek = cap.perWeek / withAdvisors.advisorsTrained!;
  return {
    perWeek,
    source: `the plan's budget: ${round1(cap.perWeek)} tier-${ADVISOR_TIER_NUMBER} contacts a week in the ${withAdvisors.id} stage / ${withAdvisors.advisorsTrained} advisors trained`,
  };
}
