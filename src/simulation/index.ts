// The simulation domain: uncertain plans, the Monte Carlo ROI engine (worker
// threads, block-seeded streams), sensitivity, break-even and value of
// information. (The customer-level rollout simulation lives here too.)
export { distributionSchema, distributionKinds, compileDistribution, type Distribution, type CompiledDistribution } from "./inputs/distributions";
export {
  parseUncertainPlan,
  loadUncertainPlan,
  inputCorrelationMatrix,
  type UncertainPlan,
  type UncertainInput,
  type InputCorrelation,
  type SimulationAssumptions,
  type BenefitModel,
  type CostView,
  type SamplingMethod,
} from "./inputs/uncertainPlan";
export { cholesky, rankToPearson, spearman, ranks } from "./inputs/correlation";
export { compilePlanKernel, kernelOutputs, OUT, type PlanKernel, type KernelOutput } from "./montecarlo/planKernel";
export {
  DEFAULT_BLOCK_SIZE,
  createBlockContext,
  runBlock,
  blockBuffers,
  drawBlockUniforms,
  uniformsToValues,
  resolveAssumptions,
  type BlockContext,
  type BlockScratch,
  type BlockResult,
  type BlockOptions,
  type DesignOptions,
} from "./montecarlo/blockRunner";
export { kthOfSortedBlocks } from "./stats/sortedBlocks";
export { radixSortFloat32 } from "./stats/radixSort";
export { runMonteCarlo, defaultWorkers, type MonteCarloOptions, type MonteCarloResult, type MonteCarloSamples } from "./montecarlo/monteCarlo";
export {
  sortedQuantile,
  quantileStandardError,
  summarizeSorted,
  summarizeOrdered,
  convergenceCheckpoints,
  probabilityEstimate,
  convergenceTrace,
  type OutputSummary,
  type SummaryErrors,
  type ProbabilityEstimate,
  type ConvergenceTrace,
} from "./stats/summaries";
export { sobolIndices, type SobolOptions, type SobolResult } from "./montecarlo/sobol";
export {
  planEvaluator,
  tornado,
  spider,
  jointSample,
  rankCorrelations,
  breakEven,
  valueOfInformation,
  planSobol,
  sensitivityReport,
  type PlanEvaluator,
  type TornadoBar,
  type SpiderLine,
  type JointSample,
  type BreakEvenPoint,
  type ValueOfInformation,
  type SensitivityOptions,
  type SensitivityReport,
} from "./montecarlo/sensitivity";
export { simulationJson, type SimulationJson } from "./montecarlo/simulationJson";
// Customer-level rollout simulation (issue 7): weekly kernel on typed arrays,
// calibration, stage gates, the study driver and the decision studies.
export { defaultRolloutDynamics, monthOfWeek, monthsOf, type RolloutDynamics, type RolloutScenario, type StageWeeks } from "./population/rolloutScenario";
export { runRolloutKernel, DELAY_BINS, NEVER, type RolloutRun } from "./population/rolloutKernel";
export {
  calibrateRollout,
  interceptForChurn,
  noiseForAuc,
  thresholdsForNoise,
  type RolloutCalibration,
  type CalibrationOptions,
} from "./population/rolloutCalibration";
export {
  rolloutScenarioFor,
  planDecayCurve,
  fixedCostByMonth,
  valuePerSaveYuan,
  scopeByMonth,
  settingsWithPolicy,
  type RolloutPolicy,
} from "./programme/rolloutPlanScenario";
export {
  gateCriteriaFor,
  gateDecision,
  isTrulyGood,
  aucStandardError,
  aucSampleSizeForPower,
  saveRateSampleSizeForPower,
  type GateDecision,
  type GateCriteria,
  type GateMeasurement,
} from "./rollout/rolloutGates";
export { rolloutGateProblems } from "./rollout/rolloutGateProblems";
export { summarizeRolloutRun, projectedRoi, type RolloutRunSummary, type GateOutcome } from "./rollout/rolloutRunSummary";
export {
  createTrialContext,
  runRolloutTrial,
  type RolloutDesign,
  type RolloutTrialContext,
  type TrialParameters,
} from "./rollout/rolloutTrials";
export {
  spread,
  outputSummary,
  varianceDecomposition,
  tierRollout,
  monthlyPercentiles,
  gateSummaries,
  type Spread,
  type MonthPercentiles,
  type TierRollout,
  type GateSummary,
  type VarianceDecomposition,
} from "./rollout/rolloutSummary";
export { runRollout, calibrationForPlan, type RolloutOptions, type RolloutResult } from "./rollout/rolloutSimulation";
export { controlledMean, type ControlledMean } from "./stats/controlledMean";
// The programme model: one definition of the programme, three resolutions (deterministic, Monte Carlo, customer level).
export * from "./programme/index";
export { staffingCurve, roiByAuc, timingPolicies, type DecisionOptions, type DecisionPoint, type StaffingCurve } from "./rollout/rolloutDecisions";
export { gateAuc } from "./population/gateAuc";
export { runOnWorkers, terminateWorkerPool, type PoolJob } from "./workers/workerPool";
export { workerScript, type WorkerScript } from "./workers/workerBundle";
export { exportBetaTables, importBetaTables } from "./inputs/distributions";
export {
  recommend,
  reasonText,
  probabilityMeaning,
  GO_PROBABILITY,
  REDESIGN_BELOW,
  type Decision,
  type DecisionEvidence,
  type Recommendation,
  type RecommendationReason,
  type ReasonId,
  type ProbabilityBasis,
  type Pivot,
} from "./recommendation";
export { roiBridge, bridgeStepIds, bridgeLabels, type BridgeStep, type BridgeStepId, type RoiBridge, type BridgeOptions } from "./bridge";
export * from "./design/index";
export { pairedMean, type MeanEstimate } from "./stats/pairedMean";
