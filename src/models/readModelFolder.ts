import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type InputProblem } from "../io/InputError";
import { readInputBytes } from "../io/readInputBytes";

/** Every file name a churnlab model folder may hold (other files in the folder are ignored). */
export const modelFolderFiles = [
  "manifest.json",
  "metadata.json",
  "preprocessing.json",
  "calibration.json",
  "model.json",
  "weights.bin",
  "xgboost.json",
  "xgboost.bin",
] as const;

/** The largest model file churnlab reads: 256 MiB (a 2,000-column MLP's weights are about 0.3 MB, boosted trees a few MB). */
const largestModelFileBytes = 256 * 1024 * 1024;

/**
 * Reads the known files of a model folder ({@link modelFolderFiles}) as
 * bytes, once, so every later check (checksums, JSON, shapes) sees the same
 * content. Absent files are left out of the map; a folder that is missing or
 * a file, a model file that is not a regular file (a folder, a device, a
 * pipe) or larger than {@link largestModelFileBytes}, or unreadable, is bad
 * input naming it.
 *
 * @throws InputError (source = dir) listing every unreadable file.
 * @example
 * readModelFolder("models/churn").get("metadata.json")?.length; // e.g. 810
 */
export function readModelFolder(dir: string): Map<string, Uint8Array> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new InputError(dir, [{ where: "folder", message: "not found: --model names the folder churnlab train --out wrote" }]);
  }
  if (!stat.isDirectory())
    throw new InputError(dir, [
      {
        where: "folder",
        message: "is a file, not a model folder: --model names the folder churnlab train --out wrote",
      },
    ]);
  const read = new Map<string, Uint8Array>();
  const problems: InputProblem[] = [];
  for (const name of modelFolderFiles) {
    const file = path.join(dir, name);
    let fileStat: fs.Stats;
    try {
      fileStat = fs.statSync(file);
    } catch {
      continue; // absent: the caller decides whether this kind of model needs it
    }
    if (!fileStat.isFile()) {
      problems.push({ where: name, message: "is not a regular file (a folder, device or pipe)" });
      continue;
    }
    try {
      read.set(name, new Uint8Array(readInputBytes(file, { maxBytes: largestModelFileBytes, what: "model file" })));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      for (const p of err.problems) problems.push({ where: name, message: p.message });
    }
  }
  if (problems.length > 0) throw new InputError(dir, problems);
  return read;
}
