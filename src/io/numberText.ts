/**
 * The one home of number and money text (issue 14, "one of each helper"):
 * digit grouping, yuan with its 万 equivalent, 万 amounts and percentages.
 * Display formatters by language (`formatWan`, `formatPercent`,
 * `formatNumber` in charts/format) and the command line's texts build on
 * these, so every layer groups and rounds the same way: `toFixed` on the
 * absolute value (the exact binary value, ties away from zero), no "-0".
 */

/** How decimals are shown: "trim" drops trailing zeros ("1.5", "2"), "fixed" keeps `digits` of them ("1.50", "2.00"). */
export type Decimals = "trim" | "fixed";

/**
 * Groups the digits of a number with commas, to `digits` decimals.
 *
 * @param value any number; NaN and ±Infinity are returned as `String(value)`.
 * @param digits decimals, an integer 0..10 (default 0).
 * @param decimals "trim" (default) drops trailing zeros, "fixed" keeps them.
 * @param separator between groups of three digits (default ","; "" for none, as the simulation summaries print 万).
 * @throws RangeError when digits is not an integer 0..10.
 * @example
 * groupDigits(1440000) // "1,440,000"
 * groupDigits(1167.666, 1) // "1,167.7"
 * groupDigits(1167.5, 2, "fixed") // "1,167.50"
 * groupDigits(-0.04, 1) // "0" (a value that rounds to zero has no sign)
 * groupDigits(-2240.4, 0, "fixed", "") // "-2240"
 */
export function groupDigits(value: number, digits = 0, decimals: Decimals = "trim", separator = ","): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new RangeError(`digits must be an integer 0..10, got ${digits}`);
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = "0", frac = ""] = fixed.split(".");
  const grouped = separator === "" ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const shownFrac = decimals === "trim" ? frac.replace(/0+$/, "") : frac;
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${shownFrac ? `.${shownFrac}` : ""}`;
}

/**
 * A yuan amount in 万 (10,000 yuan), grouped, without a unit: the number the
 * texts follow with "万" or " 万元".
 *
 * @param yuan amount in yuan.
 * @param digits decimals of the 万 amount, 0..10 (default 0).
 * @param decimals "trim" (default) or "fixed", as {@link groupDigits}.
 * @param separator between groups of three digits (default ","; "" for none).
 * @example
 * wanAmount(24_122_000, 1) // "2,412.2"
 * wanAmount(1_728_000, 2) // "172.8"
 * wanAmount(10_840_000, 1, "fixed") // "1,084.0"
 * wanAmount(-22_404_000, 0, "fixed", "") // "-2240"
 */
export function wanAmount(yuan: number, digits = 0, decimals: Decimals = "trim", separator = ","): string {
  return groupDigits(yuan / 10_000, digits, decimals, separator);
}

/**
 * A yuan amount with its 万元 equivalent, for messages.
 *
 * @example
 * yuanText(1440000) // "1,440,000 yuan (144万)"
 */
export function yuanText(yuan: number): string {
  return `${groupDigits(yuan)} yuan (${wanAmount(yuan, 2)}万)`;
}

/**
 * A fraction as a percentage with up to `digits` decimals (trailing zeros dropped).
 *
 * @example
 * percentText(0.035) // "3.5%"
 */
export function percentText(fraction: number, digits = 1): string {
  return `${groupDigits(fraction * 100, digits)}%`;
}
