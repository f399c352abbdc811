export { InputError, type InputProblem } from "./InputError";
export { writeFileAtomic, writeFilesAtomic } from "./writeFileAtomic";
export { makeOutputFolder, createFolders, removeCreatedFolders } from "./makeOutputFolder";
export { commitFiles, commitStagedFiles, recoverFolder, type FileContent, type CommitOptions, type StagedFile } from "./writeTransaction";
export { prepareOutputs, settlePreparedOutputs, type OutputSpec, type OutputWriter, type PathsByFlag } from "./outputWriter";
export { asWriteProblem, writeFailureReason } from "./fileSystemProblem";
export {
  tempOwner,
  journalOwner,
  isProcessAlive,
  tempPathFor,
  makeTempFolder,
  releaseTemp,
  tryReleaseTemp,
  forgetTemp,
  installTempCleanup,
  removeStaleOsTemps,
  removeStaleTempsIn,
} from "./tempFiles";
export { readInputBytes, type ReadInputOptions } from "./readInputBytes";
export { readJsonFile, parseJsonBytes, parseJsonText, firstInvalidUtf8, type JsonReadOptions } from "./readJson";
export { jsonStructureProblems, lineAndColumn } from "./jsonStructure";
export { withFileLock, type FileLockOptions, type LockHolder } from "./withFileLock";
export { groupDigits, wanAmount, yuanText, percentText, type Decimals } from "./numberText";
export { stripBom, utf8WithoutBom, readTextHead } from "./stripBom";
export { churnlabVersion } from "./churnlabVersion";
