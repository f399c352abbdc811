import * as path from "node:path";
import { InputError, type InputProblem } from "../../io/InputError";
import { readJsonFile } from "../../io/readJson";
import { jsonPath } from "../../plan/index";
import { isJsonRecord, type JsonRecord } from "./inputProblems";

/*
 * An uncertain plan as an overlay on a plan file:
 *
 *   { "base": "seed-plan.json",
 *     "overlay": { "benefits.churnBefore": { "dist": "pert", ... }, "name": "...", ... },
 *     "simulation": { ... }, "correlations": [ ... ], "sampling": { ... } }
 *
 * `base` is resolved relative to the overlay file. Each overlay key is a
 * dotted path into the base plan (array elements by their `id`, else their
 * index: "tiers.very-high.saveRate", "timing.abTest.0.saveRate"; the inputs'
 * readable names), each value a distribution or a plain value replacing the
 * base's. The result is the full form (the base with the values put in place,
 * plus the three sections), which the rest of the loader validates.
 */

/** The sections an overlay file carries besides `base` and `overlay`; they go into the resolved plan as they are. */
const sections = ["simulation", "correlations", "sampling"] as const;
const fields = new Set<string>(["$comment", "base", "overlay", ...sections]);

/** An overlay resolved into the full form, with the way back from the full form's paths to the files. */
export interface ResolvedOverlay {
  /** The base plan with the overlay applied and the sections added (plain data). */
  json: JsonRecord;
  /** The base plan file as resolved (relative to the overlay file). */
  baseFile: string;
  /** Restates a problem found in the full form where the user wrote it: `$.overlay["key"]…` in the overlay file, else the base file's path. */
  relocate(problem: InputProblem): InputProblem;
}

/**
 * Whether a parsed uncertain-plan JSON is an overlay (has a top-level `base`)
 * rather than the full form (a whole plan with distributions in it).
 *
 * @example
 * isPlanOverlay({ base: "seed-plan.json", overlay: {} }) // true
 */
export function isPlanOverlay(json: unknown): json is JsonRecord {
  return isJsonRecord(json) && "base" in json;
}

function shapeProblems(file: JsonRecord): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const key of Object.keys(file))
    if (!fields.has(key))
      problems.push({
        where: jsonPath([key]),
        message: 'unknown field (an overlay has "base", "overlay" and optionally "simulation", "correlations", "sampling")',
      });
  if (typeof file["base"] !== "string" || file["base"].trim() === "")
    problems.push({ where: "$.base", message: 'must be the file name of the base plan, relative to this file (e.g. "seed-plan.json")' });
  if (file["overlay"] !== undefined && !isJsonRecord(file["overlay"]))
    problems.push({
      where: "$.overlay",
      message: 'must be an object of {"path.to.field": distribution or value}, e.g. {"benefits.churnBefore": {"dist": "pert", ...}}',
    });
  return problems;
}

function readBase(base: string, baseFile: string, source: string): JsonRecord {
  let json: unknown;
  try {
    json = readJsonFile(baseFile, { what: "base plan file" });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const message = (p: InputProblem): string =>
      `the base plan "${base}" (${baseFile}, relative to ${source}) cannot be used: ${p.where === "$" ? "" : `${p.where}: `}${p.message}`;
    throw new InputError(
      source,
      err.problems.map((p) => ({ where: "$.base", message: message(p) })),
    );
  }
  if (isPlanOverlay(json))
    throw new InputError(source, [{ where: "$.base", message: `${baseFile} is itself an overlay (it has "base"): give a whole plan as the base` }]);
  if (!isJsonRecord(json)) throw new InputError(baseFile, [{ where: "$", message: `must be a JSON object (a plan), the base of ${source}` }]);
  return json;
}

/** "$.tiers[0].saveRate" → ["tiers", "0", "saveRate"]; "tiers.very-high.saveRate" → ["tiers", "very-high", "saveRate"]. */
function segmentsOf(key: string): string[] {
  const dotted = key.startsWith("$.") ? key.slice(2).replace(/\[(\d+)\]/g, ".$1") : key;
  return dotted.split(".");
}

function elementIndex(list: readonly unknown[], segment: string): number {
  const byId = list.findIndex((item) => isJsonRecord(item) && item["id"] === segment);
  if (byId >= 0) return byId;
  return /^\d+$/.test(segment) && Number(segment) < list.length ? Number(segment) : -1;
}

