// The plan domain: the schema that defines a retention plan, loading and
// validation, the deterministic first-year model (as stated / recomputed) and
// the audit.
export {
  planSchema,
  tierSchema,
  timingSchema,
  abTestPointSchema,
  oneTimeCostSchema,
  annualCostSchema,
  costsSchema,
  benefitsSchema,
  rolloutStageSchema,
  successCriteriaSchema,
  stopLossSchema,
  ceoPageSchema,
  type Plan,
  type Tier,
  type RolloutStage,
  type AnnualCost,
  type OneTimeCost,
  type AbTestPoint,
} from "./schema";
export { parsePlan, jsonPath } from "./parsePlan";
export { loadPlan } from "./loadPlan";
export { seedPlanFile } from "./seedPlanFile";
export { seedPlan } from "./seedPlan";
export { abTestArmSize, bandMidpoint, bandText, rankTiers, tierNumberOf, tierOf, tierThresholds, tiersByRisk, type RankedTier } from "./tiers";
export { type PlanFigures, planFigureKeys, figuresFrom, cleanFigure } from "./PlanFigures";
export { asStated } from "./asStated";
export { recomputed } from "./recomputed";
export { tierCount, tierCosts, type TierCost } from "./tierCounts";
export { rolloutCoverage, customerMonthsCovered, coverageAtMonth, paybackMonthsWithRollout, firstYearMonths } from "./rolloutCoverage";
export { type Finding, type FindingId, type FindingSubject, type PlanField, type Severity, severities, findingIds, finding, subjectPath } from "./Finding";
export { auditPlan } from "./audit";
export { auditRules } from "./audit/auditRules";
export type { AuditRule } from "./audit/AuditRule";
export { costBreakdown, planSummary, type CostBreakdownLine, type PlanSummary } from "./planSummary";
