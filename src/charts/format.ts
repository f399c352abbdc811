import { groupDigits, wanAmount } from "../io/numberText";
import type { Lang } from "./labels";

/**
 * Formats yuan for display: zh in 万元 (10,000 yuan) with thousands
 * separators, en in millions of yuan with a ¥ sign.
 *
 * @param yuan - amount in yuan (finite; negatives keep their sign).
 * @param lang - "zh" (default) or "en".
 * @param digits - decimals shown (zh default 0, en default 2).
 * @returns "1,084 万元" (zh) or "¥10.84M" (en) for 10,840,000 yuan; "–" for NaN/±Infinity.
 * @example
 * formatWan(10_840_000);        // "1,084 万元"
 * formatWan(10_840_000, "en");  // "¥10.84M"
 */
export function formatWan(yuan: number, lang: Lang = "zh", digits?: number): string {
  if (!Number.isFinite(yuan)) return "–";
  if (lang === "zh") {
    const d = digits ?? 0;
    return `${wanAmount(yuan, d, "fixed")} 万元`;
  }
  const d = digits ?? 2;
  const sign = yuan < 0 ? "-" : "";
  return `${sign}¥${groupDigits(Math.abs(yuan) / 1_000_000, d, "fixed")}M`;
}

/**
 * Formats a fraction (0..1, may exceed 1, e.g. an ROI of 3.5875) as a percentage.
 *
 * @param fraction - 0.45 means 45%.
 * @param digits - decimals shown (default 0).
 * @returns "359%" for 3.5875; "–" for NaN/±Infinity.
 * @example
 * formatPercent(3.5875);     // "359%"
 * formatPercent(0.125, 1);   // "12.5%"
 */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return "–";
  return `${groupDigits(fraction * 100, digits, "fixed")}%`;
}

/**
 * Formats a count or amount with thousands separators.
 *
 * @param value - any finite number.
 * @param digits - decimals shown (default 0).
 * @returns "200,000" for 200000; "–" for NaN/±Infinity.
 * @example
 * formatNumber(12000); // "12,000"
 */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  return groupDigits(value, digits, "fixed");
}

/**
 * Plotly d3-format strings for axes and hover labels.
 *
 * - `percent`: fractions shown as whole percents (0.45 -> "45%").
 * - `percent1`: one decimal (0.455 -> "45.5%").
 * - `thousands`: grouped integers (200000 -> "200,000").
 * - `decimal2`: two decimals (0.8512 -> "0.85").
 *
 * Money axes are best plotted in 万元 (divide yuan by 10,000, see {@link yuanToWan})
 * with `thousands`, since d3's SI suffixes (k, M) do not know 万.
 *
 * Reference: d3-format, https://github.com/d3/d3-format
 */
export const tickFormats = {
  percent: ".0%",
  percent1: ".1%",
  thousands: ",.0f",
  decimal2: ".2f",
} as const;

/**
 * Converts yuan to 万元 for plotting (1 万元 = 10,000 yuan).
 *
 * @example
 * yuanToWan(10_840_000); // 1084
 */
export function yuanToWan(yuan: number): number {
  return yuan / 10_000;
}

/**
 * How money is shown on a chart axis in each language: zh in 万元
 * (divide yuan by 10,000), en in millions of yuan (divide by 1,000,000).
 *
 * @param lang - "zh" or "en".
 * @returns the divisor to apply to yuan and the unit text for axis titles.
 * @example
 * moneyAxis("zh"); // { divisor: 10000, unit: "万元" }
 * moneyAxis("en"); // { divisor: 1000000, unit: "M yuan" }
 */
export function moneyAxis(lang: Lang): { divisor: number; unit: string } {
  return lang === "zh" ? { divisor: 10_000, unit: "万元" } : { divisor: 1_000_000, unit: "M yuan" };
}

/**
 * How a value is shown in a table cell:
 *
 * - `auto`: numbers grouped (integers without decimals, others with 2), text as is;
 * - `text`: `String(value)`;
 * - `integer`, `number`: grouped thousands, 0 or `digits` (default 2) decimals;
 * - `percent`: a fraction as a percentage, `digits` (default 1) decimals;
 * - `yuan`: whole yuan, "480,000 元" (zh) or "¥480,000" (en);
 * - `wan`: 万, "1,084 万元" (zh) or "1,084万" (en, as the plan's own figures are quoted);
 * - `money`: the language's money unit, as {@link formatWan}: "1,084 万元" (zh) or "¥10.84M" (en).
 */
export type CellFormat = "auto" | "text" | "integer" | "number" | "percent" | "yuan" | "wan" | "money";

/** Cell formats that show numbers (right-aligned in tables). */
export const numericCellFormats: ReadonlySet<CellFormat> = new Set(["integer", "number", "percent", "yuan", "wan", "money"]);

/**
 * Formats one table cell. Missing values (null, undefined, NaN, ±Infinity
 * in a numeric format) show as "–"; text in a numeric format is shown as is.
 *
 * @param value - the cell's value (numbers in yuan for the money formats, fractions for `percent`).
 * @param format - see {@link CellFormat}; default "auto".
 * @param lang - "zh" (default) or "en": the money units and yes/no words.
 * @param digits - decimals (integer 0..10) for number, percent and the money formats.
 * @throws RangeError when digits is not an integer 0..10.
 * @example
 * formatCell(10_840_000, "wan", "en");  // "1,084万"
 * formatCell(0.0312, "percent", "en");  // "3.1%"
 * formatCell(480_000, "yuan", "zh");    // "480,000 元"
 */
export function formatCell(value: unknown, format: CellFormat = "auto", lang: Lang = "zh", digits?: number): string {
  if (value === null || value === undefined) return "–";
  if (typeof value === "boolean") return lang === "zh" ? (value ? "是" : "否") : value ? "yes" : "no";
  if (typeof value !== "number") return Array.isArray(value) ? value.map((v) => formatCell(v, format, lang, digits)).join(", ") : String(value);
  if (format === "text") return String(value);
  if (!Number.isFinite(value)) return "–";
  switch (format) {
    case "integer":
      return formatNumber(value, 0);
    case "number":
      return formatNumber(value, digits ?? 2);
    case "percent":
      return formatPercent(value, digits ?? 1);
    case "yuan":
      return lang === "zh" ? `${formatNumber(value, digits ?? 0)} 元` : `${value < 0 ? "-" : ""}¥${formatNumber(Math.abs(value), digits ?? 0)}`;
    case "wan":
      return lang === "zh" ? formatWan(value, "zh", digits) : `${wanAmount(value, digits ?? 0, "fixed")}万`;
    case "money":
      return formatWan(value, lang, digits);
    default:
      return formatNumber(value, digits ?? (Number.isInteger(value) ? 0 : 2));
  }
}
