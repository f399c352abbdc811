import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import { InputError } from "../../src/io/InputError";
import { churnlabVersion } from "../../src/io/churnlabVersion";
import { collectCeoInputs } from "../../src/report/collectCeoInputs";
import { planFileInfo } from "../../src/report/planFileInfo";
import { fixedNow, seedInputs, seedPlanFile, seedUncertainFile } from "./fixtures";

describe("collectCeoInputs(planFile, options)", () => {
  it("reproduces the article's stated view (ROI 3.5875 = 359%) and the recomputed one (2.1593 = 216%, first year 15,740,000 yuan)", async () => {
    const inputs = await seedInputs();
    expect(inputs.asStated.roi).toBeCloseTo(3.5874538745, 9);
    expect(inputs.recomputed.firstYearCost).toBe(15_740_000);
    expect(inputs.recomputed.roi).toBeCloseTo(2.159339263, 9);
    expect(inputs.recomputed.retainedCustomers).toBe(12_000);
  });

  it("takes the headline from the bridge's end and the Monte Carlo from the bridge's last variant (one run, one model)", async () => {
    const inputs = await seedInputs();
    const { bridge, monteCarlo: mc } = inputs;
    expect(inputs.headlineRoi).toEqual({ value: bridge.end.roi, se: bridge.end.se });
    expect(bridge.start.roi + bridge.steps.reduce((s, x) => s + x.delta, 0)).toBeCloseTo(bridge.end.roi, 12);
    expect(mc.cashRoi.mean).toBeCloseTo(bridge.end.roi, 6);
    expect(mc.roi.mean).toBeCloseTo(bridge.programme.roi.mean, 6);
    expect(mc.npv.mean).toBe(bridge.programme.npv.mean);
    expect([bridge.trials, bridge.seed, mc.npvYears]).toEqual([4000, 1, 3]);
    expect(mc.cashRoiSamples.length).toBe(4000);
  });

  it("evaluates the same programme model at base values: the tornado's base, the customers it keeps", async () => {
    const inputs = await seedInputs();
    expect(inputs.drivers.baseOutput).toBeCloseTo(inputs.programmeBase.roi, 9);
    expect(inputs.drivers.bars[0]!.name).toBe("benefits.ltvYuan");
    expect(inputs.programmeBase.retainedCustomers).toBeGreaterThan(0);
    // The plan says 12,000 (200,000 × (18% − 12%)); flows through capacity-limited channels keep far fewer.
    expect(inputs.programmeBase.retainedCustomers).toBeLessThan(inputs.asStated.retainedCustomers);
  });

  it("recommends by rule from the same run: P(ROI above the MVP line), P(NPV > 0), the cash ROI, the MVP gate", async () => {
    const inputs = await seedInputs();
    const rec = inputs.recommendation;
    expect(rec.reasonItems.map((r) => r.id)).toEqual(["roiLine", "npvPositive", "cashRoi", "mvpGate"]);
    expect(rec.reasonItems[0]).toMatchObject({ probability: inputs.monteCarlo.probRoiAbove200.value, line: 2 });
    expect(rec.reasonItems[1]).toMatchObject({ probability: 1 - inputs.monteCarlo.probNpvNegative.value, years: 3 });
    expect(rec.reasonItems[2]).toMatchObject({ value: inputs.headlineRoi.value, se: inputs.headlineRoi.se });
    expect(rec.reasonItems[3]).toMatchObject({ probGo: inputs.gates[0]!.passProbability, probStop: inputs.gates[0]!.stopProbability });
    expect(rec.pivots.map((p) => p.name)).toEqual(inputs.drivers.bars.slice(0, 2).map((b) => b.name));
    expect(rec.decision).toBe("redesign");
  });

  it("keeps every trial's ROI for the histogram and summaries consistent with it", async () => {
    const inputs = await seedInputs(4000, 1);
    const mc = inputs.monteCarlo;
    expect(mc.roiSamples.length).toBe(4000);
    const sorted = Float64Array.from(mc.roiSamples).sort();
    expect(mc.roi.min).toBe(sorted[0]);
    expect(mc.roi.max).toBe(sorted[3999]);
    const above = Array.from(mc.roiSamples).filter((x) => x > 2).length / 4000;
    expect(mc.probRoiAbove200.value).toBeCloseTo(above, 12);
  });

  it("is a function of (file, seed, trials): same seed, same figures; another seed, other draws", async () => {
    const a = await collectCeoInputs(seedUncertainFile, { trials: 2000, seed: 7, now: fixedNow, workers: 0, rollout: false });
    const b = await collectCeoInputs(seedUncertainFile, { trials: 2000, seed: 7, now: fixedNow, workers: 0, rollout: false });
    const c = await collectCeoInputs(seedUncertainFile, { trials: 2000, seed: 8, now: fixedNow, workers: 0, rollout: false });
    expect(a.monteCarlo.roi).toEqual(b.monteCarlo.roi);
    expect(c.monteCarlo.roi.p50).not.toBe(a.monteCarlo.roi.p50);
  });

  it("records what the footer needs to trace every number: seed, trials, model, costs, version, date, file hash", async () => {
    const inputs = await seedInputs(4000, 1);
    expect(inputs.run).toEqual({
      seed: 1,
      trials: 4000,
      model: "programme",
      costs: "recomputed",
      version: churnlabVersion(),
      generatedAt: "2026-11-24T18:00:00.000Z",
      uncertainInputs: inputs.run.uncertainInputs,
    });
    expect(inputs.run.uncertainInputs).toBeGreaterThan(10);
    expect(inputs.planFile).toEqual(planFileInfo(seedUncertainFile));
    expect(churnlabVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("runs the customer-level rollout as a scale model (5,000 of 200,000 customers: 1:40) behind the MVP and regional gates", async () => {
    const inputs = await seedInputs();
    const r = inputs.rollout!;
    expect([r.trials, r.customers, r.scale, r.seed]).toEqual([2, 5000, 40, 1]);
    expect(r.gates.map((g) => [g.stageId, g.nextStageId])).toEqual([
      ["mvp", "regional"],
      ["regional", "national"],
    ]);
    expect(inputs.gates.map((g) => g.source)).toEqual(["rollout", "rollout", "none"]);
    expect(inputs.gates[0]!.passProbability).toBe(r.gates[0]!.probGo.value);
  });

  it("skips the rollout when asked: the gates fall back to the Monte Carlo ROI", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    expect(inputs.rollout).toBeNull();
    expect(inputs.gates.map((g) => g.source)).toEqual(["monte-carlo-roi", "none", "none"]);
    expect(inputs.gates[0]!.passProbability).toBe(inputs.monteCarlo.probRoiAbove200.value);
  });

  it("skips the rollout for a plan whose stages state no success criteria (its gates need them)", async () => {
    const plan = JSON.parse(fs.readFileSync(seedPlanFile, "utf8"));
    delete plan.rollout[0].successCriteria;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-nocriteria-")), "no-criteria.json");
    fs.writeFileSync(file, JSON.stringify(plan));
    const inputs = await collectCeoInputs(file, { trials: 200, seed: 1, now: fixedNow, workers: 0, rollout: { trials: 1, customers: 5000, workers: 0 } });
    expect(inputs.rollout).toBeNull();
    expect(inputs.gates.map((g) => [g.source, g.criteria.length])).toEqual([
      ["none", 0],
      ["none", 0],
      ["none", 0],
    ]);
    expect(buildCeoPage(inputs, "en")).toContain("no criteria stated");
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("reads a plain plan as a plan without uncertainty: every trial is the programme model's point estimate", async () => {
    const inputs = await seedInputs(500, 1, seedPlanFile, false);
    expect(inputs.run.uncertainInputs).toBe(0);
    expect(inputs.monteCarlo.roi.sd).toBe(0);
    expect(inputs.monteCarlo.roi.p50).toBeCloseTo(inputs.programmeBase.roi, 6);
    expect(inputs.headlineRoi.value).toBeCloseTo(inputs.programmeBase.cashRoi, 6);
    expect(inputs.drivers.bars).toEqual([]);
  });

  it("throws an InputError for a missing file and a RangeError for bad trials or seed", async () => {
    await expect(collectCeoInputs("no/such/plan.json", { trials: 10 })).rejects.toThrow(InputError);
    await expect(collectCeoInputs(seedUncertainFile, { trials: 0 })).rejects.toThrow(RangeError);
    await expect(collectCeoInputs(seedUncertainFile, { trials: 1.5 })).rejects.toThrow(RangeError);
    await expect(collectCeoInputs(seedUncertainFile, { seed: Number.NaN })).rejects.toThrow(RangeError);
  });
});
