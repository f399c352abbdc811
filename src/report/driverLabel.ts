import { labels, t, type Lang, type LabelKey } from "../charts/labels";
import type { Plan } from "../plan/schema";
import { tierShortName } from "./pageFormat";

/**
 * A readable name for an uncertain input of the simulation (a tornado bar),
 * in the page language: known plan fields by their label
 * (`report.input.<name>`), cost lines by the plan's own label, tier fields
 * as "<tier> save rate / share / budget per person / churn probability";
 * anything else keeps its input name.
 *
 * @param name the input's readable name from the uncertain plan, e.g. "benefits.ltvYuan", "costs.annual.tier-high.amountYuan", "tiers.very-high.saveRate"
 * @param plan the base plan (for cost-line and tier names)
 * @param lang page language
 * @example
 * driverLabel("benefits.ltvYuan", seedPlan, "zh") // "客户剩余生命周期价值"
 * driverLabel("tiers.very-high.saveRate", seedPlan, "en") // "very high risk save rate"
 * driverLabel("costs.oneTime.systems-integration.amountYuan", seedPlan, "zh") // "系统集成开发"
 */
export function driverLabel(name: string, plan: Plan, lang: Lang): string {
  const key = `report.input.${name}`;
  if (key in labels) return t(key as LabelKey, lang);
  const cost = /^costs\.(oneTime|annual)\.([^.]+)\.amountYuan$/.exec(name);
  if (cost !== null) {
    const lines: ReadonlyArray<{ id: string; label: string; labelZh?: string | undefined }> = cost[1] === "oneTime" ? plan.costs.oneTime : plan.costs.annual;
    const line = lines.find((l) => l.id === cost[2]);
    if (line !== undefined) {
      const item = lang === "zh" && line.labelZh !== undefined ? line.labelZh : line.label.replace(/\s*\(.*\)\s*$/, "");
      return t("report.input.costLine", lang, { item: capitalize(item) });
    }
  }
  const tierField = /^tiers\.([^.]+)\.(saveRate|shareStated|budgetYuanPerPerson)$/.exec(name);
  if (tierField !== null && plan.tiers.some((x) => x.id === tierField[1])) {
    const tier = tierShortName(plan, tierField[1]!, lang);
    const which = tierField[2] === "saveRate" ? "report.input.tierSaveRate" : tierField[2] === "shareStated" ? "report.input.tierShare" : "report.input.tierBudget";
    return capitalize(t(which, lang, { tier }));
  }
  const churn = /^simulation\.tierChurnProbability\.([^.]+)$/.exec(name);
  if (churn !== null && plan.tiers.some((x) => x.id === churn[1])) {
    return capitalize(t("report.input.tierChurn", lang, { tier: tierShortName(plan, churn[1]!, lang) }));
  }
  return name;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
