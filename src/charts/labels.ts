import { commonLabels } from "./labelSets/common";
import { planLabels } from "./labelSets/plan";
import { dataLabels } from "./labelSets/data";
import { featuresLabels } from "./labelSets/features";
import { modelsLabels } from "./labelSets/models";
import { actionsLabels } from "./labelSets/actions";
import { simulationLabels } from "./labelSets/simulation";
import { reportLabels } from "./labelSets/report";
import { designLabels } from "./labelSets/design";
import type { LabelText } from "./labelSets/LabelSet";

/** Display language of charts and the CEO page: Chinese (default for this plan) or English. */
export type Lang = "zh" | "en";

/** Every supported language, default first. */
export const languages: readonly Lang[] = ["zh", "en"];

/**
 * The one table of display strings, keyed by id, each in zh and en.
 *
 * It is assembled from one section per domain (`labelSets/<domain>.ts`), so
 * each layer adds its own keys without touching the others. Ids are prefixed
 * by their domain (`plan.costBreakdown.title`); shared ones (units, tiers,
 * generic axes) live in `labelSets/common.ts`.
 *
 * @example
 * labels["tier.1"].zh; // "一级 极高风险"
 */
export const labels = {
  ...commonLabels,
  ...planLabels,
  ...dataLabels,
  ...featuresLabels,
  ...modelsLabels,
  ...actionsLabels,
  ...simulationLabels,
  ...reportLabels,
  ...designLabels,
} as const;

/** The id of a label; an unknown id is a type error. */
export type LabelKey = keyof typeof labels;

/** The labels by id as a plain lookup: an id built at run time is checked against it, not trusted. */
const labelsById: Readonly<Record<string, LabelText | undefined>> = labels;

/**
 * The label with an id built at run time (e.g. `simulation.input.${name}`), or undefined when there is none.
 *
 * @example
 * labelEntry("simulation.input.benefits.churnAfter")?.en; // "churn after"
 */
export function labelEntry(id: string): LabelText | undefined {
  return labelsById[id];
}

/** Values for `{name}` placeholders. */
export type LabelParams = Readonly<Record<string, string | number>>;

/**
 * Looks up a label in a language and fills its `{name}` placeholders.
 *
 * @param key - a label id (type-checked against {@link labels}).
 * @param lang - "zh" (default) or "en".
 * @param params - placeholder values; numbers are inserted as `String(n)`.
 * @throws RangeError when the key is unknown at run time (e.g. built from a string) or a placeholder has no value.
 * @example
 * t("tier.1", "en");                                       // "Tier 1 very high"
 * t("axis.amountIn", "zh", { unit: "万元" });               // "金额（万元）"
 */
export function t(key: LabelKey, lang: Lang = "zh", params?: LabelParams): string {
  const entry = labelsById[key];
  if (entry === undefined) throw new RangeError(`unknown label "${String(key)}"`);
  const text = lang === "en" ? entry.en : entry.zh;
  return interpolate(text, params, key);
}

/**
 * The placeholder names used in a label text, in order of appearance.
 *
 * @example
 * placeholders("{low}–{high} percentile band"); // ["low", "high"]
 */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
}

function interpolate(text: string, params: LabelParams | undefined, key: string): string {
  return text.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new RangeError(`label "${key}" needs a value for {${name}}`);
    return String(value);
  });
}
