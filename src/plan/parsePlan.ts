import type { z } from "zod";
import { InputError, type InputProblem } from "../io/InputError";
import { planSchema, type Plan } from "./schema";

/**
 * Formats a path of keys and indices as a JSON path: `["tiers", 1, "saveRate"]` → `$.tiers[1].saveRate`.
 *
 * @example
 * jsonPath(["tiers", 1, "budgetYuanPerPerson"]) // "$.tiers[1].budgetYuanPerPerson"
 */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "$";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value);
}

function issueToProblem(issue: z.core.$ZodIssue): InputProblem[] {
  const where = jsonPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return [{ where, message: `missing field (expected ${issue.expected})` }];
      return [
        { where, message: `must be ${issue.expected === "array" || issue.expected === "object" ? "an" : "a"} ${issue.expected}, got ${describe(input)}` },
      ];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ where: jsonPath([...issue.path, key]), message: "unknown field (check its spelling against src/plan/schema.ts)" }));
    case "too_small":
    case "too_big":
      if (issue.origin === "array") return [{ where, message: `${issue.message}, got ${Array.isArray(input) ? input.length : "?"} items` }];
      return [{ where, message: `${issue.message}, got ${describe(input)}` }];
    case "invalid_format":
      return [{ where, message: `${issue.message}, got ${describe(input)}` }];
    default:
      return [{ where, message: input === undefined ? issue.message : `${issue.message}, got ${describe(input)}` }];
  }
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const fmt = (v: number): string => String(Number(v.toPrecision(12)));

/**
 * The tiers above the lowest band must leave room for it: their shares add up
 * to less than 1 (the rollout calibrates the model's score cut-offs to them).
 */
function shareProblems(tiers: readonly unknown[]): InputProblem[] {
  const banded = tiers.flatMap((t, index) => {
    const min = isRec(t) ? num(t["probabilityMin"]) : undefined;
    const share = isRec(t) ? num(t["shareStated"]) : undefined;
    return min === undefined || share === undefined ? [] : [{ index, min, share }];
  });
  // Only when every share is itself valid: a share out of range is reported alone.
  if (banded.length !== tiers.length || banded.length < 2 || banded.some((t) => !(t.share > 0 && t.share <= 1))) return [];
  const lowest = banded.reduce((a, b) => (b.min < a.min ? b : a));
  const above = banded.filter((t) => t !== lowest).reduce((s, t) => s + t.share, 0);
  if (above < 1) return [];
  const held = `the tiers above the lowest band already hold ${fmt(above * 100)}% of customers`;
  const message = `${held}: their shares must add up to less than 100%, leaving some for this tier`;
  return [{ where: `$.tiers[${lowest.index}].shareStated`, message }];
}

/** A/B points in increasing order of delay (the save-rate curve is interpolated through them). */
function abTestProblems(raw: Rec): InputProblem[] {
  const timing = isRec(raw["timing"]) ? raw["timing"] : {};
  const delays = arr(timing["abTest"]).map((p) => (isRec(p) ? num(p["delayDays"]) : undefined));
  const problems: InputProblem[] = [];
  for (let i = 1; i < delays.length; i += 1) {
    const [before, now] = [delays[i - 1], delays[i]];
    if (before !== undefined && now !== undefined && !(now > before)) {
      const message = `must be above the previous point's delay (${fmt(before)} days), got ${fmt(now)}: list the A/B points by increasing delay`;
      problems.push({ where: `$.timing.abTest[${i}].delayDays`, message });
    }
  }
  return problems;
}

type Band = { index: number; min: number; max: number };

