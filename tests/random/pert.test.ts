import { describe, expect, test } from "vitest";
import { createStream, pertCdf, pertQuantile, pertShapes, samplePert } from "../../src/random";
import { draws, jStat, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("pertShapes", () => {
  test("PERT(0, 2, 10) with lambda 4 is Beta(1.8, 4.2) scaled to [0, 10]", () => {
    const { alpha, beta } = pertShapes(0, 2, 10);
    expect(alpha).toBeCloseTo(1.8, 14);
    expect(beta).toBeCloseTo(4.2, 14);
  });

  test("lambda changes the weight of the mode", () => {
    expect(pertShapes(0, 5, 10, 2)).toEqual({ alpha: 2, beta: 2 });
  });

  test("rejects min = max, lambda <= 0 and NaN", () => {
    expect(() => pertShapes(1, 1, 1)).toThrow(RangeError);
    expect(() => pertShapes(0, 1, 2, 0)).toThrow(RangeError);
    expect(() => pertShapes(0, Number.NaN, 2)).toThrow(RangeError);
  });
});

describe("pertQuantile and pertCdf", () => {
  // A cost line estimated at least 800, most likely 1000, at most 1500 yuan.
  // Reference values: scipy 1.10.1, 800 + 700 * stats.beta.ppf(p, 1 + 4*200/700, 1 + 4*500/700).
  test.each([
    [0.1, 890.4353459302796],
    [0.5, 1038.2588601420246],
    [0.9, 1227.2702746347873],
  ])("the %s quantile of PERT(800, 1000, 1500) is %s yuan", (p, expected) => {
    expect(pertQuantile(p, 800, 1000, 1500)).toBeCloseTo(expected, 8);
  });

  test("invert each other; symmetric PERT has its median at the mode", () => {
    for (const p of [0.01, 0.3, 0.7, 0.99]) expect(pertCdf(pertQuantile(p, 800, 1000, 1500), 800, 1000, 1500)).toBeCloseTo(p, 12);
    expect(pertQuantile(0.5, 0, 5, 10)).toBeCloseTo(5, 12);
    expect(pertCdf(5, 0, 5, 10)).toBeCloseTo(0.5, 14);
  });

  test("edges: outside the bounds, p 0 and 1, min = max", () => {
    expect(pertCdf(700, 800, 1000, 1500)).toBe(0);
    expect(pertCdf(1500, 800, 1000, 1500)).toBe(1);
    expect(pertQuantile(0, 800, 1000, 1500)).toBe(800);
    expect(pertQuantile(1, 800, 1000, 1500)).toBe(1500);
    expect(pertQuantile(0.4, 7, 7, 7)).toBe(7);
  });

  test("reject p outside [0, 1], out-of-order bounds, lambda <= 0 and NaN", () => {
    expect(() => pertQuantile(1.01, 0, 1, 2)).toThrow(RangeError);
    expect(() => pertQuantile(0.5, 2, 1, 0)).toThrow(RangeError);
    expect(() => pertQuantile(0.5, 0, 1, 2, -4)).toThrow(RangeError);
    expect(() => pertCdf(Number.NaN, 0, 1, 2)).toThrow(RangeError);
  });
});

describe("samplePert", () => {
  test("100k draws of PERT(800, 1000, 1500): mean (min + 4 mode + max)/6 = 1050, beta variance, KS below its 1% critical value", () => {
    const rng = createStream(42, "pert-fit");
    const xs = draws(100_000, () => samplePert(rng, 800, 1000, 1500));
    const m = moments(xs);
    const { alpha, beta } = pertShapes(800, 1000, 1500);
    const variance = (700 * 700 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    expect(Math.abs(m.mean - 1050)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - variance)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => jStat.beta.cdf((x - 800) / 700, alpha, beta))).toBeLessThan(ksCritical1Percent(xs.length));
    expect(xs.every((x) => x >= 800 && x <= 1500)).toBe(true);
  });

  test("min = max returns that value; the mode at an end is allowed", () => {
    expect(samplePert(createStream(1, "edge"), 5, 5, 5)).toBe(5);
    const x = samplePert(createStream(1, "edge"), 0, 0, 10);
    expect(x >= 0 && x <= 10).toBe(true);
  });

  test("rejects min > max, mode outside [min, max], lambda <= 0 and NaN", () => {
    const rng = createStream(1, "bad");
    expect(() => samplePert(rng, 10, 5, 0)).toThrow(RangeError);
    expect(() => samplePert(rng, 0, 12, 10)).toThrow(RangeError);
    expect(() => samplePert(rng, 0, 5, 10, 0)).toThrow(RangeError);
    expect(() => samplePert(rng, 0, Number.NaN, 10)).toThrow(RangeError);
  });
});
