/*
 * src/models: churn models on TensorFlow.js and XGBoost-wasm, train-only
 * preprocessing, calibration, honest evaluation, model folders.
 */
export { type Matrix, matrix, selectRows, selectValues } from "./Matrix";
export { chooseBackend, type BackendChoice, type BackendName } from "./backend";
export { type ChurnModel, type ModelKind, modelKinds, type LabelledData, type FitOptions, type FitHistory, type ModelFiles } from "./ChurnModel";
export { balancedClassWeights } from "./classWeights";
export {
  fitPreprocessor,
  NoUsableFeaturesError,
  transform,
  type Preprocessor,
  type PreprocessOptions,
  type RawColumn,
  type RawColumns,
  type NumericInput,
  type CategoricalInput,
} from "./preprocess";
export { parseNumberCell, isMissingCell, looksNumeric, outOfRangeNumericCells } from "./numberCells";
export { cellWarnings, unparsedNumericCells, unseenCategoryLevels, type UnparsedCells, type UnseenLevels } from "./cellWarnings";
export { trainNetwork, loadNetwork, type NetworkOptions } from "./tfjsNetwork";
export { fitLogisticNewton, type NewtonOptions, type LogisticFit } from "./fitLogisticNewton";
export { solveSymmetricPositive } from "./solveSymmetricPositive";
export { trainGbdt, loadGbdt, type GbdtOptions } from "./gbdtModel";
export { isotonicRegression, type IsotonicOrder } from "./isotonicRegression";
export { fitPlatt, fitIsotonic, fitCalibration, applyCalibration, type Calibrator, type CalibrationMethod } from "./calibration";
export { stratifiedSplit } from "./stratifiedSplit";
export { customerSplit, groupCodes, latestSnapshotsCut } from "./customerSplit";
export { chooseSplit, type ChosenSplit, type SplitDescription, type SplitMethod } from "./chooseSplit";
export { splitColumns, type SplitColumns } from "./splitColumns";
export { featureProfiles, featureDrift, featureProfilesSchema, driftMinimumRows, type FeatureProfile, type FeatureDrift } from "./featureDrift";
export { modelCard, type ModelCardTest } from "./modelCard";
export { parseTarget, checkIds, type ParsedTarget } from "./parseTarget";
export { readTabularCsv, type TabularCsv } from "./readTabularCsv";
export { scoreWithPipeline, type ChurnPipeline, type ModelMetadata } from "./ChurnPipeline";
export { savePipeline, loadPipeline, type LoadedPipeline, type SaveOptions } from "./persistence";
export { buildModelManifest, checkModelManifest, modelManifestSchema, manifestFileName, sha256Hex, type ModelManifest } from "./modelManifest";
export { readModelFolder, modelFolderFiles } from "./readModelFolder";
export { parseModelFolder, modelKindFiles, type ParsedModelFolder } from "./parseModelFolder";
export { modelWarnings } from "./modelWarnings";
export { trainChurnModel, defaultLogistic, type TrainOptions, type TrainResult, type DataSplit, type Candidate } from "./trainChurnModel";
export * from "./metrics/index";
export { identifierLikeColumns } from "./identifierLikeColumns";
