import { describe, expect, it } from "vitest";
import { auditPlan, loadPlan, type Finding, type Plan } from "../../src/plan";

// Provenance: the article's figures (data/plans/seed-plan.json) and the arithmetic written in each test name.
const seed = loadPlan("data/plans/seed-plan.json");
const findings = auditPlan(seed);
const find = (id: string, path?: string): Finding => {
  const found = findings.find((f) => f.id === id && (path === undefined || f.path === path));
  if (found === undefined) throw new Error(`no finding ${id} ${path ?? ""}`);
  return found;
};

describe("auditPlan on the article's plan: stated products and sums", () => {
  it("tier-1 cost: 144万 stated but 6,000 × 800 = 480万 (error)", () => {
    const f = find("cost.annual.product", "$.costs.annual[2].amountYuan");
    expect(f).toMatchObject({ severity: "error", stated: 1_440_000, recomputed: 4_800_000 });
    expect(f.message).toContain("6,000 people × 800 yuan = 4,800,000 yuan (480万)");
    expect(findings.filter((x) => x.id === "cost.annual.product")).toHaveLength(1); // 480 and 120 are right
  });

  it("tier 4 budgets 10 yuan × 154,000 = 154万 but has no cost line (error)", () => {
    const f = find("cost.tier.missing");
    expect(f).toMatchObject({ severity: "error", path: "$.tiers[3].budgetYuanPerPerson", stated: 0, recomputed: 1_540_000 });
    expect(f.message).toContain("200,000 × 77% = 154,000 people × 10 yuan = 1,540,000 yuan (154万)");
  });

  it("first-year cost 1084万 stated vs 280 + 1294 = 1574万 recomputed (error)", () => {
    const f = find("cost.firstYear.recomputed");
    expect(f).toMatchObject({ severity: "error", stated: 10_840_000, recomputed: 15_740_000 });
    expect(f.message).toContain("2,800,000 one-time + 12,940,000 annual = 15,740,000 yuan (1,574万)");
  });

  it("the stated subtotals themselves add up: 50+80+120+30 = 280, 40+20+144+480+120 = 804, 280+804 = 1084", () => {
    expect(findings.some((f) => ["cost.oneTime.subtotal", "cost.annual.subtotal", "cost.firstYear.total"].includes(f.id))).toBe(false);
  });

  it("referral value 173万 is 2,160 × 800 = 172.8万 rounded (info)", () => {
    const f = find("benefit.referralValue");
    expect(f).toMatchObject({ severity: "info", stated: 1_730_000, recomputed: 1_728_000 });
    expect(f.message).toContain("2,160 × 800 yuan = 1,728,000 yuan (172.8万)");
  });

  it("ROI 359% and payback 2.6 months are the stated totals rounded (info), but wrong once recomputed (error)", () => {
    expect(find("benefit.roi")).toMatchObject({ severity: "info", stated: 3.59 });
    expect(find("benefit.roi").recomputed).toBeCloseTo((49_730_000 - 10_840_000) / 10_840_000, 12);
    expect(find("benefit.payback").severity).toBe("info");
    expect(find("headline.roi")).toMatchObject({ severity: "error", stated: 3.59 });
    expect(find("headline.roi").recomputed).toBeCloseTo(2.1593, 4);
    expect(find("headline.payback").recomputed).toBeCloseTo(3.7983, 4);
  });

  it("tier shares 3 + 8 + 12 + 77 = 100%: no finding", () => {
    expect(findings.some((f) => f.id === "tiers.shares")).toBe(false);
  });
});

