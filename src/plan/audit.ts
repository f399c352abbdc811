import { asStated } from "./asStated";
import type { Finding, Severity } from "./Finding";
import { groupDigits, percentText, yuanText } from "../io/numberText";
import { cleanFigure } from "./PlanFigures";
import { recomputed } from "./recomputed";
import { customerMonthsCovered, firstYearMonths, paybackMonthsWithRollout, rolloutCoverage } from "./rolloutCoverage";
import type { Plan, Tier } from "./schema";
import { tierCount } from "./tierCounts";

/** How a stated figure compares with its recomputation. */
type Agreement = "equal" | "rounded" | "different";

/**
 * The rounding unit a stated figure was written with: 3.59 → 0.01,
 * 2.6 → 0.1, 1,730,000 → 10,000 (173万), 2,160 → 10.
 */
function statedUnit(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const text = String(Math.abs(value));
  if (text.includes("e")) return 0;
  const dot = text.indexOf(".");
  if (dot >= 0) return 10 ** -(text.length - dot - 1);
  const zeros = /0*$/.exec(text)?.[0].length ?? 0;
  return 10 ** zeros;
}

function agreement(stated: number, computed: number, allowRounding: boolean): Agreement {
  const diff = Math.abs(stated - computed);
  if (diff <= 1e-9 * Math.max(1, Math.abs(stated), Math.abs(computed))) return "equal";
  if (allowRounding && diff <= statedUnit(stated) / 2 + 1e-9 * Math.max(1, Math.abs(stated))) return "rounded";
  return "different";
}

const n = (x: number): string => groupDigits(x, 2);
const pct = (x: number): string => percentText(x, 2);
const months = (x: number): string => `${groupDigits(x, 2)} months`;

/**
 * Audits a plan: recomputes every stated product and sum, checks that the
 * tiers, cost lines and rollout agree with each other, and flags the
 * modelling issues a CFO would raise. Every finding is computed from the
 * plan's fields, so a different plan gives different findings.
 *
 * Checks (ids):
 * - `cost.oneTime.subtotal`, `cost.annual.subtotal`, `cost.firstYear.total`: stated sums vs their items;
 * - `cost.annual.product`: each line's people × yuan per person vs its stated amount;
 * - `cost.annual.people`, `cost.annual.budget`: a tier line's people and yuan vs the tier's count and budget;
 * - `cost.tier.missing`: a tier with a budget that no annual cost line pays for;
 * - `cost.firstYear.recomputed`: stated first-year total vs the total recomputed from the drivers;
 * - `tiers.shares`: tier shares sum to 100%; `tiers.count`: stated tier counts vs customers × share;
 * - `benefit.retained`, `benefit.retainedValue`, `benefit.referralCustomers`, `benefit.referralValue`,
 *   `benefit.total`, `benefit.roi`, `benefit.payback`: each stated benefit figure vs its formula
 *   (within the precision it is written with: info; beyond: error);
 * - `headline.roi`, `headline.payback`: stated ROI and payback vs the recomputed view;
 * - `rollout.budget`: stage budgets vs the stated and the recomputed first-year cost;
 * - `rollout.scope`: a stage's stated intervention count vs its customers × the shares of its tiers;
 * - `rollout.coverage`: full-year benefits vs the customer-months the rollout reaches;
 * - `model.ltv`: multi-year lifetime value set against one-year cost;
 * - `model.payback`: payback assumes benefits accrue evenly from month 0;
 * - `model.tierProbabilities`: 30-day tier probabilities vs the annual churn rate;
 * - `model.lowTierSaveRate`: a "save rate" on the lowest tier that is really a stay rate;
 * - `model.saveRatesUnused`: tier save rates that no figure uses;
 * - `timing.reference`: tier save rates vs the timing A/B test, with no reference delay;
 * - `model.npsUnused`: NPS figures that no figure uses;
 * - `stopLoss.gap`: thresholds between a stage's success criteria and the stop-loss lines where the plan says nothing;
 * - `ceo.returnPerYuan`: the CEO page's "1 yuan returns X yuan" vs net and gross return.
 *
 * @param plan a validated plan (not mutated)
 * @returns findings, errors first, then warnings, then info, each group in check order
 * @example
 * auditPlan(loadPlan("data/plans/seed-plan.json")).find((f) => f.path === "$.costs.annual[2].amountYuan")
 * // { id: "cost.annual.product", severity: "error", stated: 1440000, recomputed: 4800000, ... }
 */
