import type { LabelSet } from "./LabelSet";

/**
 * Labels of the report domain's charts and pages. Ids start with `report.`.
 * Owned by the report layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const reportLabels = {
  // --- page header ----------------------------------------------------------
  "report.page.title": { zh: "客户流失预警与精准干预：首年投资回报一页纸", en: "Churn early warning and targeted retention: the first year on one page" },
  "report.page.subtitle": { zh: "{customers} 位售后客户 · 首年 · 蒙特卡洛 {trials} 次模拟", en: "{customers} customers · first year · {trials} trials" },
  "report.page.forCeo": { zh: "呈CEO", en: "For the CEO" },

  // --- the decision -----------------------------------------------------------
  "report.decision.label": { zh: "建议", en: "Recommendation" },
  "report.decision.go": { zh: "按计划推进", en: "Go ahead as planned" },
  "report.decision.pilot-first": { zh: "先做试点，在MVP关口决策", en: "Pilot first, decide at the MVP gate" },
  "report.decision.redesign": { zh: "先重新设计，再投入", en: "Redesign before spending" },
  "report.decision.why": { zh: "依据（概率为模拟情景中的频率）", en: "Why (probabilities are shares of simulated futures)" },
  "report.probability.gatePass": { zh: "客户级推广模拟中，MVP关口通过的概率为 {p}。", en: "The MVP gate is passed in {p} of simulated rollouts." },
  "report.probability.roiAboveLine": {
    zh: "首年终身价值ROI超过MVP线 {line} 的概率为 {p}。",
    en: "The first-year lifetime-value ROI beats the MVP line of {line} in {p} of simulated futures.",
  },
  "report.probability.roiBelowLine": {
    zh: "在 {p} 的模拟情景中，首年终身价值ROI达不到方案自己的MVP线 {line}。",
    en: "In {p} of simulated futures the first-year lifetime-value ROI misses the plan's own MVP line of {line}.",
  },
  "report.probability.npvNegative": { zh: "在 {p} 的模拟情景中，{years} 年净现值为负。", en: "In {p} of simulated futures the {years}-year NPV is negative." },
  "report.probability.gateStop": {
    zh: "客户级推广模拟中，MVP关口触发止损的概率为 {p}，高于通过的概率。",
    en: "The MVP gate stops the programme in {p} of simulated rollouts, more often than it passes it.",
  },
  "report.reason.roiLine": { zh: "首年终身价值ROI超过MVP线 {line}：{p}", en: "Lifetime-value ROI above the MVP line of {line}: {p}" },
  "report.reason.npvPositive": { zh: "{years} 年净现值为正：{p}", en: "{years}-year NPV positive: {p}" },
  "report.reason.cashRoi": { zh: "首年现金ROI {value}（{se} 个百分点）", en: "First-year cash ROI {value} ({se} points)" },
  "report.reason.mvpGate": { zh: "MVP关口（客户级推广模拟）：通过 {go}，止损 {stop}", en: "MVP gate (customer-level rollout): go {go}, stop {stop}" },
  "report.pivot.title": { zh: "最能改变结论的假设", en: "What would change it most" },
  "report.pivot.item": {
    zh: "{name}：P10（{p10}）时ROI {roiP10}，P90（{p90}）时ROI {roiP90}",
    en: "{name}: ROI {roiP10} at P10 ({p10}), {roiP90} at P90 ({p90})",
  },
  "report.pivot.crosses": {
    zh: "单独一项即可让终身价值ROI越过MVP线 {line}。",
    en: "One of them alone moves the lifetime-value ROI across the MVP line of {line}.",
  },
  "report.pivot.noneCrosses": {
    zh: "单独任何一项都不能让终身价值ROI越过MVP线 {line}。",
    en: "Neither alone moves the lifetime-value ROI across the MVP line of {line}.",
  },

  // --- headline cards -----------------------------------------------------------
  "report.kpi.cashRoi": { zh: "首年现金ROI（核算后）", en: "First-year cash ROI (reconciled)" },
  "report.kpi.cashRoiDetail": { zh: "{se} 个百分点 · 方案所述 {stated}", en: "{se} points · the plan states {stated}" },
  "report.kpi.ltvRoi": { zh: "首年ROI（按终身价值）", en: "First-year ROI on lifetime value" },
  "report.kpi.ltvRoiDetail": { zh: "{se} 个百分点 · 90% 区间 {p5}–{p95}", en: "{se} points · 90% range {p5} to {p95}" },
  "report.kpi.npv": { zh: "{years} 年净现值", en: "{years}-year net present value" },
  "report.kpi.npvDetail": { zh: "折现率 {rate} · ±{se} · 为正的概率 {positive}", en: "discount rate {rate} · ±{se} · positive in {positive}" },
  "report.kpi.payback": { zh: "一年内回本的概率（现金流）", en: "Payback within the year" },
  "report.kpi.paybackDetail": { zh: "按月现金流，中位数 {median} · 方案所述 {stated} 个月", en: "cash-flow median {median} · the plan states {stated} months" },
  "report.kpi.paybackNever": { zh: "{years} 年内未回本", en: "not within {years} years" },
  "report.kpi.months": { zh: "{value} 个月", en: "{value} months" },

  // --- the plan's claims against the reconciled model -----------------------------
  "report.claim.return.plan": {
    zh: "方案称“每投入1元回报 {stated} 元”（按终身价值，未经更正）",
    en: 'Plan: "every 1 yuan returns {stated} yuan" (lifetime value, before corrections)',
  },
  "report.claim.return.model": {
    zh: "核算后每投入1元：首年现金净回报 {cash} 元；按终身价值 {ltv} 元",
    en: "Reconciled, per yuan spent: {cash} yuan net in first-year cash; {ltv} yuan on lifetime value",
  },
  "report.claim.kept.plan": { zh: "方案称每年挽回 {count} 人", en: "Plan: {count} customers kept a year" },
  "report.claim.kept.model": { zh: "项目模型（基准值）：第一年末挽回 {count} 人", en: "Programme model (base values): {count} kept at the end of year 1" },
  "report.claim.kept.rollout": { zh: "客户级推广模拟中位数 {count} 人", en: "customer-level rollout median {count}" },

  // --- charts -------------------------------------------------------------------
  "report.drivers.title": { zh: "影响终身价值ROI最大的假设", en: "What moves the lifetime-value ROI most" },
  "report.drivers.base": { zh: "各项取基准值 {value}", en: "all at base {value}" },
  "report.gates.title": { zh: "三个阶段关口的通过概率", en: "Pass probability at the three stage gates" },
  "report.gates.axis": { zh: "通过概率", en: "Pass probability" },
  "report.gates.go": { zh: "通过", en: "go" },
  "report.gates.hold": { zh: "暂缓", en: "hold" },
  "report.gates.stop": { zh: "止损", en: "stop" },
  "report.gates.notSimulated": { zh: "未模拟", en: "not simulated" },
  "report.gates.sourceNote": {
    zh: "通过、暂缓、止损的概率来自客户级推广模拟（见页脚）",
    en: "go / hold / stop probabilities from the customer-level rollout simulation (see footer)",
  },
  "report.gates.outcome": { zh: "通过 {go} · 止损 {stop}", en: "go {go} · stop {stop}" },

  // --- sections -----------------------------------------------------------------
  "report.section.gates": { zh: "阶段关口（go / no-go）", en: "Stage gates (go / no-go)" },
  "report.section.audit": { zh: "审计：方案自身的算术更正", en: "Audit: the plan's own arithmetic, corrected" },
  "report.section.bridge": { zh: "ROI桥：方案所述 {stated} → 核算后 {reconciled}", en: "ROI bridge: {stated} as stated → {reconciled} reconciled" },
  "report.section.stopLoss": { zh: "止损线", en: "Stop-loss lines" },
  "report.section.timing": { zh: "干预时机：越早越有效", en: "Sooner saves more" },
  "report.section.tiers": { zh: "{count}级风险分层与干预", en: "{count} risk tiers" },

  // --- gates --------------------------------------------------------------------
  "report.gate.when": { zh: "第 {month} 月", en: "month {month}" },
  "report.gate.criteria": { zh: "标准：{criteria}", en: "criteria: {criteria}" },
  "report.gate.criteriaInherited": { zh: "沿用前一阶段标准：{criteria}", en: "earlier stage's criteria: {criteria}" },
  "report.gate.criteriaSameAs": { zh: "沿用{stage}的标准", en: "same criteria as {stage}" },
  "report.gate.noCriteria": { zh: "方案未设标准", en: "no criteria stated" },
  "report.gate.auc": { zh: "AUC > {value}", en: "AUC > {value}" },
  "report.gate.saveRate": { zh: "挽回率 > {value}", en: "save rate > {value}" },
  "report.gate.roi": { zh: "ROI > {value}", en: "ROI > {value}" },
  "report.gate.source.rollout": { zh: "客户级推广模拟", en: "customer-level rollout simulation" },
  "report.gate.source.roiOnly": { zh: "仅ROI标准（蒙特卡洛）", en: "ROI criterion only (Monte Carlo)" },
  "report.gate.source.yearEnd": { zh: "年末复盘，无下一阶段", en: "year-end review, no next stage" },
  "report.gate.source.none": { zh: "待推广模拟", en: "awaits the rollout simulation" },
  "report.gate.probability": { zh: "通过概率", en: "pass" },

  // --- audit --------------------------------------------------------------------
  "report.audit.intro": { zh: "原方案算术错误 {errors} 项；按驱动因素重算：", en: "{errors} arithmetic errors in the plan; recomputed from its drivers:" },
  "report.audit.costLine": { zh: "{item}：{stated} → {recomputed}（{detail}）", en: "{item}: {stated} → {recomputed} ({detail})" },
  "report.audit.costLineDetail": { zh: "{people} 人 × {yuan} 元", en: "{people} people × {yuan} yuan" },
  "report.audit.tierMissing": { zh: "{tier}无预算行：漏计 {recomputed}", en: "{tier} has no cost line: {recomputed} missing" },
  "report.audit.firstYear": { zh: "首年总投资：{stated} → {recomputed}", en: "First-year cost: {stated} → {recomputed}" },
  "report.audit.roi": { zh: "方案公式的首年ROI：{stated} → {recomputed}", en: "First-year ROI by the plan's formula: {stated} → {recomputed}" },
  "report.audit.payback": { zh: "方案公式的回收期：{stated} → {recomputed} 个月", en: "Payback by the plan's formula: {stated} → {recomputed} months" },
  "report.audit.scope": { zh: "{stage}干预人数：{stated} → {recomputed}", en: "{stage} intervention count: {stated} → {recomputed}" },
  "report.audit.other": { zh: "{path}：{stated} → {recomputed}", en: "{path}: {stated} → {recomputed}" },
  "report.audit.none": { zh: "未发现算术错误", en: "No arithmetic errors found" },
  "report.audit.warnings": { zh: "另有 {count} 项模型假设警告（详见 churnlab plan）", en: "plus {count} modelling warnings (see churnlab plan)" },
  "report.audit.basis": {
    zh: "这些更正是ROI桥的第一步；本页模拟采用{costs}成本口径",
    en: "These corrections are the bridge's first step; the page simulates the {costs} cost lines",
  },
  "report.costs.stated": { zh: "原文", en: "stated" },
  "report.costs.recomputed": { zh: "更正后", en: "corrected" },

  // --- stop-loss ----------------------------------------------------------------
  "report.stopLoss.auc": { zh: "MVP 模型 AUC < {value} → 暂停推广", en: "MVP model AUC < {value} → pause the rollout" },
  "report.stopLoss.saveRate": { zh: "干预挽回率 < {value} → 重新设计策略", en: "Intervention save rate < {value} → redesign the playbook" },
  "report.stopLoss.actions": {
    zh: "访谈首批 {interviews} 名流失客户，同时A/B测试 {min}–{max} 种策略",
    en: "Interview the first {interviews} churners, A/B test {min}–{max} strategies at once",
  },
  "report.stopLoss.gap": {
    zh: "灰区：AUC {aucLow}–{aucHigh}、挽回率 {saveLow}–{saveHigh} 时方案未规定决策",
    en: "Grey zone: AUC {aucLow}–{aucHigh}, save rate {saveLow}–{saveHigh}: the plan sets no decision",
  },

  // --- timing -------------------------------------------------------------------
  "report.timing.point": { zh: "{days}天", en: "{days} d" },
  "report.timing.note": { zh: "A/B测试：首次高风险后联系的天数 → 挽回率", en: "A/B test: days from first high risk to contact → save rate" },

  // --- tiers --------------------------------------------------------------------
  "report.tier.numbered": { zh: "{rank}级 {name}", en: "Tier {rank} {name}" },
  "report.tier.line": { zh: "{people} 人 · {budget} 元/人 · 挽回 {save}", en: "{people} people · {budget} yuan each · saves {save}" },
  "report.tier.key": { zh: "关键客户 {count} 人（一、二级）", en: "{count} key customers (tiers 1–2)" },

  // --- footer -------------------------------------------------------------------
  "report.footer.run": {
    zh: "种子 {seed} · 每个桥接变体 {trials} 次模拟 · {model} · {costs}成本 · churnlab {version} · 生成于 {date}",
    en: "seed {seed} · {trials} trials per bridge variant · {model} · {costs} costs · churnlab {version} · generated {date}",
  },
  "report.footer.rollout": {
    zh: "推广模拟 {trials} 次 × {customers} 客户（1:{scale}）",
    en: "rollout simulation {trials} draws × {customers} customers (1:{scale})",
  },
  "report.footer.plan": { zh: "方案文件 {file} · SHA-256 {hash}", en: "plan file {file} · SHA-256 {hash}" },
  "report.footer.units": {
    zh: "金额单位：万元（1万元 = 10,000元）；概率为模拟频率；± 为蒙特卡洛标准误",
    en: "Money in yuan (¥1M = 1,000,000 yuan); probabilities are simulated frequencies; ± is the Monte Carlo standard error",
  },
  "report.model.as-stated": { zh: "方案", en: "plan's" },
  "report.model.programme": { zh: "项目模型", en: "programme model" },
  "report.noUncertainty": {
    zh: "方案文件未给出不确定性分布：模拟结果等于确定值",
    en: "The plan file declares no distributions: the simulation equals the point estimate",
  },

  // --- driver names (uncertain inputs of the simulation) ---------------------------
  "report.input.customers": { zh: "客户总数", en: "Customers" },
  "report.input.tierSaveRate": { zh: "{tier}挽回率", en: "{tier} save rate" },
  "report.input.tierShare": { zh: "{tier}占比", en: "{tier} share" },
  "report.input.tierBudget": { zh: "{tier}人均预算", en: "{tier} budget per person" },
  "report.input.tierChurn": { zh: "{tier}流失概率", en: "{tier} churn probability" },
  "report.input.abTestSaveRate": { zh: "{days}天联系的挽回率", en: "save rate at {days} days" },
} as const satisfies LabelSet;
