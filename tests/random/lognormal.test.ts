import { describe, expect, test } from "vitest";
import { createStream, lognormalCdf, lognormalFromMeanSd, lognormalQuantile, sampleLognormal } from "../../src/random";
import { draws, jStat, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("lognormalFromMeanSd", () => {
  test("mean 1000, sd 500: sigma² = ln 1.25, mu = ln 1000 - sigma²/2", () => {
    const { mu, sigma } = lognormalFromMeanSd(1000, 500);
    expect(sigma).toBeCloseTo(Math.sqrt(Math.log(1.25)), 14);
    expect(mu).toBeCloseTo(Math.log(1000) - Math.log(1.25) / 2, 13);
  });

  test("sd 0 gives sigma 0 and mu ln(mean)", () => {
    expect(lognormalFromMeanSd(50, 0)).toEqual({ mu: Math.log(50), sigma: 0 });
  });

  test("rejects mean <= 0, negative sd and NaN", () => {
    expect(() => lognormalFromMeanSd(0, 1)).toThrow(RangeError);
    expect(() => lognormalFromMeanSd(-5, 1)).toThrow(RangeError);
    expect(() => lognormalFromMeanSd(5, -1)).toThrow(RangeError);
    expect(() => lognormalFromMeanSd(Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("lognormalQuantile and lognormalCdf", () => {
  test("P10 of the mean-1000 sd-500 repair bill is 488.238 yuan (scipy 1.10.1 lognorm.ppf)", () => {
    const { mu, sigma } = lognormalFromMeanSd(1000, 500);
    expect(lognormalQuantile(0.1, mu, sigma)).toBeCloseTo(488.23812260832085, 9);
  });

  test("agree with jstat and invert each other", () => {
    for (const p of [0.001, 0.1, 0.5, 0.9, 0.999]) {
      const x = lognormalQuantile(p, 1, 0.7);
      expect(x).toBeCloseTo(jStat.lognormal.inv(p, 1, 0.7), 8);
      expect(lognormalCdf(x, 1, 0.7)).toBeCloseTo(p, 12);
    }
  });

  test("edges: p 0 and 1, x <= 0, sigma 0", () => {
    expect(lognormalQuantile(0, 0, 1)).toBe(0);
    expect(lognormalQuantile(1, 0, 1)).toBe(Infinity);
    expect(lognormalQuantile(0.3, 2, 0)).toBe(Math.exp(2));
    expect(lognormalCdf(0, 0, 1)).toBe(0);
    expect(lognormalCdf(-3, 0, 1)).toBe(0);
  });

  test("reject bad parameters", () => {
    expect(() => lognormalQuantile(2, 0, 1)).toThrow(RangeError);
    expect(() => lognormalQuantile(0.5, 0, -1)).toThrow(RangeError);
    expect(() => lognormalCdf(Number.NaN, 0, 1)).toThrow(RangeError);
    expect(() => lognormalCdf(1, 0, 0)).toThrow(RangeError);
  });
});

describe("sampleLognormal", () => {
  test("100k draws with mean 1000, sd 500: moments match and KS below its 1% critical value", () => {
    const { mu, sigma } = lognormalFromMeanSd(1000, 500);
    const rng = createStream(42, "lognormal-fit");
    const xs = draws(100_000, () => sampleLognormal(rng, mu, sigma));
    const m = moments(xs);
    expect(Math.abs(m.mean - 1000)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - 250_000)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => jStat.lognormal.cdf(x, mu, sigma))).toBeLessThan(ksCritical1Percent(xs.length));
    expect(xs.every((x) => x > 0)).toBe(true);
  });

  test("u = 0.5 gives the median e^mu", () => {
    expect(sampleLognormal(() => 0.5, Math.log(1000), 0.5)).toBeCloseTo(1000, 10);
  });

  test("rejects negative sigma and NaN", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleLognormal(rng, 0, -0.1)).toThrow(RangeError);
    expect(() => sampleLognormal(rng, Number.NaN, 1)).toThrow(RangeError);
  });
});
