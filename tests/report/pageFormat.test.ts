import { describe, expect, it } from "vitest";
import { loadPlan } from "../../src/plan/loadPlan";
import { countWord, inputValueText, probabilityText, rankColor, rankedTiers, roiText, tierLabel, tierRank } from "../../src/report/pageFormat";
import { driverLabel } from "../../src/report/driverLabel";
import { loadUncertainPlan } from "../../src/simulation/inputs/uncertainPlan";
import { seedPlanFile, seedUncertainFile } from "./fixtures";

const plan = loadPlan(seedPlanFile);

describe("inputValueText(name, value, lang)", () => {
  it("writes an input in its unit: yuan, money above 100,000 yuan by formatWan, AUC, rates, days, counts", () => {
    expect(inputValueText("benefits.ltvYuan", 2903.4, "en")).toBe("2,903 yuan");
    expect(inputValueText("benefits.ltvYuan", 2903.4, "zh")).toBe("2,903 元");
    expect(inputValueText("costs.oneTime.training.amountYuan", 450_000, "zh")).toBe("45 万元");
    expect(inputValueText("costs.oneTime.training.amountYuan", 450_000, "en")).toBe("¥0.45M");
    expect(inputValueText("simulation.modelAuc", 0.8312, "en")).toBe("0.83");
    expect(inputValueText("benefits.churnBefore", 0.165, "zh")).toBe("16.5%");
    expect(inputValueText("tiers.high.saveRate", 0.6, "en")).toBe("60.0%");
    expect(inputValueText("simulation.tierChurnProbability.high", 0.4, "en")).toBe("40.0%");
    expect(inputValueText("simulation.contactDelayDays", 7.5, "en")).toBe("7.5 days");
    expect(inputValueText("customers", 200_000, "en")).toBe("200,000");
    expect(inputValueText("benefits.referralsPerReferrer", 1.2, "en")).toBe("1.20");
  });
});

describe("probabilityText(p)", () => {
  it("is a whole percent in 10–90% and one decimal outside", () => {
    expect(probabilityText(0.4224)).toBe("42%");
    expect(probabilityText(0.00166)).toBe("0.2%");
    expect(probabilityText(0.99834)).toBe("99.8%");
  });

  it("never rounds a sampled frequency to a bare 0% or 100%", () => {
    expect(probabilityText(0.00004)).toBe("<0.1%");
    expect(probabilityText(0.99996)).toBe(">99.9%");
    expect(probabilityText(0)).toBe("0%");
    expect(probabilityText(1)).toBe("100%");
    expect(probabilityText(Number.NaN)).toBe("–");
  });
});

describe("tiers and paths", () => {
  it("ranks the tiers from the highest risk band (section 5.1)", () => {
    expect(rankedTiers(plan).map((t) => t.id)).toEqual(["very-high", "high", "medium", "low"]);
    expect(tierRank(plan, "low")).toBe(4);
    expect(tierRank(plan, "nope")).toBeUndefined();
  });

  it("names tiers with the shared tier labels and colours them with the tier colours", () => {
    expect(tierLabel(plan, "very-high", "zh")).toBe("一级 极高风险");
    expect(tierLabel(plan, "low", "en")).toBe("Tier 4 low");
    expect(tierLabel(plan, "nope", "en")).toBe("nope");
    expect(rankColor(1)).toBe("#C0392B");
    expect(rankColor(undefined)).toBe("#7F8C8D");
  });

  it("labels the tiers of a plan that is not the article's by rank and the plan's own names (a 3-tier plan is not 'Tier 2 high')", () => {
    const three = structuredClone(plan);
    const [veryHigh, , medium, low] = three.tiers;
    three.tiers = [veryHigh!, { ...medium!, probabilityMin: 0.25, probabilityMax: 0.7 }, { ...low!, probabilityMax: 0.25 }];
    expect(tierLabel(three, "very-high", "en")).toBe("Tier 1 very high");
    expect(tierLabel(three, "medium", "en")).toBe("Tier 2 medium risk");
    expect(tierLabel(three, "low", "en")).toBe("Tier 3 low risk");
    expect(tierLabel(three, "low", "zh")).toBe("三级 低风险");
    expect(countWord(three.tiers.length, "en")).toBe("Three");
    expect(countWord(4, "zh")).toBe("四");
    expect(countWord(12, "en")).toBe("12");
  });

  it("formats ROI as whole percent: 3.5875 is 359%", () => {
    expect(roiText(3.5875)).toBe("359%");
    expect(roiText(2.159339263024142)).toBe("216%");
  });
});

describe("driverLabel(name, plan, lang)", () => {
  it("uses the charts layer's input labels when it has one", () => {
    expect(driverLabel("benefits.ltvYuan", plan, "zh")).toBe("剩余生命周期价值");
    expect(driverLabel("benefits.ltvYuan", plan, "en")).toBe("Remaining lifetime value");
  });

  it("names tier churn probabilities, tier fields and cost lines from the plan", () => {
    expect(driverLabel("simulation.tierChurnProbability.high", plan, "zh")).toBe("高风险流失概率");
    expect(driverLabel("simulation.tierChurnProbability.very-high", plan, "en")).toBe("Very high risk churn probability");
    expect(driverLabel("tiers.low.saveRate", plan, "en")).toBe("Low risk save rate");
    expect(driverLabel("tiers.high.budgetYuanPerPerson", plan, "zh")).toBe("高风险人均预算");
    expect(driverLabel("customers", plan, "zh")).toBe("客户总数");
  });

  it("names every uncertain input of the seed uncertain plan: the timing A/B points by their delay, the model's AUC and margin", () => {
    expect(driverLabel("timing.abTest.0.saveRate", plan, "en")).toBe(`Save rate at ${plan.timing.abTest[0]!.delayDays} days`);
    expect(driverLabel("timing.abTest.3.saveRate", plan, "zh")).toBe(`${plan.timing.abTest[3]!.delayDays}天联系的挽回率`);
    expect(driverLabel("timing.abTest.9.saveRate", plan, "zh")).toBe("timing.abTest.9.saveRate");
    expect(driverLabel("simulation.modelAuc", plan, "en")).toBe("Model AUC");
    expect(driverLabel("simulation.annualMarginYuan", plan, "zh")).toBe("挽回客户年毛利");
    const uncertain = loadUncertainPlan(seedUncertainFile);
    for (const input of uncertain.inputs.filter((x) => x.distribution.dist !== "fixed")) {
      for (const lang of ["zh", "en"] as const) expect(driverLabel(input.name, uncertain.base, lang), input.name).not.toBe(input.name);
    }
  });

  it("keeps an unknown input's name", () => {
    expect(driverLabel("benefits.somethingNew", plan, "zh")).toBe("benefits.somethingNew");
    expect(driverLabel("tiers.nope.saveRate", plan, "zh")).toBe("tiers.nope.saveRate");
  });
});
