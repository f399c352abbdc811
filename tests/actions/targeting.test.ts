import { describe, expect, it } from "vitest";
import {
  assignTiers,
  compareTargeting,
  fitDecayModels,
  rankTiers,
  tierOf,
  nextWeekScores,
  pchipInterpolant,
  qiniCurve,
  rankTargets,
  scoreTargets,
  selectWithinBudget,
  simulateExperiment,
  syntheticScores,
  targetingScenario,
  summarizeTiers,
  trueUplifts,
  upliftBySegment,
} from "../../src/actions";
import { loadPlan } from "../../src/plan";
import { createStream } from "../../src/random/createStream";

const plan = loadPlan("data/plans/seed-plan.json");
const curve = pchipInterpolant([7, 14, 21, 30], [0.62, 0.55, 0.38, 0.22]);
const context = { plan, curve };

describe("scoreTargets: expected value = p × saveRate(tier, delay) × LTV − cost", () => {
  it("prices a tier-2 customer contacted at the reference delay: 0.6 × 0.6 × 4000 − 300 = 1140 yuan", () => {
    const [t] = scoreTargets([{ customerId: "a", probability: 0.6 }], context);
    expect(t).toMatchObject({ tierNumber: 2, costYuan: 300, ltvYuan: 4000, saveRate: 0.6 });
    expect(t?.expectedValueYuan).toBeCloseTo(1140, 9);
    expect(Number.isNaN(t?.upliftValueYuan)).toBe(true);
  });
  it("uses the save rate after the expected delay and the customer's own LTV, cost and uplift", () => {
    const [t] = scoreTargets([{ customerId: "b", probability: 0.8, expectedDelayDays: 30, ltvYuan: 10000, costYuan: 500, uplift: 0.1 }], context);
    expect(t?.saveRate).toBeCloseTo((0.45 * 0.22) / 0.62, 12);
    expect(t?.expectedValueYuan).toBeCloseTo(0.8 * ((0.45 * 0.22) / 0.62) * 10000 - 500, 9);
    expect(t?.upliftValueYuan).toBeCloseTo(0.1 * 10000 - 500, 9);
  });
  it("names a customer with a bad probability", () => {
    expect(() => scoreTargets([{ customerId: "bad-1", probability: 1.5 }], context)).toThrow(/bad-1/);
  });
});

