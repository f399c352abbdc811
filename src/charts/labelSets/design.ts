import type { LabelSet } from "./LabelSet";

/**
 * Labels of the design-search charts (designCharts.ts). Ids start with `design.`.
 * Both languages, `{name}` placeholders identical in zh and en.
 */
export const designLabels = {
  "design.frontier.title": { zh: "有效前沿：首年成本与挽留客户", en: "Efficient frontier: first-year cost against customers kept" },
  "design.frontier.cost": { zh: "首年成本期望值（{unit}）", en: "Expected first-year cost ({unit})" },
  "design.frontier.retained": { zh: "第一年末挽留客户（期望）", en: "Customers kept at the end of year 1 (expected)" },
  "design.frontier.designs": { zh: "搜索过的方案", en: "designs evaluated" },
  "design.frontier.line": { zh: "有效前沿", en: "efficient frontier" },
  "design.frontier.plan": { zh: "方案原设计", en: "the plan's design" },
  "design.frontier.best": { zh: "最优设计", en: "best design" },
  "design.frontier.budget": { zh: "预算 {value}", en: "budget {value}" },
  "design.bridge.title": { zh: "从方案设计到最优设计：3年NPV逐步变化", en: "From the plan's design to the best: 3-year NPV one change at a time" },
  "design.bridge.axis": { zh: "3年NPV期望值（{unit}）", en: "Expected 3-year NPV ({unit})" },
  "design.bridge.start": { zh: "方案设计", en: "plan's design" },
  "design.bridge.end": { zh: "最优设计", en: "best design" },
  "design.bridge.step": { zh: "变化", en: "change" },
  "design.bridge.steps": { zh: "设计变化（按顺序）", en: "Design changes, in order" },
  "design.stress.title": {
    zh: "反向压力测试：以{level}概率通过MVP门槛所需的AUC与挽回率",
    en: "What would have to be true: AUC and save rate that pass the MVP gate with {level} probability",
  },
  "design.stress.auc": { zh: "模型AUC", en: "Model AUC" },
  "design.stress.saveRate": { zh: "MVP挽回率（真实值）", en: "MVP save rate (true)" },
  "design.stress.boundary": { zh: "通过边界", en: "boundary" },
  "design.stress.pass": { zh: "通过区域", en: "passes" },
  "design.stress.base": { zh: "当前假设", en: "as assumed" },
  "design.stress.nearest": { zh: "最近的通过点", en: "nearest passing point" },
  "design.stress.aucLine": { zh: "AUC门槛 {value}", en: "AUC line {value}" },
  "design.stress.saveLine": { zh: "挽回率门槛 {value}", en: "save-rate line {value}" },
  "design.pilot.title": {
    zh: "试点规模：误放行与误停率随入组周数（随访{followUp}周，留出{holdOut}）",
    en: "Pilot size: false go and false stop by enrolment weeks ({followUp}-week follow-up, {holdOut} held out)",
  },
  "design.pilot.weeks": { zh: "入组周数", en: "Enrolment (weeks)" },
  "design.pilot.rate": { zh: "错误率", en: "Error rate" },
  "design.pilot.falseGo": { zh: "误放行", en: "false go" },
  "design.pilot.falseStop": { zh: "误停", en: "false stop" },
  "design.pilot.maxFalseGo": { zh: "误放行上限 {value}", en: "false-go limit {value}" },
  "design.pilot.maxFalseStop": { zh: "误停上限 {value}", en: "false-stop limit {value}" },
} as const satisfies LabelSet;
