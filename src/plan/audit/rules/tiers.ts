import { finding, type Finding } from "../../Finding";
import { groupDigits } from "../../../io/numberText";
import { cleanFigure } from "../../PlanFigures";
import type { Plan } from "../../schema";
import { tierCount } from "../../tierCounts";
import { pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

/** `tiers.shares`: the tier shares add up to 100% (error). */
export const tierSharesRule: AuditRule = {
  name: "tiers.shares",
  ids: ["tiers.shares"],
  severities: ["error"],
  description: "the tiers' stated shares add up to 100%",
  check(plan: Plan): Finding[] {
    const shareSum = cleanFigure(plan.tiers.reduce((s, tier) => s + tier.shareStated, 0));
    if (!(Math.abs(shareSum - 1) > 1e-9)) return [];
    return [
      finding(
        "tiers.shares",
        "error",
        { kind: "field", path: "tiers" },
        shareSum,
        1,
        `Tier shares add up to ${plan.tiers.map((tier) => pct(tier.shareStated)).join(" + ")} = ${pct(shareSum)}, not 100%: ${groupDigits(Math.abs(shareSum - 1) * plan.customers)} customers are ${shareSum > 1 ? "counted twice" : "in no tier"}.`,
      ),
    ];
  },
};

/** `tiers.count`: a tier's stated count vs customers × its share (error). */
export const tierCountRule: AuditRule = {
  name: "tiers.count",
  ids: ["tiers.count"],
  severities: ["error"],
  description: "a tier's stated customer count equals customers × the tier's share",
  check(plan: Plan): Finding[] {
    const out: Finding[] = [];
    plan.tiers.forEach((tier, index) => {
      if (tier.countStated === undefined) return;
      const count = tierCount(plan.customers, tier);
      if (tier.countStated === count) return;
      out.push(
        finding(
          "tiers.count",
          "error",
          { kind: "tier", tier: tier.id, index, field: "countStated" },
          tier.countStated,
          count,
          `Tier "${tier.name}": ${groupDigits(tier.countStated)} customers stated, ` +
            `but ${groupDigits(plan.customers)} × ${pct(tier.shareStated)} = ${groupDigits(count)}.`,
        ),
      );
    });
    return out;
  },
};
