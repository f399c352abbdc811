import { describe, expect, test } from "vitest";
import { createStream, gammaCdf, gammaQuantile, sampleGamma } from "../../src/random";
import { draws, jStat, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("gammaCdf", () => {
  // Reference values: scipy 1.10.1 stats.gamma.cdf(x, shape) (Cephes igam).
  test.each([
    [0.01, 0.1, 0.6626212599544796],
    [1, 0.5, 0.8427007929497151],
    [3, 2, 0.8008517265285442],
    [40, 50, 0.07033506665939494],
    [120, 100, 0.9721362601094793],
    [5, 1, 0.9932620530009145],
  ])("P(X <= %s) for shape %s is %s to 1e-12", (x, shape, expected) => {
    expect(Math.abs(gammaCdf(x, shape, 1) - expected)).toBeLessThan(1e-12);
  });

  test("scale stretches x: Gamma(2, 1000) at 3000 equals Gamma(2, 1) at 3", () => {
    expect(gammaCdf(3000, 2, 1000)).toBeCloseTo(gammaCdf(3, 2, 1), 15);
  });

  test("edges: 0 and below give 0, Infinity gives 1; bad parameters throw", () => {
    expect(gammaCdf(0, 2, 1)).toBe(0);
    expect(gammaCdf(-1, 2, 1)).toBe(0);
    expect(gammaCdf(Infinity, 2, 1)).toBe(1);
    expect(() => gammaCdf(1, 0, 1)).toThrow(RangeError);
    expect(() => gammaCdf(1, 1, -1)).toThrow(RangeError);
    expect(() => gammaCdf(Number.NaN, 1, 1)).toThrow(RangeError);
  });
});

describe("gammaQuantile", () => {
  // Reference values: scipy 1.10.1 stats.gamma.ppf(p, shape).
  test.each([
    [0.01, 0.1, 6.073048362407912e-21],
    [0.5, 0.5, 0.227468211559786],
    [0.1, 2, 0.531811608389612],
    [0.999, 50, 74.72462638951943],
    [0.9, 100, 113.01052385984448],
    [1e-9, 3, 0.0018179466000270133],
  ])("the %s quantile for shape %s is %s to 1e-11 relative", (p, shape, expected) => {
    expect(Math.abs(gammaQuantile(p, shape, 1) - expected)).toBeLessThan(1e-11 * expected);
  });

  test("agrees with jstat's gamma.inv and inverts gammaCdf", () => {
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) {
      const x = gammaQuantile(p, 3.5, 200);
      expect(x / jStat.gamma.inv(p, 3.5, 200)).toBeCloseTo(1, 7);
      expect(gammaCdf(x, 3.5, 200)).toBeCloseTo(p, 12);
    }
  });

  test("p 0 and 1 give 0 and Infinity; bad parameters throw", () => {
    expect(gammaQuantile(0, 2, 1)).toBe(0);
    expect(gammaQuantile(1, 2, 1)).toBe(Infinity);
    expect(() => gammaQuantile(1.5, 2, 1)).toThrow(RangeError);
    expect(() => gammaQuantile(0.5, -2, 1)).toThrow(RangeError);
    expect(() => gammaQuantile(0.5, 2, Number.NaN)).toThrow(RangeError);
  });
});

describe("sampleGamma", () => {
  test.each([
    [2, 3],
    [0.3, 1],
    [50, 0.1],
  ])("100k draws of Gamma(shape %s, scale %s): mean kθ, variance kθ², KS below its 1%% critical value", (shape, scale) => {
    const rng = createStream(42, `gamma-fit-${shape}`);
    const xs = draws(100_000, () => sampleGamma(rng, shape, scale));
    const m = moments(xs);
    expect(Math.abs(m.mean - shape * scale)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - shape * scale * scale)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => jStat.gamma.cdf(x, shape, scale))).toBeLessThan(ksCritical1Percent(xs.length));
  });

  test("tiny shapes give non-negative draws, mostly near 0", () => {
    const rng = createStream(42, "gamma-tiny");
    const xs = draws(1000, () => sampleGamma(rng, 0.01, 1));
    expect(xs.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  test("a constant source that can never be accepted throws instead of looping forever", () => {
    expect(() => sampleGamma(() => 0.999999, 50, 1)).toThrow(/rejections/);
  });

  test("rejects shape or scale <= 0, NaN and Infinity", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleGamma(rng, 0, 1)).toThrow(RangeError);
    expect(() => sampleGamma(rng, -1, 1)).toThrow(RangeError);
    expect(() => sampleGamma(rng, 1, 0)).toThrow(RangeError);
    expect(() => sampleGamma(rng, Number.NaN, 1)).toThrow(RangeError);
    expect(() => sampleGamma(rng, Infinity, 1)).toThrow(RangeError);
  });
});
