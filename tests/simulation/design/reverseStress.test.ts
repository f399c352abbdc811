import { describe, expect, it } from "vitest";
import { standardNormalCdf, standardNormalQuantile } from "../../../src/random/index";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { createDesignContext } from "../../../src/simulation/design/designContext";
import { runDesign } from "../../../src/simulation/design/designEvaluation";
import { nearestOnPolyline, reverseStressTest, stressTestModel } from "../../../src/simulation/design/reverseStress";
import { solveThreshold, stressLevers } from "../../../src/simulation/design/stressLevers";
import { defaultDesignAssumptions, planDesign, type ProgrammeDesign } from "../../../src/simulation/design/programmeDesign";
import { repoFile } from "../fixtures";

describe("solveThreshold", () => {
  it("finds where P(v) = Φ((v − 1) / 0.2) reaches 0.8: v = 1 + 0.2 z₀.₈ (closed form)", () => {
    const sol = solveThreshold((v) => standardNormalCdf((v - 1) / 0.2), 0, 3, 0.8, true, 1e-9);
    expect(sol.status).toBe("inside");
    expect(sol.value!).toBeCloseTo(1 + 0.2 * standardNormalQuantile(0.8), 7);
  });
  it("for a falling probability (a cost) returns the largest value that still meets the target", () => {
    const sol = solveThreshold((v) => 1 - v / 10, 0, 10, 0.8, false, 1e-9);
    expect(sol.value!).toBeCloseTo(2, 7);
  });
  it("says 'always' when the least favourable end already meets the target and 'never' when the best end does not", () => {
    expect(solveThreshold(() => 0.9, 0, 1, 0.8, true, 1e-6)).toEqual({ value: undefined, status: "always" });
    expect(solveThreshold(() => 0.5, 0, 1, 0.8, true, 1e-6)).toEqual({ value: undefined, status: "never" });
    expect(() => solveThreshold(() => 0.5, 1, 0, 0.8, true, 1e-6)).toThrow(RangeError);
  });
  it("on a step function (a share of trials) agrees with the brute-force order statistic", () => {
    const thresholds = Array.from({ length: 101 }, (_, i) => (i * 37) % 101);
    const share = (v: number): number => thresholds.filter((x) => x <= v).length / thresholds.length;
    const sol = solveThreshold(share, 0, 200, 0.8, true, 1e-6);
    const sorted = [...thresholds].sort((a, b) => a - b);
    const q = sorted[Math.ceil(0.8 * sorted.length) - 1]!;
    expect(sol.value!).toBeGreaterThanOrEqual(q);
    expect(sol.value!).toBeLessThan(q + 1e-5);
  });
});

describe("nearestOnPolyline", () => {
  it("projects the base onto the closest segment in standard deviations (hand case)", () => {
    // Segment from (0.86, 1.2) to (0.90, 1.2) in (AUC, multiplier); base (0.85, 1); sd 0.01 and 0.1: the nearest is (0.86, 1.2) at √(1 + 4) = √5.
    const n = nearestOnPolyline(
      [
        { auc: 0.86, multiplier: 1.2, saveRate: 0.6 },
        { auc: 0.9, multiplier: 1.2, saveRate: 0.6 },
      ],
      0.85,
      0.01,
      0.1,
    )!;
    expect(n.auc).toBeCloseTo(0.86, 12);
    expect(n.distanceSd).toBeCloseTo(Math.sqrt(5), 12);
    // A point inside a sloping segment: from (0.85, 2) to (0.95, 1): nearest at the foot of the perpendicular.
    const m = nearestOnPolyline(
      [
        { auc: 0.85, multiplier: 2, saveRate: 1 },
        { auc: 0.95, multiplier: 1, saveRate: 0.5 },
      ],
      0.85,
      0.1,
      1,
    )!;
    expect(m.auc).toBeCloseTo(0.9, 12);
    expect(m.multiplier).toBeCloseTo(1.5, 12);
    expect(m.distanceSd).toBeCloseTo(Math.SQRT1_2, 12);
    expect(nearestOnPolyline([], 0.85, 1, 1)).toBeUndefined();
  });
});

describe("reverseStressTest on the seed plan (small panel, 600 draws)", () => {
  const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
  const own = planDesign(plan.base, plan.assumptions.programme);
  const automated: ProgrammeDesign = {
    ...own,
    channels: { "very-high": "medium", high: "medium", medium: "medium", low: "none" },
    capacityPerWeek: { "very-high": Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY, medium: Number.POSITIVE_INFINITY },
    stageTiers: "all",
  };
  const ctx = createDesignContext(plan, { trials: 600, seed: 5, modelOptions: { panelCustomers: 10_000 }, workers: 0 });
  it("the margin where NPV > 0 holds with 80% probability is the 80% quantile of the draws' break-even margins (NPV is linear in it)", async () => {
    const s = await reverseStressTest(ctx, automated, { levers: ["annualMargin"], boundaryAucs: [], tolerance: 1e-6 });
    const row = s.rows[0]!;
    expect(row.lever).toBe("annualMargin");
    // Brute force on the same draws and flows: NPV_i(m) = a_i + b_i m from two margins, break-even m_i = −a_i / b_i.
    const model = await stressTestModel(ctx, automated);
    expect(model.aucGrid).toEqual(s.grid.auc);
    const lever = stressLevers(plan, ctx.draws.slotPaths, [0.75, 0.95], [0.12, 0.24]).find((l) => l.id === "annualMargin")!;
    const m0 = runDesign(plan, automated, model, ctx.draws, defaultDesignAssumptions, (p) => lever.apply(p, 0));
    const m1 = runDesign(plan, automated, model, ctx.draws, defaultDesignAssumptions, (p) => lever.apply(p, 1000));
    const breakEven = Array.from(m0.npv, (a, i) => -a / ((m1.npv[i]! - a) / 1000)).sort((x, y) => x - y);
    const q = breakEven[Math.ceil(0.8 * breakEven.length) - 1]!;
    expect(row.npv.status).toBe("inside");
    expect(row.npv.value!).toBeGreaterThanOrEqual(q - 1e-6);
    expect(row.npv.value!).toBeLessThan(q + 0.02);
    expect(row.npv.se).toBeGreaterThan(0);
  }, 120_000);
  it("the plan's design: no save rate reaches ROI > 200% with 80% probability, capacity caps it", async () => {
    const s = await reverseStressTest(ctx, own, { levers: ["saveRate", "ltv"], boundaryAucs: [], tolerance: 0.002 });
    expect(s.rows.find((r) => r.lever === "saveRate")!.roi.status).toBe("never");
    // Lifetime value is the plan's lever on the ROI: it needs several times the plan's 4,000 yuan.
    expect(s.rows.find((r) => r.lever === "ltv")!.roi.value!).toBeGreaterThan(3 * 4000);
  }, 120_000);
});
