import { beforeAll, describe, expect, it } from "vitest";
import { parsePlan, type Plan } from "../../src/plan";
import { FastRng } from "../../src/random/FastRng";
import { rocAuc } from "../../src/models/metrics/rocAuc";
import { calibrateRollout, noiseForAuc, thresholdsForNoise, type RolloutCalibration } from "../../src/simulation/rolloutCalibration";
import { runRolloutKernel, NEVER, type RolloutRun } from "../../src/simulation/rolloutKernel";
import { rolloutScenarioFor } from "../../src/simulation/rolloutPlanScenario";
import { defaultRolloutDynamics, type RolloutScenario } from "../../src/simulation/rolloutScenario";
import { compilePlanKernel, OUT } from "../../src/simulation/planKernel";
import { seedPlanJson } from "./fixtures";
import { referenceBaselineChurnWeeks } from "./rolloutReference";

// The seed plan: 18% annual churn, tiers 3% / 8% / 12% / 77% (article, section 5.1 and 6).
let plan: Plan;
let cal: RolloutCalibration;
beforeAll(() => {
  plan = parsePlan(seedPlanJson(), "seed-plan.json");
  cal = calibrateRollout(defaultRolloutDynamics, { annualChurn: 0.18, cumulativeShares: [0.03, 0.11, 0.23], panelCustomers: 10_000 });
});

const N = 20_000;
const run = (sc: RolloutScenario, seed = 7): RolloutRun => runRolloutKernel(sc, new FastRng(seed, "rollout-customers").state);

/** AUC of 30-day (4-week) outcomes on a run's snapshots, as the calibration measures it. */
function snapshotAuc(r: RolloutRun, sc: RolloutScenario): number {
  const n = r.snapshotChurnWeek.length;
  const scores: number[] = [];
  const labels: number[] = [];
  sc.snapshotWeeks.forEach((sw, q) => {
    for (let i = 0; i < n; i += 1) {
      const s = r.snapshotSignal[q * n + i]!;
      if (Number.isNaN(s)) continue;
      scores.push(s + sc.scoreNoiseSd * r.snapshotNoise[q * n + i]!);
      const cw = r.snapshotChurnWeek[i]!;
      labels.push(cw >= sw && cw < sw + 4 ? 1 : 0);
    }
  });
  return rocAuc(scores, labels);
}

describe("runRolloutKernel: baseline and common random numbers", () => {
  it("with the programme off reproduces the baseline annual churn the calibration targets (18% ± Monte Carlo error)", () => {
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: N, programme: false });
    const r = run(sc);
    // Binomial sd of the run sqrt(.18 × .82 / 20000) = 0.0027 plus the 10,000-customer panel's 0.0038: 4 sd = 0.019.
    expect(Math.abs(r.baselineChurned / N - 0.18)).toBeLessThan(0.019);
    expect(r.programmeChurned).toBe(r.baselineChurned);
    expect(r.contacts.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Array.from(r.benefitByMonth).every((x) => x === 0)).toBe(true);
  });

  it("shares its baseline with the programme run exactly (same uniforms for churn events)", () => {
    const off = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, programme: false }));
    const on = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N }));
    expect(on.baselineChurned).toBe(off.baselineChurned);
    expect(Array.from(on.baselineChurnsByMonth)).toEqual(Array.from(off.baselineChurnsByMonth));
    expect(on.programmeChurned).toBeLessThan(on.baselineChurned);
  });

  it("gives exactly the churn weeks of the readable one-object-per-customer reference (tests/simulation/rolloutReference.ts)", () => {
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: 2000, programme: false });
    const fast = run({ ...sc, snapshotCustomers: 2000, snapshotWeeks: [] }, 21);
    const reference = referenceBaselineChurnWeeks(sc, new FastRng(21, "rollout-customers"));
    const fastWeeks = Array.from(fast.snapshotChurnWeek, (w) => (w === NEVER ? null : w));
    expect(fastWeeks).toEqual(reference);
    expect(reference.filter((w) => w !== null).length).toBe(fast.baselineChurned);
  });

  it("is deterministic for a seed and changes with it", () => {
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: 5000 });
    expect(run(sc, 3).programmeChurned).toBe(run(sc, 3).programmeChurned);
    expect(run(sc, 3).baselineChurned).not.toBe(run(sc, 4).baselineChurned);
  });

  it("rejects out-of-range scenarios", () => {
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: 100 });
    expect(() => run({ ...sc, customers: 0 })).toThrow(RangeError);
    expect(() => run({ ...sc, weeks: 0 })).toThrow(RangeError);
    expect(() => run({ ...sc, weeks: Number.NaN })).toThrow(RangeError);
    expect(() => run({ ...sc, tierThresholds: [] })).toThrow(RangeError);
  });

  it("handles a single customer and a single week", () => {
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: 1, weeks: 1 });
    const r = run(sc);
    expect(r.months).toBe(1);
    expect(r.baselineChurned).toBeGreaterThanOrEqual(0);
    expect(r.baselineChurned).toBeLessThanOrEqual(1);
  });
});

