import { asStated } from "../../asStated";
import { finding, type Finding } from "../../Finding";
import { groupDigits } from "../../../io/numberText";
import { recomputed } from "../../recomputed";
import type { Plan } from "../../schema";
import { agreement, n, pct } from "../agreement";
import type { AuditRule } from "../AuditRule";

/** `stopLoss.gap`: results between the first stage's success criteria and the stop-loss lines, where the plan says neither go nor stop (info). */
export const stopLossGapRule: AuditRule = {
  name: "stopLoss.gap",
  ids: ["stopLoss.gap"],
  severities: ["info"],
  description: "the first stage with success criteria leaves no AUC or save-rate zone between its criteria and the stop-loss lines",
  check(plan: Plan): Finding[] {
    const stage = plan.rollout.find((s) => s.successCriteria !== undefined);
    const c = stage?.successCriteria;
    if (stage === undefined || c === undefined) return [];
    const gaps: string[] = [];
    if (c.aucMin > plan.stopLoss.aucPause) gaps.push(`AUC between ${n(plan.stopLoss.aucPause)} (pause) and ${n(c.aucMin)} (success)`);
    if (c.saveRateMin > plan.stopLoss.saveRateRedesign)
      gaps.push(`save rate between ${pct(plan.stopLoss.saveRateRedesign)} (redesign) and ${pct(c.saveRateMin)} (success)`);
    if (gaps.length === 0) return [];
    return [
      finding(
        "stopLoss.gap",
        "info",
        { kind: "field", path: "stopLoss" },
        null,
        null,
        `The plan says neither go nor stop for ${stage.name} results with ${gaps.join(", or ")}: the decision rule for that zone is unstated.`,
      ),
    ];
  },
};

/** `ceo.returnPerYuan`: the CEO page's "1 yuan returns X yuan" set against the gross and net return per yuan (info). */
export const ceoReturnRule: AuditRule = {
  name: "ceo.returnPerYuan",
  ids: ["ceo.returnPerYuan"],
  severities: ["info"],
  description: 'sets the CEO page\'s "1 yuan returns X yuan" against the gross and net return, as stated and recomputed',
  check(plan: Plan): Finding[] {
    if (plan.ceoPage === undefined || !(plan.costs.firstYearTotalStated > 0)) return [];
    const r = plan.ceoPage.returnPerYuanStated;
    const stated = asStated(plan);
    const derivedRoi = recomputed(plan).roi;
    const net = stated.roi;
    const gross = stated.totalBenefit / stated.firstYearCost;
    const netNote = agreement(r, net, true) !== "different" ? ` (so ${n(r)} is the net figure, easily read as gross)` : "";
    return [
      finding(
        "ceo.returnPerYuan",
        "info",
        { kind: "field", path: "ceoPage.returnPerYuanStated" },
        r,
        derivedRoi,
        `The CEO page says every 1 yuan returns ${n(r)} yuan. As stated, each yuan brings ${groupDigits(gross, 2)} yuan of benefit, a net return of ${groupDigits(net, 2)} yuan${netNote}; recomputed, the net return is ${groupDigits(derivedRoi, 2)} yuan per yuan, counting lifetime value as first-year benefit.`,
      ),
    ];
  },
};