/** Walks a dotted key into the plan and sets its value; returns the JSON path it set, or the problem. */
function place(plan: JsonRecord, key: string, value: unknown, baseFile: string): { at: string } | { problem: string } {
  const segments = segmentsOf(key);
  if (segments.some((s) => s === "")) return { problem: 'must be a dotted path of fields, e.g. "tiers.very-high.saveRate" or "benefits.churnBefore"' };
  if ((sections as readonly string[]).includes(segments[0]!))
    return { problem: `put ${segments[0]} settings in the file's "${segments[0]}" section, not in "overlay"` };
  let node: unknown = plan;
  const at: Array<string | number> = [];
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (Array.isArray(node)) {
      const index = elementIndex(node, segment);
      if (index < 0) {
        const ids = node.map((item, j) => (isJsonRecord(item) && typeof item["id"] === "string" ? item["id"] : String(j)));
        return { problem: `"${segment}" is neither an id nor an index of ${jsonPath(at)} in the base plan ${baseFile} (${ids.join(", ")})` };
      }
      at.push(index);
      if (last) node[index] = value;
      else node = node[index];
    } else if (isJsonRecord(node)) {
      if (!last && !(segment in node)) return { problem: `${jsonPath([...at, segment])} is not in the base plan ${baseFile}` };
      at.push(segment);
      if (last) node[segment] = value;
      else node = node[segment];
    } else return { problem: `${jsonPath(at)} in the base plan ${baseFile} is a single value: there is no "${segment}" inside it` };
  }
  return { at: jsonPath(at) };
}

const within = (where: string, at: string): boolean => where === at || where.startsWith(`${at}.`) || where.startsWith(`${at}[`);

/**
 * Resolves an overlay file into the full form of an uncertain plan: reads the
 * base plan (relative to the overlay file; `-` reads relative to the working
 * folder), puts each overlay value at its path and adds the sections.
 *
 * @param file the parsed overlay JSON (see {@link isPlanOverlay})
 * @param source the overlay's file name (errors name it; the base is resolved next to it)
 * @throws InputError(source) naming `$.overlay["key"]` for a path the base does not have, two keys setting one field,
 *   unknown top-level fields; `$.base` with both files when the base cannot be read
 * @example
 * const overlay = { base: "seed-plan.json", overlay: { "benefits.churnBefore": { dist: "uniform", min: 0.15, max: 0.21 } } };
 * resolvePlanOverlay(overlay, "data/plans/x.json").json.benefits.churnBefore.dist // "uniform"
 */
export function resolvePlanOverlay(file: JsonRecord, source: string): ResolvedOverlay {
  const shape = shapeProblems(file);
  if (shape.length > 0) throw new InputError(source, shape);
  const base = String(file["base"]);
  const baseFile = path.join(source === "standard input" ? "." : path.dirname(source), base);
  const json = structuredClone(readBase(base, baseFile, source));
  const placed: Array<{ key: string; at: string }> = [];
  const problems: InputProblem[] = [];
  for (const [key, value] of Object.entries(isJsonRecord(file["overlay"]) ? file["overlay"] : {})) {
    const where = jsonPath(["overlay", key]);
    const r = place(json, key, structuredClone(value), baseFile);
    if ("problem" in r) problems.push({ where, message: r.problem });
    else {
      const clash = placed.find((p) => within(r.at, p.at) || within(p.at, r.at));
      if (clash !== undefined) problems.push({ where, message: `sets ${r.at}, which "${clash.key}" sets too: give each field once` });
      placed.push({ key, at: r.at });
    }
  }
  if (problems.length > 0) throw new InputError(source, problems);
  for (const section of sections) if (file[section] !== undefined) json[section] = structuredClone(file[section]);
  const relocate = (problem: InputProblem): InputProblem => {
    const entry = placed.find((p) => within(problem.where, p.at));
    if (entry !== undefined) return { where: `${jsonPath(["overlay", entry.key])}${problem.where.slice(entry.at.length)}`, message: problem.message };
    if (problem.where === "$" || sections.some((s) => file[s] !== undefined && within(problem.where, `$.${s}`))) return problem;
    return { where: `${baseFile}: ${problem.where}`, message: problem.message };
  };
  return { json, baseFile, relocate };
}
