import { describe, expect, it } from "vitest";
import {
  decayBand,
  decayCurveSampler,
  decayEvidence,
  delayCost,
  drawDecayCurve,
  fitDecay,
  fitDecayModels,
  nelderMead,
  pchipInterpolant,
  saveRateAfterDelay,
} from "../../src/actions";
import { loadPlan } from "../../src/plan";
import { createStream } from "../../src/random/createStream";

const plan = loadPlan("data/plans/seed-plan.json");
const ab = plan.timing.abTest; // 7 d 62%, 14 d 55%, 21 d 38%, 30 d 22% (plan section 5.2)
const pchip = pchipInterpolant([7, 14, 21, 30], [0.62, 0.55, 0.38, 0.22]);

describe("pchipInterpolant (Fritsch–Carlson, as scipy's PchipInterpolator)", () => {
  it("passes through the A/B points and matches scipy 1.10 between them (to 1e-12)", () => {
    for (const p of ab) expect(pchip(p.delayDays)).toBe(p.saveRate);
    // /usr/bin/python3: PchipInterpolator([7,14,21,30],[0.62,0.55,0.38,0.22])(x)
    expect(pchip(10)).toBeCloseTo(0.6000583090379009, 12);
    expect(pchip(17.5)).toBeCloseTo(0.47068297660494807, 12);
    expect(pchip(25)).toBeCloseTo(0.3017132213294874, 12);
  });
  it("is monotone (no overshoot) and flat outside the tested delays", () => {
    let last = Infinity;
    for (let d = 0; d <= 40; d += 0.25) {
      const v = pchip(d);
      expect(v).toBeLessThanOrEqual(last + 1e-15);
      last = v;
    }
    expect(pchip(0)).toBe(0.62);
    expect(pchip(60)).toBe(0.22);
    expect(Number.isNaN(pchip(Number.NaN))).toBe(true);
  });
  it("keeps flat stretches flat and handles 1 or 2 points", () => {
    const step = pchipInterpolant([0, 1, 2, 3], [1, 1, 0, 0]);
    expect(step(0.5)).toBe(1);
    expect(step(2.5)).toBe(0);
    expect(pchipInterpolant([5], [0.3])(100)).toBe(0.3);
    expect(pchipInterpolant([0, 10], [1, 0])(2.5)).toBeCloseTo(0.75, 15);
  });
  it("rejects empty, unequal, non-finite and non-increasing input", () => {
    expect(() => pchipInterpolant([], [])).toThrow(RangeError);
    expect(() => pchipInterpolant([1, 2], [1])).toThrow(RangeError);
    expect(() => pchipInterpolant([1, Number.NaN], [1, 2])).toThrow(RangeError);
    expect(() => pchipInterpolant([2, 1], [1, 2])).toThrow(/strictly increasing/);
  });
});

