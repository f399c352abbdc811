// Charts: plain Plotly figure specs, one theme, zh/en labels, notebook display and export.
export type { Figure, FigureSpec } from "./Figure";
export type * from "./plotlyTypes";
export { paletteColor, mergeLayout } from "./theme";
export { t, labels, languages, placeholders, type Lang, type LabelKey, type LabelParams } from "./labels";
export type { LabelSet, LabelText } from "./labelSets/LabelSet";
export {
  fontFamily,
  palette,
  tierColors,
  tierColor,
  semanticColors,
  defaultSize,
  themeLayout,
  themeConfig,
  baseLayout,
  applyTheme,
  deepMerge,
  type TierNumber,
} from "./theme";
export { formatWan, formatPercent, formatNumber, formatCell, numericCellFormats, tickFormats, yuanToWan, moneyAxis, type CellFormat } from "./format";
export { show, showMany, showTable, showPage, setDisplayLanguage, resetDisplay, type HtmlDisplay, type ShowOptions } from "./display";
export { tableHtml, isDataFrameLike, type TableColumn, type TableOptions, type TableSource, type DataFrameLike } from "./tableHtml";
export { registerDisplayFormatter, richBundle, type DisplayFormatter, type MimeBundle } from "./richDisplay";
export { inNotebookKernel } from "./notebookKernel";
export { figureElementHtml, jsonForScript, escapeHtml, type FigureElementOptions } from "./figureHtml";
export { htmlDocument, type HtmlDocumentParts } from "./htmlDocument";
export { plotlyBundle, plotlyVersion, plotlyScriptTag } from "./plotlyBundle";
export { figureProblems } from "./figureProblems";
export { figureSchema, figureToJson, saveFigure, loadFigure, parseFigure } from "./figureFile";
export { plotlyTraceTypes, type PlotlyTraceType } from "./plotlyTraceTypes";
export { binCounts, type Bins } from "./binCounts";
export { referenceLineLayout, type ReferenceLine } from "./referenceLines";
export { histogram, type HistogramOptions } from "./histogram";
export { barChart, type BarChartOptions, type BarSeries } from "./barChart";
export { lineChart, type LineChartOptions, type LineSeries, type Band } from "./lineChart";
export {
  figureToHtml,
  exportFigures,
  exportFigure,
  exportSize,
  exportSizeProblem,
  formatFromPath,
  exportFormats,
  type ExportFormat,
  type ExportOptions,
  type ExportJob,
  type ExportResult,
  type FigureHtmlOptions,
} from "./export";
export { withSharedExportPage, withSharedBrowser, closeSharedBrowser, isSharedBrowserOpen, type BrowserLauncher } from "./sharedBrowser";
export { openExportPage, takePageErrors, type ExportPage } from "./exportPage";
export { renderStatic, maxCanvasPixels, type StaticJob } from "./renderStatic";
export {
  launchBrowser,
  withBrowser,
  openHtmlPage,
  renderHtmlToPdf,
  screenshotHtml,
  pdfPageCount,
  type OpenHtmlOptions,
  type OpenedPage,
  type PdfOptions,
  type ScreenshotOptions,
} from "./browser";
export { costBreakdownChart, benefitBreakdownChart, roiChart } from "./planCharts";
export { tierShareChart, weeklyQueueChart, advisorLoadChart, delayCostChart } from "./actionCharts";
export { decayCurveChart, type DecayCurveChartOptions } from "./decayCharts";
export { targetingComparisonChart, gainChart, qiniChart } from "./targetingCharts";
export { churnRateByBucketChart, survivalChart, visitGapsChart, correlationHeatmap } from "./dataCharts";
export { rocChart, precisionRecallChart, calibrationChart } from "./modelCharts";
export { liftGainChart, importanceChart, tierDistributionChart, aucComparisonChart } from "./modelSummaryCharts";
export { roiHistogramFigure, convergenceFigure, scenarioFigure, inputLabel, type RoiHistogramOptions } from "./simulationCharts";
export { tornadoFigure, sobolFigure, spiderFigure } from "./sensitivityCharts";
export { bridgeWaterfallFigure, bridgeRowLabels, signedPoints, sePoints, type BridgeWaterfallOptions } from "./bridgeChart";
export {
  cashFlowFanChart,
  gateProbabilityChart,
  churnComparisonChart,
  staffingChart,
  roiByAucChart,
  timingPolicyChart,
  rolloutResultCharts,
} from "./rolloutCharts";
export { frontierChart, designBridgeChart, stressBoundaryChart, pilotErrorChart, type DesignPoint } from "./designCharts";
