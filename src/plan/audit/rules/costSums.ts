import { finding, type Finding } from "../../Finding";
import { groupDigits, yuanText } from "../../../io/numberText";
import { cleanFigure } from "../../PlanFigures";
import type { Plan } from "../../schema";
import { agreement } from "../agreement";
import type { AuditRule } from "../AuditRule";

const sumOf = (lines: ReadonlyArray<{ amountYuan: number }>): number => cleanFigure(lines.reduce((s, l) => s + l.amountYuan, 0));
const termsOf = (lines: ReadonlyArray<{ amountYuan: number }>): string => lines.map((l) => groupDigits(l.amountYuan)).join(" + ") || "0";

/** `cost.oneTime.subtotal`: the stated one-time subtotal vs the sum of the one-time lines (error). */
export const oneTimeSubtotalRule: AuditRule = {
  name: "cost.oneTime.subtotal",
  ids: ["cost.oneTime.subtotal"],
  severities: ["error"],
  description: "the stated one-time subtotal equals the sum of the one-time cost lines",
  check(plan: Plan): Finding[] {
    const { costs } = plan;
    const sum = sumOf(costs.oneTime);
    if (agreement(costs.oneTimeSubtotalStated, sum, false) === "equal") return [];
    return [
      finding(
        "cost.oneTime.subtotal",
        "error",
        { kind: "field", path: "costs.oneTimeSubtotalStated" },
        costs.oneTimeSubtotalStated,
        sum,
        `One-time subtotal stated as ${yuanText(costs.oneTimeSubtotalStated)} but its lines add up to ${termsOf(costs.oneTime)} = ${yuanText(sum)}.`,
      ),
    ];
  },
};

/** `cost.annual.subtotal`: the stated annual subtotal vs the sum of the annual lines (error). */
export const annualSubtotalRule: AuditRule = {
  name: "cost.annual.subtotal",
  ids: ["cost.annual.subtotal"],
  severities: ["error"],
  description: "the stated annual subtotal equals the sum of the annual cost lines",
  check(plan: Plan): Finding[] {
    const { costs } = plan;
    const sum = sumOf(costs.annual);
    if (agreement(costs.annualSubtotalStated, sum, false) === "equal") return [];
    return [
      finding(
        "cost.annual.subtotal",
        "error",
        { kind: "field", path: "costs.annualSubtotalStated" },
        costs.annualSubtotalStated,
        sum,
        `Annual subtotal stated as ${yuanText(costs.annualSubtotalStated)} but its lines add up to ${termsOf(costs.annual)} = ${yuanText(sum)}.`,
      ),
    ];
  },
};

/** `cost.firstYear.total`: the stated first-year total vs the two stated subtotals (error). */
export const firstYearTotalRule: AuditRule = {
  name: "cost.firstYear.total",
  ids: ["cost.firstYear.total"],
  severities: ["error"],
  description: "the stated first-year total equals the stated one-time + annual subtotals",
  check(plan: Plan): Finding[] {
    const { costs } = plan;
    const sum = cleanFigure(costs.oneTimeSubtotalStated + costs.annualSubtotalStated);
    if (agreement(costs.firstYearTotalStated, sum, false) === "equal") return [];
    return [
      finding(
        "cost.firstYear.total",
        "error",
        { kind: "field", path: "costs.firstYearTotalStated" },
        costs.firstYearTotalStated,
        sum,
        `First-year total stated as ${yuanText(costs.firstYearTotalStated)} but the stated subtotals add up to ${groupDigits(costs.oneTimeSubtotalStated)} + ${groupDigits(costs.annualSubtotalStated)} = ${yuanText(sum)}.`,
      ),
    ];
  },
};
