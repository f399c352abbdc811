import { finding, type Finding } from "../../Finding";
import { groupDigits, yuanText } from "../../../io/numberText";
import { cleanFigure } from "../../PlanFigures";
import { recomputed } from "../../recomputed";
import type { Plan, Tier } from "../../schema";
import { tierCount } from "../../tierCounts";
import { agreement, pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

const tierOf = (plan: Plan, tierId: string | undefined): Tier | undefined => (tierId === undefined ? undefined : plan.tiers.find((t) => t.id === tierId));
const hasCostLine = (plan: Plan, tier: Tier): boolean => plan.costs.annual.some((line) => line.tierId === tier.id);

/** `cost.annual.product`: each annual line's stated people × yuan per person vs its stated amount (error). */
export const annualProductRule: AuditRule = {
  name: "cost.annual.product",
  ids: ["cost.annual.product"],
  severities: ["error"],
  description: "an annual cost line that states people and yuan per person has people × yuan = its amount",
  check(plan: Plan): Finding[] {
    const out: Finding[] = [];
    plan.costs.annual.forEach((line, index) => {
      if (line.peopleStated === undefined || line.yuanPerPersonStated === undefined) return;
      const product = cleanFigure(line.peopleStated * line.yuanPerPersonStated);
      if (agreement(line.amountYuan, product, false) === "equal") return;
      const ratio = product === 0 ? "" : ` (the stated amount is ${groupDigits(line.amountYuan / product, 2)} × the product)`;
      out.push(
        finding(
          "cost.annual.product",
          "error",
          { kind: "costLine", list: "annual", index, field: "amountYuan" },
          line.amountYuan,
          product,
          `${line.label}: stated ${yuanText(line.amountYuan)} but ${groupDigits(line.peopleStated)} people × ${groupDigits(line.yuanPerPersonStated)} yuan = ${yuanText(product)}${ratio}; the difference is ${yuanText(product - line.amountYuan)}.`,
        ),
      );
    });
    return out;
  },
};

/** `cost.annual.people`, `cost.annual.budget`: a tier's annual line states the tier's head count and budget per person (warnings, line by line). */
export const annualLineTierRule: AuditRule = {
  name: "cost.annual.tier",
  ids: ["cost.annual.people", "cost.annual.budget"],
  severities: ["warning"],
  description: "an annual cost line paying for a tier states the tier's customers × share as its people and the tier's budget as its yuan per person",
  check(plan: Plan): Finding[] {
    const out: Finding[] = [];
    plan.costs.annual.forEach((line, index) => {
      const tier = tierOf(plan, line.tierId);
      if (tier === undefined) return;
      const count = tierCount(plan.customers, tier);
      if (line.peopleStated !== undefined && line.peopleStated !== count) {
        out.push(
          finding(
            "cost.annual.people",
            "warning",
            { kind: "costLine", list: "annual", index, field: "peopleStated" },
            line.peopleStated,
            count,
            `${line.label}: ${groupDigits(line.peopleStated)} people stated, but tier "${tier.name}" holds ${groupDigits(plan.customers)} customers × ${pct(tier.shareStated)} = ${groupDigits(count)}.`,
          ),
        );
      }
      if (line.yuanPerPersonStated !== undefined && line.yuanPerPersonStated !== tier.budgetYuanPerPerson) {
        out.push(
          finding(
            "cost.annual.budget",
            "warning",
            { kind: "costLine", list: "annual", index, field: "yuanPerPersonStated" },
            line.yuanPerPersonStated,
            tier.budgetYuanPerPerson,
            `${line.label}: ${groupDigits(line.yuanPerPersonStated)} yuan per person stated, but tier "${tier.name}" budgets ${groupDigits(tier.budgetYuanPerPerson)} yuan per person.`,
          ),
        );
      }
    });
    return out;
  },
};

/** `cost.tier.missing`: a tier with a budget per person that no annual cost line pays for (error). */
export const tierMissingRule: AuditRule = {
  name: "cost.tier.missing",
  ids: ["cost.tier.missing"],
  severities: ["error"],
  description: "every tier with a budget per person has an annual cost line",
  check(plan: Plan): Finding[] {
    const out: Finding[] = [];
    plan.tiers.forEach((tier, index) => {
      if (tier.budgetYuanPerPerson <= 0 || hasCostLine(plan, tier)) return;
      const count = tierCount(plan.customers, tier);
      const cost = count * tier.budgetYuanPerPerson;
      out.push(
        finding(
          "cost.tier.missing",
          "error",
          { kind: "tier", tier: tier.id, index, field: "budgetYuanPerPerson" },
          0,
          cost,
          `Tier "${tier.name}" budgets ${groupDigits(tier.budgetYuanPerPerson)} yuan per person but no annual cost line pays for it: ${groupDigits(plan.customers)} × ${pct(tier.shareStated)} = ${groupDigits(count)} people × ${groupDigits(tier.budgetYuanPerPerson)} yuan = ${yuanText(cost)} missing from the annual costs.`,
        ),
      );
    });
    return out;
  },
};

/** The tier lines whose cost differs from tier count × budget, and the budgeted tiers with no line, as "name new instead of old (+delta)". */
function tierCostCorrections(plan: Plan): string[] {
  const parts: string[] = [];
  for (const line of plan.costs.annual) {
    const tier = tierOf(plan, line.tierId);
    if (tier === undefined) continue;
    const should = tierCount(plan.customers, tier) * tier.budgetYuanPerPerson;
    const sign = should > line.amountYuan ? "+" : "";
    if (should !== line.amountYuan)
      parts.push(`${tier.name} ${groupDigits(should)} instead of ${groupDigits(line.amountYuan)} (${sign}${groupDigits(should - line.amountYuan)})`);
  }
  for (const tier of plan.tiers) {
    if (tier.budgetYuanPerPerson > 0 && !hasCostLine(plan, tier))
      parts.push(`${tier.name} +${groupDigits(tierCount(plan.customers, tier) * tier.budgetYuanPerPerson)} (no cost line)`);
  }
  return parts;
}

/** `cost.firstYear.recomputed`: the stated first-year total vs the total recomputed from the drivers (error). */
export const firstYearRecomputedRule: AuditRule = {
  name: "cost.firstYear.recomputed",
  ids: ["cost.firstYear.recomputed"],
  severities: ["error"],
  description: "the stated first-year total equals the one-time lines + fixed annual lines + each tier's customers × share × budget per person",
  check(plan: Plan): Finding[] {
    const stated = plan.costs.firstYearTotalStated;
    const derived = recomputed(plan);
    if (agreement(stated, derived.firstYearCost, false) === "equal") return [];
    const parts = tierCostCorrections(plan);
    const delta = derived.firstYearCost - stated;
    const sign = delta >= 0 ? "+" : "";
    return [
      finding(
        "cost.firstYear.recomputed",
        "error",
        { kind: "field", path: "costs.firstYearTotalStated" },
        stated,
        derived.firstYearCost,
        `First-year cost stated as ${yuanText(stated)}; recomputed from the drivers it is ${groupDigits(derived.oneTimeCost)} one-time + ${groupDigits(derived.annualCost)} annual = ${yuanText(derived.firstYearCost)}, ${sign}${yuanText(delta)}${stated === 0 ? "" : ` (${sign}${pct(delta / stated)})`}${parts.length > 0 ? `: ${parts.join("; ")}` : ""}.`,
      ),
    ];
  },
};