describe("rankTargets and selectWithinBudget", () => {
  const customers = [
    { customerId: "t1", probability: 0.9, uplift: 0.05 }, // tier 1: 800 yuan, EV 0.9·0.45·4000 − 800 = 820
    { customerId: "t2", probability: 0.6, uplift: 0.3 }, // tier 2: 300 yuan, EV 1140
    { customerId: "t3", probability: 0.4, uplift: 0.2 }, // tier 3: 50 yuan, EV 0.4·0.7·4000 − 50 = 1070
    { customerId: "t4", probability: 0.05, uplift: 0.001 }, // tier 4: 10 yuan, EV 0.05·0.95·4000 − 10 = 180
  ];
  const scored = scoreTargets(customers, context);
  it("orders by risk (the plan), by expected value, and by uplift value", () => {
    expect(rankTargets(scored, "risk").map((t) => t.customerId)).toEqual(["t1", "t2", "t3", "t4"]);
    expect(rankTargets(scored, "expected-value").map((t) => t.customerId)).toEqual(["t2", "t3", "t1", "t4"]);
    // value per yuan = p × saveRate × 4000 / cost: t3 22.4, t4 19, t2 4.8, t1 2.025
    expect(rankTargets(scored, "value-per-yuan").map((t) => t.customerId)).toEqual(["t3", "t4", "t2", "t1"]);
    expect(scored[2]?.valuePerYuan).toBeCloseTo((0.4 * 0.7 * 4000) / 50, 12);
    // uplift × 4000 − cost: t2 900, t3 750, t1 −600, t4 −6
    expect(rankTargets(scored, "uplift").map((t) => t.customerId)).toEqual(["t2", "t3", "t4", "t1"]);
  });
  it("spends the same 1,000-yuan budget differently: risk takes t1 then what still fits", () => {
    const risk = selectWithinBudget(scored, "risk", 1000);
    expect(risk).toMatchObject({ contacted: 3, costYuan: 860, byTier: [1, 0, 1, 1] }); // t1 800, t2 skipped (1100 > 1000), t3 50, t4 10
    const ev = selectWithinBudget(scored, "expected-value", 1000);
    expect(ev).toMatchObject({ contacted: 3, costYuan: 360, byTier: [0, 1, 1, 1] }); // t2, t3, then t1 does not fit, t4 (EV 180 > 0)
    const uplift = selectWithinBudget(scored, "uplift", 1000);
    expect(uplift).toMatchObject({ contacted: 2, costYuan: 350 }); // stops at t4: uplift value −6 <= 0
    // Evaluated on the model's uplift (no trueUplift): p × saveRate.
    expect(ev.savedCustomers).toBeCloseTo(0.6 * 0.6 + 0.4 * 0.7 + 0.05 * 0.95, 12);
    expect(ev.gain.contacted).toEqual([0, 1, 2, 3]);
  });
  it("evaluates on the true uplift when known and rejects a negative budget", () => {
    const withTruth = scoreTargets(
      customers.map((c) => ({ ...c, trueUplift: 0.01 })),
      context,
    );
    expect(selectWithinBudget(withTruth, "risk", 10_000).savedCustomers).toBeCloseTo(0.04, 12);
    expect(selectWithinBudget(withTruth, "risk", 0).contacted).toBe(0);
    expect(() => selectWithinBudget(withTruth, "risk", -1)).toThrow(RangeError);
  });
  it("compareTargeting runs the uplift policy only when every customer has an estimate", () => {
    expect(compareTargeting(customers, context, 1000).map((o) => o.policy)).toEqual(["risk", "expected-value", "value-per-yuan", "uplift"]);
    expect(compareTargeting([{ customerId: "x", probability: 0.7 }], context, 1000).map((o) => o.policy)).toEqual(["risk", "expected-value", "value-per-yuan"]);
    expect(compareTargeting([], context, 1000).map((o) => o.contacted)).toEqual([0, 0, 0]);
  });
});

describe("qiniCurve (Radcliffe 2007) on a hand-computed example", () => {
  it("Q(k) = R_T(k) − R_C(k)·N_T(k)/N_C(k) with retained customers as responses", () => {
    const q = qiniCurve([
      { score: 1, treated: false, churned: false },
      { score: 4, treated: true, churned: false },
      { score: 2, treated: true, churned: true },
      { score: 3, treated: false, churned: true },
    ]);
    // k=1: no control yet -> 0; k=2: 1 − 0·1/1 = 1; k=3: 1 − 0·2/1 = 1; k=4: 1 − 1·2/2 = 0.
    expect(q.targeted).toEqual([0, 1, 2, 3, 4]);
    expect(q.qini).toEqual([0, 0, 1, 1, 0]);
    // Trapezoids over fractions of 0.25: 0 + 0.125 + 0.25 + 0.125 = 0.5; random line ends at 0.
    expect(q.coefficient).toBeCloseTo(0.5, 15);
  });
  it("groups tied scores and gives a perfect ranking a larger coefficient than its reverse", () => {
    const records = [
      { score: 2, treated: true, churned: false },
      { score: 2, treated: false, churned: true },
      { score: 1, treated: true, churned: true },
      { score: 1, treated: false, churned: false },
    ];
    expect(qiniCurve(records).targeted).toEqual([0, 2, 4]);
    expect(qiniCurve(records).qini).toEqual([0, 1, 0]);
    const reversed = qiniCurve(records.map((r) => ({ ...r, score: -r.score })));
    expect(reversed.qini).toEqual([0, -1, 0]);
    expect(qiniCurve(records).coefficient).toBeGreaterThan(reversed.coefficient);
  });
  it("is a single point for no records and rejects NaN scores", () => {
    expect(qiniCurve([])).toEqual({ targeted: [0], fraction: [0], qini: [0], coefficient: 0 });
    expect(() => qiniCurve([{ score: Number.NaN, treated: true, churned: false }])).toThrow(RangeError);
  });
});