describe("calibration: AUC-calibrated score generator and tier shares", () => {
  it("the oracle AUC (true risk as the score) exceeds 0.95, so models of 0.70-0.95 can be simulated", () => {
    expect(cal.oracleAuc).toBeGreaterThan(0.95);
    expect(noiseForAuc(cal, cal.oracleAuc)).toBe(0);
    expect(() => noiseForAuc(cal, 0.99)).toThrow(RangeError);
    expect(() => noiseForAuc(cal, 0.4)).toThrow(RangeError);
  });

  it.each([0.75, 0.85, 0.92])("a run on fresh customers achieves the target AUC %s within 0.015 (binormal noise calibrated on a separate panel)", (target) => {
    const sc = rolloutScenarioFor(plan, cal, target, { customers: N, programme: false });
    const probe: RolloutScenario = { ...sc, snapshotCustomers: N, snapshotWeeks: [0, 8, 16, 24, 32, 40, 48] };
    const achieved = snapshotAuc(run(probe, 11), probe);
    expect(Math.abs(achieved - target)).toBeLessThan(0.015);
  });

  it("puts the plan's shares of customers in tiers 1-3 at week 0 (3%, 8%, 12%; ±1 point)", () => {
    const tau = noiseForAuc(cal, 0.85);
    const thr = thresholdsForNoise(cal, tau);
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: N, programme: false });
    const r = run({ ...sc, snapshotCustomers: N, snapshotWeeks: [0] }, 5);
    let t1 = 0;
    let t2 = 0;
    let t3 = 0;
    let alive = 0;
    for (let i = 0; i < N; i += 1) {
      const s = r.snapshotSignal[i]!;
      if (Number.isNaN(s)) continue;
      alive += 1;
      const raw = s + tau * r.snapshotNoise[i]!;
      if (raw > thr[0]!) t1 += 1;
      else if (raw > thr[1]!) t2 += 1;
      else if (raw > thr[2]!) t3 += 1;
    }
    expect(Math.abs(t1 / alive - 0.03)).toBeLessThan(0.01);
    expect(Math.abs(t2 / alive - 0.08)).toBeLessThan(0.01);
    expect(Math.abs(t3 / alive - 0.12)).toBeLessThan(0.01);
  });
});

