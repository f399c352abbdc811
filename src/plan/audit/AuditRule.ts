import type { Finding, FindingId, Severity } from "../Finding";
import type { Plan } from "../schema";

/**
 * One named check of the plan audit: a pure function from a plan to its findings (none when the plan passes).
 * The audit runs `auditRules` in order; a rule returns its findings in plan order (cost lines, tiers, stages).
 *
 * @example
 * const rule: AuditRule = { name: "tiers.shares", ids: ["tiers.shares"], severities: ["error"], description: "tier shares sum to 100%", check: (plan) => [] };
 */
export interface AuditRule {
  /** Rule name, e.g. "cost.annual.product"; the finding id when the rule raises one id. */
  name: string;
  /** The finding ids the rule can raise. */
  ids: readonly FindingId[];
  /** The severities its findings can have. */
  severities: readonly Severity[];
  /** What it checks, in plain words (docs/programme.md, "Audit rules"). */
  description: string;
  /** The rule's findings for a validated plan (not mutated). */
  check(plan: Plan): Finding[];
}
