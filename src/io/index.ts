export { InputError, type InputProblem } from "./InputError";
export { writeFileAtomic, writeFilesAtomic } from "./writeFileAtomic";
export { makeOutputFolder } from "./makeOutputFolder";
export { readJsonFile, MAX_JSON_BYTES } from "./readJsonFile";