describe("auditPlan: rollout", () => {
  it("stage budgets 100 + 300 + 684 = 1084万 match the stated total but are 490万 short of the recomputed 1574万 (warning)", () => {
    const f = find("rollout.budget");
    expect(f).toMatchObject({ severity: "warning", stated: 10_840_000, recomputed: 15_740_000 });
    expect(f.message).toContain("1,000,000 + 3,000,000 + 6,840,000 = 10,840,000");
    expect(f.message).toContain("4,900,000 yuan (490万) short");
  });

  it("MVP scope: very-high + high tiers (3% + 8% = 11%) of 20,000 = 2,200 people, not ~600; 600 is 3%, tier 1 alone (error)", () => {
    const f = find("rollout.scope", "$.rollout[0].interveneCountStated");
    expect(f).toMatchObject({ severity: "error", stated: 600, recomputed: 2_200 });
    expect(f.message).toContain("3% + 8% = 11%");
    expect(f.message).toContain("600 is 3% of 20,000, the share of the very high risk tier alone");
  });

  it("customer-months: 20k × 3 + 100k × 3 + 200k × 6 = 1.56M of 2.4M = 65% (warning)", () => {
    const f = find("rollout.coverage");
    expect(f).toMatchObject({ severity: "warning", stated: 1 });
    expect(f.recomputed).toBeCloseTo(0.65, 12);
    expect(f.message).toContain("20,000 × 3 + 100,000 × 3 + 200,000 × 6 = 1,560,000 customer-months, 65%");
  });
});

describe("auditPlan: issues a CFO would raise", () => {
  it("multi-year LTV set against one-year cost; break-even first-year value (15,740,000 − 1,728,000) / 12,000 = 1,168 yuan", () => {
    const f = find("model.ltv");
    expect(f).toMatchObject({ severity: "warning", stated: 4_000 });
    expect(f.recomputed).toBeCloseTo(14_012_000 / 12_000, 9);
  });

  it("payback assumes benefits from month 0; following the rollout it is 6.82 months (stated cost)", () => {
    const f = find("model.payback");
    expect(f.recomputed).toBeCloseTo(6 + 3_380_800 / 4_144_000, 9);
    expect(f.message).toContain("accrues evenly from month 0");
  });

  it("tier probabilities imply ≥ 6,000×0.7 + 16,000×0.5 + 24,000×0.3 = 19,400 churners per 30 days vs 36,000 a year", () => {
    const f = find("model.tierProbabilities");
    expect(f).toMatchObject({ severity: "warning", stated: 36_000, recomputed: 19_400 });
    expect(f.message).toContain("6,000 × 70% + 16,000 × 50% + 24,000 × 30% = 19,400");
    // 200,000 × (1 − 0.82^(30/365)) ≈ 3,236 per 30 days
    expect(f.message).toContain("about 3,236 per 30 days");
  });

  it("the 95% save rate on the low tier is a stay rate, not a save rate", () => {
    const f = find("model.lowTierSaveRate");
    expect(f).toMatchObject({ severity: "warning", path: "$.tiers[3].saveRate", stated: 0.95 });
    expect(f.message).toContain("at least 70% of these customers stay without any action");
  });

  it("A/B timing (62% at 7 days … 22% at 30) vs tier save rates: reference delay unstated", () => {
    const f = find("timing.reference");
    expect(f).toMatchObject({ severity: "warning", stated: 0.62 });
    expect(f.message).toContain("from 62% at 7 days to 22% at 30 days");
    expect(f.message).toContain("medium risk (70%), low risk (95%) exceed even the best A/B result");
  });

  it("NPS 38 → 65 is used in no figure; stop-loss and success thresholds leave a gap; the CEO's 3.59 is the net return", () => {
    expect(find("model.npsUnused")).toMatchObject({ severity: "info", stated: 65 });
    expect(find("stopLoss.gap").message).toContain("AUC between 0.8 (pause) and 0.85 (success)");
    expect(find("ceo.returnPerYuan").message).toContain("4.59 yuan of benefit, a net return of 3.59 yuan");
  });

  it("orders findings errors first, then warnings, then info; every finding has a message and a JSON path", () => {
    const ranks = findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    for (const f of findings) {
      expect(f.path).toMatch(/^\$/);
      expect(f.message.length).toBeGreaterThan(20);
    }
  });
});

