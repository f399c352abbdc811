import { describe, expect, test } from "vitest";
import { createStream, normalCdf, normalQuantile, sampleNormal, standardNormalCdf, standardNormalQuantile } from "../../src/random";
import { draws, jStat, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("normalQuantile", () => {
  // Reference values: scipy 1.10.1 stats.norm.ppf (Cephes ndtri).
  test.each([
    [1e-300, -37.0470962993612],
    [1e-10, -6.361340902404056],
    [0.001, -3.090232306167813],
    [0.02425, -1.972961051311885],
    [0.1, -1.2815515655446004],
    [0.5, 0],
    [0.9, 1.2815515655446004],
    [0.975, 1.959963984540054],
    [0.999999, 4.753424308817087],
  ])("Φ⁻¹(%s) = %s to 1e-14 relative", (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(expected)));
  });

  test("agrees with jstat's normal.inv across (0, 1) to 1e-9", () => {
    for (let p = 0.0005; p < 1; p += 0.0173) {
      expect(Math.abs(normalQuantile(p, 10, 3) - jStat.normal.inv(p, 10, 3))).toBeLessThan(1e-9 * 3);
    }
  });

  test("0 and 1 give -Infinity and +Infinity; sd 0 gives the mean", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.3, 5, 0)).toBe(5);
  });

  test("inverts normalCdf (to the CDF's ~1e-9 relative accuracy in the far tail)", () => {
    for (const x of [-8, -3.3, -1, 0.2, 2.5, 6]) {
      const p = normalCdf(x);
      expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(Math.abs(x) > 5 ? 1e-8 : 1e-12);
    }
  });

  test("rejects p outside [0, 1], negative sd and NaN", () => {
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
    expect(() => normalQuantile(0.5, 0, -1)).toThrow(RangeError);
    expect(() => normalQuantile(0.5, Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("normalCdf", () => {
  // Reference values: scipy 1.10.1 stats.norm.cdf.
  test.each([
    [-38, 0],
    [-10, 7.61985302416047e-24],
    [-5, 2.866515718791933e-7],
    [-1.5, 0.06680720126885807],
    [0, 0.5],
    [0.3, 0.6179114221889526],
    [1.96, 0.9750021048517795],
    [7.5, 0.9999999999999681],
  ])("Φ(%s) = %s to 1e-15 absolute, and 1e-8 relative even in the far tail", (x, expected) => {
    const error = Math.abs(normalCdf(x) - expected);
    expect(error).toBeLessThanOrEqual(1e-15);
    expect(error).toBeLessThanOrEqual(1e-8 * expected);
  });

  test("handles infinities, sd 0 as a step, and rejects NaN and negative sd", () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(2, 2, 0)).toBe(1);
    expect(normalCdf(1.9, 2, 0)).toBe(0);
    expect(() => normalCdf(Number.NaN)).toThrow(RangeError);
    expect(() => normalCdf(0, 0, -1)).toThrow(RangeError);
  });
});

describe("sampleNormal", () => {
  test("is the quantile of one uniform: u = 0.975 gives 1.96 sd above the mean", () => {
    expect(sampleNormal(() => 0.975, 100, 15)).toBeCloseTo(100 + 15 * 1.959963984540054, 12);
  });

  test("pins the first draws for seed 42, stream 'normal'", () => {
    const rng = createStream(42, "normal");
    const expected = [0, 1, 2].map(() => 0);
    const reference = createStream(42, "normal");
    for (let i = 0; i < 3; i++) expected[i] = 5 + 2 * normalQuantile(reference());
    expect([sampleNormal(rng, 5, 2), sampleNormal(rng, 5, 2), sampleNormal(rng, 5, 2)]).toEqual(expected);
  });

  test("100k draws of Normal(3, 2): mean 3, variance 4, KS below its 1% critical value", () => {
    const rng = createStream(42, "normal-fit");
    const xs = draws(100_000, () => sampleNormal(rng, 3, 2));
    const m = moments(xs);
    expect(Math.abs(m.mean - 3)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - 4)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => jStat.normal.cdf(x, 3, 2))).toBeLessThan(ksCritical1Percent(xs.length));
  });

  test("sd 0 returns the mean; a uniform of exactly 0 is redrawn, never -Infinity", () => {
    expect(sampleNormal(createStream(1, "x"), 7, 0)).toBe(7);
    const values = [0, 0.5];
    expect(sampleNormal(() => values.shift() ?? 0.5, 0, 1)).toBe(0);
  });

  test("a source stuck at 0 is an error, not an endless loop", () => {
    expect(() => sampleNormal(() => 0, 0, 1)).toThrow(RangeError);
  });

  test("rejects negative sd, NaN and infinite parameters", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleNormal(rng, 0, -1)).toThrow(RangeError);
    expect(() => sampleNormal(rng, Number.NaN, 1)).toThrow(RangeError);
    expect(() => sampleNormal(rng, 0, Number.NaN)).toThrow(RangeError);
    expect(() => sampleNormal(rng, Infinity, 1)).toThrow(RangeError);
  });
});

describe("standardNormalQuantile and standardNormalCdf (unchecked, for hot loops)", () => {
  test("equal the checked versions with mean 0 and sd 1", () => {
    for (const p of [1e-6, 0.1, 0.5, 0.975]) expect(standardNormalQuantile(p)).toBe(normalQuantile(p));
    for (const x of [-4, 0, 1.3]) expect(standardNormalCdf(x)).toBe(normalCdf(x));
  });
});
