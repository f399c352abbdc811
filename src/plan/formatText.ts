/**
 * Groups the digits of a number with commas, to at most `digits` decimals
 * (trailing zeros dropped).
 *
 * @example
 * groupDigits(1440000) // "1,440,000"
 * groupDigits(1167.666, 1) // "1,167.7"
 */
export function groupDigits(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(digits);
  const [whole = "0", frac = ""] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = frac.replace(/0+$/, "");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${grouped}${trimmed ? `.${trimmed}` : ""}`;
}

/**
 * A yuan amount with its 万元 equivalent, for messages.
 *
 * @example
 * yuanText(1440000) // "1,440,000 yuan (144万)"
 */
export function yuanText(yuan: number): string {
  return `${groupDigits(yuan)} yuan (${groupDigits(yuan / 10000, 2)}万)`;
}

/**
 * A fraction as a percentage with up to `digits` decimals.
 *
 * @example
 * percentText(0.035) // "3.5%"
 */
export function percentText(fraction: number, digits = 1): string {
  return `${groupDigits(fraction * 100, digits)}%`;
}
