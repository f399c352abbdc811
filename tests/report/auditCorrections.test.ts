import { describe, expect, it } from "vitest";
import { auditPlan } from "../../src/plan/audit";
import { loadPlan } from "../../src/plan/loadPlan";
import { finding, type Finding } from "../../src/plan/Finding";
import { auditCorrections } from "../../src/report/auditCorrections";
import { seedPlanFile } from "./fixtures";

const plan = loadPlan(seedPlanFile);
const findings = auditPlan(plan);

// Expected figures: the article (section 6) states tier-1 interventions as 144万 for "6000 people × 800 yuan" = 480万,
// budgets tier 4 at 10 yuan × 154,000 people (154万) with no cost line, and totals 1,084万 / ROI 359% / payback 2.6 months;
// recomputed from the drivers (src/plan recomputed): 1,574万, ROI 216%, payback 3.8 months; the MVP's 20,000 customers ×
// (3% + 8%) = 2,200 people vs the "~600" stated.
describe("auditCorrections(findings, plan, lang)", () => {
  it("turns the seed plan's six arithmetic errors into corrections in Chinese, money in 万元 (formatWan)", () => {
    const audit = auditCorrections(findings, plan, "zh");
    expect(audit.errors).toBe(6);
    expect(audit.warnings).toBe(7);
    expect(audit.lines.map((l) => l.text)).toEqual([
      "极高风险客户干预：144 万元 → 480 万元（6,000 人 × 800 元）",
      "四级 低风险无预算行：漏计 154 万元",
      "首年总投资：1,084 万元 → 1,574 万元",
      "方案公式的首年ROI：359% → 216%",
      "方案公式的回收期：2.6 → 3.8 个月",
      "MVP验证干预人数：600 → 2,200",
    ]);
  });

  it("says the same in English, money in millions of yuan and no 万 (formatWan)", () => {
    expect(auditCorrections(findings, plan, "en").lines.map((l) => l.text)).toEqual([
      "Very-high-risk interventions: ¥1.44M → ¥4.80M (6,000 people × 800 yuan)",
      "Tier 4 low has no cost line: ¥1.54M missing",
      "First-year cost: ¥10.84M → ¥15.74M",
      "First-year ROI by the plan's formula: 359% → 216%",
      "Payback by the plan's formula: 2.6 → 3.8 months",
      "MVP intervention count: 600 → 2,200",
    ]);
  });

  it("tags the tier lines with their risk rank, for the tier colour", () => {
    const lines = auditCorrections(findings, plan, "zh").lines;
    expect(lines.map((l) => [l.id, l.tierRank])).toEqual([
      ["cost.annual.product", 1],
      ["cost.tier.missing", 4],
      ["cost.firstYear.recomputed", undefined],
      ["headline.roi", undefined],
      ["headline.payback", undefined],
      ["rollout.scope", undefined],
    ]);
  });

  it("has no lines and no counts for no findings", () => {
    expect(auditCorrections([], plan, "zh")).toEqual({ errors: 0, warnings: 0, lines: [] });
  });

  it("writes any other error as 'path: stated → recomputed', money by formatWan and NaN as a dash", () => {
    const other: Finding[] = [
      finding("cost.oneTime.subtotal", "error", { kind: "field", path: "costs.oneTimeSubtotalStated" }, 2_800_000, 2_900_000, ""),
      finding("tiers.shares", "error", { kind: "field", path: "tiers" }, 1.01, 1, ""),
      finding("stopLoss.gap", "error", { kind: "field", path: "stopLoss" }, null, null, ""),
    ];
    expect(auditCorrections(other, plan, "en").lines.map((l) => l.text)).toEqual([
      "$.costs.oneTimeSubtotalStated: ¥2.80M → ¥2.90M",
      "$.tiers: 1.01 → 1",
      "$.stopLoss: – → –",
    ]);
  });

  it("falls back to the generic line when a subject names no existing item", () => {
    const stray: Finding[] = [finding("cost.annual.product", "error", { kind: "costLine", list: "annual", index: 99, field: "amountYuan" }, 1, 2, "")];
    expect(auditCorrections(stray, plan, "zh").lines[0]!.text).toBe("$.costs.annual[99].amountYuan：1 → 2");
  });
});
