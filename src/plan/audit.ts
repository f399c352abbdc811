import { auditRules } from "./audit/auditRules";
import type { Finding, Severity } from "./Finding";
import type { Plan } from "./schema";

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Audits a plan: runs every rule of `auditRules` (src/plan/audit/auditRules.ts) in order. The rules recompute every
 * stated product and sum, check that the tiers, cost lines and rollout agree with each other, and flag the
 * modelling issues a CFO would raise; each is listed with what it checks and its severity in docs/programme.md,
 * "Audit rules". Every finding is computed from the plan's fields, so a different plan gives different findings.
 *
 * @param plan a validated plan (not mutated)
 * @returns findings, errors first, then warnings, then info, each group in rule order (and plan order within a rule)
 * @example
 * auditPlan(loadPlan("data/plans/seed-plan.json")).find((f) => f.path === "$.costs.annual[2].amountYuan")
 * // { id: "cost.annual.product", severity: "error", subject: { kind: "costLine", list: "annual", index: 2, field: "amountYuan" },
 * //   stated: 1440000, recomputed: 4800000, ... }
 */
export function auditPlan(plan: Plan): Finding[] {
  const findings = auditRules.flatMap((rule) => rule.check(plan));
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => severityOrder[x.f.severity] - severityOrder[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
}
