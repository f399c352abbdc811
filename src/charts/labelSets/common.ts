import type { LabelSet } from "./LabelSet";

/** Labels shared by every chart: units, tiers, generic axes. Owned by the charts layer. */
export const commonLabels = {
  "unit.yuan": { zh: "元", en: "yuan" },
  "unit.wanYuan": { zh: "万元", en: "10k yuan" },
  "unit.millionYuan": { zh: "百万元", en: "M yuan" },
  "unit.percent": { zh: "%", en: "%" },
  "unit.customers": { zh: "客户数", en: "customers" },
  "unit.days": { zh: "天", en: "days" },
  "unit.months": { zh: "月", en: "months" },
  "unit.weeks": { zh: "周", en: "weeks" },

  "axis.count": { zh: "数量", en: "Count" },
  "axis.frequency": { zh: "频数", en: "Frequency" },
  "axis.probability": { zh: "概率", en: "Probability" },
  "axis.share": { zh: "占比", en: "Share" },
  "axis.month": { zh: "月份", en: "Month" },
  "axis.week": { zh: "周", en: "Week" },
  "axis.amountIn": { zh: "金额（{unit}）", en: "Amount ({unit})" },
  "axis.valueWithUnit": { zh: "{name}（{unit}）", en: "{name} ({unit})" },

  "tier.1": { zh: "一级 极高风险", en: "Tier 1 very high" },
  "tier.2": { zh: "二级 高风险", en: "Tier 2 high" },
  "tier.3": { zh: "三级 中风险", en: "Tier 3 medium" },
  "tier.4": { zh: "四级 低风险", en: "Tier 4 low" },
  "tier.axis": { zh: "风险等级", en: "Risk tier" },

  "legend.median": { zh: "中位数", en: "Median" },
  "legend.mean": { zh: "均值", en: "Mean" },
  "legend.band": { zh: "{low}–{high} 分位区间", en: "{low}–{high} percentile band" },
  "legend.stated": { zh: "方案所述", en: "As stated" },
  "legend.recomputed": { zh: "重新计算", en: "Recomputed" },
  "legend.colouredByTier": { zh: "{name}（颜色 = 风险等级）", en: "{name} (colour = risk tier)" },

  "table.item": { zh: "项目", en: "item" },
  "table.value": { zh: "数值", en: "value" },
  "table.moreRows": { zh: "……另有 {rest} 行（共 {total} 行）", en: "… {rest} more rows ({total} in total)" },

  "chart.untitled": { zh: "图表", en: "Chart" },
  "chart.table": { zh: "表格", en: "table" },
  "chart.page": { zh: "页面", en: "page" },
  "chart.notInNotebook": { zh: "（不在笔记本中：图表“{title}”未显示）", en: '(not in a notebook: chart "{title}" not shown)' },
  "chart.outputNotInNotebook": { zh: "（不在笔记本中：{title}未显示）", en: "(not in a notebook: {title} not shown)" },
} as const satisfies LabelSet;
