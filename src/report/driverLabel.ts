import { t, type Lang } from "../charts/labels";
import { inputLabel } from "../charts/simulationCharts";
import type { Plan } from "../plan/schema";
import { tierShortName } from "./pageFormat";

/**
 * A readable name for an uncertain input of the simulation (a tornado bar),
 * in the page language: the charts layer's `inputLabel` when it knows the
 * input; otherwise cost lines by the plan's own label, tier fields as
 * "<tier> save rate / share / budget per person / churn probability", the
 * timing A/B test's points as "save rate at <days> days", the customer count; anything else keeps its input name. First letter capitalised.
 *
 * @param name the input's readable name from the uncertain plan, e.g. "benefits.ltvYuan", "costs.annual.tier-high.amountYuan", "simulation.tierChurnProbability.high"
 * @param plan the base plan (for cost-line and tier names)
 * @param lang page language
 * @example
 * driverLabel("benefits.ltvYuan", seedPlan, "en") // "Remaining lifetime value"
 * driverLabel("simulation.tierChurnProbability.high", seedPlan, "zh") // "高风险流失概率"
 * driverLabel("costs.annual.cloud.amountYuan", seedPlan, "zh") // "云计算" (from the charts layer's labels)
 * driverLabel("timing.abTest.0.saveRate", seedPlan, "en") // "Save rate at 7 days" (the A/B test's first point)
 */
export function driverLabel(name: string, plan: Plan, lang: Lang): string {
  const known = inputLabel(name, lang);
  if (known !== name) return capitalize(known);
  if (name === "customers") return t("report.input.customers", lang);
  const cost = /^costs\.(oneTime|annual)\.([^.]+)\.amountYuan$/.exec(name);
  if (cost !== null) {
    const lines: ReadonlyArray<{ id: string; label: string; labelZh?: string | undefined }> = cost[1] === "oneTime" ? plan.costs.oneTime : plan.costs.annual;
    const line = lines.find((l) => l.id === cost[2]);
    if (line !== undefined) {
      const item = lang === "zh" && line.labelZh !== undefined ? line.labelZh : line.label.replace(/\s*\(.*\)\s*$/, "");
      return capitalize(item);
    }
  }
  const tierField = /^tiers\.([^.]+)\.(saveRate|shareStated|budgetYuanPerPerson)$/.exec(name);
  if (tierField !== null && plan.tiers.some((x) => x.id === tierField[1])) {
    const tier = tierShortName(plan, tierField[1]!, lang);
    const which =
      tierField[2] === "saveRate" ? "report.input.tierSaveRate" : tierField[2] === "shareStated" ? "report.input.tierShare" : "report.input.tierBudget";
    return capitalize(t(which, lang, { tier }));
  }
  const ab = /^timing\.abTest\.(\d+)\.saveRate$/.exec(name);
  const point = ab === null ? undefined : plan.timing.abTest[Number(ab[1])];
  if (point !== undefined) return capitalize(t("report.input.abTestSaveRate", lang, { days: point.delayDays }));
  const churn = /^simulation\.tierChurnProbability\.([^.]+)$/.exec(name);
  if (churn !== null && plan.tiers.some((x) => x.id === churn[1])) {
    return capitalize(t("report.input.tierChurn", lang, { tier: tierShortName(plan, churn[1]!, lang) }));
  }
  return name;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