/** Tier ids unique; each band's bounds in order (returns the valid bands). */
function tierIdAndBoundProblems(tiers: readonly unknown[], tierIds: Set<string>, problems: InputProblem[]): Band[] {
  const bands: Band[] = [];
  tiers.forEach((tier, index) => {
    if (!isRec(tier)) return;
    const tid = str(tier["id"]);
    if (tid !== undefined) {
      if (tierIds.has(tid)) problems.push({ where: `$.tiers[${index}].id`, message: `duplicate tier id "${tid}"` });
      tierIds.add(tid);
    }
    const min = num(tier["probabilityMin"]);
    const max = num(tier["probabilityMax"]);
    if (min === undefined || max === undefined) return;
    if (min >= max) {
      problems.push({
        where: `$.tiers[${index}].probabilityMin`,
        message: `must be below probabilityMax (${fmt(max)}), got ${fmt(min)}: the probability bounds are out of order`,
      });
      return;
    }
    bands.push({ index, min, max });
  });
  return bands;
}

/** Bands tile 0..1 without overlap or gap (checked only when every band is in order). */
function tilingProblems(tiers: readonly unknown[], bands: readonly Band[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  // With a band out of order the tiling is meaningless: report that problem alone.
  const tiersInOrder =
    bands.length === tiers.filter((t) => isRec(t) && num(t["probabilityMin"]) !== undefined && num(t["probabilityMax"]) !== undefined).length;
  for (let i = 1; tiersInOrder && i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const next = sorted[i]!;
    if (next.min < prev.max) {
      problems.push({
        where: `$.tiers[${next.index}].probabilityMin`,
        message: `tier band ${fmt(next.min)}–${fmt(next.max)} overlaps tier $.tiers[${prev.index}] (${fmt(prev.min)}–${fmt(prev.max)})`,
      });
    } else if (next.min > prev.max) {
      problems.push({
        where: `$.tiers[${next.index}].probabilityMin`,
        message: `gap between tier bands: $.tiers[${prev.index}] ends at ${fmt(prev.max)} but this tier starts at ${fmt(next.min)}`,
      });
    }
  }
  if (bands.length === tiers.length && sorted.length > 0) {
    const lowest = sorted[0]!;
    const highest = sorted[sorted.length - 1]!;
    const cover = "the tiers must cover probabilities from 0 to 1, but the";
    if (lowest.min > 0) problems.push({ where: `$.tiers[${lowest.index}].probabilityMin`, message: `${cover} lowest band starts at ${fmt(lowest.min)}` });
    if (highest.max < 1) problems.push({ where: `$.tiers[${highest.index}].probabilityMax`, message: `${cover} highest band ends at ${fmt(highest.max)}` });
  }
  return problems;
}

/** Cost line ids unique within each list; tierId refers to a tier. */
function costLineProblems(raw: Rec, tierIds: ReadonlySet<string>): InputProblem[] {
  const problems: InputProblem[] = [];
  const costs = isRec(raw["costs"]) ? raw["costs"] : {};
  for (const list of ["oneTime", "annual"] as const) {
    const seen = new Set<string>();
    arr(costs[list]).forEach((line, index) => {
      if (!isRec(line)) return;
      const lid = str(line["id"]);
      if (lid !== undefined) {
        if (seen.has(lid)) problems.push({ where: `$.costs.${list}[${index}].id`, message: `duplicate cost line id "${lid}"` });
        seen.add(lid);
      }
      const tierId = str(line["tierId"]);
      if (tierId !== undefined && tierIds.size > 0 && !tierIds.has(tierId)) {
        problems.push({ where: `$.costs.${list}[${index}].tierId`, message: `unknown tier "${tierId}" (tiers: ${[...tierIds].join(", ")})` });
      }
    });
  }
  return problems;
}

/** The best contact window in order. */
function windowProblems(raw: Rec): InputProblem[] {
  const timing = isRec(raw["timing"]) ? raw["timing"] : {};
  const window = arr(timing["bestWindowDays"]);
  const w0 = num(window[0]);
  const w1 = num(window[1]);
  if (w0 === undefined || w1 === undefined || w0 <= w1) return [];
  return [{ where: "$.timing.bestWindowDays", message: `the window must be [from, to] with from <= to, got [${fmt(w0)}, ${fmt(w1)}]` }];
}

/** Rollout: stage ids unique; months in order; stages do not overlap; tiers exist. */
function rolloutProblems(raw: Rec, tierIds: ReadonlySet<string>): InputProblem[] {
  const problems: InputProblem[] = [];
  const stages: Array<{ index: number; start: number; end: number }> = [];
  const stageIds = new Set<string>();
  arr(raw["rollout"]).forEach((stage, index) => {
    if (!isRec(stage)) return;
    const sid = str(stage["id"]);
    if (sid !== undefined) {
      if (stageIds.has(sid)) problems.push({ where: `$.rollout[${index}].id`, message: `duplicate stage id "${sid}"` });
      stageIds.add(sid);
    }
    arr(stage["interveneTiers"]).forEach((tierId, j) => {
      if (typeof tierId === "string" && tierIds.size > 0 && !tierIds.has(tierId)) {
        problems.push({ where: `$.rollout[${index}].interveneTiers[${j}]`, message: `unknown tier "${tierId}" (tiers: ${[...tierIds].join(", ")})` });
      }
    });
    const start = num(stage["monthStart"]);
    const end = num(stage["monthEnd"]);
    if (start === undefined || end === undefined) return;
    if (start >= end) {
      problems.push({ where: `$.rollout[${index}].monthEnd`, message: `must be after monthStart (${fmt(start)}), got ${fmt(end)}` });
      return;
    }
    stages.push({ index, start, end });
  });
  const byStart = [...stages].sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i += 1) {
    const prev = byStart[i - 1]!;
    const next = byStart[i]!;
    if (next.start < prev.end) {
      problems.push({
        where: `$.rollout[${next.index}].monthStart`,
        message: `months ${fmt(next.start)}–${fmt(next.end)} overlap stage $.rollout[${prev.index}] (months ${fmt(prev.start)}–${fmt(prev.end)}); stages run over [monthStart, monthEnd) and must not overlap`,
      });
    }
  }
  return problems;
}