describe("upliftBySegment", () => {
  it("is control churn − treated churn with the Wald standard error", () => {
    const records = [
      ...Array.from({ length: 10 }, (_, i) => ({ segment: "A", treated: true, churned: i < 2 })),
      ...Array.from({ length: 10 }, (_, i) => ({ segment: "A", treated: false, churned: i < 5 })),
    ];
    const [a] = upliftBySegment(records);
    expect(a).toMatchObject({ segment: "A", treated: 10, control: 10, churnTreated: 0.2, churnControl: 0.5 });
    expect(a?.uplift).toBeCloseTo(0.3, 15);
    expect(a?.standardError).toBeCloseTo(Math.sqrt(0.25 / 10 + 0.16 / 10), 15);
    expect(Number.isNaN(upliftBySegment([{ segment: "B", treated: true, churned: false }])[0]?.uplift)).toBe(true);
  });
});

describe("synthetic scores (seeded Beta mixture)", () => {
  it("gives tier shares within 1 point of the plan's 3/8/12/77% at 20,000 customers (seed 42)", () => {
    const scores = syntheticScores(createStream(42, "scores"), 20000);
    const s = summarizeTiers(scores, plan);
    expect(s.differences).toEqual([]);
    s.rows.forEach((r) => {
      expect(Math.abs(r.shareDifference)).toBeLessThan(0.01);
    });
    expect(scores[0]?.customerId).toBe("C000001");
    expect(new Set(scores.map((c) => c.outletId)).size).toBe(8);
  });
  it("moves next week's scores by a log-odds step and keeps them in (0, 1)", () => {
    const week1 = syntheticScores(createStream(1, "s"), 500);
    expect(nextWeekScores(createStream(1, "w"), week1, 0)).toEqual(week1.map((c) => ({ ...c, probability: expect.closeTo(c.probability, 12) })));
    const week2 = nextWeekScores(createStream(1, "w"), week1);
    expect(week2.every((c) => c.probability > 0 && c.probability < 1)).toBe(true);
    expect(week2.some((c, i) => c.probability !== week1[i]?.probability)).toBe(true);
    expect(() => nextWeekScores(createStream(1, "w"), week1, -1)).toThrow(RangeError);
    expect(() => syntheticScores(createStream(1, "s"), -1)).toThrow(RangeError);
  });
  it("true uplift: gamma = 0 keeps the tier's save rate; gamma = 1 (Ascarza 2018) shrinks it for the riskiest", () => {
    const grid = [0.4, 0.9].map((p, i) => ({ customerId: String(i), probability: p }));
    const flat = trueUplifts(createStream(5, "u"), grid, [0.5, 0.5], 0);
    const ascarza = trueUplifts(createStream(5, "u"), grid, [0.5, 0.5], 1);
    // Same responsiveness draws: the ratio is (2(1 − p))^1 = 1.2 at p = 0.4 and 0.2 at p = 0.9.
    expect((ascarza[0] as number) / (flat[0] as number)).toBeCloseTo(1.2, 12);
    expect((ascarza[1] as number) / (flat[1] as number)).toBeCloseTo(0.2, 12);
    expect(ascarza[0]).toBeGreaterThan(ascarza[1] as number);
    expect(() => trueUplifts(createStream(5, "u"), grid, [0.5], 1)).toThrow(RangeError);
    expect(() => trueUplifts(createStream(5, "u"), grid, [0.5, 0.5], -1)).toThrow(RangeError);
  });
});

