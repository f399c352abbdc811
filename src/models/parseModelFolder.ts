import { z } from "zod";
import { InputError, type InputProblem } from "../io/InputError";
import { parseJsonBytes } from "../io/readJson";
import type { Calibrator } from "./calibration";
import type { ModelMetadata } from "./ChurnPipeline";
import type { ModelFiles, ModelKind } from "./ChurnModel";
import { preprocessorLayout, type Preprocessor } from "./preprocess";

const kindSchema = z.enum(["logistic", "mlp", "gbdt"]);
const finite = z.number();
const metadataSchema = z.looseObject({
  churnlabVersion: z.string(),
  kind: kindSchema,
  features: z.array(z.string()),
  encodedFeatures: z.array(z.string()),
  target: z.string(),
  positive: z.string(),
  idColumn: z.string().nullable(),
  seed: z.number(),
  manifest: z.literal("manifest.json").optional(),
});
const calibrationSchema = z.union([
  z.strictObject({ method: z.literal("none") }),
  z.strictObject({ method: z.literal("platt"), a: finite, b: finite }),
  z
    .strictObject({ method: z.literal("isotonic"), x: z.array(finite).min(1), y: z.array(z.number().min(0).max(1)).min(1) })
    .refine((c) => c.x.length === c.y.length, "x and y must have the same length")
    .refine((c) => c.x.every((v, i) => i === 0 || v >= (c.x[i - 1] as number)), "x must be in increasing order"),
]);
const inputSchema = z.discriminatedUnion("kind", [
  z.strictObject({ name: z.string(), kind: z.literal("numeric"), median: finite, mean: finite, sd: z.number().positive(), missingIndicator: z.boolean() }),
  z.strictObject({
    name: z.string(),
    kind: z.literal("categorical"),
    levels: z.array(z.string()),
    other: z.boolean(),
    mode: z.string(),
    missingIndicator: z.boolean(),
  }),
]);
const preprocessingSchema = z.strictObject({
  version: z.literal(1),
  inputs: z.array(inputSchema).min(1),
  outputNames: z.array(z.string()),
  groups: z.record(z.string(), z.array(z.number().int())),
  dropped: z.array(z.strictObject({ name: z.string(), reason: z.string() })).default([]),
});
const weightSpecSchema = z.looseObject({ name: z.string(), shape: z.array(z.number().int().min(0)), dtype: z.literal("float32") });
const networkJsonSchema = z.looseObject({
  format: z.literal("layers-model"),
  churnlabKind: kindSchema.optional(),
  modelTopology: z.looseObject({}),
  weightsManifest: z.array(z.looseObject({ paths: z.array(z.string()), weights: z.array(weightSpecSchema) })).min(1),
});
const gbdtJsonSchema = z.looseObject({
  format: z.literal("xgboost-binary"),
  inputs: z.number().int().min(1),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** A model folder's parsed files, checked against each other. */
export interface ParsedModelFolder {
  metadata: ModelMetadata;
  preprocessor: Preprocessor;
  calibrator: Calibrator;
  /** The model's own files (model.json + weights.bin, or xgboost.json + xgboost.bin), for `loadNetwork` / `loadGbdt`. */
  modelFiles: ModelFiles;
}

/** The files each model kind needs besides metadata.json, preprocessing.json and calibration.json. */
export const modelKindFiles: Readonly<Record<ModelKind, readonly string[]>> = {
  logistic: ["model.json", "weights.bin"],
  mlp: ["model.json", "weights.bin"],
  gbdt: ["xgboost.json", "xgboost.bin"],
};

function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
}

/**
 * Parses JSON bytes of a model folder file with churnlab's JSON reader (UTF-8, syntax, duplicate keys, depth); its
 * problems come back with the file's name in front of their place (`model.json: $`, `metadata.json: byte 12`).
 *
 * @throws nothing: problems are pushed to `problems` and undefined returned.
 */
export function parseModelJson(bytes: Uint8Array, name: string, problems: InputProblem[]): unknown {
  try {
    return parseJsonBytes(bytes, name);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems)
      problems.push({
        where: `${name}: ${p.where}`,
        message: `${p.message}${p.where === "$" ? " (the file is damaged or cut short)" : ""}`,
      });
    return undefined;
  }
}

