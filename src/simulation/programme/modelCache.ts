import * as fs from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../io/writeFileAtomic";
import type { ProgrammeModel } from "./programmeModel";

const CACHE = join(__dirname, "..", "..", "..", "node_modules", ".cache", "churnlab");

/** JSON with typed arrays kept as such: `{"$f64": [...]}` / `{"$i32": [...]}`. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Float64Array) return { $f64: Array.from(value) };
  if (value instanceof Int32Array) return { $i32: Array.from(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null) {
    if ("$f64" in value && Array.isArray(value.$f64)) return Float64Array.from(value.$f64);
    if ("$i32" in value && Array.isArray(value.$i32)) return Int32Array.from(value.$i32);
  }
  return value;
}

/**
 * A programme model stored by `saveModel` under this key
 * (node_modules/.cache/churnlab/programme-<key>.json), or undefined when
 * there is none or it cannot be read: the cache is an optimisation, never a
 * source of errors. The key must cover everything the model depends on (the
 * plan, the options and the source code).
 *
 * @example
 * loadModel("ab12…") // undefined the first time
 */
export function loadModel(key: string): ProgrammeModel | undefined {
  return loadCached<ProgrammeModel>(`programme-${key}`);
}

/** Stores a model under a key (atomically; a failure to write is ignored). */
export function saveModel(key: string, model: ProgrammeModel): void {
  saveCached(`programme-${key}`, model);
}

/** A value stored by {@link saveCached} under a name, or undefined. */
export function loadCached<T>(name: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(join(CACHE, `${name}.json`), "utf8"), reviver) as T;
  } catch {
    return undefined;
  }
}

/** Stores plain data (typed arrays allowed) under a name in the cache folder; a failure to write is ignored. */
export function saveCached(name: string, value: unknown): void {
  try {
    writeFileAtomic(join(CACHE, `${name}.json`), JSON.stringify(value, replacer));
  } catch {
    // A read-only install: the value is computed again next time.
  }
}
