import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { makeOutputFolder } from "../io/makeOutputFolder";
import { writeFilesAtomic } from "../io/writeFileAtomic";
import type { ChurnPipeline } from "./ChurnPipeline";
import type { ChurnModel, ModelFiles } from "./ChurnModel";
import { loadGbdt } from "./gbdtModel";
import { buildModelManifest, checkModelManifest, manifestFileName, modelManifestSchema } from "./modelManifest";
import { modelKindFiles, parseModelFolder, parseModelJson } from "./parseModelFolder";
import { readModelFolder } from "./readModelFolder";
import { loadNetwork } from "./tfjsNetwork";
import { modelCard, type ModelCardTest } from "./modelCard";
import { loadPlan } from "../plan/loadPlan";
import { seedPlanFile } from "../plan/seedPlanFile";
import type { Tier } from "../plan/schema";

/** The model card's file name: written beside the model, not in the manifest (people may annotate it). */
const modelCardFileName = "MODEL_CARD.md";

/** Options of {@link savePipeline}: what the model card can show besides the metadata. */
export interface SaveOptions {
  /** Risk tiers for the card's threshold table (default: the seed plan's). */
  tiers?: readonly Tier[];
  /** Calibrated test probabilities and labels (`TrainResult.test`): calibration and tier tables on test rows. */
  test?: ModelCardTest;
}

/**
 * Saves a pipeline as a model folder: the model's own files (tfjs
 * model.json + weights.bin, or xgboost.bin + xgboost.json), plus
 * preprocessing.json, calibration.json, metadata.json and manifest.json
 * (each file's size and SHA-256, see `modelManifest`), and MODEL_CARD.md
 * (see `modelCard`; outside the manifest). All files are staged
 * and renamed together (writeFilesAtomic); the folder is created when missing.
 *
 * @throws InputError when `dir` exists as a file (the file is left untouched).
 * @example
 * await savePipeline("models/churn", pipeline); // ["models/churn/model.json", ..., "models/churn/manifest.json"]
 */
export async function savePipeline(dir: string, pipeline: ChurnPipeline, options: SaveOptions = {}): Promise<string[]> {
  const files: ModelFiles = {
    ...(await pipeline.model.save()),
    "preprocessing.json": JSON.stringify(pipeline.preprocessor, null, 2),
    "calibration.json": JSON.stringify(pipeline.calibrator, null, 2),
    "metadata.json": JSON.stringify({ ...pipeline.metadata, manifest: manifestFileName }, null, 2),
  };
  const contents: Record<string, string | Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) contents[name] = typeof content === "string" ? `${content}\n` : content;
  contents[manifestFileName] = `${JSON.stringify(buildModelManifest(contents, pipeline.metadata.churnlabVersion), null, 2)}\n`;
  contents[modelCardFileName] = `${modelCard(pipeline.metadata, options.tiers ?? seedPlanTiers(), options.test)}\n`;
  makeOutputFolder(dir);
  const out: Record<string, string | Uint8Array> = {};
  for (const [name, content] of Object.entries(contents)) out[path.join(dir, name)] = content;
  writeFilesAtomic(out);
  return Object.keys(out);
}

/** The seed plan's tiers for the model card; none when the plan cannot be read (the card then leaves the table out). */
function seedPlanTiers(): readonly Tier[] | undefined {
  try {
    return loadPlan(seedPlanFile).tiers;
  } catch {
    return undefined;
  }
}

/** A loaded model folder, with what the caller should tell the user (e.g. a folder saved before checksums). */
export interface LoadedPipeline extends ChurnPipeline {
  warnings: string[];
}

/**
 * Checks the folder's files against manifest.json (sizes, SHA-256, the three JSON files listed) and returns the
 * names it lists; without one (folders saved before churnlab wrote it) returns null.
 */
function verifyManifest(dir: string, read: ReadonlyMap<string, Uint8Array>): Set<string> | null {
  const bytes = read.get(manifestFileName);
  if (bytes === undefined) return null;
  const problems: InputProblem[] = [];
  const json = parseModelJson(bytes, manifestFileName, problems);
  if (problems.length > 0) throw new InputError(dir, problems);
  const manifest = modelManifestSchema.safeParse(json);
  if (!manifest.success) {
    throw new InputError(
      dir,
      manifest.error.issues.map((i) => ({ where: `${manifestFileName}: $.${i.path.join(".")}`, message: i.message })),
    );
  }
  const mismatched = checkModelManifest(manifest.data, read, ["metadata.json", "preprocessing.json", "calibration.json"]);
  if (mismatched.length > 0) throw new InputError(dir, mismatched);
  return new Set(Object.keys(manifest.data.files));
}

/**
 * Loads a model folder written by {@link savePipeline}, refusing any file
 * that is damaged or does not belong with the others: each file is read
 * once; with a manifest.json, every file's size and SHA-256 must match it;
 * then every JSON file is checked against its schema and the files against
 * each other (features, encoded columns, weight shapes and byte counts, tree
 * inputs; see `parseModelFolder`); a model that still fails to load names its
 * files. A folder without manifest.json (saved before churnlab wrote one)
 * loads with a warning in `warnings`: only shapes can be checked, so a
 * weights file of the same shape from another model would go unnoticed.
 *
 * @throws InputError (source = dir) naming each file and the rule it breaks.
 * @example
 * const pipeline = await loadPipeline("models/churn");
 * pipeline.metadata.kind; // "gbdt"
 * pipeline.warnings;      // [] for a folder saved with checksums
 */
export async function loadPipeline(dir: string): Promise<LoadedPipeline> {
  const read = readModelFolder(dir);
  const listed = verifyManifest(dir, read);
  const { metadata, preprocessor, calibrator, modelFiles } = parseModelFolder(dir, read);
  const unlisted = listed === null ? [] : modelKindFiles[metadata.kind].filter((name) => !listed.has(name));
  if (unlisted.length > 0) {
    throw new InputError(
      dir,
      unlisted.map((name) => ({ where: name, message: `not listed in ${manifestFileName}: it was not saved with this model` })),
    );
  }
  const warnings =
    listed !== null
      ? []
      : [
          `${dir}: no ${manifestFileName} (saved by an older churnlab): ` +
            "its files cannot be checked against each other, only their shapes; train it again to add checksums",
        ];
  let model: ChurnModel;
  try {
    model = metadata.kind === "gbdt" ? await loadGbdt(modelFiles) : await loadNetwork(metadata.kind, modelFiles);
  } catch (err) {
    const names = Object.keys(modelFiles).join(" and ");
    throw new InputError(dir, [{ where: names, message: `cannot be loaded as a ${metadata.kind} model: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  if (model.inputs !== preprocessor.outputNames.length) {
    model.dispose();
    throw new InputError(dir, [
      {
        where: "preprocessing.json",
        message: `encodes ${preprocessor.outputNames.length} columns but the model takes ${model.inputs}`,
      },
    ]);
  }
  return { preprocessor, model, calibrator, metadata, warnings };
}
