import type { LabelSet } from "./LabelSet";

/**
 * Labels of the models domain's charts and pages. Ids start with `models.`.
 * Owned by the models layer's helper: add entries here, both languages, `{name}` placeholders identical in zh and en.
 */
export const modelsLabels = {
  "models.kind.logistic": { zh: "逻辑回归", en: "Logistic regression" },
  "models.kind.mlp": { zh: "神经网络（MLP）", en: "Neural network (MLP)" },
  "models.kind.gbdt": { zh: "梯度提升树", en: "Gradient-boosted trees" },
  "models.roc.title": { zh: "ROC 曲线（测试集）", en: "ROC curve (test set)" },
  "models.roc.x": { zh: "误报率（1 − 特异度）", en: "False-positive rate (1 − specificity)" },
  "models.roc.y": { zh: "召回率（灵敏度）", en: "True-positive rate (sensitivity)" },
  "models.roc.chance": { zh: "随机猜测", en: "Chance" },
  "models.roc.legend": { zh: "{model}（AUC {auc}）", en: "{model} (AUC {auc})" },
  "models.pr.title": { zh: "精确率–召回率曲线（测试集）", en: "Precision–recall curve (test set)" },
  "models.pr.x": { zh: "召回率", en: "Recall" },
  "models.pr.y": { zh: "精确率", en: "Precision" },
  "models.pr.legend": { zh: "{model}（AP {ap}）", en: "{model} (AP {ap})" },
  "models.pr.baseRate": { zh: "流失基准率 {rate}", en: "Base churn rate {rate}" },
  "models.calibration.title": { zh: "校准曲线（可靠性图）", en: "Calibration (reliability diagram)" },
  "models.calibration.x": { zh: "预测流失概率", en: "Predicted churn probability" },
  "models.calibration.y": { zh: "实际流失比例", en: "Observed churn rate" },
  "models.calibration.perfect": { zh: "完美校准", en: "Perfect calibration" },
  "models.calibration.legend": { zh: "{model}（ECE {ece}）", en: "{model} (ECE {ece})" },
  "models.lift.title": { zh: "按十分位的提升度与累计捕获率", en: "Lift and cumulative gain by decile" },
  "models.lift.x": { zh: "十分位（1 = 风险最高的 10%）", en: "Decile (1 = riskiest 10%)" },
  "models.lift.y": { zh: "提升度（倍）", en: "Lift (×)" },
  "models.lift.y2": { zh: "累计捕获的流失客户占比", en: "Cumulative share of churners captured" },
  "models.lift.bars": { zh: "提升度", en: "Lift" },
  "models.lift.gain": { zh: "累计捕获率", en: "Cumulative gain" },
  "models.importance.title": { zh: "特征重要性（打乱后 AUC 下降）", en: "Feature importance (AUC drop when shuffled)" },
  "models.importance.x": { zh: "AUC 下降", en: "AUC drop" },
  "models.importance.y": { zh: "特征", en: "Feature" },
  "models.tiers.title": { zh: "风险等级分布：模型 vs 方案", en: "Risk-tier distribution: model vs plan" },
  "models.tiers.model": { zh: "模型评分", en: "Model scores" },
  "models.tiers.plan": { zh: "方案假设", en: "Plan assumption" },
  "models.auc.title": { zh: "各模型测试集 AUC 与 95% 置信区间", en: "Test AUC of each model with 95% CI" },
  "models.auc.y": { zh: "ROC-AUC", en: "ROC-AUC" },
  "models.auc.x": { zh: "模型", en: "Model" },
  "models.auc.gate": { zh: "MVP 门槛 {value}", en: "MVP gate {value}" },
  "models.auc.stopLoss": { zh: "止损线 {value}", en: "Stop-loss {value}" },
} as const satisfies LabelSet;
