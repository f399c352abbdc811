import type { LabelSet } from "./LabelSet";

/**
 * Labels of the plan domain's charts and pages. Ids start with `plan.`.
 * Owned by the plan layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const planLabels = {
  "plan.costBreakdown.title": { zh: "首年成本构成：原文 vs 重新计算", en: "First-year cost: as stated vs recomputed" },
  "plan.benefitBreakdown.title": { zh: "首年收益构成：原文、重新计算与按推广覆盖", en: "First-year benefit: as stated, recomputed and at rollout reach" },
  "plan.roi.title": { zh: "首年ROI：原文 vs 重新计算", en: "First-year ROI: as stated vs recomputed" },
  "plan.axis.view": { zh: "口径", en: "View" },
  "plan.axis.roi": { zh: "ROI（净收益 / 成本）", en: "ROI (net benefit / cost)" },
  "plan.view.article": { zh: "原文所写", en: "Article (as written)" },
  "plan.view.asStated": { zh: "按原文明细", en: "As stated (line items)" },
  "plan.view.recomputed": { zh: "按驱动因素重新计算", en: "Recomputed from drivers" },
  "plan.view.rolloutReach": { zh: "按推广覆盖（{share}）", en: "At rollout reach ({share})" },
  "plan.series.interventions": { zh: "{tier}干预", en: "{tier} interventions" },
  "plan.series.retainedValue": { zh: "挽回客户价值（LTV）", en: "Retained customers (lifetime value)" },
  "plan.series.referralValue": { zh: "口碑推荐新客户", en: "Referred new customers" },
  "plan.line.mvpRoiMin": { zh: "MVP成功标准 ROI > {value}", en: "MVP success: ROI > {value}" },
  "plan.line.breakEven": { zh: "盈亏平衡", en: "Break-even" },
  "plan.line.costStated": { zh: "首年成本（原文）{value}", en: "First-year cost, stated: {value}" },
  "plan.line.costRecomputed": { zh: "首年成本（重新计算）{value}", en: "First-year cost, recomputed: {value}" },
} as const satisfies LabelSet;