describe("runRolloutKernel: programme mechanics", () => {
  it("with a perfect model and unlimited capacity matches the aggregate bottom-up model within Monte Carlo error", () => {
    const sc = rolloutScenarioFor(plan, cal, cal.oracleAuc, { customers: N, capacityPerWeek: { "very-high": Infinity, high: Infinity, medium: Infinity } });
    expect(sc.scoreNoiseSd).toBe(0);
    const r = run(sc);
    // Every flag is served the week it is raised: delay 3.5 days, inside the plan's 7-day reference (full save rate).
    for (let k = 1; k <= 3; k += 1) {
      expect(r.contactsWithin7Days[k]).toBe(r.contacts[k]);
      expect(r.expired[k]).toBe(0);
    }
    // Saved customers stay through the year, so retained = baseline − programme churners = Σ saves.
    const saves = r.saves[1]! + r.saves[2]! + r.saves[3]!;
    expect(r.baselineChurned - r.programmeChurned).toBe(saves);
    // The aggregate model's bottom-up retained customers (planKernel.ts) with the run's tier counts (contacts)
    // and tier churn probabilities (would-be churners / contacts): Σ count × churn probability × save rate.
    const counts = [r.contacts[1]!, r.contacts[2]!, r.contacts[3]!];
    const churnProbability: Record<string, number> = { "very-high": r.wouldBeChurners[1]! / counts[0]!, high: r.wouldBeChurners[2]! / counts[1]!, medium: r.wouldBeChurners[3]! / counts[2]!, low: 0 };
    const bottomUpPlan: Plan = { ...plan, customers: N, tiers: plan.tiers.map((t, i) => (i < 3 ? { ...t, shareStated: counts[i]! / N } : t)) };
    const kernel = compilePlanKernel(bottomUpPlan, { model: "bottom-up", costs: "stated", discountRate: 0, contactDelayDays: 7, coverageRamp: false, tierChurnProbability: churnProbability, interveneTiers: ["very-high", "high", "medium"] });
    const out = new Float64Array(8);
    kernel.evaluate(kernel.base, out);
    const expected = out[OUT.retainedCustomers]!;
    // Binomial sd of the saves: sqrt(Σ n p (1 − p)) over the would-be churners.
    const sd = Math.sqrt([1, 2, 3].reduce((s, k) => s + r.wouldBeChurners[k]! * plan.tiers[k - 1]!.saveRate * (1 - plan.tiers[k - 1]!.saveRate), 0));
    expect(Math.abs(saves - expected)).toBeLessThan(4 * sd);
    expect(Math.abs(saves - (r.expectedSaves[1]! + r.expectedSaves[2]! + r.expectedSaves[3]!))).toBeLessThan(4 * sd);
  });

  it("capacity limits contacts, stretches delays and loses customers waiting", () => {
    const unlimited = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: { "very-high": Infinity, high: Infinity } }));
    const tight = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: { "very-high": 20, high: 40 } }));
    // 20 visits a week at full scale (200,000) is 2 a week at 20,000 customers: at most 2 × 52 = 104 contacts.
    expect(tight.contacts[1]).toBeLessThanOrEqual(104);
    expect(tight.contacts[1]).toBeLessThan(unlimited.contacts[1]!);
    expect(tight.delaySumDays[1]! / tight.contacts[1]!).toBeGreaterThan(unlimited.delaySumDays[1]! / unlimited.contacts[1]!);
    expect(tight.expired[1]! + tight.lostBeforeContact[1]!).toBeGreaterThan(unlimited.expired[1]! + unlimited.lostBeforeContact[1]!);
    expect(tight.saves[1]).toBeLessThan(unlimited.saves[1]!);
    // Spend is contacts × budget (800 / 300 / 50 yuan, article 5.1).
    expect(tight.spendYuan[1]).toBe(tight.contacts[1]! * 800);
    expect(tight.spendYuan[2]).toBe(tight.contacts[2]! * 300);
    expect(tight.spendYuan[3]).toBe(tight.contacts[3]! * 50);
  });

  it("newest-first service shortens the delays of a saturated channel and keeps more customers; with capacity to spare the order does not matter", () => {
    const tight = { "very-high": 100, high: 200 };
    const oldest = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: tight }));
    const newest = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: tight, queueOrder: "newest-first" }));
    expect(newest.contacts[2]).toBe(oldest.contacts[2]);
    expect(newest.delaySumDays[2]! / newest.contacts[2]!).toBeLessThan(oldest.delaySumDays[2]! / oldest.contacts[2]!);
    expect(newest.saves[1]! + newest.saves[2]!).toBeGreaterThan(oldest.saves[1]! + oldest.saves[2]!);
    const unlimited = { "very-high": Infinity, high: Infinity, medium: Infinity };
    const a = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: unlimited }));
    const b = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: unlimited, queueOrder: "newest-first" }));
    expect(Array.from(b.saves)).toEqual(Array.from(a.saves));
    expect(Array.from(b.contacts)).toEqual(Array.from(a.contacts));
    expect(b.programmeChurned).toBe(a.programmeChurned);
  });

  it("a later contact policy saves fewer customers (the A/B decay: 62% at 7 days, 22% at 30)", () => {
    const unlimited = { "very-high": Infinity, high: Infinity, medium: Infinity };
    const saved = [7, 14, 21, 30].map((d) => {
      const r = run(rolloutScenarioFor(plan, cal, 0.85, { customers: N, capacityPerWeek: unlimited, minContactDelayDays: d }));
      expect(r.delaySumDays[2]! / r.contacts[2]!).toBeCloseTo(d, 6);
      return r.saves[1]! + r.saves[2]! + r.saves[3]!;
    });
    for (let k = 1; k < saved.length; k += 1) expect(saved[k]).toBeLessThan(saved[k - 1]!);
  });

  it("flags newly high-risk customers at most once per tier and only in a stage's tiers", () => {
    const sc = rolloutScenarioFor(plan, cal, 0.85, { customers: N });
    const r = run(sc);
    // The MVP intervenes on tiers 1-2 only; tier 3 (medium) starts with the regional stage (week 13).
    expect(r.flagged[4]).toBe(0);
    expect(r.contacts[4]).toBe(0);
    expect(r.flagged[1]! + r.flagged[2]! + r.flagged[3]!).toBeLessThanOrEqual(3 * N);
    for (let k = 1; k <= 3; k += 1) expect(r.contacts[k]! + r.lostBeforeContact[k]! + r.expired[k]! + r.stillQueued[k]!).toBeLessThanOrEqual(r.flagged[k]!);
    expect(r.snapshotChurnWeek.every((w) => w === NEVER || (w >= 0 && w < 52))).toBe(true);
  });
});
