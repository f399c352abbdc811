import { beforeAll, describe, expect, it } from "vitest";
import { parsePlan, type Plan } from "../../../src/plan";
import { FastRng } from "../../../src/random/FastRng";
import { buildProgrammeModel, programmeCalibration, type ProgrammeModel } from "../../../src/simulation/programme/programmeModel";
import { economicsFor, evaluateProgrammeModel, cornersAt } from "../../../src/simulation/programme/programmeEvaluation";
import { evaluateProgramme, programmeFlowsFor, programmeOutputs } from "../../../src/simulation/programme/programmeCash";
import { programmeSettingsFor, type ProgrammeSettings } from "../../../src/simulation/programme/programmeSettings";
import { callsPerAdvisor, stageCapacities } from "../../../src/simulation/programme/stageCapacity";
import type { RolloutCalibration } from "../../../src/simulation/population/rolloutCalibration";
import { runRolloutKernel } from "../../../src/simulation/population/rolloutKernel";
import { rolloutScenarioFor } from "../../../src/simulation/programme/rolloutPlanScenario";
import { seedPlanJson } from "../fixtures";

// The seed plan (article figures) with the programme settings' defaults; small panels keep the tests quick.
let plan: Plan;
let settings: ProgrammeSettings;
let cal: RolloutCalibration;
let model: ProgrammeModel;
const PANEL = 20_000;
beforeAll(() => {
  plan = parsePlan(seedPlanJson(), "seed-plan.json");
  settings = programmeSettingsFor(plan, {}).settings;
  cal = programmeCalibration(plan);
  model = buildProgrammeModel(plan, settings, { calibration: cal, panelCustomers: PANEL });
});

/** Σ over contacts of v(s) for each week, with v applied to the save probabilities (the basis is linear in them). */
function retainedWith(m: ProgrammeModel, v: (s: number) => number): Float64Array {
  const e = economicsFor(m);
  const mapped = { ...e, saveProbability: e.saveProbability.map(v) };
  const flows = programmeFlowsFor(m.bases[0]!);
  evaluateProgramme(cornersAt(m, plan.benefits.churnBefore, settings.modelAuc), mapped, flows, new Float64Array(programmeOutputs.length));
  return flows.retainedByWeek;
}

describe("the programme model: one definition, three resolutions", () => {
  it("its expectation is the customer-level kernel on the panel's own customers, up to the save draws (4 binomial sd)", () => {
    // The same customers, contacts and churn weeks as the model's panel; only each contact's save draw is random here.
    const H = 52 * settings.horizonYears;
    const sc = {
      ...rolloutScenarioFor(plan, cal, settings.modelAuc, settings, { customers: PANEL, weeks: H, lastStageRunsOn: true }, undefined, model.contactPriority),
      snapshotCustomers: 0,
      snapshotWeeks: [],
    };
    const run = runRolloutKernel(sc, new FastRng("programme-panel", "panel").state);
    const scale = plan.customers / PANEL;
    const mean = retainedWith(model, (s) => s);
    const variance = retainedWith(model, (s) => s * (1 - s));
    for (const w of [25, 51, 103, H - 1]) {
      const expected = mean[w]! / scale;
      const sd = Math.sqrt(variance[w]! / scale);
      expect(Math.abs(run.retainedByWeek[w]! - expected)).toBeLessThan(4 * sd + 1);
    }
    // Contacts are the panel's exactly (they do not depend on the save draws).
    expect(run.contacts[2]! * scale).toBeCloseTo(model.bases[0]!.contacts[2]!, 6);
  });

  it("with unlimited capacity and a perfect model, fresh customer-level runs agree with it within 3 standard errors", () => {
    const unlimited = buildProgrammeModel(plan, settings, { calibration: cal, panelCustomers: 100_000, unlimitedCapacity: true, perfectModel: true });
    const agg = evaluateProgrammeModel(unlimited);
    const all = Object.fromEntries(plan.tiers.map((t) => [t.id, Number.POSITIVE_INFINITY]));
    const sc = rolloutScenarioFor(plan, cal, cal.oracleAuc, settings, { customers: 200_000, capacityPerWeek: all });
    const kept = [1, 2, 3, 4].map((r) => runRolloutKernel(sc, FastRng.forRange(77, "fresh", r).state).retainedByWeek[51]!);
    const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
    const sd = Math.sqrt(kept.reduce((a, b) => a + (b - mean) ** 2, 0) / (kept.length - 1));
    // The model's own panel (100,000 customers, scaled ×2) carries about √2 times a 200,000-customer run's sd.
    const se = sd * Math.sqrt(1 / kept.length + 2);
    expect(Math.abs(mean - agg.outputs.retainedCustomers)).toBeLessThan(3 * se);
  });

  it("is the deterministic view: evaluateProgrammeModel at base, with the first-year cost from its parts", () => {
    const ev = evaluateProgrammeModel(model);
    const b = model.bases[0]!;
    const contacts = [1, 2, 3].reduce((s, k) => s + b.contactsYear1[k]! * [0, 800, 300, 50][k]!, 0);
    // One-time 2.8M + upkeep and cloud 0.6M + the low tier's routine 10 yuan × 77% × customers in scope + contacts as made.
    const scopeMonths = (20_000 * 3 + 100_000 * 3 + 200_000 * 6) / 12;
    expect(ev.outputs.firstYearCost).toBeCloseTo(2_800_000 + 600_000 + 10 * 0.77 * scopeMonths + contacts, 0);
    expect(ev.outputs.roi).toBeCloseTo((ev.outputs.retainedCustomers * (4000 + 0.15 * 1.2 * 800) - ev.outputs.firstYearCost) / ev.outputs.firstYearCost, 12);
  });

  it("uses the tiers' save rates: tier 1 at 30% instead of 45% keeps fewer customers (the as-stated model ignored them)", () => {
    const lower = { ...plan, tiers: plan.tiers.map((t, i) => (i === 0 ? { ...t, saveRate: 0.3 } : t)) };
    expect(evaluateProgrammeModel(model, { plan: lower }).outputs.retainedCustomers).toBeLessThan(evaluateProgrammeModel(model).outputs.retainedCustomers);
  });
});

