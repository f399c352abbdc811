import { beforeAll, describe, expect, it } from "vitest";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { createDesignContext } from "../../../src/simulation/design/designContext";
import { searchDesigns, type SearchResult } from "../../../src/simulation/design/designSearch";
import { designMoves } from "../../../src/simulation/design/designMoves";
import { designKey, planDesign } from "../../../src/simulation/design/programmeDesign";
import { repoFile } from "../fixtures";

const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
const own = planDesign(plan.base, plan.assumptions.programme);
const modelOptions = { panelCustomers: 10_000 };

describe("designMoves", () => {
  const ctx = { plan: plan.base, planCapacity: own.capacityPerWeek, cells: [], load: {} };
  it("offers one step along a dimension, never the design itself", () => {
    expect(designMoves("queueRule", own, ctx).map((m) => m.design.queueRule)).toEqual(["oldest-first", "newest-first"]);
    expect(designMoves("delay", own, ctx).map((m) => m.design.minContactDelayDays)).toEqual([7, 14]);
    for (const dim of ["channels", "cutoffs", "stageTiers", "capacity"] as const) {
      const moves = designMoves(dim, own, ctx);
      expect(moves.length).toBeGreaterThan(0);
      for (const m of moves) expect(designKey(m.design)).not.toBe(designKey(own));
    }
  });
  it("tries a tier moved to a cheaper channel at its capacity, the plan's and unlimited", () => {
    const toAuto = designMoves("channels", own, ctx).filter((m) => m.change.startsWith("very-high: channel very-high → medium"));
    expect(toAuto.map((m) => m.design.capacityPerWeek["very-high"])).toEqual([own.capacityPerWeek["very-high"], Number.POSITIVE_INFINITY]);
  });
  it("keeps cut-offs valid: increasing, 0.5% to 80%", () => {
    for (const m of designMoves("cutoffs", own, ctx)) {
      const s = m.design.cumulativeShares;
      expect(s.every((v, k) => v >= 0.005 && v <= 0.8 && (k === 0 || v > s[k - 1]!))).toBe(true);
    }
  });
});

describe("searchDesigns on the seed plan (small panel, few draws)", () => {
  let r: SearchResult;
  beforeAll(async () => {
    r = await searchDesigns(createDesignContext(plan, { trials: 800, seed: 1, modelOptions, workers: 0 }), { maxPasses: 2 });
  }, 240_000);
  it("finds a feasible design with a higher expected NPV than the plan's own, every accepted step an improvement", () => {
    expect(r.best.feasible).toBe(true);
    expect(r.best.summary.npv.mean).toBeGreaterThan(r.plan.summary.npv.mean + 10e6);
    const objectives = r.steps.filter((s) => s.pass > 0).map((s) => s.objective);
    objectives.forEach((x, i) => {
      if (i > 0) expect(x).toBeGreaterThan(objectives[i - 1]!);
    });
    expect(r.best.summary.firstYearCost.mean).toBeLessThanOrEqual(10_840_000);
  });
  it("is deterministic: the same context gives the same best design", async () => {
    const again = await searchDesigns(createDesignContext(plan, { trials: 800, seed: 1, modelOptions, workers: 0 }), { maxPasses: 2 });
    expect(designKey(again.best.design)).toBe(designKey(r.best.design));
    expect(again.best.summary.npv.mean).toBe(r.best.summary.npv.mean);
  }, 240_000);
  it("respects a tighter budget: every design it keeps costs less than the budget in year 1", async () => {
    const tight = await searchDesigns(createDesignContext(plan, { trials: 800, seed: 1, modelOptions, workers: 0, budgetYuan: 8_000_000 }), { maxPasses: 1 });
    expect(tight.best.feasible).toBe(true);
    expect(tight.best.summary.firstYearCost.mean).toBeLessThanOrEqual(8_000_000);
  }, 240_000);
});