/** Cross-field rules, checked on the raw input so they are reported even when other fields are wrong. */
function crossFieldProblems(raw: unknown): InputProblem[] {
  if (!isRec(raw)) return [];
  const tiers = arr(raw["tiers"]);
  const tierIds = new Set<string>();
  const problems: InputProblem[] = [];
  const bands = tierIdAndBoundProblems(tiers, tierIds, problems);
  return [
    ...problems,
    ...tilingProblems(tiers, bands),
    ...costLineProblems(raw, tierIds),
    ...shareProblems(tiers),
    ...abTestProblems(raw),
    ...windowProblems(raw),
    ...rolloutProblems(raw, tierIds),
  ];
}

/**
 * Validates a parsed JSON value as a plan, collecting every problem with its JSON path.
 *
 * Checks the shape (missing or unknown fields, wrong types, negative money,
 * shares and rates outside 0..1) and the cross-field rules: tier probability
 * bands in order and tiling 0..1 without overlap or gap, rollout stages in
 * month order without overlap, tier ids referenced by cost lines and stages.
 *
 * @param json the value from `JSON.parse`
 * @param source the file name (or other origin) to name in errors
 * @returns the plan, typed; the input is not mutated
 * @throws InputError(source, problems) listing one problem per rule broken
 * @example
 * parsePlan({ customers: -1 }, "x.json") // throws InputError "x.json: N problems" with "$.customers: must be a whole number >= 1, got -1", "$.name: missing field (expected string)", ...
 */
export function parsePlan(json: unknown, source: string): Plan {
  const result = planSchema.safeParse(json, { reportInput: true });
  const problems: InputProblem[] = [];
  if (!result.success) for (const issue of result.error.issues) for (const p of issueToProblem(issue)) problems.push(p);
  for (const p of crossFieldProblems(json)) problems.push(p);
  if (problems.length > 0 || !result.success) {
    throw new InputError(source, problems.length > 0 ? problems : [{ where: "$", message: "not a valid plan" }]);
  }
  return result.data;
}
