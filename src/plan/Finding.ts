/** How serious a finding is: `error` (a stated figure is wrong), `warning` (a modelling issue that moves the result), `info` (rounding, unused or ambiguous figures). */
export type Severity = "error" | "warning" | "info";

/**
 * One result of auditing a plan.
 *
 * @example
 * { id: "cost.annual.product", severity: "error", path: "$.costs.annual[2].amountYuan", stated: 1440000, recomputed: 4800000,
 *   message: "very-high-risk interventions: stated 1,440,000 yuan (144万) but 6,000 people × 800 yuan = 4,800,000 yuan (480万) ..." }
 */
export interface Finding {
  /** Stable id of the check, e.g. "cost.annual.product" (the same check on several items shares its id; `path` tells them apart). */
  id: string;
  severity: Severity;
  /** JSON path of the plan field concerned, e.g. "$.costs.annual[2].amountYuan". */
  path: string;
  /** The figure as the plan states it, when one applies (yuan, people, fraction or months as the message says). */
  stated: number | null;
  /** The figure recomputed from its drivers, when one applies. */
  recomputed: number | null;
  /** Plain words with the arithmetic. */
  message: string;
}

/** Severities from most to least serious. */
export const severities: readonly Severity[] = ["error", "warning", "info"];
