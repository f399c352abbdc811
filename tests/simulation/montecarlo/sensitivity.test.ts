import { describe, expect, it } from "vitest";
import { asStated } from "../../../src/plan";
import {
  breakEven,
  jointSample,
  planEvaluator,
  planSobol,
  rankCorrelations,
  sensitivityReport,
  spider,
  tornado,
  valueOfInformation,
  type JointSample,
} from "../../../src/simulation/montecarlo/sensitivity";
import { loadUncertainPlan, parseUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { normalCdf, normalQuantile } from "../../../src/random/index";
import { BENEFIT_PER_CHURN_POINT as K, repoFile, SEED_COST, seedPlanJson } from "../fixtures";

const seedUncertain = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));
/** The plan's own top-down arithmetic: linear in churn and LTV, so its sensitivities have closed forms. */
const AS: { model: "as-stated" } = { model: "as-stated" };

describe("tornado and spider", () => {
  it("start from the article's ROI at base and sort bars by swing", () => {
    const t = tornado(seedUncertain, AS);
    expect(t.baseOutput).toBeCloseTo(asStated(seedUncertain.base).roi, 12);
    for (let i = 1; i < t.bars.length; i += 1) expect(t.bars[i - 1]!.swing).toBeGreaterThanOrEqual(t.bars[i]!.swing);
    expect(
      t.bars
        .slice(0, 3)
        .map((b) => b.name)
        .sort(),
    ).toEqual(["benefits.churnAfter", "benefits.churnBefore", "benefits.ltvYuan"]);
  });
  it("a bar is the ROI at the input's P10 and P90: churnAfter's P90 gives ROI = (K(0.18 − c90) − cost) / cost", () => {
    const bar = tornado(seedUncertain, AS).bars.find((b) => b.name === "benefits.churnAfter")!;
    expect(bar.outputAtP90).toBeCloseTo((K * (0.18 - bar.p90) - SEED_COST) / SEED_COST, 10);
    expect(bar.p10).toBeLessThan(bar.base);
    expect(bar.p90).toBeGreaterThan(bar.base);
  });
  it("leaves out inputs the chosen model does not read (save rates under as-stated)", () => {
    expect(tornado(seedUncertain, AS).bars.find((b) => b.name === "tiers.very-high.saveRate")).toBeUndefined();
    const programme = tornado(seedUncertain, { model: "programme" });
    expect(programme.bars.find((b) => b.name === "tiers.very-high.saveRate")!.swing).toBeGreaterThan(0);
    // The programme model derives churn after the programme from its saves: the plan's churnAfter target is not an input of it.
    expect(programme.bars.find((b) => b.name === "benefits.churnAfter")).toBeUndefined();
  });
  it("spider lines pass through the base output at the input's base percentile", () => {
    const lines = spider(seedUncertain, { ...AS, percentiles: [0.1, 0.5, 0.9] });
    const ltv = lines.find((l) => l.name === "benefits.ltvYuan")!;
    // LTV lognormal: P50 is the median 4000, the base value
    expect(ltv.values[1]).toBeCloseTo(4000, 6);
    expect(ltv.outputs[1]).toBeCloseTo(planEvaluator(seedUncertain, AS).baseOutput, 10);
  });
});

describe("breakEven", () => {
  const points = breakEven(seedUncertain, AS);
  it("churnAfter breaks even at 0.18 − cost / K = 0.16692 (ROI 0) and at 0.18 − 3 cost / K (ROI 200%)", () => {
    const zero = points.find((p) => p.name === "benefits.churnAfter" && p.target === 0)!;
    expect(zero.value).toBeCloseTo(0.18 - SEED_COST / K, 9);
    expect(zero.percentile).toBeGreaterThan(0.999);
    const mvp = points.find((p) => p.name === "benefits.churnAfter" && p.target === 2)!;
    expect(mvp.value).toBeCloseTo(0.18 - (3 * SEED_COST) / K, 9);
    expect(mvp.basePercentile).toBeLessThan(mvp.percentile!);
  });
  it("LTV breaks even at cost / (200,000 × 0.06) − referral value per retained customer", () => {
    const p = points.find((x) => x.name === "benefits.ltvYuan" && x.target === 0)!;
    expect(p.value).toBeCloseTo(SEED_COST / 12_000 - 0.15 * 1.2 * 800, 6);
  });
  it("a cost line breaks even where the first-year cost equals the benefit (ROI 0) or a third of it (ROI 200%)", () => {
    // benefit 49,728,000; other costs 10,840,000 − 500,000: line = 39,388,000 and 49,728,000 / 3 − 10,340,000 = 6,236,000
    const zero = points.find((x) => x.name === "costs.oneTime.data-integration.amountYuan" && x.target === 0)!;
    const mvp = points.find((x) => x.name === "costs.oneTime.data-integration.amountYuan" && x.target === 2)!;
    expect(zero.value).toBeCloseTo(39_388_000, 0);
    expect(mvp.value).toBeCloseTo(49_728_000 / 3 - 10_340_000, 0);
    expect(zero.percentile).toBe(1);
  });
  it("says 'not reachable' (null) when no value of the input alone reaches the target", () => {
    const p = points.find((x) => x.name === "benefits.newCustomerValueYuan" && x.target === 0)!;
    expect(p.value).toBeNull();
    expect(p.percentile).toBeNull();
  });
});

