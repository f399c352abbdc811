import { finding, type Finding, type FindingId, type FindingSubject, type PlanField } from "../../Finding";
import { groupDigits, yuanText } from "../../../io/numberText";
import { cleanFigure } from "../../PlanFigures";
import type { Plan } from "../../schema";
import { agreement, n, pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

/** A stated benefit figure and its recomputation from the other stated figures, with the arithmetic in words. */
interface BenefitCheck {
  stated: number;
  value: number;
  arithmetic: string;
}

/**
 * A rule comparing one stated benefit figure with its formula: within the precision the figure is written with,
 * an info ("rounded as written"); beyond it, an error. `compute` returns null when the formula does not apply.
 */
function benefitRule(id: FindingId, field: PlanField, what: string, description: string, compute: (plan: Plan) => BenefitCheck | null): AuditRule {
  return {
    name: id,
    ids: [id],
    severities: ["error", "info"],
    description,
    check(plan: Plan): Finding[] {
      const c = compute(plan);
      if (c === null) return [];
      const agree = agreement(c.stated, c.value, true);
      if (agree === "equal") return [];
      const shown = c.arithmetic.includes("yuan") ? yuanText(c.stated) : n(c.stated);
      const subject: FindingSubject = { kind: "field", path: field };
      return agree === "rounded"
        ? [
            finding(
              id,
              "info",
              subject,
              c.stated,
              c.value,
              `${what} stated as ${shown}: ${c.arithmetic}, rounded as written. The model uses the unrounded figure.`,
            ),
          ]
        : [finding(id, "error", subject, c.stated, c.value, `${what} stated as ${shown} but ${c.arithmetic}.`)];
    },
  };
}

/** `benefit.retained`: retained customers = customers × (churn before − churn after). */
export const retainedRule = benefitRule(
  "benefit.retained",
  "benefits.retainedStated",
  "Retained customers",
  "stated retained customers = customers × (churn before − churn after)",
  (plan) => {
    const b = plan.benefits;
    const value = cleanFigure(plan.customers * (b.churnBefore - b.churnAfter));
    return {
      stated: b.retainedStated,
      value,
      arithmetic: `${groupDigits(plan.customers)} customers × (${pct(b.churnBefore)} − ${pct(b.churnAfter)}) = ${n(value)}`,
    };
  },
);

/** `benefit.retainedValue`: retained value = stated retained customers × lifetime value. */
export const retainedValueRule = benefitRule(
  "benefit.retainedValue",
  "benefits.retainedValueStated",
  "Retained value",
  "stated retained value = stated retained customers × lifetime value",
  ({ benefits: b }) => {
    const value = cleanFigure(b.retainedStated * b.ltvYuan);
    return { stated: b.retainedValueStated, value, arithmetic: `${n(b.retainedStated)} × ${groupDigits(b.ltvYuan)} yuan = ${yuanText(value)}` };
  },
);

/** `benefit.referralCustomers`: referred customers = stated retained × referral rate × referrals per referrer. */
export const referralCustomersRule = benefitRule(
  "benefit.referralCustomers",
  "benefits.referralCustomersStated",
  "Referred customers",
  "stated referred customers = stated retained customers × referral rate × referrals per referrer",
  ({ benefits: b }) => {
    const value = cleanFigure(b.retainedStated * b.referralRate * b.referralsPerReferrer);
    return {
      stated: b.referralCustomersStated,
      value,
      arithmetic: `${n(b.retainedStated)} × ${pct(b.referralRate)} × ${n(b.referralsPerReferrer)} = ${n(value)}`,
    };
  },
);

/** `benefit.referralValue`: referral value = stated referred customers × new-customer value. */
export const referralValueRule = benefitRule(
  "benefit.referralValue",
  "benefits.referralValueStated",
  "Referral value",
  "stated referral value = stated referred customers × new-customer value",
  ({ benefits: b }) => {
    const value = cleanFigure(b.referralCustomersStated * b.newCustomerValueYuan);
    return {
      stated: b.referralValueStated,
      value,
      arithmetic: `${n(b.referralCustomersStated)} × ${groupDigits(b.newCustomerValueYuan)} yuan = ${yuanText(value)}`,
    };
  },
);

/** `benefit.total`: total benefit = stated retained value + stated referral value. */
export const totalBenefitRule = benefitRule(
  "benefit.total",
  "benefits.totalBenefitStated",
  "Total benefit",
  "stated total benefit = stated retained value + stated referral value",
  ({ benefits: b }) => {
    const value = cleanFigure(b.retainedValueStated + b.referralValueStated);
    return {
      stated: b.totalBenefitStated,
      value,
      arithmetic: `${groupDigits(b.retainedValueStated)} + ${groupDigits(b.referralValueStated)} yuan = ${yuanText(value)}`,
    };
  },
);

/** `benefit.roi`: ROI = (stated total benefit − stated first-year cost) / stated first-year cost, when that cost is positive. */
export const benefitRoiRule = benefitRule(
  "benefit.roi",
  "benefits.roiStated",
  "ROI",
  "stated ROI = (stated total benefit − stated first-year cost) / stated first-year cost (when the cost is positive)",
  ({ benefits: b, costs }) => {
    const cost = costs.firstYearTotalStated;
    if (!(cost > 0)) return null;
    const value = (b.totalBenefitStated - cost) / cost;
    return {
      stated: b.roiStated,
      value,
      arithmetic: `(${groupDigits(b.totalBenefitStated)} − ${groupDigits(cost)}) / ${groupDigits(cost)} = ${groupDigits(value, 4)} (${pct(value)})`,
    };
  },
);

/** `benefit.payback`: payback months = stated first-year cost / (stated total benefit / 12), when the benefit is positive. */
export const benefitPaybackRule = benefitRule(
  "benefit.payback",
  "benefits.paybackMonthsStated",
  "Payback",
  "stated payback = stated first-year cost / (stated total benefit / 12) months (when the benefit is positive)",
  ({ benefits: b, costs }) => {
    if (!(b.totalBenefitStated > 0)) return null;
    const cost = costs.firstYearTotalStated;
    const value = cost / (b.totalBenefitStated / 12);
    return {
      stated: b.paybackMonthsStated,
      value,
      arithmetic: `${groupDigits(cost)} / (${groupDigits(b.totalBenefitStated)} / 12) = ${groupDigits(value, 4)} months`,
    };
  },
);