describe("auditPlan is computed from the plan, not hard-coded", () => {
  it("a corrected plan loses the corresponding errors", () => {
    const fixed: Plan = structuredClone(seed);
    fixed.costs.annual[2]!.amountYuan = 4_800_000;
    fixed.costs.annual.push({
      id: "tier-low",
      label: "low-risk interventions",
      amountYuan: 1_540_000,
      tierId: "low",
      peopleStated: 154_000,
      yuanPerPersonStated: 10,
    });
    fixed.costs.annualSubtotalStated = 12_940_000;
    fixed.costs.firstYearTotalStated = 15_740_000;
    fixed.rollout[0]!.interveneCountStated = 2_200;
    fixed.rollout[2]!.budgetYuan = 11_740_000;
    const ids = auditPlan(fixed).map((f) => f.id);
    for (const gone of ["cost.annual.product", "cost.tier.missing", "cost.firstYear.recomputed", "rollout.scope", "rollout.budget"])
      expect(ids).not.toContain(gone);
    // the stated ROI 3.59 no longer matches the new stated totals: (49,730,000 − 15,740,000) / 15,740,000 = 2.159
    expect(auditPlan(fixed).find((f) => f.id === "benefit.roi")).toMatchObject({ severity: "error", stated: 3.59 });
  });

  it("100,000 customers: tier-4 cost 77,000 × 10 = 770,000 and different stated-vs-derived gaps", () => {
    const half: Plan = { ...seed, customers: 100_000 };
    const out = auditPlan(half);
    expect(out.find((f) => f.id === "cost.tier.missing")?.recomputed).toBe(770_000);
    // stated 6,000 people but 100,000 × 3% = 3,000
    expect(out.find((f) => f.id === "cost.annual.people" && f.path === "$.costs.annual[2].peopleStated")).toMatchObject({ stated: 6_000, recomputed: 3_000 });
    // retained: 100,000 × 6% = 6,000 vs 12,000 stated
    expect(out.find((f) => f.id === "benefit.retained")).toMatchObject({ severity: "error", stated: 12_000, recomputed: 6_000 });
  });

  it("shares not summing to 100% and stated tier counts are checked", () => {
    const plan: Plan = structuredClone(seed);
    plan.tiers[3]!.shareStated = 0.75;
    plan.tiers[0]!.countStated = 5_000;
    const out = auditPlan(plan);
    const shares = out.find((f) => f.id === "tiers.shares");
    expect(shares).toMatchObject({ severity: "error", recomputed: 1 });
    expect(shares?.stated).toBeCloseTo(0.98, 12);
    expect(shares?.message).toContain("4,000 customers are in no tier");
    expect(out.find((f) => f.id === "tiers.count")).toMatchObject({ stated: 5_000, recomputed: 6_000 });
  });

  it("a plan with full rollout from month 0, no LTV, no NPS change and no CEO page has none of those findings", () => {
    const plan: Plan = structuredClone(seed);
    plan.rollout = [{ ...plan.rollout[2]!, monthStart: 0, monthEnd: 12, budgetYuan: plan.costs.firstYearTotalStated }];
    plan.benefits.npsAfter = plan.benefits.npsBefore;
    delete plan.ceoPage;
    const ids = auditPlan(plan).map((f) => f.id);
    for (const gone of ["rollout.coverage", "rollout.scope", "model.payback", "model.npsUnused", "ceo.returnPerYuan"]) expect(ids).not.toContain(gone);
  });
});

describe("auditPlan on a plan whose programme raises churn (churnAfter 0.25 > churnBefore 0.18)", () => {
  it("audits it instead of throwing (the rollout-ramp payback of a negative benefit is Infinity; it used to raise a RangeError, exit 1)", () => {
    const worse = structuredClone(loadPlan("data/plans/seed-plan.json"));
    worse.benefits.churnAfter = 0.25;
    const findings = auditPlan(worse);
    expect(findings.find((f) => f.id === "benefit.retained")?.recomputed).toBe(-14_000);
  });
});
