import type { InputProblem } from "../../io/InputError";
import { isOneOf } from "../isOneOf";

/**
 * Parses a number flag into `problems` (collecting, not throwing): a finite
 * number from min to max, or an integer when `integer` is set. Returns
 * undefined when the flag is absent or bad.
 *
 * @example
 * numberFlag(problems, "--budget", "10840000", 0, 1e12) // 10840000
 */
export function numberFlag(problems: InputProblem[], flag: string, text: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  const ok = text.trim() !== "" && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isSafeInteger(v));
  if (!ok) {
    problems.push({ where: flag, message: `must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got "${text}"` });
    return undefined;
  }
  return v;
}

/**
 * Parses a flag that must be one of a list of words into `problems`.
 *
 * @example
 * choiceFlag(problems, "--objective", "cash", ["npv", "cash"]) // "cash"
 */
export function choiceFlag<T extends string>(problems: InputProblem[], flag: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if (isOneOf(allowed, text)) return text;
  problems.push({ where: flag, message: `must be one of ${allowed.join(", ")}, got "${text}"` });
  return undefined;
}
