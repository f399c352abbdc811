import { describe, expect, it } from "vitest";
import { decayBand, decayCurveSampler, decayEvidence, drawDecayCurve } from "../../src/actions";
import { loadPlan } from "../../src/plan";
import { createStream } from "../../src/random/createStream";

const plan = loadPlan("data/plans/seed-plan.json");
const ab = plan.timing.abTest; // 7 d 62%, 14 d 55%, 21 d 38%, 30 d 22% (plan section 5.2)

describe("uncertainty: Beta posteriors per A/B arm and posterior curves", () => {
  it("uses Beta(1 + saved, 1 + n − saved), with n = 150 assumed when the plan does not state it", () => {
    const ev = decayEvidence(ab);
    expect(ev.n).toEqual([150, 150, 150, 150]);
    expect(ev.nSource).toEqual(["assumed", "assumed", "assumed", "assumed"]);
    expect(ev.alpha[0]).toBeCloseTo(1 + 93, 10);
    expect(ev.beta[0]).toBeCloseTo(1 + 57, 10);
    const stated = decayEvidence([{ delayDays: 7, saveRate: 0.62, n: 100 }]);
    expect(stated).toMatchObject({ n: [100], nSource: ["stated"] });
    expect(stated.alpha[0]).toBeCloseTo(63, 10);
    expect(stated.beta[0]).toBeCloseTo(39, 10);
    expect(() => decayEvidence([])).toThrow(RangeError);
    expect(() => decayEvidence(ab, 0)).toThrow(RangeError);
  });
  it("drawn curves are reproducible at a seed and decreasing", () => {
    const ev = decayEvidence(ab);
    const a = drawDecayCurve(createStream(42, "decay"), ev);
    const b = drawDecayCurve(createStream(42, "decay"), ev);
    expect(a(14)).toBe(b(14));
    for (const shape of ["pchip", "exponential", "logistic"] as const) {
      const c = drawDecayCurve(createStream(7, shape), ev, shape);
      for (let d = 0; d < 35; d++) expect(c(d + 1)).toBeLessThanOrEqual(c(d));
    }
    const sample = decayCurveSampler(ab, { shape: "pchip" });
    expect(sample(createStream(1, "x"))(21)).toBeGreaterThan(0.25);
  });
  it("the 90% band holds the A/B points and its width matches the binomial sd (n = 150: ±1.645·0.04)", () => {
    const ev = decayEvidence(ab);
    const band = decayBand(createStream(42, "band"), ev, { delays: [7, 14, 21, 30], draws: 300, shape: "pchip" });
    ab.forEach((p, i) => {
      expect(band.lower[i]).toBeLessThan(p.saveRate);
      expect(band.upper[i]).toBeGreaterThan(p.saveRate);
    });
    // Posterior sd at 14 days: sqrt(0.55·0.45/152) ≈ 0.040, so the 90% band is about 0.13 wide (isotonic pooling narrows it a little).
    const width14 = (band.upper[1] as number) - (band.lower[1] as number);
    expect(width14).toBeGreaterThan(0.09);
    expect(width14).toBeLessThan(0.16);
    expect(() => decayBand(createStream(1, "b"), ev, { draws: 1 })).toThrow(RangeError);
    expect(() => decayBand(createStream(1, "b"), ev, { levels: [0.9, 0.1] })).toThrow(RangeError);
  });
});
