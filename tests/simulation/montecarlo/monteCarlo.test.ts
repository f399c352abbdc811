import { describe, expect, it } from "vitest";
import { MAX_SORTED_VALUES, runMonteCarlo, type MonteCarloResult } from "../../../src/simulation/montecarlo/monteCarlo";
import { createBlockContext, runBlock } from "../../../src/simulation/montecarlo/blockRunner";
import { loadUncertainPlan, parseUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { jointSample } from "../../../src/simulation/montecarlo/sensitivity";
import { spearman } from "../../../src/simulation/inputs/correlation";
import { normalCdf } from "../../../src/random/index";
import { BENEFIT_PER_CHURN_POINT as K, repoFile, SEED_COST, seedPlanJson } from "../fixtures";
import { evaluateProgrammeModel, programmeModelFor } from "../../../src/simulation/programme/index";

const strip = (r: MonteCarloResult): string => {
  const { workers: _w, samples: _s, ...rest } = r;
  return JSON.stringify(rest);
};

describe("runMonteCarlo", () => {
  it("a plan without uncertain inputs simulates to its deterministic result with zero spread", async () => {
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan.json"));
    const r = await runMonteCarlo(plan, { trials: 1000, seed: 1, model: "as-stated" });
    expect(r.roi.mean).toBeCloseTo(3.5874538745387452, 12);
    expect(r.roi.sd).toBe(0);
    expect(r.roi.se.mean).toBe(0);
    // quantiles come from Float32 per-trial values: 3.58745387... to 7 digits
    for (const q of [r.roi.p5, r.roi.p50, r.roi.p95]) expect(q).toBeCloseTo(3.5874538745387452, 6);
    expect(r.paybackMonths.mean).toBeCloseTo(10_840_000 / (49_728_000 / 12), 10);
    expect(r.probLoss).toEqual({ value: 0, se: 0 });
    expect(r.probRoiAbove200).toEqual({ value: 1, se: 0 });
    expect(r.probPaybackOver12.value).toBe(0);
  });

  it("with no uncertainty the programme model's Monte Carlo gives its deterministic figures exactly", async () => {
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan.json"));
    const programme = programmeModelFor(plan, { panelCustomers: 20_000 });
    const r = await runMonteCarlo(plan, { trials: 500, seed: 1, programme });
    const det = evaluateProgrammeModel(programme).outputs;
    expect(r.model).toBe("programme");
    expect(r.roi.mean).toBe(det.roi);
    expect(r.cashRoi.mean).toBe(det.cashRoi);
    expect(r.npv.mean).toBe(det.npv);
    expect(r.roi.sd).toBe(0);
    expect(r.npvYears).toBe(3);
  });

  it("linear case: net benefit = K(0.18 − c) − (cost − 500,000 + U) has its analytic mean and sd", async () => {
    // c ~ Normal(0.12, 0.005), U ~ Uniform(400,000, 600,000), independent:
    // E = 0.06 K − 10,840,000 = 38,888,000; Var = (0.005 K)² + 200,000² / 12.
    const json = seedPlanJson();
    json.benefits.churnAfter = { dist: "normal", mean: 0.12, sd: 0.005 };
    json.costs.oneTime[0].amountYuan = { dist: "uniform", min: 400_000, max: 600_000 };
    const plan = parseUncertainPlan(json, "linear");
    const r = await runMonteCarlo(plan, { trials: 40_000, seed: 11, model: "as-stated" });
    const mean = 0.06 * K - SEED_COST;
    const sd = Math.sqrt((0.005 * K) ** 2 + 200_000 ** 2 / 12);
    expect(Math.abs(r.netBenefit.mean - mean)).toBeLessThan(4 * r.netBenefit.se.mean);
    expect(Math.abs(r.netBenefit.se.mean / (sd / Math.sqrt(40_000)) - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.netBenefit.sd / sd - 1)).toBeLessThan(0.02);
    // the median of a near-normal output sits at its mean
    expect(Math.abs(r.netBenefit.p50 - mean)).toBeLessThan(4 * r.netBenefit.se.p50);
  });

  it("P(loss) matches Φ for a normal churn-after: P(c > 0.18 − cost / K)", async () => {
    const json = seedPlanJson();
    // truncated to [0, 1] (a churn rate); the mass cut off is Φ(−3) ≈ 0.13%, below 0 only
    json.benefits.churnAfter = { dist: "normal", mean: 0.12, sd: 0.04, min: 0, max: 1 };
    const r = await runMonteCarlo(parseUncertainPlan(json, "x"), { trials: 40_000, seed: 3, model: "as-stated" });
    const expected = (1 - normalCdf((0.18 - SEED_COST / K - 0.12) / 0.04)) / (1 - normalCdf(-3));
    expect(Math.abs(r.probLoss.value - expected)).toBeLessThan(4 * r.probLoss.se);
    expect(r.probLoss.se).toBeCloseTo(Math.sqrt((expected * (1 - expected)) / 40_000), 3);
  });

  it("correlated inputs: Var(K(b − a)) = K²σ²(2 − 2r) with r = 2 sin(πρ/6) for rank correlation ρ = 0.6", async () => {
    const json = seedPlanJson();
    json.benefits.churnBefore = { dist: "normal", mean: 0.18, sd: 0.005 };
    json.benefits.churnAfter = { dist: "normal", mean: 0.12, sd: 0.005 };
    json.correlations = [{ a: "benefits.churnBefore", b: "benefits.churnAfter", rankCorrelation: 0.6 }];
    const plan = parseUncertainPlan(json, "x");
    const r = await runMonteCarlo(plan, { trials: 40_000, seed: 5, model: "as-stated" });
    const pearson = 2 * Math.sin((Math.PI * 0.6) / 6);
    const sd = K * 0.005 * Math.sqrt(2 - 2 * pearson);
    expect(Math.abs(r.netBenefit.sd / sd - 1)).toBeLessThan(0.025);
    const independent = await runMonteCarlo(plan, { trials: 40_000, seed: 5, independent: true, model: "as-stated" });
    expect(Math.abs(independent.netBenefit.sd / (K * 0.005 * Math.SQRT2) - 1)).toBeLessThan(0.025);
    const sample = jointSample(plan, { trials: 20_000, seed: 5, model: "as-stated" });
    expect(spearman(sample.inputValues[0]!, sample.inputValues[1]!)).toBeCloseTo(0.6, 1);
  });

  it("Latin hypercube: one draw per stratum, so a uniform input's sample mean is exact to O(1/n²)", async () => {
    const json = seedPlanJson();
    json.costs.oneTime[0].amountYuan = { dist: "uniform", min: 400_000, max: 600_000 };
    const plan = parseUncertainPlan(json, "x");
    const lhs = await runMonteCarlo(plan, { trials: 4096, seed: 9, sampling: "latin-hypercube", model: "as-stated" });
    // net benefit = 38,888,000 − (U − 500,000); with LHS the mean of U is 500,000 ± (range / n) / √(12 n)
    expect(Math.abs(lhs.netBenefit.mean - (0.06 * K - SEED_COST))).toBeLessThan(200_000 / 4096);
    const plain = await runMonteCarlo(plan, { trials: 4096, seed: 9, model: "as-stated" });
    expect(Math.abs(plain.netBenefit.mean - (0.06 * K - SEED_COST))).toBeGreaterThan(Math.abs(lhs.netBenefit.mean - (0.06 * K - SEED_COST)));
  });

  it("is bit-identical for 0, 1, 2 and 3 worker threads (blocks have their own streams)", async () => {
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
    const options = { trials: 5000, seed: 42, blockSize: 1000 };
    const runs = await Promise.all([0, 1, 2, 3].map((workers) => runMonteCarlo(plan, { ...options, workers })));
    const texts = runs.map(strip);
    expect(new Set(texts).size).toBe(1);
    expect(runs.map((r) => r.workers)).toEqual([0, 1, 2, 3]);
    expect(Buffer.from(runs[0]!.samples!.roi.buffer).equals(Buffer.from(runs[3]!.samples!.roi.buffer))).toBe(true);
    const other = await runMonteCarlo(plan, { ...options, seed: 43 });
    expect(strip(other)).not.toBe(texts[0]);
    // Latin hypercube strata are per block too: still independent of the workers
    const lhs = await Promise.all([0, 2].map((workers) => runMonteCarlo(plan, { ...options, workers, sampling: "latin-hypercube", model: "as-stated" })));
    expect(strip(lhs[0]!)).toBe(strip(lhs[1]!));
  }, 60_000);

  it("reports progress after each block and a convergence trace in 1-2-5 steps", async () => {
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
    const seen: number[] = [];
    const r = await runMonteCarlo(plan, { trials: 2500, seed: 1, blockSize: 1000, workers: 0, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1000, 2000, 2500]);
    expect(r.convergence.trials).toEqual([100, 200, 500, 1000, 2000, 2500]);
    expect(r.convergence.roiMean.at(-1)).toBeCloseTo(r.roi.mean, 5);
  });

  it("the seed plan with uncertainty, the plan's own arithmetic (as-stated): ROI centred below the article's 359%, rarely a loss", async () => {
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
    const r = await runMonteCarlo(plan, { trials: 20_000, seed: 2026, model: "as-stated" });
    expect(r.roi.p50).toBeLessThan(3.59);
    expect(r.roi.p5).toBeLessThan(r.roi.p25);
    expect(r.roi.p95).toBeGreaterThan(r.roi.p75);
    expect(r.probLoss.value).toBeLessThan(0.05);
    expect(r.probRoiAbove200.value).toBeGreaterThan(0.3);
    expect(r.samples!.roi).toHaveLength(20_000);
    // The as-stated model ignores the save rates and the A/B test: the run says so.
    expect(r.warnings.some((w) => w.startsWith("$.tiers[0].saveRate is uncertain but the as-stated model does not use it"))).toBe(true);
  });

  it("keeps memory bounded for very many trials: with a stride a block keeps every stride-th order statistic of its sorted outputs", () => {
    const json = seedPlanJson();
    json.costs.oneTime[0].amountYuan = { dist: "uniform", min: 400_000, max: 600_000 };
    const plan = parseUncertainPlan(json, "x");
    const ctx = createBlockContext(plan, { seed: 4, model: "as-stated" });
    const all = runBlock(ctx, 0, 10_000, 10_000, {});
    const every10 = runBlock(ctx, 0, 10_000, 10_000, { stride: 10 });
    expect(every10.sorted[0]).toHaveLength(1000);
    for (let j = 0; j < 1000; j += 1) expect(every10.sorted[0]![j]).toBe(all.sorted[0]![j * 10 + 5]);
    // The moments stay exact.
    expect(Array.from(every10.moments)).toEqual(Array.from(all.moments));
    // runMonteCarlo's stride: ceil(trials / 2^24), so 1e9 trials keep at most 2^24 values per output.
    expect(MAX_SORTED_VALUES).toBe(1 << 24);
  });

  it("keeps memory bounded for very many trials: beyond 2^24 values per output only every stride-th order statistic is kept", async () => {
    const json = seedPlanJson();
    json.costs.oneTime[0].amountYuan = { dist: "uniform", min: 400_000, max: 600_000 };
    const plan = parseUncertainPlan(json, "x");
    const exact = await runMonteCarlo(plan, { trials: 40_000, seed: 4, model: "as-stated", keepSamples: false });
    expect(exact.quantileStride).toBe(1);
    // The stride rule at 1e9 trials: ceil(1e9 / 2^24) = 60, so at most 2^24 values per output are held.
    expect(Math.ceil(1e9 / (1 << 24))).toBe(60);
  });

  it("rejects bad trial counts, seeds and worker counts with RangeError", async () => {
    const plan = loadUncertainPlan(repoFile("data/plans/seed-plan.json"));
    await expect(runMonteCarlo(plan, { trials: 0, seed: 1 })).rejects.toThrow(RangeError);
    await expect(runMonteCarlo(plan, { trials: 1.5, seed: 1 })).rejects.toThrow(RangeError);
    await expect(runMonteCarlo(plan, { trials: 10, seed: Number.NaN })).rejects.toThrow(RangeError);
    await expect(runMonteCarlo(plan, { trials: 10, seed: 1, workers: -1 })).rejects.toThrow(RangeError);
  });
});
