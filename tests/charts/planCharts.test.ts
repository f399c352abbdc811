import { describe, expect, it } from "vitest";
import { figureProblems } from "../../src/charts/figureProblems";
import { isHalo } from "../../src/charts/referenceLines";
import { benefitBreakdownChart, costBreakdownChart, roiChart } from "../../src/charts/planCharts";
import { costBreakdown, loadPlan, planSummary, type Plan } from "../../src/plan";

// Provenance: the article's plan (data/plans/seed-plan.json); values in 万元 = yuan / 10,000.
const seed = loadPlan("data/plans/seed-plan.json");
const summary = planSummary(seed);
const ys = (fig: { data: Array<Record<string, unknown>> }): number[][] => fig.data.map((d) => d["y"] as number[]);

describe("costBreakdown (plan layer)", () => {
  it("lists one-time, fixed annual and tier lines whose sums are the two views' one-time + annual costs", () => {
    const lines = costBreakdown(seed);
    expect(lines.map((l) => l.id)).toEqual([
      "data-integration",
      "model-development",
      "systems-integration",
      "training",
      "model-upkeep",
      "cloud",
      "tier-very-high",
      "tier-high",
      "tier-medium",
      "tier-low",
    ]);
    expect(lines.reduce((s, l) => s + l.statedYuan, 0)).toBe(10_840_000);
    expect(lines.reduce((s, l) => s + l.recomputedYuan, 0)).toBe(15_740_000);
    expect(lines.find((l) => l.tierId === "low")).toMatchObject({ statedYuan: 0, recomputedYuan: 1_540_000, tierRank: 4 });
  });
});

describe("costBreakdownChart", () => {
  const fig = costBreakdownChart(summary, "en");

  it("stacks every cost line for as stated vs recomputed, in 万元, tier 1 at 144 vs 480 and tier 4 at 0 vs 154", () => {
    expect(fig.data).toHaveLength(10);
    expect(fig.layout["barmode"]).toBe("stack");
    expect(ys(fig)[6]).toEqual([144, 480]);
    expect(ys(fig)[9]).toEqual([0, 154]);
    expect(ys(fig).reduce((s, y) => [s[0]! + y[0]!, s[1]! + y[1]!], [0, 0])).toEqual([1084, 1574]);
    expect((fig.layout["annotations"] as Array<{ text: string }>).map((a) => a.text)).toEqual(["<b>1,084</b>", "<b>1,574</b>"]);
    expect(fig.data[6]?.["marker"]).toEqual({ color: "#C0392B" });
  });

  it("has a title and axis titles with units in both languages", () => {
    expect(figureProblems(fig)).toEqual([]);
    const zh = costBreakdownChart(summary, "zh");
    expect(figureProblems(zh)).toEqual([]);
    expect(JSON.stringify(zh.layout)).toContain("万元");
    expect(zh.data[0]?.["name"]).toBe("数据清洗与整合");
  });
});

describe("benefitBreakdownChart", () => {
  it("stacks retained (4,800万) and referral (172.8万) value: as stated, recomputed, and × 65% rollout reach", () => {
    const fig = benefitBreakdownChart(summary, "en");
    expect(figureProblems(fig)).toEqual([]);
    expect(ys(fig)[0]).toEqual([4800, 4800, 3120]);
    expect(ys(fig)[1]?.map((v) => Math.round(v * 100) / 100)).toEqual([172.8, 172.8, 112.32]);
    expect(fig.data[0]?.["x"]).toEqual(["As stated (line items)", "Recomputed from drivers", "At rollout reach (65%)"]);
    // dashed lines at the stated and recomputed first-year cost
    expect((fig.layout.shapes ?? []).filter((s) => !isHalo(s)).map((s) => s.y0)).toEqual([1084, 1574]);
  });
});

describe("roiChart", () => {
  it("shows 359% (article), 358.75% (line items), 215.93% (recomputed), 105.4% (at rollout reach), with the MVP's 200% and break-even lines", () => {
    const fig = roiChart(summary, "en");
    expect(figureProblems(fig)).toEqual([]);
    const y = ys(fig)[0]!;
    expect(y[0]).toBe(3.59);
    expect(y[1]).toBeCloseTo(3.5875, 4);
    expect(y[2]).toBeCloseTo(2.1593, 4);
    // (49,728,000 × 0.65 − 15,740,000) / 15,740,000
    expect(y[3]).toBeCloseTo((49_728_000 * 0.65 - 15_740_000) / 15_740_000, 12);
    expect(fig.data[0]?.["text"]).toEqual(["359%", "358.75%", "215.93%", "105.36%"]);
    expect((fig.layout.shapes ?? []).filter((s) => !isHalo(s)).map((s) => s.y0)).toEqual([2]);
  });

  it("follows the plan: no success criteria, no threshold line; a loss-making view adds the break-even line", () => {
    const plan: Plan = structuredClone(seed);
    delete plan.rollout[0]!.successCriteria;
    expect((roiChart(planSummary(plan), "zh").layout["shapes"] as unknown[]).length).toBe(0);
    plan.benefits.ltvYuan = 1000; // 12,000 × 1,000 + 1,728,000 = 13,728,000 < 15,740,000 recomputed cost
    const fig = roiChart(planSummary(plan), "en");
    expect((fig.layout.shapes ?? []).filter((s) => !isHalo(s)).map((s) => s.y0)).toEqual([0]);
    expect((fig.data[0]!["y"] as number[])[2]).toBeCloseTo((13_728_000 - 15_740_000) / 15_740_000, 12);
  });
});