describe("valueOfInformation", () => {
  /** Net benefit ~ Normal(μ, σ) by stratified quantiles, with one input equal to it and one independent noise input. */
  function normalSample(mu: number, sigma: number, n: number): JointSample {
    const nb = Float64Array.from({ length: n }, (_, i) => mu + sigma * normalQuantile((i + 0.5) / n));
    const noise = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const fake = seedUncertain.inputs.slice(0, 2);
    return { inputs: fake, inputValues: [nb, noise], roi: nb, netBenefit: nb };
  }
  it("EVPI of a normal net benefit is σφ(μ/σ) − μΦ(−μ/σ) (the unit normal loss integral)", () => {
    const mu = 1e6;
    const sigma = 2e6;
    const v = valueOfInformation(normalSample(mu, sigma, 40_000));
    const z = mu / sigma;
    const expected = sigma * (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) - mu * normalCdf(-z);
    expect(v.evpi / expected).toBeCloseTo(1, 3);
    expect(v.decision).toBe("go");
  });
  it("EVPPI: an input that decides the net benefit is worth nearly the EVPI; pure noise is worth about nothing", () => {
    const v = valueOfInformation(normalSample(1e6, 2e6, 40_000));
    const decisive = v.perInput.find((x) => x.name === seedUncertain.inputs[0]!.name)!;
    const noise = v.perInput.find((x) => x.name === seedUncertain.inputs[1]!.name)!;
    expect(decisive.evppi / v.evpi).toBeGreaterThan(0.95);
    expect(noise.evppi / v.evpi).toBeLessThan(0.1);
  });
  it("is zero when the plan can never lose, and 'no-go' with zero EVPI when it always loses", () => {
    const always = normalSample(1e7, 1e5, 1000);
    expect(valueOfInformation(always).evpi).toBeCloseTo(0, 6);
    const never = normalSample(-1e7, 1e5, 1000);
    const v = valueOfInformation(never);
    expect(v.decision).toBe("no-go");
    expect(v.evpi).toBeCloseTo(0, 6);
  });
});

describe("rank correlations, Sobol and the report", () => {
  it("a linear single-input plan: ROI rank-correlates −1 with churnAfter and its Sobol index is 1", () => {
    const json = seedPlanJson();
    json.benefits.churnAfter = { dist: "uniform", min: 0.1, max: 0.14 };
    const plan = parseUncertainPlan(json, "x");
    const rc = rankCorrelations(jointSample(plan, { ...AS, trials: 2000, seed: 1 }));
    expect(rc).toHaveLength(1);
    expect(rc[0]!.rankCorrelation).toBeCloseTo(-1, 12);
    const so = planSobol(plan, { ...AS, samples: 4096, bootstrap: 20 });
    expect(Math.abs(so.first[0]! - 1)).toBeLessThan(0.05);
    expect(so.total[0]).toBeCloseTo(1, 2);
  });
  it("a plan without uncertain inputs has empty analyses", () => {
    const plan = parseUncertainPlan(seedPlanJson(), "x");
    expect(tornado(plan).bars).toEqual([]);
    expect(planSobol(plan).first).toEqual([]);
    expect(breakEven(plan)).toEqual([]);
  });
  it("sensitivityReport of the seed plan: LTV and the two churn rates carry most of the ROI variance", () => {
    const r = sensitivityReport(seedUncertain, { ...AS, seed: 1, trials: 4000, sobolSamples: 1024, bootstrap: 50 });
    expect(r.baseRoi).toBeCloseTo(3.5874538745387452, 12);
    const top3 = r.sobol
      .slice(0, 3)
      .map((s) => s.name)
      .sort();
    expect(top3).toEqual(["benefits.churnAfter", "benefits.churnBefore", "benefits.ltvYuan"]);
    expect(r.sobol.slice(0, 3).reduce((s, x) => s + x.first, 0)).toBeGreaterThan(0.7);
    expect(r.valueOfInformation.decision).toBe("go");
    expect(r.breakEven.length).toBe(2 * r.tornado.length);
  });
});
