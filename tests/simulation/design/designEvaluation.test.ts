import { beforeAll, describe, expect, it } from "vitest";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { runMonteCarlo } from "../../../src/simulation/montecarlo/monteCarlo";
import { buildProgrammeModel } from "../../../src/simulation/programme/programmeModel";
import { drawDesignInputs } from "../../../src/simulation/design/designDraws";
import { runDesign } from "../../../src/simulation/design/designEvaluation";
import { designModel } from "../../../src/simulation/design/designModel";
import { designBridge } from "../../../src/simulation/design/designBridge";
import { createDesignContext } from "../../../src/simulation/design/designContext";
import { summarizeDesign } from "../../../src/simulation/design/designSummary";
import { defaultDesignAssumptions, planDesign, type ProgrammeDesign } from "../../../src/simulation/design/programmeDesign";
import { repoFile } from "../fixtures";

const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
const own = planDesign(plan.base, plan.assumptions.programme);
const PANEL = 20_000;
// The best design the search finds on the seed plan: automated marketing for every contacted tier, no routine spend on the low tier.
const automated: ProgrammeDesign = {
  ...own,
  channels: { "very-high": "medium", high: "medium", medium: "medium", low: "none" },
  capacityPerWeek: { "very-high": Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY, medium: Number.POSITIVE_INFINITY },
  stageTiers: "all",
  allocation: "value",
};

describe("the plan's design is the programme model itself", () => {
  it("its model equals buildProgrammeModel of the plan (same panel), and its run equals runMonteCarlo's samples on the same seed", async () => {
    const model = designModel(plan, own, defaultDesignAssumptions, { panelCustomers: PANEL, grid: "full" });
    const reference = buildProgrammeModel(plan.base, plan.assumptions.programme, { panelCustomers: PANEL, churnGrid: model.churnGrid, aucGrid: model.aucGrid });
    expect(model.bases.length).toBe(9);
    model.bases.forEach((b, i) => {
      expect(Array.from(b.retained)).toEqual(Array.from(reference.bases[i]!.retained));
    });
    const draws = drawDesignInputs(plan, model, 3000, 7);
    const run = runDesign(plan, own, model, draws, defaultDesignAssumptions);
    const mc = await runMonteCarlo(plan, { trials: 3000, seed: 7, model: "programme", programme: reference, workers: 0 });
    // Common random numbers: trial by trial the same NPV (Float32 in the Monte Carlo engine).
    for (let i = 0; i < 3000; i += 1) expect(mc.samples!.npv[i]!).toBeCloseTo(Math.fround(run.npv[i]!), -1);
    expect(summarizeDesign(run).npv.mean).toBeCloseTo(mc.npv.mean, -2);
    expect(summarizeDesign(run).probRoiAbove200.value).toBe(mc.probRoiAbove200.value);
  }, 60_000);
});

describe("runDesign: the MVP gate's truth per draw", () => {
  let runs: { own: ReturnType<typeof runDesign>; auto: ReturnType<typeof runDesign> };
  beforeAll(() => {
    const m = designModel(plan, own, defaultDesignAssumptions, { panelCustomers: PANEL });
    const draws = drawDesignInputs(plan, m, 2000, 3);
    runs = {
      own: runDesign(plan, own, m, draws, defaultDesignAssumptions),
      auto: runDesign(plan, automated, designModel(plan, automated, defaultDesignAssumptions, { panelCustomers: PANEL }), draws, defaultDesignAssumptions),
    };
  }, 60_000);
  it("passes only where the drawn AUC, the MVP save rate and the projected ROI all clear their lines", () => {
    for (const r of [runs.own, runs.auto]) {
      for (let i = 0; i < r.trials; i += 1) if (r.mvpPass[i] === 1) expect(r.roi[i]! > 2 && r.mvpSaveRate[i]! > 0.5).toBe(true);
    }
    // The plan's MVP contacts tiers 1–2 at 45% and 60% (waits included): its true save rate is between them.
    const s = summarizeDesign(runs.own);
    expect(s.mvpSaveRate.mean).toBeGreaterThan(0.4);
    expect(s.mvpSaveRate.mean).toBeLessThan(0.6);
    expect(s.probMvpPass.value).toBe(0);
    // P(AUC > 0.85) bounds P(pass): the AUC is PERT(0.78, 0.85, 0.92), symmetric about 0.85.
    expect(summarizeDesign(runs.auto).probMvpPass.value).toBeLessThan(0.55);
  });
  it("the automated design keeps more customers for less than the plan's design", () => {
    const a = summarizeDesign(runs.auto);
    const o = summarizeDesign(runs.own);
    expect(a.retained.mean).toBeGreaterThan(2 * o.retained.mean);
    expect(a.npv.mean).toBeGreaterThan(o.npv.mean + 10e6);
  });
});

describe("designBridge", () => {
  it("goes from the plan's design to another one change at a time, and the steps add up to the difference exactly", async () => {
    const ctx = createDesignContext(plan, { trials: 1500, seed: 2, modelOptions: { panelCustomers: PANEL }, workers: 0 });
    const b = await designBridge(ctx, own, automated, "base");
    expect(b.steps.map((s) => s.dimension)).toEqual(["channels", "stageTiers", "capacity", "capacity", "capacity"]);
    const sum = b.steps.reduce((s, x) => s + x.npv.mean, 0);
    expect(sum).toBeCloseTo(b.end.summary.npv.mean - b.start.summary.npv.mean, 3);
    const gate = b.steps.reduce((s, x) => s + x.probMvpPass.mean, 0);
    expect(gate).toBeCloseTo(b.end.summary.probMvpPass.value - b.start.summary.probMvpPass.value, 9);
    for (const s of b.steps) expect(s.npv.se).toBeGreaterThanOrEqual(0);
    expect(b.steps[0]!.change).toMatch(/very-high very-high → medium/);
  }, 120_000);
});
