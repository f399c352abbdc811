import { asStated } from "../../asStated";
import { finding, type Finding, type FindingSubject } from "../../Finding";
import { groupDigits, yuanText } from "../../../io/numberText";
import { cleanFigure } from "../../PlanFigures";
import { recomputed } from "../../recomputed";
import { customerMonthsCovered, firstYearMonths, rolloutCoverage } from "../../rolloutCoverage";
import type { Plan, RolloutStage, Tier } from "../../schema";
import { agreement, pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

/** `rollout.budget`: the stage budgets vs the stated first-year cost (error), else vs the recomputed one (warning). */
export const rolloutBudgetRule: AuditRule = {
  name: "rollout.budget",
  ids: ["rollout.budget"],
  severities: ["error", "warning"],
  description: "the stage budgets add up to the stated first-year cost (error if not) and to the recomputed one (warning if not)",
  check(plan: Plan): Finding[] {
    const fyStated = plan.costs.firstYearTotalStated;
    const budgetSum = cleanFigure(plan.rollout.reduce((s, stage) => s + stage.budgetYuan, 0));
    const arithmetic = `${plan.rollout.map((s) => groupDigits(s.budgetYuan)).join(" + ")} = ${yuanText(budgetSum)}`;
    const subject: FindingSubject = { kind: "field", path: "rollout" };
    if (agreement(budgetSum, fyStated, false) !== "equal")
      return [
        finding(
          "rollout.budget",
          "error",
          subject,
          fyStated,
          budgetSum,
          `Rollout stage budgets add up to ${arithmetic}, but the stated first-year cost is ${yuanText(fyStated)}.`,
        ),
      ];
    const derived = recomputed(plan).firstYearCost;
    if (agreement(budgetSum, derived, false) === "equal") return [];
    return [
      finding(
        "rollout.budget",
        "warning",
        subject,
        budgetSum,
        derived,
        `Rollout stage budgets add up to ${arithmetic}, matching the stated first-year cost, but the recomputed first-year cost is ${yuanText(derived)}: the stages are ${yuanText(derived - budgetSum)} ${derived > budgetSum ? "short" : "over"}.`,
      ),
    ];
  },
};

/** Non-empty subsets of up to 10 tiers, smallest first. */
function tierSubsets(tiers: readonly Tier[]): Tier[][] {
  const list = tiers.slice(0, 10);
  const out: Tier[][] = [];
  for (let mask = 1; mask < 1 << list.length; mask += 1) out.push(list.filter((_, j) => (mask & (1 << j)) !== 0));
  return out.sort((a, b) => a.length - b.length);
}

/** The scope finding of one stage, or null when its stated count is within 10% of customers × its tiers' shares. */
function stageScopeFinding(plan: Plan, stage: RolloutStage, index: number): Finding | null {
  if (stage.interveneCountStated === undefined) return null;
  const tiers = stage.interveneTiers.map((id) => plan.tiers.find((t) => t.id === id)).filter((t): t is Tier => t !== undefined);
  const share = cleanFigure(tiers.reduce((s, t) => s + t.shareStated, 0));
  const count = Math.round(stage.customers * share);
  const stated = stage.interveneCountStated;
  const near = (c: number): boolean => Math.abs(c - stated) <= 0.1 * Math.max(c, stated);
  if (near(count)) return null;
  const matches = tierSubsets(plan.tiers)
    .filter((subset) => near(stage.customers * subset.reduce((s, t) => s + t.shareStated, 0)))
    .map((subset) => `the share of the ${subset.map((t) => t.name).join(" + ")} tier${subset.length > 1 ? "s" : " alone"}`);
  const rate = stated / stage.customers;
  return finding(
    "rollout.scope",
    "error",
    { kind: "stage", stage: stage.id, index, field: "interveneCountStated" },
    stated,
    count,
    `${stage.name}: intervening on the ${tiers.map((t) => t.name).join(" + ")} tier${tiers.length > 1 ? "s" : ""} (${tiers.map((t) => pct(t.shareStated)).join(" + ")} = ${pct(share)}) of ${groupDigits(stage.customers)} customers is ${groupDigits(count)} people, not ~${groupDigits(stated)}; ${groupDigits(stated)} is ${pct(rate)} of ${groupDigits(stage.customers)}${matches.length > 0 ? `, ${matches.join(" or ")}` : ""}.`,
  );
}

/** `rollout.scope`: a stage's stated intervention count vs its customers × the shares of the tiers it intervenes on (error beyond 10%). */
export const rolloutScopeRule: AuditRule = {
  name: "rollout.scope",
  ids: ["rollout.scope"],
  severities: ["error"],
  description: "a stage's stated intervention count is within 10% of its customers × the shares of the tiers it intervenes on",
  check(plan: Plan): Finding[] {
    return plan.rollout.map((stage, index) => stageScopeFinding(plan, stage, index)).filter((f): f is Finding => f !== null);
  },
};

/** `rollout.coverage`: full-year benefits for every customer vs the customer-months the rollout reaches in year one (warning). */
export const rolloutCoverageRule: AuditRule = {
  name: "rollout.coverage",
  ids: ["rollout.coverage"],
  severities: ["warning"],
  description: "the rollout reaches every customer for the whole first year, as the full-year benefits assume",
  check(plan: Plan): Finding[] {
    const coverage = rolloutCoverage(plan);
    if (!(coverage < 1 - 1e-9)) return [];
    const covered = customerMonthsCovered(plan);
    const totalBenefit = asStated(plan).totalBenefit;
    const terms = plan.rollout
      .map((s) => ({ s, m: Math.max(0, Math.min(s.monthEnd, firstYearMonths) - Math.max(s.monthStart, 0)) }))
      .filter(({ m }) => m > 0)
      .map(({ s, m }) => `${groupDigits(Math.min(s.customers, plan.customers))} × ${groupDigits(m, 2)}`);
    return [
      finding(
        "rollout.coverage",
        "warning",
        { kind: "field", path: "rollout" },
        1,
        coverage,
        `Benefits are counted for a full year for all ${groupDigits(plan.customers)} customers (${groupDigits(plan.customers * firstYearMonths)} customer-months), but the rollout reaches ${terms.join(" + ")} = ${groupDigits(covered)} customer-months, ${pct(coverage)}. Scaled to that reach, the first-year benefit is ${groupDigits(totalBenefit)} × ${pct(coverage)} = ${yuanText(totalBenefit * coverage)}.`,
      ),
    ];
  },
};