describe("nelderMead", () => {
  it("finds the minimum of a quadratic and of Rosenbrock's function", () => {
    const q = nelderMead(([a, b]) => ((a as number) - 1) ** 2 + ((b as number) + 2) ** 2, [0, 0]);
    expect(q.x[0]).toBeCloseTo(1, 6);
    expect(q.x[1]).toBeCloseTo(-2, 6);
    const r = nelderMead(([x, y]) => 100 * ((y as number) - (x as number) ** 2) ** 2 + (1 - (x as number)) ** 2, [-1.2, 1], { maxEvaluations: 10000 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
  it("rejects an empty or non-finite start", () => {
    expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
    expect(() => nelderMead(() => 0, [Number.NaN])).toThrow(RangeError);
  });
});

describe("fitDecay: parametric fits to the plan's A/B points", () => {
  it("fits the logistic-plateau curve by least squares: residuals under 2 points, SSE 0.00067", () => {
    const fit = fitDecay(ab, "logistic-plateau");
    expect(fit.params["plateau"]).toBeCloseTo(0.7285, 3);
    expect(fit.params["beta"]).toBeCloseTo(0.1175, 3);
    expect(fit.params["d50"]).toBeCloseTo(22.5, 1);
    expect(fit.sse).toBeCloseTo(0.000668, 5);
    expect(fit.residuals.every((r) => Math.abs(r) < 0.02)).toBe(true);
    expect(fit.fitted[0]).toBeCloseTo(0.627, 3);
  });
  it("fits the two-parameter shapes: logistic SSE 0.00214 (residuals < 4 points), exponential SSE 0.00594 (< 6 points)", () => {
    const logistic = fitDecay(ab, "logistic");
    expect(logistic.sse).toBeCloseTo(0.002141, 5);
    expect(logistic.params["beta"]).toBeCloseTo(0.0778, 3);
    expect(logistic.residuals.every((r) => Math.abs(r) < 0.04)).toBe(true);
    const exponential = fitDecay(ab, "exponential");
    expect(exponential.sse).toBeCloseTo(0.005943, 5);
    expect(exponential.params["b"]).toBeCloseTo(0.04, 3); // 4% of the effect lost per day
    expect(exponential.residuals.every((r) => Math.abs(r) < 0.06)).toBe(true);
  });
  it("every fitted curve decreases with delay", () => {
    for (const fit of fitDecayModels(ab).fits) {
      for (let d = 0; d < 45; d++) expect(fit.curve(d + 1)).toBeLessThan(fit.curve(d));
    }
  });
  it("chooses by AIC: least squares picks the plateau (−26.8 vs −24.1, −20.0); binomial with n = 150 picks the logistic", () => {
    const ls = fitDecayModels(ab);
    expect(ls.fits.map((f) => [f.model, Math.round(f.aic * 10) / 10])).toEqual([
      ["exponential", -20],
      ["logistic", -24.1],
      ["logistic-plateau", -26.8],
    ]);
    expect(ls.chosen.model).toBe("logistic-plateau");
    const withN = ab.map((p) => ({ ...p, n: 150 }));
    const ml = fitDecayModels(withN, "binomial");
    expect(ml.chosen.model).toBe("logistic");
    expect(ml.fits.find((f) => f.model === "logistic")?.aic).toBeCloseTo(768.32, 1);
    expect(ls.interpolation(14)).toBe(0.55);
  });
  it("the binomial fit needs n; fits reject too few or bad points", () => {
    expect(() => fitDecay(ab, "logistic", "binomial")).toThrow(/needs n/);
    expect(() => fitDecay([ab[0] as (typeof ab)[number]], "logistic")).toThrow(/at least 2/);
    expect(() => fitDecay(ab.slice(0, 2), "logistic-plateau")).toThrow(/3 parameters/);
    expect(() =>
      fitDecay(
        [
          { delayDays: 7, saveRate: 0 },
          { delayDays: 14, saveRate: 0.5 },
        ],
        "logistic",
      ),
    ).toThrow(/\(0, 1\)/);
    expect(() =>
      fitDecay(
        [
          { delayDays: 14, saveRate: 0.6 },
          { delayDays: 7, saveRate: 0.5 },
        ],
        "logistic",
      ),
    ).toThrow(/increasing/);
  });
});

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

describe("saveRateAfterDelay: tier rate × decay(d) / decay(reference)", () => {
  it("keeps the tier's stated rate at the reference delay (7 days) and scales it after", () => {
    expect(saveRateAfterDelay({ saveRate: 0.6 }, 7, pchip)).toBe(0.6);
    expect(saveRateAfterDelay({ saveRate: 0.6 }, 14, pchip)).toBeCloseTo((0.6 * 0.55) / 0.62, 15);
    expect(saveRateAfterDelay({ saveRate: 0.45 }, 30, pchip)).toBeCloseTo((0.45 * 0.22) / 0.62, 15);
  });
  it("caps at 1 and honours another reference delay", () => {
    expect(saveRateAfterDelay({ saveRate: 0.95 }, 0, () => 1, 7)).toBe(0.95);
    expect(saveRateAfterDelay({ saveRate: 0.95 }, 0, (d) => 1 - d / 100, 30)).toBe(1);
    expect(saveRateAfterDelay({ saveRate: 0.6 }, 14, pchip, 14)).toBe(0.6);
  });
  it("rejects negative or NaN delays and a curve that is 0 at the reference", () => {
    expect(() => saveRateAfterDelay({ saveRate: 0.6 }, -1, pchip)).toThrow(RangeError);
    expect(() => saveRateAfterDelay({ saveRate: 0.6 }, Number.NaN, pchip)).toThrow(RangeError);
    expect(() => saveRateAfterDelay({ saveRate: 0.6 }, 1, () => 0)).toThrow(/reference/);
  });
});

describe("delayCost: what one more day of delay costs each tier", () => {
  it("prices tier 2 at 14 days: 16,000 × 0.6 × 0.6 × (0.55 − pchip(15))/0.62 × 4,000 yuan (hand-computed)", () => {
    const row = delayCost(plan, pchip, { delays: [14] }).find((r) => r.tierId === "high");
    const expected = 16000 * 0.6 * ((0.6 * (0.55 - pchip(15))) / 0.62);
    expect(row?.customers).toBe(16000);
    expect(row?.savedLostPerDay).toBeCloseTo(expected, 9);
    expect(row?.savedLostPerDay).toBeCloseTo(160.677, 2);
    expect(row?.yuanLostPerDay).toBeCloseTo(expected * 4000, 5);
  });
  it("is zero where the curve is flat (before 7 days) and accepts scored cohorts", () => {
    const rows = delayCost(plan, pchip, { delays: [3], customers: { "very-high": 100 }, meanProbability: { "very-high": 0.9 } });
    expect(rows.every((r) => r.savedLostPerDay === 0)).toBe(true);
    expect(rows[0]).toMatchObject({ customers: 100, meanProbability: 0.9 });
    expect(() => delayCost(plan, pchip, { delays: [-1] })).toThrow(RangeError);
  });
});
