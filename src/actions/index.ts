// The actions domain: risk tiers, the Monday scoring loop and its CRM
// hand-off, the timing decay of save rates, and targeting beyond risk.
// rankTiers/tierOf live in the plan layer; re-exported here only because notebooks 04 and 08 import them from ./lib/actions.
export { rankTiers, tierOf, type RankedTier } from "../plan/tiers";
export { assignTiers, type ScoredCustomer } from "./riskTiers";
export { summarizeTiers, type TierSummary, type TierSummaryRow, type TierSummaryOptions } from "./summarizeTiers";
export type { Advisor, QueueReason, QueueStatus, QueueEntry, LedgerWeek, Ledger, WeeklySummary } from "./queueTypes";
export { newlyHighRisk, weeklyQueue, type NewlyHighRisk, type WeeklyQueueInput, type WeeklyQueueResult } from "./weeklyQueue";
export { parseScores, loadScores, type ScoreFile } from "./loadScores";
export { parseAdvisors, loadAdvisors } from "./loadAdvisors";
export { ledgerFileName, loadLedger, queueToCsv } from "./ledgerFile";
export { runWeekly, formatWeeklySummary, type RunWeeklyOptions, type RunWeeklyReport } from "./runWeekly";
export { weekWindowProblems, weekWindowWeeks } from "./weekWindow";
export { pchipInterpolant } from "./pchip";
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from "./nelderMead";
export { fitDecay, fitDecayModels, type DecayCurve, type DecayModel, type FitMethod, type DecayFit, type DecayFitComparison } from "./decayFit";
export {
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
export { syntheticScores, nextWeekScores, trueUplifts, simulateExperiment, type BetaComponent } from "./syntheticScores";
export { targetingScenario, type TargetingScenario, type TargetingScenarioOptions } from "./targetingScenario";
