import { formatNumber, formatPercent, formatWan } from "../charts/format";
import { t, type Lang } from "../charts/labels";
import { tierColor } from "../charts/theme";
import type { Plan, Tier } from "../plan/schema";
import { tiersByRisk } from "../plan/tiers";

// Number formats and tier lookups shared by the CEO page's sections (internal to src/report).

/**
 * A probability for the page: whole percent in 10%..90%, one decimal
 * outside, and "<0.1%" / ">99.9%" at the extremes (never a bare 0% or 100%
 * for a sampled frequency that is not exactly 0 or 1).
 *
 * @example
 * probabilityText(0.4224) // "42%"
 * probabilityText(0.00166) // "0.2%"
 * probabilityText(0.00004) // "<0.1%"
 */
export function probabilityText(p: number): string {
  if (!Number.isFinite(p)) return "–";
  if (p === 0 || p === 1) return formatPercent(p);
  if (p < 0.001) return "<0.1%";
  if (p > 0.999) return ">99.9%";
  return formatPercent(p, p < 0.1 || p > 0.9 ? 1 : 0);
}

/**
 * An ROI (fraction) as a whole percentage.
 *
 * @example
 * roiText(3.5875) // "359%"
 */
export function roiText(roi: number): string {
  return formatPercent(roi);
}

/**
 * The value of an uncertain input in its unit, from the input's name:
 * yuan amounts (names ending in "Yuan") as money, AUC with two decimals,
 * rates and shares as percents, referrals per referrer with two decimals,
 * delays in days, anything else as a number.
 *
 * @example
 * inputValueText("benefits.ltvYuan", 2880, "en") // "2,880 yuan"
 * inputValueText("simulation.modelAuc", 0.8312, "zh") // "0.83"
 * inputValueText("benefits.churnBefore", 0.165, "zh") // "16.5%"
 */
export function inputValueText(name: string, value: number, lang: Lang): string {
  if (/Yuan$/.test(name)) return Math.abs(value) >= 100_000 ? formatWan(value, lang) : `${formatNumber(value)} ${lang === "zh" ? "元" : "yuan"}`;
  if (/Auc$/i.test(name)) return formatNumber(value, 2);
  if (/rate$|share|churn|probability/i.test(name)) return formatPercent(value, 1);
  if (/DelayDays$|Days$/.test(name)) return lang === "zh" ? `${formatNumber(value, 1)} 天` : `${formatNumber(value, 1)} days`;
  if (name === "customers") return formatNumber(value);
  return formatNumber(value, 2);
}

/**
 * Tiers ranked from the highest risk band (rank 1) down; the plan is not mutated.
 *
 * @example
 * rankedTiers(seedPlan).map((t) => t.id) // ["very-high", "high", "medium", "low"]
 */
export function rankedTiers(plan: Plan): Tier[] {
  return tiersByRisk(plan);
}

/**
 * Rank of a tier (1 = highest risk band), or undefined for an unknown id.
 *
 * @example
 * tierRank(seedPlan, "low") // 4
 */
export function tierRank(plan: Plan, tierId: string): number | undefined {
  const i = rankedTiers(plan).findIndex((tier) => tier.id === tierId);
  return i < 0 ? undefined : i + 1;
}

/** The article's tier ids by rank: a tier with its rank's id gets the shared tier label. */
const articleTierIds = ["very-high", "high", "medium", "low"] as const;

/**
 * A count as a word for headings: "Four" / "四" for 1..10, else the digits.
 *
 * @example
 * countWord(3, "en") // "Three"
 * countWord(3, "zh") // "三"
 * countWord(12, "en") // "12"
 */
export function countWord(n: number, lang: Lang): string {
  const en = ["One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"];
  const zh = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  return (Number.isInteger(n) && n >= 1 && n <= 10 ? (lang === "zh" ? zh : en)[n - 1] : undefined) ?? String(n);
}

/**
 * A tier's display name: its rank and its name. The article's four tiers
 * (ids very-high, high, medium, low at ranks 1..4) use the shared tier
 * labels; any other tier is "Tier {rank} {the plan's name}", so a plan with
 * other tiers (three, five, other bands) is never labelled with the
 * article's names.
 *
 * @example
 * tierLabel(seedPlan, "very-high", "zh") // "一级 极高风险"
 * tierLabel(threeTierPlan, "low", "en") // "Tier 3 low risk" (the plan's name, rank 3)
 */
export function tierLabel(plan: Plan, tierId: string, lang: Lang): string {
  const rank = tierRank(plan, tierId);
  const tier = plan.tiers.find((x) => x.id === tierId);
  if (rank === undefined || tier === undefined) return tierId;
  if (rank <= 4 && articleTierIds[rank - 1] === tierId) return t(`tier.${rank as 1 | 2 | 3 | 4}`, lang);
  const name = lang === "zh" && tier.nameZh !== undefined ? tier.nameZh : tier.name;
  return t("report.tier.numbered", lang, { rank: lang === "zh" ? countWord(rank, "zh") : rank, name });
}

/**
 * A tier's short name: the plan's name in the page language.
 *
 * @example
 * tierShortName(seedPlan, "very-high", "zh") // "极高风险"
 */
export function tierShortName(plan: Plan, tierId: string, lang: Lang): string {
  const tier = plan.tiers.find((x) => x.id === tierId);
  if (tier === undefined) return tierId;
  return lang === "zh" && tier.nameZh !== undefined ? tier.nameZh : tier.name;
}

/**
 * The colour of a tier rank 1..4 (the theme's tier colours), grey beyond.
 *
 * @example
 * rankColor(1) // "#C0392B"
 */
export function rankColor(rank: number | undefined): string {
  return rank !== undefined && rank >= 1 && rank <= 4 ? tierColor(rank) : "#7F8C8D";
}
