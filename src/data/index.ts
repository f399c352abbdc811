// Data: schemas of the after-sales sources, strict CSV loaders, the synthetic population, exploration helpers.
export { isoToDay, dayToIso, isoWeekday } from "./dates";
export {
  cellSchema,
  allocateColumn,
  type ColumnKind,
  type ColumnStorage,
  type ColumnSpec,
  type TableSchema,
  type ColumnsOf,
  type Table,
  type ColumnValues,
} from "./schema";
export {
  segments,
  visitTypes,
  complaintCategories,
  longWaitHours,
  customersSchema,
  visitsSchema,
  surveysSchema,
  appActivitySchema,
  churnSchema,
  truthSchema,
  truthRiskSchema,
  sourceSchemas,
  truthSchemas,
  type Segment,
  type VisitType,
  type ComplaintCategory,
  type CustomersTable,
  type VisitsTable,
  type SurveysTable,
  type AppActivityTable,
  type ChurnTable,
  type TruthTable,
  type TruthRiskTable,
} from "./schemas";
export { readCsvText, exportEncodings, type ExportEncoding } from "./readCsvText";
export { parseCsvRecords, type CsvRecords } from "./parseCsvRecords";
export { detectCsvDelimiter } from "./detectCsvDelimiter";
export { loadTable, loadTableText, describeDropped, type LoadOptions, type LoadResult, type DroppedRow } from "./loadTable";
export { createTableBuilder, type TableBuilder, type TableBuilderOptions } from "./tableBuilder";
export {
  loadCustomers,
  loadVisits,
  loadSurveys,
  loadAppActivity,
  loadChurn,
  loadDataset,
  type Dataset,
  type LoadDatasetOptions,
  type LoadDatasetResult,
} from "./loaders";
export { writeCsvChunks, tableToCsv, writeTablesCsv, tableCsvFiles, csvField } from "./writeCsv";
export { compileDateFormat, type DateReader } from "./dateFormat";
export {
  exportMappingSchema,
  mappedSchemas,
  unitFactors,
  type ExportMapping,
  type TableMapping,
  type ColumnSource,
  type MappedTableName,
} from "./exportMapping";
export { columnReader, type ColumnReader, type ReadCell } from "./columnReader";
export { loadExportMapping, mapExport, type MappedExport, type MappedTableReport } from "./mapExport";
export { alignChurn } from "./alignChurn";
export { toDataFrame, fromDataFrame, type ToDataFrameOptions } from "./dataFrame";
export { defaultChurnEffects, type ChurnEffects } from "./churnEffects";
export { synthesize, defaultSynthBehaviour, type SynthOptions, type SynthBehaviour, type SyntheticPopulation } from "./synthesize";
export { summarizePopulation, tierOfProbability, type PopulationSummary, type TierShares } from "./summarizePopulation";
export { kaplanMeier, survivalAt, type KaplanMeierCurve, type KaplanMeierOptions, type ConfidenceType } from "./kaplanMeier";
export { signalSnapshot, type SignalSnapshot } from "./signalSnapshot";
export { churnRateByBucket, churnRateByCategory, wilsonInterval, type BucketRate } from "./churnRateByBucket";
export { daysBetweenVisits } from "./visitGaps";
export { correlationMatrix, type CorrelationMatrix } from "./correlationMatrix";
export { retentionCurves, type GroupCurve } from "./retentionCurves";
