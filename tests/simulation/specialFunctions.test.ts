import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { betaCdf, betaQuantile, logGamma, normalCdf, normalQuantile } from "../../src/simulation/specialFunctions";

// jstat: reference implementation of the normal and beta distributions (dev dependency, no type declarations).
interface JStat {
  normal: { cdf(x: number, m: number, s: number): number; inv(p: number, m: number, s: number): number };
  beta: { cdf(x: number, a: number, b: number): number };
}
const jStatModule = createRequire(__filename)("jstat") as { jStat?: JStat } & JStat;
const jStat: JStat = jStatModule.jStat ?? jStatModule;

describe("normalCdf", () => {
  it("matches jstat's normal CDF to 1e-12 from -8 to 8", () => {
    for (let x = -8; x <= 8; x += 0.37) expect(normalCdf(x)).toBeCloseTo(jStat.normal.cdf(x, 0, 1), 12);
  });
  it("is 0.975 at the textbook 1.959963984540054 and 0.5 at 0", () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(0)).toBe(0.5);
  });
  it("is NaN for NaN and saturates far out", () => {
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
  });
});

describe("normalQuantile", () => {
  it("inverts normalCdf to 1e-12 across (0, 1), tails included", () => {
    for (const p of [1e-12, 1e-6, 0.001, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 0.999, 1 - 1e-6]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
      // jstat's own inverse is accurate to about 1e-6 relative in the far tail (R: qnorm(1e-12) = -7.034483825685...).
      expect(Math.abs(normalQuantile(p) - jStat.normal.inv(p, 0, 1))).toBeLessThan(2e-6 * Math.max(1, Math.abs(normalQuantile(p))));
    }
  });
  it("gives the textbook 1.959963984540054 at 0.975 and ±Infinity at 0 and 1", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 10);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });
  it("throws a RangeError outside [0, 1] and for NaN", () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe("logGamma and the incomplete beta", () => {
  it("logGamma(n) is log((n-1)!) and logGamma(0.5) is log(√π)", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(() => logGamma(0)).toThrow(RangeError);
  });
  it("betaCdf matches jstat for PERT-like and skewed shapes", () => {
    for (const [a, b] of [[2, 2], [1.8, 3.2], [67.5, 82.5], [0.5, 0.5], [6, 34]] as const) {
      for (const x of [0.01, 0.2, 0.45, 0.5, 0.8, 0.99]) expect(betaCdf(x, a, b)).toBeCloseTo(jStat.beta.cdf(x, a, b), 7);
    }
  });
  it("betaCdf and betaQuantile match SciPy to 1e-12 (scipy.special.betainc, scipy.stats.beta.ppf)", () => {
    expect(betaCdf(0.45, 67.5, 82.5)).toBeCloseTo(0.5021846742053299, 12);
    expect(betaCdf(0.2, 1.8, 3.2)).toBeCloseTo(0.2418083701198912, 13);
    expect(betaCdf(0.01, 0.5, 0.5)).toBeCloseTo(0.06376856085851987, 13);
    expect(betaQuantile(0.9, 1.8, 3.2)).toBeCloseTo(0.6370945622995515, 12);
    expect(normalQuantile(1e-12)).toBeCloseTo(-7.034483825301131, 9);
  });
  it("betaQuantile inverts betaCdf; Beta(2,2) median is 0.5", () => {
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) expect(betaCdf(betaQuantile(p, 1.8, 3.2), 1.8, 3.2)).toBeCloseTo(p, 10);
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(() => betaQuantile(0.5, 0, 1)).toThrow(RangeError);
  });
});
