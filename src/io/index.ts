export { InputError, type InputProblem } from "./InputError";
export { writeFileAtomic, writeFilesAtomic } from "./writeFileAtomic";
export { makeOutputFolder } from "./makeOutputFolder";
export { withFileLock, type FileLockOptions, type LockHolder } from "./withFileLock";
