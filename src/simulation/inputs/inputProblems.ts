import type { z } from "zod";
import type { InputProblem } from "../../io/InputError";
import { jsonPath } from "../../plan/parsePlan";

/** A JSON object (not null, not an array). */
export type JsonRecord = Record<string, unknown>;

/**
 * Whether a parsed JSON value is an object (not null, not an array).
 *
 * @example
 * isJsonRecord({ a: 1 }) // true
 * isJsonRecord([1]) // false
 */
export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The issues of a zod error as input problems, each at its JSON path below `prefix`.
 *
 * @example
 * zodProblems(z.number().safeParse("x").error!, ["sampling"]) // [{ where: "$.sampling", message: "Invalid input: expected number, received string" }]
 */
export function zodProblems(error: z.ZodError, prefix: ReadonlyArray<PropertyKey>): InputProblem[] {
  return error.issues.map((issue) => ({ where: jsonPath([...prefix, ...issue.path]), message: issue.message }));
}