describe("simulateExperiment", () => {
  it("treats about half and lowers churn by the true uplift (moments at a fixed seed, n = 20,000)", () => {
    const scores = Array.from({ length: 20000 }, (_, i) => ({ customerId: String(i), probability: 0.5 }));
    const records = simulateExperiment(
      createStream(3, "ab"),
      scores,
      scores.map(() => 0.2),
    );
    const treated = records.filter((r) => r.treated);
    const control = records.filter((r) => !r.treated);
    // Binomial sd of a share at n = 10,000 is 0.005: allow 4 sd.
    expect(treated.length / records.length).toBeCloseTo(0.5, 1);
    expect(Math.abs(treated.filter((r) => r.churned).length / treated.length - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(control.filter((r) => r.churned).length / control.length - 0.5)).toBeLessThan(0.02);
    expect(() => simulateExperiment(createStream(3, "ab"), scores.slice(0, 1), [0.6])).toThrow(/exceeds/);
    expect(() => simulateExperiment(createStream(3, "ab"), scores.slice(0, 1), [])).toThrow(RangeError);
  });
});

describe("targetingScenario (seeded end-to-end experiment)", () => {
  it("in Ascarza's world (gamma = 1) uplift targeting saves more than risk targeting on the same budget", () => {
    const candidates = assignTiers(syntheticScores(createStream(11, "scores"), 6000), plan).filter((c) => c.tierNumber <= 3);
    const s = targetingScenario({ customers: candidates, plan, curve, budgetYuan: 100_000, gamma: 1, seed: 11 });
    expect(s.pilotSize + s.targetSize).toBe(candidates.length);
    const by = Object.fromEntries(s.outcomes.map((o) => [o.policy, o]));
    expect(by["risk"]?.costYuan).toBeLessThanOrEqual(100_000);
    expect(by["uplift"]?.savedCustomers).toBeGreaterThan(by["risk"]?.savedCustomers as number);
    expect(by["expected-value"]?.savedCustomers).toBeGreaterThan(by["risk"]?.savedCustomers as number);
    expect(s.qini.map((q) => q.policy)).toEqual(["risk", "expected-value", "value-per-yuan", "uplift"]);
    // Same seed, same result.
    expect(targetingScenario({ customers: candidates, plan, curve, budgetYuan: 100_000, gamma: 1, seed: 11 }).outcomes).toEqual(s.outcomes);
  });
});

describe("value per yuan on the seed plan's 300,000-yuan example (notebook 04, seed 20261124, the plan's world γ = 0)", () => {
  // Notebook 04, section 5: 20,000 synthetic scores, tiers 1–3 as candidates, the A/B curve chosen by AIC, evaluated on the true uplift.
  const SEED = 20261124;
  const nbCurve = fitDecayModels(plan.timing.abTest).chosen.curve;
  const candidates = assignTiers(syntheticScores(createStream(SEED, "scores"), 20_000), plan).filter((c) => c.tierNumber <= 3);
  const ranked = rankTiers(plan);
  const truth = trueUplifts(
    createStream(SEED, "truth-0"),
    candidates,
    candidates.map((c) => tierOf(c.probability, ranked, c.customerId).tier.saveRate),
    0,
  );
  const all = scoreTargets(
    candidates.map((c, i) => ({ customerId: c.customerId, probability: c.probability, trueUplift: truth[i]! })),
    { plan, curve: nbCurve },
  );
  it("saves 893 customers against 643 by absolute expected value on all 4,610 candidates", () => {
    expect(candidates.length).toBe(4610);
    expect(selectWithinBudget(all, "value-per-yuan", 300_000).savedCustomers).toBeCloseTo(892.9, 1);
    expect(selectWithinBudget(all, "expected-value", 300_000).savedCustomers).toBeCloseTo(642.7, 1);
  });
  it("saves 756 against 623 on the scenario's targeted pool (the quarter in the uplift pilot left out): the issue's 623", () => {
    const s = targetingScenario({ customers: candidates, plan, curve: nbCurve, budgetYuan: 300_000, gamma: 0, seed: SEED });
    const by = Object.fromEntries(s.outcomes.map((o) => [o.policy, o]));
    expect(by["expected-value"]?.savedCustomers).toBeCloseTo(623.0, 1);
    expect(by["value-per-yuan"]?.savedCustomers).toBeCloseTo(756.4, 1);
    expect(by["value-per-yuan"]?.costYuan).toBeLessThanOrEqual(300_000);
  });
});
