import { groupDigits, percentText } from "../../io/numberText";

/** How a stated figure compares with its recomputation: equal, off only by the precision it is written with, or different. */
export type Agreement = "equal" | "rounded" | "different";

/**
 * The rounding unit a stated figure was written with.
 *
 * @example
 * statedUnit(3.59) // 0.01
 * statedUnit(1_730_000) // 10_000 (173万)
 * statedUnit(2_160) // 10
 */
export function statedUnit(value: number): number {
  if (!Number.isFinite(value) || value === 0) return 0;
  const text = String(Math.abs(value));
  if (text.includes("e")) return 0;
  const dot = text.indexOf(".");
  if (dot >= 0) return 10 ** -(text.length - dot - 1);
  const zeros = /0*$/.exec(text)?.[0].length ?? 0;
  return 10 ** zeros;
}

/**
 * Compares a stated figure with its recomputation: equal within 1e-9 (relative), or, when rounding is allowed,
 * within half the unit the stated figure is written with.
 *
 * @example
 * agreement(1_730_000, 1_728_000, true) // "rounded"
 * agreement(1_730_000, 1_728_000, false) // "different"
 */
export function agreement(stated: number, computed: number, allowRounding: boolean): Agreement {
  const diff = Math.abs(stated - computed);
  if (diff <= 1e-9 * Math.max(1, Math.abs(stated), Math.abs(computed))) return "equal";
  if (allowRounding && diff <= statedUnit(stated) / 2 + 1e-9 * Math.max(1, Math.abs(stated))) return "rounded";
  return "different";
}

/** A count or ratio in a message, to 2 decimals: 2160 → "2,160". */
export const n = (x: number): string => groupDigits(x, 2);
/** A fraction as a percentage in a message, to 2 decimals: 0.035 → "3.5%". */
export const pct = (x: number): string => percentText(x, 2);
/** Months in a message: 2.6 → "2.6 months". */
export const months = (x: number): string => `${groupDigits(x, 2)} months`;
