import { describe, expect, it } from "vitest";
import { fitDecay, fitDecayModels } from "../../src/actions";
import { loadPlan } from "../../src/plan";

const plan = loadPlan("data/plans/seed-plan.json");
const ab = plan.timing.abTest; // 7 d 62%, 14 d 55%, 21 d 38%, 30 d 22% (plan section 5.2)

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