export function auditPlan(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  const add = (id: string, severity: Severity, path: string, stated: number | null, recomputedValue: number | null, message: string): void => {
    findings.push({ id, severity, path, stated, recomputed: recomputedValue, message });
  };
  const stated = asStated(plan);
  const derived = recomputed(plan);
  const { costs, benefits: b } = plan;
  const tierById = new Map<string, Tier>(plan.tiers.map((tier) => [tier.id, tier]));
  const tierIndex = new Map<string, number>(plan.tiers.map((tier, i) => [tier.id, i]));

  // --- Cost sums ------------------------------------------------------------
  const oneTimeSum = cleanFigure(costs.oneTime.reduce((s, l) => s + l.amountYuan, 0));
  if (agreement(costs.oneTimeSubtotalStated, oneTimeSum, false) !== "equal") {
    add(
      "cost.oneTime.subtotal",
      "error",
      "$.costs.oneTimeSubtotalStated",
      costs.oneTimeSubtotalStated,
      oneTimeSum,
      `One-time subtotal stated as ${yuanText(costs.oneTimeSubtotalStated)} but its lines add up to ${costs.oneTime.map((l) => groupDigits(l.amountYuan)).join(" + ") || "0"} = ${yuanText(oneTimeSum)}.`,
    );
  }
  const annualSum = cleanFigure(costs.annual.reduce((s, l) => s + l.amountYuan, 0));
  if (agreement(costs.annualSubtotalStated, annualSum, false) !== "equal") {
    add(
      "cost.annual.subtotal",
      "error",
      "$.costs.annualSubtotalStated",
      costs.annualSubtotalStated,
      annualSum,
      `Annual subtotal stated as ${yuanText(costs.annualSubtotalStated)} but its lines add up to ${costs.annual.map((l) => groupDigits(l.amountYuan)).join(" + ") || "0"} = ${yuanText(annualSum)}.`,
    );
  }
  const subtotalSum = cleanFigure(costs.oneTimeSubtotalStated + costs.annualSubtotalStated);
  if (agreement(costs.firstYearTotalStated, subtotalSum, false) !== "equal") {
    add(
      "cost.firstYear.total",
      "error",
      "$.costs.firstYearTotalStated",
      costs.firstYearTotalStated,
      subtotalSum,
      `First-year total stated as ${yuanText(costs.firstYearTotalStated)} but the stated subtotals add up to ${groupDigits(costs.oneTimeSubtotalStated)} + ${groupDigits(costs.annualSubtotalStated)} = ${yuanText(subtotalSum)}.`,
    );
  }

  // --- Annual cost lines vs tiers ---------------------------------------------
  costs.annual.forEach((line, i) => {
    const base = `$.costs.annual[${i}]`;
    if (line.peopleStated !== undefined && line.yuanPerPersonStated !== undefined) {
      const product = cleanFigure(line.peopleStated * line.yuanPerPersonStated);
      if (agreement(line.amountYuan, product, false) !== "equal") {
        const ratio = product === 0 ? "" : ` (the stated amount is ${groupDigits(line.amountYuan / product, 2)} × the product)`;
        add(
          "cost.annual.product",
          "error",
          `${base}.amountYuan`,
          line.amountYuan,
          product,
          `${line.label}: stated ${yuanText(line.amountYuan)} but ${groupDigits(line.peopleStated)} people × ${groupDigits(line.yuanPerPersonStated)} yuan = ${yuanText(product)}${ratio}; the difference is ${yuanText(product - line.amountYuan)}.`,
        );
      }
    }
    if (line.tierId === undefined) return;
    const tier = tierById.get(line.tierId);
    if (tier === undefined) return;
    const count = tierCount(plan.customers, tier);
    if (line.peopleStated !== undefined && line.peopleStated !== count) {
      add(
        "cost.annual.people",
        "warning",
        `${base}.peopleStated`,
        line.peopleStated,
        count,
        `${line.label}: ${groupDigits(line.peopleStated)} people stated, but tier "${tier.name}" holds ${groupDigits(plan.customers)} customers × ${pct(tier.shareStated)} = ${groupDigits(count)}.`,
      );
    }
    if (line.yuanPerPersonStated !== undefined && line.yuanPerPersonStated !== tier.budgetYuanPerPerson) {
      add(
        "cost.annual.budget",
        "warning",
        `${base}.yuanPerPersonStated`,
        line.yuanPerPersonStated,
        tier.budgetYuanPerPerson,
        `${line.label}: ${groupDigits(line.yuanPerPersonStated)} yuan per person stated, but tier "${tier.name}" budgets ${groupDigits(tier.budgetYuanPerPerson)} yuan per person.`,
      );
    }
  });
  plan.tiers.forEach((tier, i) => {
    if (tier.budgetYuanPerPerson <= 0) return;
    if (costs.annual.some((line) => line.tierId === tier.id)) return;
    const count = tierCount(plan.customers, tier);
    const cost = count * tier.budgetYuanPerPerson;
    add(
      "cost.tier.missing",
      "error",
      `$.tiers[${i}].budgetYuanPerPerson`,
      0,
      cost,
      `Tier "${tier.name}" budgets ${groupDigits(tier.budgetYuanPerPerson)} yuan per person but no annual cost line pays for it: ${groupDigits(plan.customers)} × ${pct(tier.shareStated)} = ${groupDigits(count)} people × ${groupDigits(tier.budgetYuanPerPerson)} yuan = ${yuanText(cost)} missing from the annual costs.`,
    );
  });
  if (agreement(costs.firstYearTotalStated, derived.firstYearCost, false) !== "equal") {
    const parts: string[] = [];
    for (const line of costs.annual) {
      if (line.tierId === undefined) continue;
      const tier = tierById.get(line.tierId);
      if (tier === undefined) continue;
      const should = tierCount(plan.customers, tier) * tier.budgetYuanPerPerson;
      if (should !== line.amountYuan)
        parts.push(
          `${tier.name} ${groupDigits(should)} instead of ${groupDigits(line.amountYuan)} (${should > line.amountYuan ? "+" : ""}${groupDigits(should - line.amountYuan)})`,
        );
    }
    for (const tier of plan.tiers) {
      if (tier.budgetYuanPerPerson > 0 && !costs.annual.some((line) => line.tierId === tier.id)) {
        parts.push(`${tier.name} +${groupDigits(tierCount(plan.customers, tier) * tier.budgetYuanPerPerson)} (no cost line)`);
      }
    }
    const delta = derived.firstYearCost - costs.firstYearTotalStated;
    add(
      "cost.firstYear.recomputed",
      "error",
      "$.costs.firstYearTotalStated",
      costs.firstYearTotalStated,
      derived.firstYearCost,
      `First-year cost stated as ${yuanText(costs.firstYearTotalStated)}; recomputed from the drivers it is ${groupDigits(derived.oneTimeCost)} one-time + ${groupDigits(derived.annualCost)} annual = ${yuanText(derived.firstYearCost)}, ${delta >= 0 ? "+" : ""}${yuanText(delta)}${costs.firstYearTotalStated === 0 ? "" : ` (${delta >= 0 ? "+" : ""}${pct(delta / costs.firstYearTotalStated)})`}${parts.length > 0 ? `: ${parts.join("; ")}` : ""}.`,
    );
  }

  // --- Tiers ----------------------------------------------------------------
  const shareSum = cleanFigure(plan.tiers.reduce((s, tier) => s + tier.shareStated, 0));
  if (Math.abs(shareSum - 1) > 1e-9) {
    add(
      "tiers.shares",
      "error",
      "$.tiers",
      shareSum,
      1,
      `Tier shares add up to ${plan.tiers.map((tier) => pct(tier.shareStated)).join(" + ")} = ${pct(shareSum)}, not 100%: ${groupDigits(Math.abs(shareSum - 1) * plan.customers)} customers are ${shareSum > 1 ? "counted twice" : "in no tier"}.`,
    );
  }
  plan.tiers.forEach((tier, i) => {
    if (tier.countStated === undefined) return;
    const count = tierCount(plan.customers, tier);
    if (tier.countStated !== count) {
      add(
        "tiers.count",
        "error",
        `$.tiers[${i}].countStated`,
        tier.countStated,
        count,
        `Tier "${tier.name}": ${groupDigits(tier.countStated)} customers stated, but ${groupDigits(plan.customers)} × ${pct(tier.shareStated)} = ${groupDigits(count)}.`,
      );
    }
  });

  // --- Benefit products -----------------------------------------------------
  const checkProduct = (id: string, path: string, statedValue: number, value: number, arithmetic: string, what: string): void => {
    const agree = agreement(statedValue, value, true);
    if (agree === "equal") return;
    if (agree === "rounded") {
      add(
        id,
        "info",
        path,
        statedValue,
        value,
        `${what} stated as ${arithmetic.includes("yuan") ? yuanText(statedValue) : n(statedValue)}: ${arithmetic}, rounded as written. The model uses the unrounded figure.`,
      );
    } else {
      add(
        id,
        "error",
        path,
        statedValue,
        value,
        `${what} stated as ${arithmetic.includes("yuan") ? yuanText(statedValue) : n(statedValue)} but ${arithmetic}.`,
      );
    }
  };
  const retained = cleanFigure(plan.customers * (b.churnBefore - b.churnAfter));
  checkProduct(
    "benefit.retained",
    "$.benefits.retainedStated",
    b.retainedStated,
    retained,
    `${groupDigits(plan.customers)} customers × (${pct(b.churnBefore)} − ${pct(b.churnAfter)}) = ${n(retained)}`,
    "Retained customers",
  );
  const retainedValue = cleanFigure(b.retainedStated * b.ltvYuan);
  checkProduct(
    "benefit.retainedValue",
    "$.benefits.retainedValueStated",
    b.retainedValueStated,
    retainedValue,
    `${n(b.retainedStated)} × ${groupDigits(b.ltvYuan)} yuan = ${yuanText(retainedValue)}`,
    "Retained value",
  );
  const referrals = cleanFigure(b.retainedStated * b.referralRate * b.referralsPerReferrer);
  checkProduct(
    "benefit.referralCustomers",
    "$.benefits.referralCustomersStated",
    b.referralCustomersStated,
    referrals,
    `${n(b.retainedStated)} × ${pct(b.referralRate)} × ${n(b.referralsPerReferrer)} = ${n(referrals)}`,
    "Referred customers",
  );
  const referralValue = cleanFigure(b.referralCustomersStated * b.newCustomerValueYuan);
  checkProduct(
    "benefit.referralValue",
    "$.benefits.referralValueStated",
    b.referralValueStated,
    referralValue,
    `${n(b.referralCustomersStated)} × ${groupDigits(b.newCustomerValueYuan)} yuan = ${yuanText(referralValue)}`,
    "Referral value",
  );
  const totalOfStated = cleanFigure(b.retainedValueStated + b.referralValueStated);
  checkProduct(
    "benefit.total",
    "$.benefits.totalBenefitStated",
    b.totalBenefitStated,
    totalOfStated,
    `${groupDigits(b.retainedValueStated)} + ${groupDigits(b.referralValueStated)} yuan = ${yuanText(totalOfStated)}`,
    "Total benefit",
  );
  const fyStated = costs.firstYearTotalStated;
  if (fyStated > 0) {
    const roiOfStated = (b.totalBenefitStated - fyStated) / fyStated;
    checkProduct(
      "benefit.roi",
      "$.benefits.roiStated",
      b.roiStated,
      roiOfStated,
      `(${groupDigits(b.totalBenefitStated)} − ${groupDigits(fyStated)}) / ${groupDigits(fyStated)} = ${groupDigits(roiOfStated, 4)} (${pct(roiOfStated)})`,
      "ROI",
    );
  }
  if (b.totalBenefitStated > 0) {
    const paybackOfStated = fyStated / (b.totalBenefitStated / 12);
    checkProduct(
      "benefit.payback",
      "$.benefits.paybackMonthsStated",
      b.paybackMonthsStated,
      paybackOfStated,
      `${groupDigits(fyStated)} / (${groupDigits(b.totalBenefitStated)} / 12) = ${groupDigits(paybackOfStated, 4)} months`,
      "Payback",
    );
  }

  // --- Headline vs recomputed -------------------------------------------------
  if (Number.isFinite(derived.roi) && agreement(b.roiStated, derived.roi, true) === "different") {
    add(
      "headline.roi",
      "error",
      "$.benefits.roiStated",
      b.roiStated,
      derived.roi,
      `Headline ROI ${pct(b.roiStated)} (as stated, ${groupDigits(stated.roi, 4)}) falls to ${pct(derived.roi)} when every line is recomputed from its drivers: (${groupDigits(derived.totalBenefit)} − ${groupDigits(derived.firstYearCost)}) / ${groupDigits(derived.firstYearCost)} = ${groupDigits(derived.roi, 4)}.`,
    );
  }
  if (Number.isFinite(derived.paybackMonths) && agreement(b.paybackMonthsStated, derived.paybackMonths, true) === "different") {
    add(
      "headline.payback",
      "error",
      "$.benefits.paybackMonthsStated",
      b.paybackMonthsStated,
      derived.paybackMonths,
      `Headline payback ${months(b.paybackMonthsStated)} becomes ${groupDigits(derived.firstYearCost)} / (${groupDigits(derived.totalBenefit)} / 12) = ${months(derived.paybackMonths)} with the recomputed cost.`,
    );
  }

  // --- Rollout ----------------------------------------------------------------
  const budgetSum = cleanFigure(plan.rollout.reduce((s, stage) => s + stage.budgetYuan, 0));
  const budgetArithmetic = `${plan.rollout.map((s) => groupDigits(s.budgetYuan)).join(" + ")} = ${yuanText(budgetSum)}`;
  if (agreement(budgetSum, fyStated, false) !== "equal") {
    add(
      "rollout.budget",
      "error",
      "$.rollout",
      fyStated,
      budgetSum,
      `Rollout stage budgets add up to ${budgetArithmetic}, but the stated first-year cost is ${yuanText(fyStated)}.`,
    );
  } else if (agreement(budgetSum, derived.firstYearCost, false) !== "equal") {
    add(
      "rollout.budget",
      "warning",
      "$.rollout",
      budgetSum,
      derived.firstYearCost,
      `Rollout stage budgets add up to ${budgetArithmetic}, matching the stated first-year cost, but the recomputed first-year cost is ${yuanText(derived.firstYearCost)}: the stages are ${yuanText(derived.firstYearCost - budgetSum)} ${derived.firstYearCost > budgetSum ? "short" : "over"}.`,
    );
  }
  plan.rollout.forEach((stage, i) => {
    if (stage.interveneCountStated === undefined) return;
    const tiers = stage.interveneTiers.map((id) => tierById.get(id)).filter((t): t is Tier => t !== undefined);
    const share = cleanFigure(tiers.reduce((s, t) => s + t.shareStated, 0));
    const count = Math.round(stage.customers * share);
    const stated = stage.interveneCountStated;
    if (Math.abs(count - stated) <= 0.1 * Math.max(count, stated)) return;
    const matches = tierSubsets(plan.tiers)
      .filter((subset) => {
        const c = stage.customers * subset.reduce((s, t) => s + t.shareStated, 0);
        return Math.abs(c - stated) <= 0.1 * Math.max(c, stated);
      })
      .map((subset) => `the share of the ${subset.map((t) => t.name).join(" + ")} tier${subset.length > 1 ? "s" : " alone"}`);
    const rate = stated / stage.customers;
    add(
      "rollout.scope",
      "error",
      `$.rollout[${i}].interveneCountStated`,
      stated,
      count,
      `${stage.name}: intervening on the ${tiers.map((t) => t.name).join(" + ")} tier${tiers.length > 1 ? "s" : ""} (${tiers.map((t) => pct(t.shareStated)).join(" + ")} = ${pct(share)}) of ${groupDigits(stage.customers)} customers is ${groupDigits(count)} people, not ~${groupDigits(stated)}; ${groupDigits(stated)} is ${pct(rate)} of ${groupDigits(stage.customers)}${matches.length > 0 ? `, ${matches.join(" or ")}` : ""}.`,
    );
  });
  const coverage = rolloutCoverage(plan);
  if (coverage < 1 - 1e-9) {
    const covered = customerMonthsCovered(plan);
    const terms = plan.rollout
      .map((s) => ({ s, m: Math.max(0, Math.min(s.monthEnd, firstYearMonths) - Math.max(s.monthStart, 0)) }))
      .filter(({ m }) => m > 0)
      .map(({ s, m }) => `${groupDigits(Math.min(s.customers, plan.customers))} × ${groupDigits(m, 2)}`);
    add(
      "rollout.coverage",
      "warning",
      "$.rollout",
      1,
      coverage,
      `Benefits are counted for a full year for all ${groupDigits(plan.customers)} customers (${groupDigits(plan.customers * firstYearMonths)} customer-months), but the rollout reaches ${terms.join(" + ")} = ${groupDigits(covered)} customer-months, ${pct(coverage)}. Scaled to that reach, the first-year benefit is ${groupDigits(stated.totalBenefit)} × ${pct(coverage)} = ${yuanText(stated.totalBenefit * coverage)}.`,
    );
  }

  // --- Modelling issues a CFO would raise ------------------------------------
  if (b.ltvYuan > 0 && stated.retainedCustomers > 0) {
    const breakEven = Math.max(0, (derived.firstYearCost - derived.referralValue) / derived.retainedCustomers);
    add(
      "model.ltv",
      "warning",
      "$.benefits.ltvYuan",
      b.ltvYuan,
      breakEven,
      `Retained value ${groupDigits(stated.retainedCustomers)} × ${groupDigits(b.ltvYuan)} yuan = ${yuanText(stated.retainedValue)} uses each customer's remaining LIFETIME value (several years of workshop revenue, before the costs of serving them) and sets it against ONE year of cost; a first-year ROI needs one year's margin per retained customer, which the plan does not state. With the recomputed cost the first year breaks even only if a retained customer is worth at least (${groupDigits(derived.firstYearCost)} − ${groupDigits(derived.referralValue)}) / ${groupDigits(derived.retainedCustomers)} = ${groupDigits(breakEven)} yuan in that year.`,
    );
  }
  if (stated.totalBenefit > 0) {
    const rampStated = paybackMonthsWithRollout(plan, stated.firstYearCost, stated.totalBenefit);
    const rampDerived = paybackMonthsWithRollout(plan, derived.firstYearCost, derived.totalBenefit);
    if (Math.abs(rampStated - stated.paybackMonths) > 1e-6 * Math.max(1, stated.paybackMonths))
      add(
        "model.payback",
        "warning",
        "$.benefits.paybackMonthsStated",
        b.paybackMonthsStated,
        rampStated,
        `Payback ${groupDigits(fyStated)} / (${groupDigits(b.totalBenefitStated)} / 12) = ${months(b.paybackMonthsStated)} assumes the year's benefit accrues evenly from month 0, while the one-time cost (${yuanText(stated.oneTimeCost)}) is spent up front and the rollout reaches ${plan.rollout.map((s) => `${pct(Math.min(1, s.customers / plan.customers))} of customers in months ${groupDigits(s.monthStart)}–${groupDigits(s.monthEnd)}`).join(", ")}. Letting benefits follow that reach, payback is ${months(rampStated)} with the stated cost and ${months(rampDerived)} with the recomputed cost${b.ltvYuan > 0 ? "; and lifetime value is not cash in the first months" : ""}.`,
      );
  }
  const horizon = plan.predictionHorizonDays;
  const minChurners = cleanFigure(plan.tiers.reduce((s, tier) => s + tierCount(plan.customers, tier) * tier.probabilityMin, 0));
  const annualChurners = cleanFigure(plan.customers * b.churnBefore);
  const perHorizon = plan.customers * (1 - (1 - b.churnBefore) ** (horizon / 365));
  if (minChurners > perHorizon * 1.5) {
    const terms = plan.tiers.filter((t) => t.probabilityMin > 0).map((t) => `${groupDigits(tierCount(plan.customers, t))} × ${pct(t.probabilityMin)}`);
    add(
      "model.tierProbabilities",
      "warning",
      "$.tiers",
      annualChurners,
      minChurners,
      `The tiers' ${groupDigits(horizon)}-day churn probabilities imply at least ${terms.join(" + ")} = ${groupDigits(minChurners)} churners in the next ${groupDigits(horizon)} days (taking every tier at its lower bound), while the ${pct(b.churnBefore)} annual churn rate means ${groupDigits(annualChurners)} churners a YEAR, about ${groupDigits(perHorizon)} per ${groupDigits(horizon)} days. Either the probabilities are not calibrated ${groupDigits(horizon)}-day probabilities or the tier shares describe a different population; the tier save rates cannot be combined with the churn rate as they stand.`,
    );
  }
  const lowest = [...plan.tiers].sort((a, c) => a.probabilityMin - c.probabilityMin)[0];
  if (lowest !== undefined && lowest.saveRate >= 1 - lowest.probabilityMax) {
    const i = tierIndex.get(lowest.id) ?? 0;
    add(
      "model.lowTierSaveRate",
      "warning",
      `$.tiers[${i}].saveRate`,
      lowest.saveRate,
      null,
      `Tier "${lowest.name}" has a ${pct(lowest.saveRate)} "save rate"${lowest.saveRateNote !== undefined ? ` ("${lowest.saveRateNote}")` : ""}, but with a churn probability below ${pct(lowest.probabilityMax)} at least ${pct(1 - lowest.probabilityMax)} of these customers stay without any action: ${pct(lowest.saveRate)} reads as the share who stay, not the share of would-be churners the ${groupDigits(lowest.budgetYuanPerPerson)}-yuan intervention keeps. It cannot be compared with the other tiers' save rates.`,
    );
  }
  if (plan.tiers.some((t) => t.saveRate > 0)) {
    add(
      "model.saveRatesUnused",
      "info",
      "$.tiers",
      null,
      null,
      `The tier save rates (${plan.tiers.map((t) => `${t.name} ${pct(t.saveRate)}`).join(", ")}) enter no figure: retained customers come straight from the churn target, ${groupDigits(plan.customers)} × (${pct(b.churnBefore)} − ${pct(b.churnAfter)}) = ${groupDigits(retained)}, not from tier counts × churners × save rates.`,
    );
  }
  if (plan.timing.abTest.length > 0) {
    const best = plan.timing.abTest.reduce((m, p) => (p.saveRate > m.saveRate ? p : m));
    const worst = plan.timing.abTest.reduce((m, p) => (p.saveRate < m.saveRate ? p : m));
    const above = plan.tiers.filter((t) => t.saveRate > best.saveRate);
    add(
      "timing.reference",
      above.length > 0 ? "warning" : "info",
      "$.timing.abTest",
      best.saveRate,
      null,
      `The tier save rates (${plan.tiers.map((t) => pct(t.saveRate)).join(", ")}) state no contact delay, yet the timing A/B test shows the save rate falling from ${pct(best.saveRate)} at ${groupDigits(best.delayDays)} days to ${pct(worst.saveRate)} at ${groupDigits(worst.delayDays)} days; the delay the tier rates assume is unstated${above.length > 0 ? `, and ${above.map((t) => `${t.name} (${pct(t.saveRate)})`).join(", ")} exceed${above.length === 1 ? "s" : ""} even the best A/B result` : ""}.`,
    );
  }
  if (b.npsBefore !== b.npsAfter) {
    add(
      "model.npsUnused",
      "info",
      "$.benefits.npsAfter",
      b.npsAfter,
      null,
      `NPS rising from ${groupDigits(b.npsBefore)} to ${groupDigits(b.npsAfter)} is not used in any figure: the referral rate (${pct(b.referralRate)}) and referrals per referrer (${n(b.referralsPerReferrer)}) are stated directly, not derived from the NPS.`,
    );
  }
  const criteriaStage = plan.rollout.find((s) => s.successCriteria !== undefined);
  if (criteriaStage?.successCriteria !== undefined) {
    const c = criteriaStage.successCriteria;
    const gaps: string[] = [];
    if (c.aucMin > plan.stopLoss.aucPause) gaps.push(`AUC between ${n(plan.stopLoss.aucPause)} (pause) and ${n(c.aucMin)} (success)`);
    if (c.saveRateMin > plan.stopLoss.saveRateRedesign)
      gaps.push(`save rate between ${pct(plan.stopLoss.saveRateRedesign)} (redesign) and ${pct(c.saveRateMin)} (success)`);
    if (gaps.length > 0) {
      add(
        "stopLoss.gap",
        "info",
        "$.stopLoss",
        null,
        null,
        `The plan says neither go nor stop for ${criteriaStage.name} results with ${gaps.join(", or ")}: the decision rule for that zone is unstated.`,
      );
    }
  }
  if (plan.ceoPage !== undefined && fyStated > 0) {
    const r = plan.ceoPage.returnPerYuanStated;
    const net = stated.roi;
    const gross = stated.totalBenefit / stated.firstYearCost;
    add(
      "ceo.returnPerYuan",
      "info",
      "$.ceoPage.returnPerYuanStated",
      r,
      derived.roi,
      `The CEO page says every 1 yuan returns ${n(r)} yuan. As stated, each yuan brings ${groupDigits(gross, 2)} yuan of benefit, a net return of ${groupDigits(net, 2)} yuan${agreement(r, net, true) !== "different" ? ` (so ${n(r)} is the net figure, easily read as gross)` : ""}; recomputed, the net return is ${groupDigits(derived.roi, 2)} yuan per yuan, counting lifetime value as first-year benefit.`,
    );
  }

  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => order[x.f.severity] - order[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
}

/** Non-empty subsets of up to 10 tiers, smallest first. */
function tierSubsets(tiers: readonly Tier[]): Tier[][] {
  const list = tiers.slice(0, 10);
  const out: Tier[][] = [];
  for (let mask = 1; mask < 1 << list.length; mask += 1) out.push(list.filter((_, j) => (mask & (1 << j)) !== 0));
  return out.sort((a, b) => a.length - b.length);
}
