import * as fs from "node:fs";
import { makeOutputFolder } from "../io/makeOutputFolder";
import * as path from "node:path";
import { z } from "zod";
import { InputError } from "../io/InputError";
import { writeFilesAtomic } from "../io/writeFileAtomic";
import type { Calibrator } from "./calibration";
import type { ChurnPipeline, ModelMetadata } from "./ChurnPipeline";
import type { ChurnModel, ModelFiles } from "./ChurnModel";
import { loadGbdt } from "./gbdtModel";
import type { Preprocessor } from "./preprocess";
import { loadNetwork } from "./tfjsNetwork";

const kindSchema = z.enum(["logistic", "mlp", "gbdt"]);
const metadataSchema = z.looseObject({
  churnlabVersion: z.string(),
  kind: kindSchema,
  features: z.array(z.string()),
  encodedFeatures: z.array(z.string()),
  target: z.string(),
  positive: z.string(),
  idColumn: z.string().nullable(),
  seed: z.number(),
});
const calibrationSchema = z.union([
  z.object({ method: z.literal("none") }),
  z.object({ method: z.literal("platt"), a: z.number(), b: z.number() }),
  z.object({ method: z.literal("isotonic"), x: z.array(z.number()), y: z.array(z.number()) }),
]);
const preprocessingSchema = z.looseObject({
  version: z.literal(1),
  inputs: z.array(z.looseObject({ name: z.string(), kind: z.enum(["numeric", "categorical"]) })),
  outputNames: z.array(z.string()),
  groups: z.record(z.string(), z.array(z.number())),
});

/**
 * Saves a pipeline as a model folder: the model's own files (tfjs
 * model.json + weights.bin, or xgboost.bin + xgboost.json), plus
 * preprocessing.json, calibration.json and metadata.json. All files are
 * written atomically; the folder is created when missing.
 *
 * @throws InputError when `dir` exists as a file (the file is left untouched).
 * @example
 * await savePipeline("models/churn", pipeline); // ["models/churn/model.json", ...]
 */
export async function savePipeline(dir: string, pipeline: ChurnPipeline): Promise<string[]> {
  const files: ModelFiles = {
    ...(await pipeline.model.save()),
    "preprocessing.json": JSON.stringify(pipeline.preprocessor, null, 2),
    "calibration.json": JSON.stringify(pipeline.calibrator, null, 2),
    "metadata.json": JSON.stringify(pipeline.metadata, null, 2),
  };
  makeOutputFolder(dir);
  const out: Record<string, string | Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) out[path.join(dir, name)] = typeof content === "string" ? `${content}\n` : content;
  writeFilesAtomic(out);
  return Object.keys(out);
}

function readJson<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) throw new InputError(dir, [{ where: name, message: "missing: not a churnlab model folder" }]);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new InputError(dir, [{ where: name, message: `not valid JSON (${err instanceof Error ? err.message : String(err)})` }]);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InputError(dir, parsed.error.issues.map((i) => ({ where: `${name}: $${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`, message: i.message })));
  }
  return parsed.data;
}

/**
 * Loads a model folder written by {@link savePipeline}.
 *
 * @throws InputError when a file is missing or malformed, or the preprocessing and model disagree on the feature count.
 * @example
 * const pipeline = await loadPipeline("models/churn");
 * pipeline.metadata.kind; // "gbdt"
 */
export async function loadPipeline(dir: string): Promise<ChurnPipeline> {
  const metadata = readJson(dir, "metadata.json", metadataSchema) as unknown as ModelMetadata;
  const preprocessor = readJson(dir, "preprocessing.json", preprocessingSchema) as unknown as Preprocessor;
  const calibrator = readJson(dir, "calibration.json", calibrationSchema) as Calibrator;
  const read = (name: string, text: boolean): string | Uint8Array | undefined => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) return undefined;
    return text ? fs.readFileSync(file, "utf8") : new Uint8Array(fs.readFileSync(file));
  };
  const files: ModelFiles = {};
  const names = metadata.kind === "gbdt" ? ([["xgboost.bin", false], ["xgboost.json", true]] as const) : ([["model.json", true], ["weights.bin", false]] as const);
  const missing: string[] = [];
  for (const [name, text] of names) {
    const content = read(name, text);
    if (content === undefined) missing.push(name);
    else files[name] = content;
  }
  if (missing.length > 0) throw new InputError(dir, missing.map((m) => ({ where: m, message: `missing: a ${metadata.kind} model needs it` })));
  const model: ChurnModel = metadata.kind === "gbdt" ? await loadGbdt(files) : await loadNetwork(metadata.kind, files);
  if (model.inputs !== preprocessor.outputNames.length) {
    model.dispose();
    throw new InputError(dir, [{ where: "preprocessing.json", message: `encodes ${preprocessor.outputNames.length} columns but the model takes ${model.inputs}` }]);
  }
  return { preprocessor, model, calibrator, metadata };
}
