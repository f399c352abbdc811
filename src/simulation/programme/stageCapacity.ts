import { rankTiers } from "../../actions/riskTiers";
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
        out.push({ ...base, perWeek: advisors * settings.callsPerAdvisorPerWeek, source: `${advisors} advisors trained × ${settings.callsPerAdvisorPerWeek} calls a week (plan file)` });
      } else {
        const budget = budgetedPeoplePerYear(plan, r.tier.id);
        if (budget === undefined) {
          out.push({ ...base, perWeek: Number.POSITIVE_INFINITY, source: "no budget line for the tier: no limit" });
          continue;
        }
        const perWeek = (budget.people / 52) * share;
        const perAdvisor = advisors !== undefined && advisors > 0 ? `; with the ${advisors} advisors trained that is ${round1(perWeek / advisors)} calls per advisor a week` : "";
        out.push({ ...base, perWeek, source: `the plan's annual budget: ${budget.how} / 52 ${shareText}${perAdvisor}` });
      }
    }
  }
  return out;
}
