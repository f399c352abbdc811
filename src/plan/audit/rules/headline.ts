import { asStated } from "../../asStated";
import { finding, type Finding } from "../../Finding";
import { groupDigits } from "../../../io/numberText";
import { recomputed } from "../../recomputed";
import type { Plan } from "../../schema";
import { agreement, months, pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

/** `headline.roi`: the stated ROI vs the ROI with every line recomputed from its drivers (error beyond rounding). */
export const headlineRoiRule: AuditRule = {
  name: "headline.roi",
  ids: ["headline.roi"],
  severities: ["error"],
  description: "the stated ROI agrees, within its rounding, with the ROI recomputed from the drivers",
  check(plan: Plan): Finding[] {
    const b = plan.benefits;
    const derived = recomputed(plan);
    if (!Number.isFinite(derived.roi) || agreement(b.roiStated, derived.roi, true) !== "different") return [];
    return [
      finding(
        "headline.roi",
        "error",
        { kind: "field", path: "benefits.roiStated" },
        b.roiStated,
        derived.roi,
        `Headline ROI ${pct(b.roiStated)} (as stated, ${groupDigits(asStated(plan).roi, 4)}) falls to ${pct(derived.roi)} when every line is recomputed from its drivers: (${groupDigits(derived.totalBenefit)} − ${groupDigits(derived.firstYearCost)}) / ${groupDigits(derived.firstYearCost)} = ${groupDigits(derived.roi, 4)}.`,
      ),
    ];
  },
};

/** `headline.payback`: the stated payback vs the payback with the recomputed cost and benefit (error beyond rounding). */
export const headlinePaybackRule: AuditRule = {
  name: "headline.payback",
  ids: ["headline.payback"],
  severities: ["error"],
  description: "the stated payback agrees, within its rounding, with recomputed first-year cost / (recomputed benefit / 12)",
  check(plan: Plan): Finding[] {
    const b = plan.benefits;
    const derived = recomputed(plan);
    if (!Number.isFinite(derived.paybackMonths) || agreement(b.paybackMonthsStated, derived.paybackMonths, true) !== "different") return [];
    return [
      finding(
        "headline.payback",
        "error",
        { kind: "field", path: "benefits.paybackMonthsStated" },
        b.paybackMonthsStated,
        derived.paybackMonths,
        `Headline payback ${months(b.paybackMonthsStated)} becomes ${groupDigits(derived.firstYearCost)} / (${groupDigits(derived.totalBenefit)} / 12) = ${months(derived.paybackMonths)} with the recomputed cost.`,
      ),
    ];
  },
};
