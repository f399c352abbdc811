// Kaplan–Meier with Greenwood bands, checked against the textbook 6-MP example.
import { describe, expect, it } from "vitest";
import { kaplanMeier, survivalAt } from "../../src/data/kaplanMeier";
import { retentionCurves } from "../../src/data/retentionCurves";

// Freireich et al. (1963) 6-MP arm, remission times in weeks (Klein & Moeschberger, table 1.2):
// events at 6,6,6,7,10,13,16,22,23; censored at 6,9,10,11,17,19,20,25,32,32,34,35.
const durations = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const events = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

describe("kaplanMeier", () => {
  it("reproduces R survfit(Surv(time, status) ~ 1) on the 6-MP data (log band, 95%)", () => {
    // R: library(survival); summary(survfit(Surv(time, cens) ~ 1, data = subset(MASS::gehan, treat == "6-MP")))
    const curve = kaplanMeier(durations, events);
    expect(Array.from(curve.time)).toEqual([6, 7, 10, 13, 16, 22, 23]);
    expect(Array.from(curve.atRisk)).toEqual([21, 17, 15, 12, 11, 7, 6]);
    expect(Array.from(curve.events)).toEqual([3, 1, 1, 1, 1, 1, 1]);
    const r = (xs: Float64Array, digits: number): number[] => Array.from(xs, (x) => Number(x.toFixed(digits)));
    expect(r(curve.survival, 3)).toEqual([0.857, 0.807, 0.753, 0.69, 0.627, 0.538, 0.448]);
    expect(r(curve.stdErr, 4)).toEqual([0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346]);
    expect(r(curve.lower, 3)).toEqual([0.72, 0.653, 0.586, 0.51, 0.439, 0.337, 0.249]);
    expect(r(curve.upper, 3)).toEqual([1, 0.996, 0.968, 0.935, 0.896, 0.858, 0.807]);
    expect(curve.n).toBe(21);
    expect(curve.totalEvents).toBe(9);
  });

  it("gives S(6) = 18/21 exactly and Greenwood's variance by hand", () => {
    const curve = kaplanMeier(durations, events);
    expect(curve.survival[0]).toBeCloseTo(18 / 21, 15);
    expect(curve.stdErr[0]).toBeCloseTo((18 / 21) * Math.sqrt(3 / (21 * 18)), 15);
  });

  it("log-log bands stay inside 0..1 and contain S(t)", () => {
    const curve = kaplanMeier(durations, events, { confType: "log-log", level: 0.9 });
    for (let i = 0; i < curve.time.length; i++) {
      expect(curve.lower[i]).toBeLessThanOrEqual(curve.survival[i] ?? NaN);
      expect(curve.upper[i]).toBeGreaterThanOrEqual(curve.survival[i] ?? NaN);
      expect(curve.upper[i]).toBeLessThan(1);
    }
  });

  it("without censoring equals the empirical survival function, reaching 0", () => {
    const curve = kaplanMeier([3, 1, 2, 2], [1, 1, 1, 1]);
    expect(Array.from(curve.survival)).toEqual([0.75, 0.25, 0]);
    expect(curve.lower[2]).toBe(0);
    expect(Number.isNaN(curve.stdErr[2])).toBe(true);
    expect(survivalAt(curve, 0.5)).toBe(1);
    expect(survivalAt(curve, 2.5)).toBe(0.25);
  });

  it("is empty for no subjects and flat for censoring only", () => {
    expect(kaplanMeier([], []).time.length).toBe(0);
    const censored = kaplanMeier([5, 6], [0, 0]);
    expect(censored.time.length).toBe(0);
    expect(survivalAt(censored, 10)).toBe(1);
  });

  it("rejects NaN or negative durations, bad flags, unequal lengths and a bad level", () => {
    expect(() => kaplanMeier([NaN], [1])).toThrow(RangeError);
    expect(() => kaplanMeier([-1], [1])).toThrow(RangeError);
    expect(() => kaplanMeier([1], [2])).toThrow(RangeError);
    expect(() => kaplanMeier([1, 2], [1])).toThrow(RangeError);
    expect(() => kaplanMeier([1], [1], { level: 1 })).toThrow(RangeError);
  });
});

describe("retentionCurves", () => {
  it("censors non-churners at the end of history and groups in the given order", () => {
    // Three customers in "a": churn on day 10 and 30 of a 100-day history, one never churns; one in "b" never churns.
    const curves = retentionCurves([10, 30, NaN, NaN], ["a", "a", "a", "b"], 0, 100, { order: ["b", "a", "z"] });
    expect(curves.map((g) => g.name)).toEqual(["b", "a"]);
    const a = curves[1]?.curve;
    expect(a?.survival[0]).toBeCloseTo(2 / 3, 15);
    expect(a?.survival[1]).toBeCloseTo(1 / 3, 15);
    expect(a?.n).toBe(3);
    expect(curves[0]?.curve.time.length).toBe(0);
  });

  it("rejects churn dates outside the history and mismatched lengths", () => {
    expect(() => retentionCurves([100], ["a"], 0, 100)).toThrow(RangeError);
    expect(() => retentionCurves([-1], ["a"], 0, 100)).toThrow(RangeError);
    expect(() => retentionCurves([1, 2], ["a"], 0, 100)).toThrow(RangeError);
  });
});
