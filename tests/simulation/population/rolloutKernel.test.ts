import { beforeAll, describe, expect, it } from "vitest";
import { parsePlan, type Plan } from "../../../src/plan";
import { FastRng } from "../../../src/random/FastRng";
import { rocAuc } from "../../../src/models/metrics/rocAuc";
import { calibrateRollout, noiseForAuc, thresholdsForNoise, type RolloutCalibration } from "../../../src/simulation/population/rolloutCalibration";
import { runRolloutKernel, NEVER, type RolloutRun } from "../../../src/simulation/population/rolloutKernel";
import { rolloutScenarioFor, type RolloutPolicy } from "../../../src/simulation/programme/rolloutPlanScenario";
import { programmeSettingsFor, type ProgrammeSettings } from "../../../src/simulation/programme/programmeSettings";
import { defaultRolloutDynamics, type RolloutScenario } from "../../../src/simulation/population/rolloutScenario";
import { seedPlanJson } from "../fixtures";
import { referenceBaselineChurnWeeks } from "../rolloutReference";

// The seed plan: 18% annual churn, tiers 3% / 8% / 12% / 77% (article, section 5.1 and 6).
let plan: Plan;
let cal: RolloutCalibration;
let settings: ProgrammeSettings;
beforeAll(() => {
  plan = parsePlan(seedPlanJson(), "seed-plan.json");
  cal = calibrateRollout(defaultRolloutDynamics, { annualChurn: 0.18, cumulativeShares: [0.03, 0.11, 0.23], panelCustomers: 10_000 });
  settings = programmeSettingsFor(plan, {}).settings;
});

