import { describe, expect, test } from "vitest";
import { createStream, sampleTriangular, triangularCdf, triangularQuantile } from "../../src/random";
import { draws, jStat, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("triangularQuantile and triangularCdf", () => {
  // Reference values: scipy 1.10.1 stats.triang.ppf(p, c=0.2, loc=0, scale=10), i.e. (0, 2, 10).
  test.each([
    [0.1, 1.4142135623730954],
    [0.5, 3.675444679663241],
    [0.9, 7.17157287525381],
  ])("the %s quantile of Triangular(0, 2, 10) is %s", (p, expected) => {
    expect(triangularQuantile(p, 0, 2, 10)).toBeCloseTo(expected, 13);
  });

  test("agree with jstat (which orders its parameters min, max, mode) and invert each other", () => {
    for (const p of [0, 0.05, 0.2, 0.5, 0.8, 0.95, 1]) {
      const x = triangularQuantile(p, 100, 180, 400);
      expect(x).toBeCloseTo(jStat.triangular.inv(p, 100, 400, 180), 9);
      expect(triangularCdf(x, 100, 180, 400)).toBeCloseTo(p, 12);
    }
  });

  test("the mode at either end and the degenerate min = mode = max", () => {
    expect(triangularQuantile(0.5, 0, 0, 1)).toBeCloseTo(1 - Math.SQRT1_2, 15);
    expect(triangularQuantile(0.25, 0, 1, 1)).toBeCloseTo(0.5, 15);
    expect(triangularQuantile(0.7, 3, 3, 3)).toBe(3);
    expect(triangularCdf(5, 0, 5, 10)).toBe(0.5);
    expect(triangularCdf(-1, 0, 5, 10)).toBe(0);
    expect(triangularCdf(10, 0, 5, 10)).toBe(1);
  });

  test("reject out-of-order bounds, p outside [0, 1] and NaN", () => {
    expect(() => triangularQuantile(0.5, 10, 5, 0)).toThrow(RangeError);
    expect(() => triangularQuantile(0.5, 0, 11, 10)).toThrow(RangeError);
    expect(() => triangularQuantile(1.5, 0, 5, 10)).toThrow(RangeError);
    expect(() => triangularCdf(Number.NaN, 0, 5, 10)).toThrow(RangeError);
    expect(() => triangularCdf(1, 0, Number.NaN, 10)).toThrow(RangeError);
  });
});

describe("sampleTriangular", () => {
  test("100k draws of Triangular(0, 2, 10): mean 4, variance 84/18, KS below its 1% critical value", () => {
    const rng = createStream(42, "triangular-fit");
    const xs = draws(100_000, () => sampleTriangular(rng, 0, 2, 10));
    const m = moments(xs);
    // Mean (a + c + b)/3; variance (a² + b² + c² - ab - ac - bc)/18.
    expect(Math.abs(m.mean - 4)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - 84 / 18)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => triangularCdf(x, 0, 2, 10))).toBeLessThan(ksCritical1Percent(xs.length));
    expect(ksStatistic(xs, (x) => jStat.triangular.cdf(x, 0, 10, 2))).toBeLessThan(ksCritical1Percent(xs.length));
  });

  test("u = 0.5 on a symmetric triangle gives the mode; min = max gives that value", () => {
    expect(sampleTriangular(() => 0.5, 0, 5, 10)).toBe(5);
    expect(sampleTriangular(() => 0.3, 4, 4, 4)).toBe(4);
  });

  test("rejects min > max, mode outside, and NaN", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleTriangular(rng, 10, 5, 0)).toThrow(RangeError);
    expect(() => sampleTriangular(rng, 0, -1, 10)).toThrow(RangeError);
    expect(() => sampleTriangular(rng, Number.NaN, 5, 10)).toThrow(RangeError);
  });
});