/** Parses one JSON file of the folder: the JSON reader, then the schema; problems name the file and the JSON path. */
function parseJsonFile<T>(read: ReadonlyMap<string, Uint8Array>, name: string, schema: z.ZodType<T>, problems: InputProblem[], missing: string): T | undefined {
  const bytes = read.get(name);
  if (bytes === undefined) return void problems.push({ where: name, message: `missing: ${missing}` });
  const before = problems.length;
  const value = parseModelJson(bytes, name, problems);
  if (problems.length > before) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) problems.push({ where: `${name}: ${jsonPath(i.path)}`, message: i.message });
  return undefined;
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Rules between files: each returns a problem or nothing. */
function crossFileProblems(
  metadata: ModelMetadata,
  pre: Preprocessor,
  read: ReadonlyMap<string, Uint8Array>,
  network?: z.infer<typeof networkJsonSchema>,
  gbdt?: z.infer<typeof gbdtJsonSchema>,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const inputs = pre.inputs.map((i) => i.name);
  if (!same(metadata.features, inputs))
    problems.push({
      where: "metadata.json: $.features",
      message: `are ${metadata.features.join(", ")}; preprocessing.json's inputs are ${inputs.join(", ")}`,
    });
  if (!same(metadata.encodedFeatures, pre.outputNames))
    problems.push({
      where: "metadata.json: $.encodedFeatures",
      message: `list ${metadata.encodedFeatures.length} columns that differ from preprocessing.json's ${pre.outputNames.length} outputNames`,
    });
  const layout = preprocessorLayout(pre.inputs);
  if (!same(layout.outputNames, pre.outputNames) || JSON.stringify(layout.groups) !== JSON.stringify(pre.groups)) {
    problems.push({ where: "preprocessing.json: $.outputNames", message: "outputNames and groups do not follow from the inputs (the file was edited)" });
  }
  const cols = pre.outputNames.length;
  if (network !== undefined) {
    if (network.churnlabKind !== undefined && network.churnlabKind !== metadata.kind)
      problems.push({
        where: "model.json: $.churnlabKind",
        message: `is ${network.churnlabKind}, metadata.json says ${metadata.kind}`,
      });
    const specs = network.weightsManifest.flatMap((g) => g.weights);
    const values = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
    const weights = read.get("weights.bin") ?? new Uint8Array(0);
    const bytes = weights.length;
    if (bytes !== values * 4)
      problems.push({
        where: "weights.bin",
        message:
          `is ${bytes} bytes; model.json's weightsManifest describes ${values * 4} (${values} float32 values): ` +
          "the weights belong to another model or are damaged",
      });
    else if (!new Float32Array(weights.slice().buffer).every(Number.isFinite))
      problems.push({
        where: "weights.bin",
        message: "holds values that are not finite numbers (NaN or ±Infinity): the file is damaged",
      });
    const first = specs[0]?.shape[0];
    if (first !== cols)
      problems.push({
        where: "model.json: $.weightsManifest",
        message: `the first layer takes ${first ?? "no"} inputs; preprocessing.json encodes ${cols} columns`,
      });
  }
  if (gbdt !== undefined && gbdt.inputs !== cols)
    problems.push({
      where: "xgboost.json: $.inputs",
      message: `is ${gbdt.inputs}; preprocessing.json encodes ${cols} columns`,
    });
  return problems;
}

/**
 * Parses a model folder's files (read by `readModelFolder`) and checks them
 * against each other: every JSON file against its schema, the metadata's
 * features against the preprocessing, the preprocessing's columns against
 * its inputs, the network's weight shapes against weights.bin's size and the
 * encoded columns, the trees' input count. Every problem names the file and
 * the rule.
 *
 * @throws InputError (source = dir) listing every problem.
 * @example
 * parseModelFolder("models/churn", readModelFolder("models/churn")).metadata.kind; // "logistic"
 */
export function parseModelFolder(dir: string, read: ReadonlyMap<string, Uint8Array>): ParsedModelFolder {
  const problems: InputProblem[] = [];
  // metadataSchema checks the fields loading relies on; the rest (metrics, rows, profile) is what training wrote, shown as is.
  const metadata = parseJsonFile(read, "metadata.json", metadataSchema, problems, "not a churnlab model folder") as ModelMetadata | undefined;
  if (metadata?.manifest !== undefined && !read.has(metadata.manifest)) {
    problems.push({
      where: metadata.manifest,
      message: "missing, but metadata.json says the folder was saved with it: the folder is incomplete or was tampered with",
    });
  }
  const preprocessor: Preprocessor | undefined = parseJsonFile(read, "preprocessing.json", preprocessingSchema, problems, "every model folder has it");
  const calibrator: Calibrator | undefined = parseJsonFile(read, "calibration.json", calibrationSchema, problems, "every model folder has it");
  if (metadata === undefined || preprocessor === undefined || calibrator === undefined) throw new InputError(dir, problems);
  const needs = `a ${metadata.kind} model needs it`;
  const network = metadata.kind === "gbdt" ? undefined : parseJsonFile(read, "model.json", networkJsonSchema, problems, needs);
  const gbdt = metadata.kind === "gbdt" ? parseJsonFile(read, "xgboost.json", gbdtJsonSchema, problems, needs) : undefined;
  const binary = metadata.kind === "gbdt" ? "xgboost.bin" : "weights.bin";
  if (!read.has(binary)) problems.push({ where: binary, message: `missing: ${needs}` });
  if (problems.length > 0) throw new InputError(dir, problems);
  for (const p of crossFileProblems(metadata, preprocessor, read, network, gbdt)) problems.push(p);
  if (problems.length > 0) throw new InputError(dir, problems);
  const modelFiles: ModelFiles = {};
  for (const name of modelKindFiles[metadata.kind]) {
    const bytes = read.get(name)!;
    modelFiles[name] = name.endsWith(".json") ? new TextDecoder().decode(bytes) : bytes;
  }
  return { metadata, preprocessor, calibrator, modelFiles };
}
