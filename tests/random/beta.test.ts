import { describe, expect, test } from "vitest";
import { betaCdf, betaFromMeanConcentration, betaQuantile, createStream, sampleBeta, sampleBetaMeanConcentration } from "../../src/random";
import { draws, jStat, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("betaCdf", () => {
  // Reference values: scipy 1.10.1 stats.beta.cdf (Cephes incbet).
  test.each([
    [0.01, 0.5, 0.5, 0.06376856085851985],
    [0.3, 2, 5, 0.5798250000000003],
    [0.9, 1.8, 4.2, 0.9997667313930194],
    [0.42, 500, 700, 0.5937664454826128],
    [0.999, 30, 1.5, 0.9961107316148197],
  ])("I_%s(%s, %s) = %s to 1e-11", (x, a, b, expected) => {
    expect(Math.abs(betaCdf(x, a, b) - expected)).toBeLessThan(1e-11);
  });

  test("closed forms: Beta(1, 3) at 0.2 is 1 - 0.8³; Beta(1, 1) is uniform", () => {
    expect(betaCdf(0.2, 1, 3)).toBeCloseTo(1 - 0.8 ** 3, 14);
    expect(betaCdf(0.37, 1, 1)).toBeCloseTo(0.37, 14);
  });

  test("0 below 0 and 1 above 1; bad parameters throw", () => {
    expect(betaCdf(-0.1, 2, 2)).toBe(0);
    expect(betaCdf(0, 2, 2)).toBe(0);
    expect(betaCdf(1, 2, 2)).toBe(1);
    expect(betaCdf(1.5, 2, 2)).toBe(1);
    expect(() => betaCdf(0.5, 0, 2)).toThrow(RangeError);
    expect(() => betaCdf(0.5, 2, -1)).toThrow(RangeError);
    expect(() => betaCdf(Number.NaN, 2, 2)).toThrow(RangeError);
  });
});

describe("betaQuantile", () => {
  // Reference values: scipy 1.10.1 stats.beta.ppf.
  test.each([
    [1e-8, 0.5, 0.5, 2.4674011002723397e-16],
    [0.1, 2, 5, 0.09259525891312873],
    [0.9, 1.8, 4.2, 0.545334050433582],
    [0.99, 500, 700, 0.4499485711662328],
    [0.5, 0.2, 0.3, 0.23913503614798193],
    [0.001, 30, 1.5, 0.7641979150589415],
  ])("the %s quantile of Beta(%s, %s) is %s to 1e-10 relative", (p, a, b, expected) => {
    expect(Math.abs(betaQuantile(p, a, b) - expected)).toBeLessThan(1e-10 * expected);
  });

  test("agrees with jstat's beta.inv and inverts betaCdf on a grid", () => {
    for (const [a, b] of [
      [0.7, 3],
      [2, 2],
      [30, 70],
      [1.8, 4.2],
    ] as const) {
      for (const p of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
        const x = betaQuantile(p, a, b);
        expect(Math.abs(x - jStat.beta.inv(p, a, b))).toBeLessThan(1e-7);
        expect(betaCdf(x, a, b)).toBeCloseTo(p, 12);
      }
    }
  });

  test("p 0 and 1 give 0 and 1; bad parameters throw", () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expect(() => betaQuantile(-0.01, 2, 3)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, 0, 3)).toThrow(RangeError);
    expect(() => betaQuantile(0.5, 2, Number.NaN)).toThrow(RangeError);
  });
});

describe("sampleBeta", () => {
  test.each([
    [2, 5],
    [30, 70],
    [0.2, 0.5],
  ])("100k draws of Beta(%s, %s): analytic mean and variance, KS below its 1%% critical value", (a, b) => {
    const rng = createStream(42, `beta-fit-${a}-${b}`);
    const xs = draws(100_000, () => sampleBeta(rng, a, b));
    const m = moments(xs);
    const mean = a / (a + b);
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - variance)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => jStat.beta.cdf(x, a, b))).toBeLessThan(ksCritical1Percent(xs.length));
  });

  test("tiny shapes stay in [0, 1] and never give NaN", () => {
    const rng = createStream(42, "beta-tiny");
    const xs = draws(2000, () => sampleBeta(rng, 0.01, 0.02));
    expect(xs.every((x) => x >= 0 && x <= 1)).toBe(true);
  });

  test("rejects alpha or beta <= 0 and NaN", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleBeta(rng, 0, 1)).toThrow(RangeError);
    expect(() => sampleBeta(rng, 1, -2)).toThrow(RangeError);
    expect(() => sampleBeta(rng, Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("beta by mean and concentration", () => {
  test("mean 0.35 with concentration 200 is Beta(70, 130)", () => {
    const { alpha, beta } = betaFromMeanConcentration(0.35, 200);
    expect(alpha).toBeCloseTo(70, 12);
    expect(beta).toBeCloseTo(130, 12);
  });

  test("100k draws: mean 0.35, variance mean(1 - mean)/(concentration + 1)", () => {
    const rng = createStream(42, "save-rate");
    const xs = draws(100_000, () => sampleBetaMeanConcentration(rng, 0.35, 200));
    const m = moments(xs);
    expect(Math.abs(m.mean - 0.35)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - (0.35 * 0.65) / 201)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => jStat.beta.cdf(x, 70, 130))).toBeLessThan(ksCritical1Percent(xs.length));
  });

  test("rejects a mean of 0, 1 or outside, and concentration <= 0", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleBetaMeanConcentration(rng, 0, 10)).toThrow(RangeError);
    expect(() => sampleBetaMeanConcentration(rng, 1, 10)).toThrow(RangeError);
    expect(() => sampleBetaMeanConcentration(rng, 1.2, 10)).toThrow(RangeError);
    expect(() => sampleBetaMeanConcentration(rng, 0.5, 0)).toThrow(RangeError);
    expect(() => betaFromMeanConcentration(Number.NaN, 10)).toThrow(RangeError);
  });
});