/** The kernel's scenario for the seed plan at an AUC with a policy (the programme settings' defaults otherwise). */
const scenario = (auc: number, policy: RolloutPolicy): RolloutScenario => rolloutScenarioFor(plan, cal, auc, settings, policy);
const UNLIMITED = { "very-high": Infinity, high: Infinity, medium: Infinity };

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
    const sc = scenario(0.85, { customers: N, programme: false });
    const r = run(sc);
    // Binomial sd of the run sqrt(.18 × .82 / 20000) = 0.0027 plus the 10,000-customer panel's 0.0038: 4 sd = 0.019.
    expect(Math.abs(r.baselineChurned / N - 0.18)).toBeLessThan(0.019);
    expect(r.programmeChurned).toBe(r.baselineChurned);
    expect(r.contacts.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Array.from(r.benefitByMonth).every((x) => x === 0)).toBe(true);
  });

  it("shares its baseline with the programme run exactly (same uniforms for churn events)", () => {
    const off = run(scenario(0.85, { customers: N, programme: false }));
    const on = run(scenario(0.85, { customers: N }));
    expect(on.baselineChurned).toBe(off.baselineChurned);
    expect(Array.from(on.baselineChurnsByMonth)).toEqual(Array.from(off.baselineChurnsByMonth));
    expect(on.programmeChurned).toBeLessThan(on.baselineChurned);
  });

  it("gives exactly the churn weeks of the readable one-object-per-customer reference (tests/simulation/rolloutReference.ts)", () => {
    const sc = scenario(0.85, { customers: 2000, programme: false });
    const fast = run({ ...sc, snapshotCustomers: 2000, snapshotWeeks: [] }, 21);
    const reference = referenceBaselineChurnWeeks(sc, new FastRng(21, "rollout-customers"));
    const fastWeeks = Array.from(fast.snapshotChurnWeek, (w) => (w === NEVER ? null : w));
    expect(fastWeeks).toEqual(reference);
    // Every churn counts in the run (newcomers too); the customers of week 0 churn once each.
    expect(reference.filter((w) => w !== null).length).toBeLessThan(fast.baselineChurned);
  });

  it("is deterministic for a seed and changes with it", () => {
    const sc = scenario(0.85, { customers: 5000 });
    expect(run(sc, 3).programmeChurned).toBe(run(sc, 3).programmeChurned);
    expect(run(sc, 3).baselineChurned).not.toBe(run(sc, 4).baselineChurned);
  });

  it("rejects out-of-range scenarios", () => {
    const sc = scenario(0.85, { customers: 100 });
    expect(() => run({ ...sc, customers: 0 })).toThrow(RangeError);
    expect(() => run({ ...sc, weeks: 0 })).toThrow(RangeError);
    expect(() => run({ ...sc, weeks: Number.NaN })).toThrow(RangeError);
    expect(() => run({ ...sc, tierThresholds: [] })).toThrow(RangeError);
  });

  it("handles a single customer and a single week", () => {
    const sc = scenario(0.85, { customers: 1, weeks: 1 });
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
    const sc = scenario(target, { customers: N, programme: false });
    const probe: RolloutScenario = { ...sc, snapshotCustomers: N, snapshotWeeks: [0, 8, 16, 24, 32, 40, 48] };
    const achieved = snapshotAuc(run(probe, 11), probe);
    expect(Math.abs(achieved - target)).toBeLessThan(0.015);
  });

  it("puts the plan's shares of customers in tiers 1-3 at week 0 (3%, 8%, 12%; ±1 point)", () => {
    const tau = noiseForAuc(cal, 0.85);
    const thr = thresholdsForNoise(cal, tau);
    const sc = scenario(0.85, { customers: N, programme: false });
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

describe("runRolloutKernel: the population stays at its calibrated churn", () => {
  it("keeps annual churn at 18% in years 2 and 3 (leavers are replaced by newcomers of the same profile; a closed cohort would drift to ~11%)", () => {
    const r = run(scenario(0.85, { customers: N, weeks: 156, programme: false }), 9);
    const year = (y: number): number => Array.from(r.baselineChurnsByMonth.slice(12 * y, 12 * y + 12)).reduce((a, b) => a + b, 0) / N;
    // Binomial sd per year sqrt(.18 × .82 / 20000) = 0.0027, plus the calibration panel's 0.0038 (common to all years).
    for (const y of [0, 1, 2]) expect(Math.abs(year(y) - 0.18)).toBeLessThan(0.02);
    // Two independent years differ by sd sqrt(2) × 0.0027 = 0.0038: 4 sd = 0.015 (a closed cohort drops 7 points).
    expect(Math.abs(year(1) - year(0))).toBeLessThan(0.015);
    expect(Math.abs(year(2) - year(0))).toBeLessThan(0.015);
  });
});

describe("runRolloutKernel: programme mechanics", () => {
  it("contacts do not depend on save outcomes: with save rates of 100% and 50% the same customers are contacted the same weeks", () => {
    const sure = { ...plan, tiers: plan.tiers.map((t) => ({ ...t, saveRate: 1 })) };
    const half = { ...plan, tiers: plan.tiers.map((t) => ({ ...t, saveRate: 0.5 })) };
    const a = run({ ...rolloutScenarioFor(sure, cal, 0.85, settings, { customers: N }), recordContacts: true }, 4);
    const b = run({ ...rolloutScenarioFor(half, cal, 0.85, settings, { customers: N }), recordContacts: true }, 4);
    expect(Array.from(b.contactRecords!.week)).toEqual(Array.from(a.contactRecords!.week));
    expect(Array.from(b.contactRecords!.churnWeekB)).toEqual(Array.from(a.contactRecords!.churnWeekB));
    expect(b.baselineChurned).toBe(a.baselineChurned);
    expect(b.retainedByWeek[51]).toBeLessThan(a.retainedByWeek[51]!);
  });

  it("draws each contact's save outcome on its own: two contacts of one customer agree half the time at a 50% save rate, always with saveCorrelation 1", () => {
    // Repeated contacts allowed (no cool-down), every contact saving with probability 0.5.
    const base = scenario(0.85, { customers: N, capacityPerWeek: UNLIMITED, cooldownWeeks: 0, protectionWeeks: 1 });
    const flat = { ...base, saveProbabilityByHalfDay: base.saveProbabilityByHalfDay.map((x) => (x > 0 ? 0.5 : 0)), recordContacts: true };
    const agreement = (rho: number): { share: number; pairs: number } => {
      const rec = run({ ...flat, saveCorrelation: rho }, 8).contactRecords!;
      // The previous contact of the same customer (a slot gets a new customer after a churn: then there is none).
      const last = new Map<number, number>();
      let pairs = 0;
      let same = 0;
      for (let i = 0; i < rec.week.length; i += 1) {
        const prev = last.get(rec.customer[i]!);
        if (prev !== undefined && !(rec.churnWeekB[prev]! <= rec.week[i]!)) {
          pairs += 1;
          if (rec.saved[prev] === rec.saved[i]) same += 1;
        }
        last.set(rec.customer[i]!, i);
      }
      return { share: same / pairs, pairs };
    };
    const independent = agreement(0);
    expect(independent.pairs).toBeGreaterThan(1000);
    // Independent fair coins agree with probability 1/2 (4 binomial sd).
    expect(Math.abs(independent.share - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / independent.pairs));
    expect(agreement(1).share).toBe(1);
    // Correlation 0.5: both contacts use the customer's own uniform with probability 1/4, so they agree with probability 1/4 + 3/4 × 1/2 = 5/8.
    const half = agreement(0.5);
    expect(Math.abs(half.share - 0.625)).toBeLessThan(4 * Math.sqrt((0.625 * 0.375) / half.pairs));
  });

  it("with unlimited capacity every flag is contacted the week it is raised, at the full save rate (3.5 days, inside the 7-day reference)", () => {
    const r = run(scenario(cal.oracleAuc, { customers: N, capacityPerWeek: UNLIMITED }));
    for (let k = 1; k <= 3; k += 1) {
      expect(r.contactsWithin7Days[k]).toBe(r.contacts[k]);
      expect(r.expired[k]).toBe(0);
      // Saves are about the save rate × the would-be churners (binomial, 4 sd).
      const rate = plan.tiers[k - 1]!.saveRate;
      const n = r.wouldBeChurners[k]!;
      expect(Math.abs(r.saves[k]! - rate * n)).toBeLessThan(4 * Math.sqrt(n * rate * (1 - rate)) + 1);
      expect(Math.abs(r.expectedSaves[k]! - rate * n)).toBeLessThan(1e-6 * n + 1e-9);
    }
    // Kept customers at the end of the year = baseline minus programme churners.
    expect(r.retainedByWeek[51]).toBe(r.baselineChurned - r.programmeChurned);
  });

  it("capacity limits contacts, stretches delays and loses customers waiting", () => {
    const unlimited = run(scenario(0.85, { customers: N, capacityPerWeek: UNLIMITED, queueRule: "oldest-first" }));
    const tight = run(scenario(0.85, { customers: N, capacityPerWeek: { "very-high": 20, high: 40 }, queueRule: "oldest-first" }));
    // 20 visits a week at full scale (200,000) is 2 a week at 20,000 customers, in every stage: at most 2 × 52 = 104 contacts.
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

  it("the stage capacities come from the plan: by default its annual budget (6,000 / 16,000 / 24,000 people a year), scaled to each stage's customers", () => {
    const sc = scenario(0.85, { customers: 200_000 });
    const regional = sc.stages.find((s) => s.id === "regional")!;
    expect(regional.capacityPerWeek[2]).toBeCloseTo((16000 / 52) * 0.5, 9);
    expect(regional.capacityPerWeek[1]).toBeCloseTo((6000 / 52) * 0.5, 9);
    const mvp = sc.stages.find((s) => s.id === "mvp")!;
    expect(mvp.capacityPerWeek[3]).toBe(0); // the MVP does not contact tier 3
  });

  it("newest-first and value-first shorten the delays of a saturated channel and keep more customers than oldest-first; with capacity to spare the rule does not matter", () => {
    const tight = { "very-high": 100, high: 200 };
    const oldest = run(scenario(0.85, { customers: N, capacityPerWeek: tight, queueRule: "oldest-first" }));
    const newest = run(scenario(0.85, { customers: N, capacityPerWeek: tight, queueRule: "newest-first" }));
    expect(newest.delaySumDays[2]! / newest.contacts[2]!).toBeLessThan(oldest.delaySumDays[2]! / oldest.contacts[2]!);
    expect(newest.saves[1]! + newest.saves[2]!).toBeGreaterThan(oldest.saves[1]! + oldest.saves[2]!);
    const a = run(scenario(0.85, { customers: N, capacityPerWeek: UNLIMITED, queueRule: "oldest-first" }));
    const b = run(scenario(0.85, { customers: N, capacityPerWeek: UNLIMITED, queueRule: "newest-first" }));
    expect(Array.from(b.saves)).toEqual(Array.from(a.saves));
    expect(Array.from(b.contacts)).toEqual(Array.from(a.contacts));
    expect(b.programmeChurned).toBe(a.programmeChurned);
  });

  it("a later contact policy saves fewer customers (the A/B decay: 62% at 7 days, 22% at 30)", () => {
    const saved = [7, 14, 21, 30].map((d) => {
      const r = run(scenario(0.85, { customers: N, capacityPerWeek: UNLIMITED, minContactDelayDays: d }));
      expect(r.delaySumDays[2]! / r.contacts[2]!).toBeCloseTo(d, 6);
      return r.saves[1]! + r.saves[2]! + r.saves[3]!;
    });
    for (let k = 1; k < saved.length; k += 1) expect(saved[k]).toBeLessThan(saved[k - 1]!);
  });

  it("flags newly high-risk customers only in a stage's tiers and contacts each customer at most once within the cool-down", () => {
    const r = run({ ...scenario(0.85, { customers: N }), recordContacts: true });
    // The MVP intervenes on tiers 1-2 only; tier 3 (medium) starts with the regional stage (week 13).
    expect(r.flagged[4]).toBe(0);
    expect(r.contacts[4]).toBe(0);
    const rec = r.contactRecords!;
    for (let i = 0; i < rec.week.length; i += 1) if (rec.tier[i] === 3) expect(rec.week[i]).toBeGreaterThanOrEqual(13);
    for (let k = 1; k <= 3; k += 1) expect(r.contacts[k]! + r.expired[k]! + r.stillQueued[k]! + r.lostBeforeContact[k]!).toBeLessThanOrEqual(r.flagged[k]!);
    expect(r.snapshotChurnWeek.every((w) => w === NEVER || (w >= 0 && w < 52))).toBe(true);
  });

  it("follows the kept customers after the run (tail weeks): they stay during their protection, then leave at their own hazard", () => {
    const r = run(scenario(0.85, { customers: N, tailWeeks: 104 }));
    expect(r.retainedByWeek.length).toBe(156);
    const atEnd = r.retainedByWeek[51]!;
    expect(atEnd).toBeGreaterThan(0);
    // Protection (52 weeks after a contact in weeks 0..51) has ended for everyone by week 104; most kept customers leave within two years.
    expect(r.retainedByWeek[155]).toBeLessThan(r.retainedByWeek[103]!);
    for (let w = 1; w < 156; w += 1) if (w >= 104) expect(r.retainedByWeek[w]).toBeLessThanOrEqual(r.retainedByWeek[w - 1]!);
  });
});
