// The actions domain: risk tiers, the Monday scoring loop and its CRM
// hand-off, the timing decay of save rates, and targeting beyond risk.
export { rankTiers, tierOf, assignTiers, type RankedTier, type ScoredCustomer, type TieredCustomer } from "./riskTiers";
export { summarizeTiers, type TierSummary, type TierSummaryRow, type TierSummaryOptions } from "./summarizeTiers";
export type { Advisor, QueueReason, QueueStatus, QueueEntry, LedgerWeek, Ledger, WeeklySummary } from "./queueTypes";
export { newlyHighRisk, weeklyQueue, type NewlyHighRisk, type WeeklyQueueInput, type WeeklyQueueResult } from "./weeklyQueue";
export { parseScores, loadScores, scoreColumns, type ScoreFile } from "./loadScores";
export { parseAdvisors, loadAdvisors } from "./loadAdvisors";
export { ledgerSchema, ledgerFileName, loadLedger, queueCsvColumns, queueToCsv } from "./ledgerFile";
export { runWeekly, formatWeeklySummary, weeklyLockFileName, type RunWeeklyOptions, type RunWeeklyReport } from "./runWeekly";
export { weekWindowProblems, weekWindowWeeks } from "./weekWindow";
export { pchipInterpolant } from "./pchip";
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from "./nelderMead";
export { fitDecay, fitDecayModels, decayModels, type DecayCurve, type DecayModel, type FitMethod, type DecayFit, type DecayFitComparison } from "./decayFit";
export {
  assumedArmSize,
  decayEvidence,
  drawDecayCurve,
  decayCurveSampler,
  decayBand,
  type DecayEvidence,
  type CurveShape,
  type DecayBand,
} from "./decayUncertainty";
export { saveRateAfterDelay, delayCost, type DelayCostRow, type DelayCostOptions } from "./saveRateAfterDelay";
export {
  targetingPolicies,
  scoreTargets,
  rankTargets,
  selectWithinBudget,
  compareTargeting,
  type TargetingPolicy,
  type TargetCustomer,
  type ScoredTarget,
  type TargetingContext,
  type TargetingOutcome,
} from "./targeting";
export { qiniCurve, upliftBySegment, type ExperimentRecord, type QiniCurve, type SegmentUplift } from "./qini";
export { planLikeMixture, syntheticScores, nextWeekScores, trueUplifts, simulateExperiment, type BetaComponent } from "./syntheticScores";
export { targetingScenario, type TargetingScenario, type TargetingScenarioOptions } from "./targetingScenario";
