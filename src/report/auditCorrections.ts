import { formatNumber, formatWan } from "../charts/format";
import { t, type Lang } from "../charts/labels";
import type { Finding, FindingId, FindingSubject } from "../plan/Finding";
import type { Plan } from "../plan/schema";
import { roiText, tierLabel, tierRank } from "./pageFormat";

/** One line of the CEO page's audit box. */
export interface CorrectionLine {
  /** The finding's check id, e.g. "cost.annual.product". */
  id: FindingId;
  /** Plain words in the page language, money by `formatWan` (zh 万元, en M yuan), e.g. "极高风险客户干预：144 万元 → 480 万元（6,000 人 × 800 元）". */
  text: string;
  /** Risk rank of the tier concerned (1 = highest), for its colour; undefined when no tier. */
  tierRank?: number;
}

/** The audit box of the CEO page: the arithmetic errors as corrections, and how many warnings remain. */
export interface AuditCorrections {
  /** Findings of severity "error". */
  errors: number;
  /** Findings of severity "warning". */
  warnings: number;
  /** One line per error, in the audit's order. */
  lines: CorrectionLine[];
}

/**
 * Turns the audit's errors into short correction lines in the page language
 * ("stated → recomputed", money by `formatWan`: zh 万元, en millions of yuan): a cost line whose people × yuan does
 * not match its amount, a budgeted tier with no cost line, the first-year
 * cost, the headline ROI and payback, a stage's intervention count, and any
 * other error as "path: stated → recomputed". For the seed plan: tier-1
 * interventions 144 → 480 万元, tier 4 missing 154 万元, first-year cost
 * 1,084 → 1,574 万元, ROI 359% → 216%, payback 2.6 → 3.8 months, MVP
 * intervention count 600 → 2,200.
 *
 * @param findings from `auditPlan(plan)`
 * @param plan the audited plan (for the names of cost lines, tiers and stages)
 * @param lang page language
 * @example
 * auditCorrections(auditPlan(seedPlan), seedPlan, "en").lines[0].text
 * // "Very-high-risk interventions: ¥1.44M → ¥4.80M (6,000 people × 800 yuan)"
 */
export function auditCorrections(findings: readonly Finding[], plan: Plan, lang: Lang): AuditCorrections {
  const errors = findings.filter((f) => f.severity === "error");
  return {
    errors: errors.length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    lines: errors.map((f) => correctionLine(f, plan, lang)),
  };
}

function correctionLine(f: Finding, plan: Plan, lang: Lang): CorrectionLine {
  const s = f.stated ?? Number.NaN;
  const r = f.recomputed ?? Number.NaN;
  switch (f.id) {
    case "cost.annual.product": {
      const line = f.subject.kind === "costLine" && f.subject.list === "annual" ? plan.costs.annual[f.subject.index] : undefined;
      if (line === undefined) break;
      const item = capitalize(lang === "zh" ? (line.labelZh ?? line.label) : line.label);
      const detail = t("report.audit.costLineDetail", lang, {
        people: formatNumber(line.peopleStated ?? Number.NaN),
        yuan: formatNumber(line.yuanPerPersonStated ?? Number.NaN),
      });
      const out: CorrectionLine = {
        id: f.id,
        text: t("report.audit.costLine", lang, { item, stated: formatWan(s, lang), recomputed: formatWan(r, lang), detail }),
      };
      const rank = line.tierId === undefined ? undefined : tierRank(plan, line.tierId);
      return rank === undefined ? out : { ...out, tierRank: rank };
    }
    case "cost.tier.missing": {
      const tier = f.subject.kind === "tier" ? plan.tiers[f.subject.index] : undefined;
      if (tier === undefined) break;
      const out: CorrectionLine = {
        id: f.id,
        text: t("report.audit.tierMissing", lang, { tier: tierLabel(plan, tier.id, lang), recomputed: formatWan(r, lang) }),
      };
      const rank = tierRank(plan, tier.id);
      return rank === undefined ? out : { ...out, tierRank: rank };
    }
    case "cost.firstYear.recomputed":
      return { id: f.id, text: t("report.audit.firstYear", lang, { stated: formatWan(s, lang), recomputed: formatWan(r, lang) }) };
    case "headline.roi":
      return { id: f.id, text: t("report.audit.roi", lang, { stated: roiText(s), recomputed: roiText(r) }) };
    case "headline.payback":
      return { id: f.id, text: t("report.audit.payback", lang, { stated: formatNumber(s, 1), recomputed: formatNumber(r, 1) }) };
    case "rollout.scope": {
      const stage = f.subject.kind === "stage" ? plan.rollout[f.subject.index] : undefined;
      if (stage === undefined) break;
      const name = lang === "zh" ? (stage.nameZh ?? stage.name) : stage.name;
      return { id: f.id, text: t("report.audit.scope", lang, { stage: name, stated: formatNumber(s), recomputed: formatNumber(r) }) };
    }
    default:
      break;
  }
  const isMoney = /Yuan|Stated$|Total/.test(subjectField(f.subject)) && Math.abs(s) >= 10_000;
  const show = (x: number): string => (Number.isNaN(x) ? "–" : isMoney ? formatWan(x, lang) : formatNumber(x, Number.isInteger(x) ? 0 : 2));
  return { id: f.id, text: t("report.audit.other", lang, { path: f.path, stated: show(s), recomputed: show(r) }) };
}

/** The name of the plan field a subject points at: "amountYuan", "firstYearTotalStated", "tiers". */
function subjectField(subject: FindingSubject): string {
  return subject.kind === "field" ? (subject.path.split(".").pop() ?? subject.path) : subject.field;
}

function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}
