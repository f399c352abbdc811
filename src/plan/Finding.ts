/** How serious a finding is: `error` (a stated figure is wrong), `warning` (a modelling issue that moves the result), `info` (rounding, unused or ambiguous figures). */
export type Severity = "error" | "warning" | "info";

/** Severities from most to least serious. */
export const severities: readonly Severity[] = ["error", "warning", "info"];

/**
 * Every id a finding can carry, in the order the audit's rules run
 * (`auditRules` in `src/plan/audit/auditRules.ts`; docs/programme.md, "Audit rules").
 *
 * @example
 * findingIds.includes("cost.annual.product") // true
 */
export const findingIds = [
  "cost.oneTime.subtotal",
  "cost.annual.subtotal",
  "cost.firstYear.total",
  "cost.annual.product",
  "cost.annual.people",
  "cost.annual.budget",
  "cost.tier.missing",
  "cost.firstYear.recomputed",
  "tiers.shares",
  "tiers.count",
  "benefit.retained",
  "benefit.retainedValue",
  "benefit.referralCustomers",
  "benefit.referralValue",
  "benefit.total",
  "benefit.roi",
  "benefit.payback",
  "headline.roi",
  "headline.payback",
  "rollout.budget",
  "rollout.scope",
  "rollout.coverage",
  "model.ltv",
  "model.payback",
  "model.tierProbabilities",
  "model.lowTierSaveRate",
  "model.saveRatesUnused",
  "timing.reference",
  "model.npsUnused",
  "stopLoss.gap",
  "ceo.returnPerYuan",
] as const;

/** Stable id of an audit check, e.g. "cost.annual.product" (the same check on several items shares its id; `subject` tells them apart). */
export type FindingId = (typeof findingIds)[number];

/** A plan field (or section) a finding concerns as a whole, as a dotted path from the plan's root. */
export type PlanField =
  | "costs.oneTimeSubtotalStated"
  | "costs.annualSubtotalStated"
  | "costs.firstYearTotalStated"
  | "benefits.retainedStated"
  | "benefits.retainedValueStated"
  | "benefits.referralCustomersStated"
  | "benefits.referralValueStated"
  | "benefits.totalBenefitStated"
  | "benefits.roiStated"
  | "benefits.paybackMonthsStated"
  | "benefits.ltvYuan"
  | "benefits.npsAfter"
  | "tiers"
  | "rollout"
  | "timing.abTest"
  | "stopLoss"
  | "ceoPage.returnPerYuanStated";

/**
 * What a finding is about, with the indices a consumer needs (no path to parse back):
 * - `field`: a plan field or section as a whole;
 * - `costLine`: one line of `costs.oneTime` or `costs.annual`, by index, and the field concerned;
 * - `tier`: one tier (its id and index in `tiers`) and the field concerned;
 * - `stage`: one rollout stage (its id and index in `rollout`) and the field concerned.
 */
export type FindingSubject =
  | { kind: "field"; path: PlanField }
  | { kind: "costLine"; list: "oneTime" | "annual"; index: number; field: "amountYuan" | "peopleStated" | "yuanPerPersonStated" }
  | { kind: "tier"; tier: string; index: number; field: "budgetYuanPerPerson" | "countStated" | "saveRate" }
  | { kind: "stage"; stage: string; index: number; field: "interveneCountStated" };

/**
 * One result of auditing a plan.
 *
 * @example
 * { id: "cost.annual.product", severity: "error", path: "$.costs.annual[2].amountYuan",
 *   subject: { kind: "costLine", list: "annual", index: 2, field: "amountYuan" }, stated: 1440000, recomputed: 4800000,
 *   message: "very-high-risk interventions: stated 1,440,000 yuan (144万) but 6,000 people × 800 yuan = 4,800,000 yuan (480万) ..." }
 */
export interface Finding {
  /** Which check raised it. */
  id: FindingId;
  severity: Severity;
  /** JSON path of the plan field concerned, e.g. "$.costs.annual[2].amountYuan", for display (`subjectPath(subject)`). */
  path: string;
  /** The plan item concerned, with its index: read this instead of parsing `path`. */
  subject: FindingSubject;
  /** The figure as the plan states it, when one applies (yuan, people, fraction or months as the message says). */
  stated: number | null;
  /** The figure recomputed from its drivers, when one applies. */
  recomputed: number | null;
  /** Plain words with the arithmetic. */
  message: string;
}

/**
 * The JSON path of a finding's subject.
 *
 * @example
 * subjectPath({ kind: "costLine", list: "annual", index: 2, field: "amountYuan" }) // "$.costs.annual[2].amountYuan"
 * subjectPath({ kind: "field", path: "benefits.roiStated" }) // "$.benefits.roiStated"
 */
export function subjectPath(subject: FindingSubject): string {
  switch (subject.kind) {
    case "field":
      return `$.${subject.path}`;
    case "costLine":
      return `$.costs.${subject.list}[${subject.index}].${subject.field}`;
    case "tier":
      return `$.tiers[${subject.index}].${subject.field}`;
    case "stage":
      return `$.rollout[${subject.index}].${subject.field}`;
  }
}

/**
 * A finding, its `path` derived from its subject (so the two always agree).
 *
 * @param stated the figure as stated, or null; `recomputedValue` the recomputed figure, or null
 * @example
 * finding("tiers.shares", "error", { kind: "field", path: "tiers" }, 0.98, 1, "Tier shares add up to ...").path // "$.tiers"
 */
export function finding(
  id: FindingId,
  severity: Severity,
  subject: FindingSubject,
  stated: number | null,
  recomputedValue: number | null,
  message: string,
): Finding {
  return { id, severity, path: subjectPath(subject), subject, stated, recomputed: recomputedValue, message };
}
