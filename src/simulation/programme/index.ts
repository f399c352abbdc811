export { programmeSettingsFor, programmeSettingsShape, type ProgrammeSettings, type ProgrammeSettingsInput, type AssumptionSource } from "./programmeSettings";
export { stageCapacities, callsPerAdvisor, ADVISOR_TIER_NUMBER, type StageTierCapacity } from "./stageCapacity";
export { basisFromPanel, type ProgrammeBasis } from "./programmeBasis";
export { evaluateProgramme, programmeFlowsFor, programmeOutputs, type ProgrammeEconomics, type ProgrammeFlows, type WeightedBasis } from "./programmeCash";
export { buildProgrammeModel, programmeCalibration, type ProgrammeModel, type ProgrammeModelOptions } from "./programmeModel";
export { programmeGrids, programmeModelFor } from "./programmeModelFor";
export { cornersAt, economicsFor, evaluateProgrammeModel, type EvaluationValues, type ProgrammeEvaluation } from "./programmeEvaluation";
export { compileProgrammeKernel } from "./programmeKernel";
export { programmeSummary, type ProgrammeSummary } from "./programmeSummary";
