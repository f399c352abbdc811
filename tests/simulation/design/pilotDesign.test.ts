import { beforeAll, describe, expect, it } from "vitest";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { designPilot, type PilotDesignResult } from "../../../src/simulation/design/pilotDesign";
import { repoFile } from "../fixtures";

describe("designPilot on the seed plan", () => {
  let r: PilotDesignResult;
  beforeAll(() => {
    r = designPilot(loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json")), { replications: 4000 });
  }, 60_000);
  it("pilots the MVP's tiers in its 20,000-customer city with the plan's lines", () => {
    expect(r.tiers).toEqual(["very-high", "high"]);
    expect(r.customers).toBe(20_000);
    expect(r.lines).toEqual({ goLine: 0.5, stopLine: 0.4, aucGo: 0.85, aucPause: 0.8 });
    expect([r.badRate, r.goodRate]).toEqual([0.4, 0.6]);
  });
  it("recommends the shortest pilot that meets both targets, and the binomial check agrees", () => {
    const c = r.recommended!;
    expect(c.meetsTargets).toBe(true);
    expect(c.errors.falseGo).toBeLessThanOrEqual(0.05);
    expect(c.errors.falseStop).toBeLessThanOrEqual(0.1);
    const shorter = r.candidates.filter((x) => x.durationWeeks < c.durationWeeks);
    expect(shorter.every((x) => !x.meetsTargets)).toBe(true);
    expect(Math.abs(r.verification!.falseGo.value - c.errors.falseGo)).toBeLessThan(0.015);
    // The channels cannot serve every flag: the unserved are the hold-out, so it costs no contact the plan would make.
    expect(c.holdOutCostYuan).toBeCloseTo(0, 3);
    for (const t of c.tiers) expect(t.treated + t.control).toBe(Math.round(t.flagged));
  });
  it("the plan's own MVP timing (13 + 13 weeks) cannot hold the false-go rate at 5%", () => {
    expect(r.planMvp.errors.falseGo).toBeGreaterThan(0.05);
    expect(r.planMvp.durationWeeks).toBe(26);
  });
  it("a longer enrolment never raises the error rates (same follow-up and hold-out)", () => {
    const rows = r.candidates.filter((c) => c.followUpWeeks === 13 && c.holdOut === 0.2).sort((a, b) => a.enrolmentWeeks - b.enrolmentWeeks);
    rows.forEach((c, i) => {
      if (i > 0) expect(c.errors.falseGo).toBeLessThanOrEqual(rows[i - 1]!.errors.falseGo + 1e-12);
    });
  });
});
