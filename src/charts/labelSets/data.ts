import type { LabelSet } from "./LabelSet";

/**
 * Labels of the data domain's charts and pages. Ids start with `data.`.
 * Owned by the data layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const dataLabels = {
  "data.churnByBucket.title": { zh: "按{signal}分组的{days}天流失率", en: "{days}-day churn rate by {signal}" },
  "data.churnRate": { zh: "流失率", en: "Churn rate" },
  "data.customersInBucket": { zh: "{n} 位客户", en: "{n} customers" },
  "data.bucket.missing": { zh: "无数据", en: "no data" },
  "data.signal.recency": { zh: "距上次到店天数", en: "days since the last visit" },
  "data.signal.satisfaction": { zh: "最近一次满意度评分", en: "last satisfaction score" },
  "data.signal.appActivity": { zh: "近28天App活跃天数", en: "app active days in the last 28" },
  "data.signal.spendTrend": { zh: "消费趋势（近24周÷前24周）", en: "spend trend (last 24 weeks ÷ previous 24)" },
  "data.signal.distance": { zh: "到门店距离（公里）", en: "distance to the outlet (km)" },
  "data.signal.complaint": { zh: "近90天投诉", en: "complaint in the last 90 days" },
  "data.signal.badExperience": { zh: "近90天不良体验次数", en: "bad experiences in the last 90 days" },
  "data.signal.maintenanceOverdue": { zh: "保养逾期天数", en: "days of overdue maintenance" },
  "data.signal.visits365d": { zh: "近一年到店次数", en: "visits in the last year" },
  "data.signal.priceSensitivity": { zh: "价格敏感度", en: "price sensitivity" },
  "data.signal.vehicleAge": { zh: "车龄（年）", en: "vehicle age (years)" },
  "data.signal.segment": { zh: "车型级别", en: "segment" },
  "data.signal.churned": { zh: "是否流失", en: "churned" },
  "data.survival.title": { zh: "客户留存曲线（Kaplan–Meier，{level}置信带）：按{group}", en: "Customer retention (Kaplan–Meier, {level} band) by {group}" },
  "data.survival.xTitle": { zh: "距观察开始的天数", en: "Days since the start of history" },
  "data.survival.yTitle": { zh: "仍为客户的比例", en: "Share still a customer" },
  "data.group.cohort": { zh: "购车年份", en: "purchase cohort" },
  "data.group.segment": { zh: "车型级别", en: "segment" },
  "data.visitGaps.title": { zh: "两次到店的间隔分布", en: "Time between workshop visits" },
  "data.visitGaps.xTitle": { zh: "间隔（天）", en: "Gap (days)" },
  "data.visitGaps.reference": { zh: "保养周期约180天", en: "Maintenance interval ≈ 180 days" },
  "data.correlation.title": { zh: "信号相关性热图（皮尔逊相关系数）", en: "Correlation of the signals (Pearson)" },
  "data.correlation.axis": { zh: "信号", en: "Signal" },
  "data.correlation.colorbar": { zh: "相关系数", en: "Correlation" },
} as const satisfies LabelSet;