describe("capacity per stage comes from the plan", () => {
  it("by default the plan's annual budget lines: 16,000 tier-2 people a year / 52 × the regional stage's 100,000 / 200,000 customers", () => {
    const caps = stageCapacities(plan, settings);
    const regional = caps.find((c) => c.stageId === "regional" && c.tierId === "high")!;
    expect(regional.perWeek).toBeCloseTo(16000 / 52 / 2, 9);
    expect(regional.source).toContain("16,000 people a year");
    expect(regional.source).toContain("50 advisors trained");
    expect(caps.find((c) => c.stageId === "mvp" && c.tierId === "medium")).toBeUndefined();
  });

  it("with calls per advisor stated, the advisors' tier in a stage that trains advisors has advisors × calls", () => {
    const withCalls = programmeSettingsFor(plan, { callsPerAdvisorPerWeek: 6 }).settings;
    expect(stageCapacities(plan, withCalls).find((c) => c.stageId === "regional" && c.tierId === "high")!.perWeek).toBe(300);
    expect(callsPerAdvisor(plan, withCalls).perWeek).toBe(6);
    // Without it: what the budget implies, 153.8 contacts a week / 50 advisors = 3.08 calls each.
    expect(callsPerAdvisor(plan, settings).perWeek).toBeCloseTo(16000 / 52 / 2 / 50, 9);
  });

  it("value-first: more capacity never keeps fewer customers, while each extra contact saves less (why ROI can fall as capacity grows)", () => {
    const at = (perWeek: number): ReturnType<typeof evaluateProgrammeModel> =>
      evaluateProgrammeModel(buildProgrammeModel(plan, settings, { calibration: cal, panelCustomers: PANEL, policy: { capacityPerWeek: { high: perWeek } } }));
    const a = at(300);
    const b = at(600);
    const c = at(1200);
    expect(b.outputs.retainedCustomers).toBeGreaterThanOrEqual(a.outputs.retainedCustomers);
    expect(c.outputs.retainedCustomers).toBeGreaterThanOrEqual(b.outputs.retainedCustomers);
    const perContact = (x: typeof a): number => x.outputs.retainedCustomers / x.basis.contactsYear1[2]!;
    expect(perContact(c)).toBeLessThanOrEqual(perContact(a) * 1.02);
  });
});
