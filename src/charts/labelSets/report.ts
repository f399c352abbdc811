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

  // --- the plan's message -----------------------------------------------------
  "report.message.lead": { zh: "提前 {days} 天预见流失风险", en: "Churn risk seen {days} days ahead" },
  "report.message.key": { zh: "锁定关键客户 {count} 人（一、二级）", en: "{count} key customers found (tiers 1–2)" },
  "report.message.window": { zh: "黄金窗口 {from}–{to} 天内行动", en: "Act inside the {from}–{to}-day golden window" },
  "report.message.return": { zh: "方案称“每投入1元回报 {stated} 元”；模拟中位数 {median} 元", en: "Plan: \"every 1 yuan returns {stated} yuan\"; simulated median {median} yuan" },

  // --- bottom line --------------------------------------------------------------
  "report.bottomLine.title": { zh: "结论", en: "Bottom line" },
  "report.bottomLine.roi": { zh: "按{costs}成本，首年ROI中位数 {median}（90% 区间 {p5}–{p95}）；方案所述的 {stated} 只在 {pStated} 的模拟中达到。", en: "With {costs} costs the first-year ROI has a median of {median} (90% range {p5}–{p95}); the plan's {stated} is reached in {pStated} of trials." },
  "report.bottomLine.gates": { zh: "一年内回本的概率 {payback}；MVP 关口 ROI > {bar} 的达成概率 {pBar}，AUC 与挽回率须在试点中验证。", en: "Payback within the year: {payback}. The MVP gate's ROI > {bar} is met with probability {pBar}; AUC and save rate must be proven in the pilot." },
  "report.bottomLine.rollout": { zh: "客户级推广模拟（{trials} 次，1:{scale} 缩比模型）：首年ROI中位数 {roi}，MVP关口通过概率 {go}、止损概率 {stop}。", en: "Customer-level rollout simulation ({trials} draws, 1:{scale} scale model): median first-year ROI {roi}; at the MVP gate, go {go}, stop {stop}." },

  // --- headline cards -----------------------------------------------------------
  "report.kpi.roi": { zh: "首年ROI（模拟中位数）", en: "First-year ROI (simulated median)" },
  "report.kpi.roiDetail": { zh: "90% 区间 {p5}–{p95} · 方案所述 {stated}", en: "90% range {p5}–{p95} · plan states {stated}" },
  "report.kpi.payback": { zh: "一年内回本的概率", en: "Probability of payback within the year" },
  "report.kpi.paybackDetail": { zh: "回收期中位数 {median} 个月 · 方案所述 {stated} 个月", en: "Median payback {median} months · plan states {stated}" },
  "report.kpi.roiBar": { zh: "ROI 超过 {bar} 的概率", en: "Probability ROI exceeds {bar}" },
  "report.kpi.roiBarDetail": { zh: "MVP 成功线 · 亏损概率 {loss}", en: "the MVP's success bar · probability of a loss {loss}" },
  "report.kpi.retained": { zh: "每年挽回客户", en: "Customers retained a year" },
  "report.kpi.retainedDetail": { zh: "价值 {value} · 净收益中位数 {net}", en: "worth {value} · median net benefit {net}" },
  "report.kpi.retainedRollout": { zh: "推广模拟中位数 {count} 人", en: "rollout simulation median {count}" },
  "report.kpi.people": { zh: "{count} 人", en: "{count}" },
  "report.kpi.months": { zh: "{value} 个月", en: "{value} months" },

  // --- charts -------------------------------------------------------------------
  "report.drivers.title": { zh: "影响ROI最大的因素（各取P10 / P90）", en: "What moves ROI most (each input at P10 / P90)" },
  "report.gates.title": { zh: "三个阶段关口的通过概率", en: "Pass probability at the three stage gates" },
  "report.gates.axis": { zh: "通过概率", en: "Pass probability" },
  "report.gates.go": { zh: "通过", en: "go" },
  "report.gates.hold": { zh: "暂缓", en: "hold" },
  "report.gates.stop": { zh: "止损", en: "stop" },
  "report.gates.notSimulated": { zh: "未模拟", en: "not simulated" },

  // --- sections -----------------------------------------------------------------
  "report.section.gates": { zh: "阶段关口（go / no-go）", en: "Stage gates (go / no-go)" },
  "report.section.audit": { zh: "审计更正", en: "Audit corrections" },
  "report.section.stopLoss": { zh: "止损线", en: "Stop-loss lines" },
  "report.section.timing": { zh: "干预时机：越早越有效", en: "Timing: sooner saves more" },
  "report.section.tiers": { zh: "{count}级风险分层与干预", en: "{count} risk tiers and their interventions" },

  // --- gates --------------------------------------------------------------------
  "report.gate.when": { zh: "第 {month} 月", en: "month {month}" },
  "report.gate.criteria": { zh: "标准：{criteria}", en: "criteria: {criteria}" },
  "report.gate.criteriaInherited": { zh: "沿用前一阶段标准：{criteria}", en: "earlier stage's criteria: {criteria}" },
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
  "report.audit.roi": { zh: "首年ROI：{stated} → {recomputed}", en: "First-year ROI: {stated} → {recomputed}" },
  "report.audit.payback": { zh: "回收期：{stated} → {recomputed} 个月", en: "Payback: {stated} → {recomputed} months" },
  "report.audit.scope": { zh: "{stage}干预人数：{stated} → {recomputed}", en: "{stage} intervention count: {stated} → {recomputed}" },
  "report.audit.other": { zh: "{path}：{stated} → {recomputed}", en: "{path}: {stated} → {recomputed}" },
  "report.audit.none": { zh: "未发现算术错误", en: "No arithmetic errors found" },
  "report.audit.warnings": { zh: "另有 {count} 项模型假设警告（详见 churnlab plan）", en: "plus {count} modelling warnings (see churnlab plan)" },
  "report.audit.basis": { zh: "本页模拟采用{costs}成本口径", en: "This page simulates the {costs} cost lines" },
  "report.costs.stated": { zh: "原文", en: "stated" },
  "report.costs.recomputed": { zh: "更正后", en: "corrected" },

  // --- stop-loss ----------------------------------------------------------------
  "report.stopLoss.auc": { zh: "MVP 模型 AUC < {value} → 暂停推广", en: "MVP model AUC < {value} → pause the rollout" },
  "report.stopLoss.saveRate": { zh: "干预挽回率 < {value} → 重新设计策略", en: "Intervention save rate < {value} → redesign the playbook" },
  "report.stopLoss.actions": { zh: "访谈首批 {interviews} 名流失客户，同时A/B测试 {min}–{max} 种策略", en: "Interview the first {interviews} churners, A/B test {min}–{max} strategies at once" },
  "report.stopLoss.gap": { zh: "灰区：AUC {aucLow}–{aucHigh}、挽回率 {saveLow}–{saveHigh} 时方案未规定决策", en: "Grey zone: AUC {aucLow}–{aucHigh}, save rate {saveLow}–{saveHigh}: the plan sets no decision" },

  // --- timing -------------------------------------------------------------------
  "report.timing.point": { zh: "{days}天", en: "{days} d" },
  "report.timing.note": { zh: "A/B测试：首次高风险后联系的天数 → 挽回率", en: "A/B test: days from first high risk to contact → save rate" },

  // --- tiers --------------------------------------------------------------------
  "report.tier.numbered": { zh: "{rank}级 {name}", en: "Tier {rank} {name}" },
  "report.tier.line": { zh: "{people} 人 · {budget} 元/人 · 挽回 {save}", en: "{people} people · {budget} yuan each · saves {save}" },

  // --- footer -------------------------------------------------------------------
  "report.footer.run": { zh: "种子 {seed} · {trials} 次模拟 · {model}收益模型 · {costs}成本 · churnlab {version} · 生成于 {date}", en: "seed {seed} · {trials} trials · {model} benefit model · {costs} costs · churnlab {version} · generated {date}" },
  "report.footer.rollout": { zh: "推广模拟 {trials} 次 × {customers} 客户（1:{scale}）", en: "rollout simulation {trials} draws × {customers} customers (1:{scale})" },
  "report.footer.plan": { zh: "方案文件 {file} · SHA-256 {hash}", en: "plan file {file} · SHA-256 {hash}" },
  "report.footer.units": { zh: "金额单位：万元（1万元 = 10,000元）；概率为模拟频率", en: "Money in 万 (1万 = 10,000 yuan); probabilities are simulated frequencies" },
  "report.model.as-stated": { zh: "方案", en: "plan's" },
  "report.model.bottom-up": { zh: "分层自下而上", en: "bottom-up" },
  "report.noUncertainty": { zh: "方案文件未给出不确定性分布：模拟结果等于确定值", en: "The plan file declares no distributions: the simulation equals the point estimate" },

  // --- driver names (uncertain inputs of the simulation) ---------------------------
  "report.input.customers": { zh: "客户总数", en: "Customers" },
  "report.input.tierSaveRate": { zh: "{tier}挽回率", en: "{tier} save rate" },
  "report.input.tierShare": { zh: "{tier}占比", en: "{tier} share" },
  "report.input.tierBudget": { zh: "{tier}人均预算", en: "{tier} budget per person" },
  "report.input.tierChurn": { zh: "{tier}流失概率", en: "{tier} churn probability" },
} as const satisfies LabelSet;
