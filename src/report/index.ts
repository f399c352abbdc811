// The report domain: the CEO one-pager (the plan's section 9), from a plan
// file, its audit, the ROI bridge and the programme model's run, the
// recommendation and the stage gates, to HTML, PDF and PNG.
export type { CeoPageInputs, CeoMonteCarlo, CeoRollout, CeoRunInfo } from "./CeoPageInputs";
export { planFileInfo, type PlanFileInfo } from "./planFileInfo";
export { stageGates, type StageGate, type GateCriterion, type GateSource } from "./stageGates";
export { auditCorrections, type AuditCorrections, type CorrectionLine } from "./auditCorrections";
export { driverLabel } from "./driverLabel";
export { compactLayout } from "./compactLayout";
export { roiDistributionChart } from "./roiDistributionChart";
export { driversChart } from "./driversChart";
export { gatesChart, gateColor, holdColor } from "./gatesChart";
export { bridgePanelChart } from "./bridgePanelChart";
export { decisionBox, headlineCards, planClaims, decisionLabels } from "./decisionBox";
export { ceoPageCss } from "./ceoPageCss";
export { buildCeoPage } from "./buildCeoPage";
export { collectCeoInputs, defaultCeoTrials, defaultCeoRollout, type CeoRunOptions } from "./collectCeoInputs";
export { probabilityAbove } from "./probabilityAbove";
export { writeCeoReport, exportCeoPage, ceoReportFiles, type CeoReportOptions, type CeoReportResult } from "./writeCeoReport";
