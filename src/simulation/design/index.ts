// Design search: programme designs, their models and evaluation on common random numbers,
// the search, the frontier, the bridge, the reverse stress test and the pilot.
export {
  targetingRules,
  NO_CHANNEL,
  defaultDesignAssumptions,
  contactTierIds,
  channelSaveRate,
  saveRateTerms,
  planDesign,
  channelOptions,
  contactedTiers,
  designKey,
  designJson,
  type TargetingRule,
  type ProgrammeDesign,
  type DesignAssumptions,
  type ChannelRelation,
  type RateTerm,
} from "./programmeDesign";
export { checkDesign, designPlan, designCalibration } from "./designPlan";
export { designModel, buildDesignModel, prefetchDesignModels, type DesignModelOptions, type DesignModelRequest } from "./designModel";
export { drawDesignInputs, type DesignDraws } from "./designDraws";
export { runDesign, type DesignRun, type RowTransform } from "./designEvaluation";
export { summarizeDesign, objectiveSeries, designDifference, type DesignObjective, type DesignSummary } from "./designSummary";
export { tierCells, allocateBudget, allocationValue, type TierCell } from "./designAllocation";
export {
  createDesignContext,
  evaluateDesigns,
  type DesignContext,
  type DesignContextOptions,
  type DesignConstraints,
  type EvaluatedDesign,
  type StaffingLimit,
} from "./designContext";
export { designDimensions, designMoves, type DesignDimension, type DesignMove, type MoveContext } from "./designMoves";
export { searchDesigns, type SearchOptions, type SearchResult, type SearchStep } from "./designSearch";
export { efficientFrontier, frontierSweep, designFrontier, type FrontierPoint } from "./designFrontier";
export { designBridge, type BridgeDimension, type DesignBridge, type DesignBridgeStep } from "./designBridge";
export { optimizeProgramme, type OptimizeOptions, type OptimizeResult, type OptimizedDesignJson } from "./optimizeProgramme";
export { stressLevers, solveThreshold, stressLeverIds, type StressLever, type StressLeverId, type ThresholdSolution } from "./stressLevers";
export { reverseStressTest, nearestOnPolyline, type ReverseStress, type ReverseStressOptions, type StressRow, type StressTarget } from "./reverseStress";
export {
  twoProportionSampleSize,
  pooledSaveRate,
  probSaveRateAbove,
  saveRateErrorRates,
  simulateSaveRateErrors,
  upliftInterval,
  type PilotStratum,
  type SaveRateLines,
} from "./pilotPower";
export { pilotFlows, type PilotTierFlows } from "./pilotFlows";
export { designPilot, type PilotOptions, type PilotCandidate, type PilotTier, type PilotDesignResult } from "./pilotDesign";
export { designSchema, parseDesign, loadDesign } from "./designSchema";
