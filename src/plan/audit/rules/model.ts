import { asStated } from "../../asStated";
import { finding, type Finding } from "../../Finding";
import { groupDigits, yuanText } from "../../../io/numberText";
import { cleanFigure } from "../../PlanFigures";
import { recomputed } from "../../recomputed";
import { paybackMonthsWithRollout } from "../../rolloutCoverage";
import type { Plan } from "../../schema";
import { tierCount } from "../../tierCounts";
import { months, n, pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

/** `model.ltv`: multi-year lifetime value set against one year of cost; the first-year value per retained customer that would break even (warning). */
export const ltvRule: AuditRule = {
  name: "model.ltv",
  ids: ["model.ltv"],
  severities: ["warning"],
  description:
    "retained value uses lifetime value (several years) against one year of cost; states the first-year value per retained customer that breaks even",
  check(plan: Plan): Finding[] {
    const b = plan.benefits;
    const stated = asStated(plan);
    if (!(b.ltvYuan > 0 && stated.retainedCustomers > 0)) return [];
    const derived = recomputed(plan);
    const breakEven = Math.max(0, (derived.firstYearCost - derived.referralValue) / derived.retainedCustomers);
    return [
      finding(
        "model.ltv",
        "warning",
        { kind: "field", path: "benefits.ltvYuan" },
        b.ltvYuan,
        breakEven,
        `Retained value ${groupDigits(stated.retainedCustomers)} × ${groupDigits(b.ltvYuan)} yuan = ${yuanText(stated.retainedValue)} uses each customer's remaining LIFETIME value (several years of workshop revenue, before the costs of serving them) and sets it against ONE year of cost; a first-year ROI needs one year's margin per retained customer, which the plan does not state. With the recomputed cost the first year breaks even only if a retained customer is worth at least (${groupDigits(derived.firstYearCost)} − ${groupDigits(derived.referralValue)}) / ${groupDigits(derived.retainedCustomers)} = ${groupDigits(breakEven)} yuan in that year.`,
      ),
    ];
  },
};

/** `model.payback`: the payback assumes benefits from month 0; the payback when benefits follow the rollout's reach (warning). */
export const paybackRampRule: AuditRule = {
  name: "model.payback",
  ids: ["model.payback"],
  severities: ["warning"],
  description: "the stated payback assumes benefits accrue evenly from month 0; recomputes it with benefits following the rollout's reach",
  check(plan: Plan): Finding[] {
    const b = plan.benefits;
    const stated = asStated(plan);
    if (!(stated.totalBenefit > 0)) return [];
    const derived = recomputed(plan);
    const rampStated = paybackMonthsWithRollout(plan, stated.firstYearCost, stated.totalBenefit);
    const rampDerived = paybackMonthsWithRollout(plan, derived.firstYearCost, derived.totalBenefit);
    if (!(Math.abs(rampStated - stated.paybackMonths) > 1e-6 * Math.max(1, stated.paybackMonths))) return [];
    const reach = plan.rollout.map(
      (s) => `${pct(Math.min(1, s.customers / plan.customers))} of customers in months ${groupDigits(s.monthStart)}–${groupDigits(s.monthEnd)}`,
    );
    return [
      finding(
        "model.payback",
        "warning",
        { kind: "field", path: "benefits.paybackMonthsStated" },
        b.paybackMonthsStated,
        rampStated,
        `Payback ${groupDigits(plan.costs.firstYearTotalStated)} / (${groupDigits(b.totalBenefitStated)} / 12) = ${months(b.paybackMonthsStated)} assumes the year's benefit accrues evenly from month 0, while the one-time cost (${yuanText(stated.oneTimeCost)}) is spent up front and the rollout reaches ${reach.join(", ")}. Letting benefits follow that reach, payback is ${months(rampStated)} with the stated cost and ${months(rampDerived)} with the recomputed cost${b.ltvYuan > 0 ? "; and lifetime value is not cash in the first months" : ""}.`,
      ),
    ];
  },
};

/** `model.tierProbabilities`: the tiers' horizon probabilities imply more churners per horizon than 1.5 × the annual churn rate allows (warning). */
export const tierProbabilitiesRule: AuditRule = {
  name: "model.tierProbabilities",
  ids: ["model.tierProbabilities"],
  severities: ["warning"],
  description: "per prediction horizon, the tiers' lower probability bounds imply at most 1.5 × the churners the annual churn rate implies",
  check(plan: Plan): Finding[] {
    const b = plan.benefits;
    const horizon = plan.predictionHorizonDays;
    const minChurners = cleanFigure(plan.tiers.reduce((s, tier) => s + tierCount(plan.customers, tier) * tier.probabilityMin, 0));
    const annualChurners = cleanFigure(plan.customers * b.churnBefore);
    const perHorizon = plan.customers * (1 - (1 - b.churnBefore) ** (horizon / 365));
    if (!(minChurners > perHorizon * 1.5)) return [];
    const terms = plan.tiers.filter((t) => t.probabilityMin > 0).map((t) => `${groupDigits(tierCount(plan.customers, t))} × ${pct(t.probabilityMin)}`);
    const days = groupDigits(horizon);
    return [
      finding(
        "model.tierProbabilities",
        "warning",
        { kind: "field", path: "tiers" },
        annualChurners,
        minChurners,
        `The tiers' ${days}-day churn probabilities imply at least ${terms.join(" + ")} = ${groupDigits(minChurners)} churners in the next ${days} days (taking every tier at its lower bound), while the ${pct(b.churnBefore)} annual churn rate means ${groupDigits(annualChurners)} churners a YEAR, about ${groupDigits(perHorizon)} per ${days} days. Either the probabilities are not calibrated ${days}-day probabilities or the tier shares describe a different population; the tier save rates cannot be combined with the churn rate as they stand.`,
      ),
    ];
  },
};

/** `model.lowTierSaveRate`: the lowest tier's "save rate" is at least its stay rate, so it reads as a stay rate (warning). */
export const lowTierSaveRateRule: AuditRule = {
  name: "model.lowTierSaveRate",
  ids: ["model.lowTierSaveRate"],
  severities: ["warning"],
  description: "the lowest-risk tier's save rate is below 1 − its maximum churn probability (else it is a stay rate, not a save rate)",
  check(plan: Plan): Finding[] {
    const lowest = [...plan.tiers].sort((a, c) => a.probabilityMin - c.probabilityMin)[0];
    if (lowest === undefined || !(lowest.saveRate >= 1 - lowest.probabilityMax)) return [];
    const note = lowest.saveRateNote !== undefined ? ` ("${lowest.saveRateNote}")` : "";
    return [
      finding(
        "model.lowTierSaveRate",
        "warning",
        { kind: "tier", tier: lowest.id, index: plan.tiers.indexOf(lowest), field: "saveRate" },
        lowest.saveRate,
        null,
        `Tier "${lowest.name}" has a ${pct(lowest.saveRate)} "save rate"${note}, but with a churn probability below ${pct(lowest.probabilityMax)} at least ${pct(1 - lowest.probabilityMax)} of these customers stay without any action: ${pct(lowest.saveRate)} reads as the share who stay, not the share of would-be churners the ${groupDigits(lowest.budgetYuanPerPerson)}-yuan intervention keeps. It cannot be compared with the other tiers' save rates.`,
      ),
    ];
  },
};

/** `model.saveRatesUnused`: the tier save rates enter no figure; retained customers come from the churn target (info). */
export const saveRatesUnusedRule: AuditRule = {
  name: "model.saveRatesUnused",
  ids: ["model.saveRatesUnused"],
  severities: ["info"],
  description: "notes that the tier save rates enter no figure (retained customers come from the churn target)",
  check(plan: Plan): Finding[] {
    if (!plan.tiers.some((t) => t.saveRate > 0)) return [];
    const b = plan.benefits;
    const retained = cleanFigure(plan.customers * (b.churnBefore - b.churnAfter));
    return [
      finding(
        "model.saveRatesUnused",
        "info",
        { kind: "field", path: "tiers" },
        null,
        null,
        `The tier save rates (${plan.tiers.map((t) => `${t.name} ${pct(t.saveRate)}`).join(", ")}) enter no figure: retained customers come straight from the churn target, ${groupDigits(plan.customers)} × (${pct(b.churnBefore)} − ${pct(b.churnAfter)}) = ${groupDigits(retained)}, not from tier counts × churners × save rates.`,
      ),
    ];
  },
};

/**
 * `timing.reference`: the tier save rates state no contact delay though the A/B test shows the rate falling with
 * delay (warning if a tier beats the best A/B rate, else info).
 */
export const timingReferenceRule: AuditRule = {
  name: "timing.reference",
  ids: ["timing.reference"],
  severities: ["warning", "info"],
  description: "the tier save rates state the contact delay they assume, given the timing A/B test (warning when a tier's rate exceeds the best A/B result)",
  check(plan: Plan): Finding[] {
    const ab = plan.timing.abTest;
    if (ab.length === 0) return [];
    const best = ab.reduce((m, p) => (p.saveRate > m.saveRate ? p : m));
    const worst = ab.reduce((m, p) => (p.saveRate < m.saveRate ? p : m));
    const above = plan.tiers.filter((t) => t.saveRate > best.saveRate);
    const exceed =
      above.length > 0
        ? `, and ${above.map((t) => `${t.name} (${pct(t.saveRate)})`).join(", ")} exceed${above.length === 1 ? "s" : ""} even the best A/B result`
        : "";
    return [
      finding(
        "timing.reference",
        above.length > 0 ? "warning" : "info",
        { kind: "field", path: "timing.abTest" },
        best.saveRate,
        null,
        `The tier save rates (${plan.tiers.map((t) => pct(t.saveRate)).join(", ")}) state no contact delay, yet the timing A/B test shows the save rate falling from ${pct(best.saveRate)} at ${groupDigits(best.delayDays)} days to ${pct(worst.saveRate)} at ${groupDigits(worst.delayDays)} days; the delay the tier rates assume is unstated${exceed}.`,
      ),
    ];
  },
};

/** `model.npsUnused`: an NPS change that no figure uses (info). */
export const npsUnusedRule: AuditRule = {
  name: "model.npsUnused",
  ids: ["model.npsUnused"],
  severities: ["info"],
  description: "notes an NPS change that no figure uses (referrals are stated directly)",
  check(plan: Plan): Finding[] {
    const b = plan.benefits;
    if (b.npsBefore === b.npsAfter) return [];
    return [
      finding(
        "model.npsUnused",
        "info",
        { kind: "field", path: "benefits.npsAfter" },
        b.npsAfter,
        null,
        `NPS rising from ${groupDigits(b.npsBefore)} to ${groupDigits(b.npsAfter)} is not used in any figure: the referral rate (${pct(b.referralRate)}) and referrals per referrer (${n(b.referralsPerReferrer)}) are stated directly, not derived from the NPS.`,
      ),
    ];
  },
};
