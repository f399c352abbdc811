import { describe, expect, test } from "vitest";
import { binomialCdf, binomialQuantile, createStream, FastRng, sampleBinomial } from "../../src/random";
import { chiSquareTest, draws, jStat, moments } from "./reference";

describe("sampleBinomial", () => {
  test.each([
    [20, 0.3, "inversion"],
    [1000, 0.004, "inversion, large n"],
    [1000, 0.3, "BTRS"],
    [1000, 0.9, "BTRS by symmetry"],
    [25, 0.5, "BTRS at small n"],
    [1_000_000, 0.35, "BTRS, very large n"],
  ])("100k draws of Binomial(%s, %s) (%s): mean np, variance np(1-p), chi-square below its 1%% critical value", (n, p) => {
    const rng = createStream(42, `binomial-${n}-${p}`);
    const xs = draws(100_000, () => sampleBinomial(rng, n, p));
    const m = moments(xs);
    expect(Math.abs(m.mean - n * p)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - n * p * (1 - p))).toBeLessThan(4 * m.varianceSe);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    // pmf in log space with jStat.gammaln (jStat.binomial.pdf overflows for large n).
    const logChoose = (k: number): number => jStat.gammaln(n + 1) - jStat.gammaln(k + 1) - jStat.gammaln(n - k + 1);
    const pmf = (k: number): number => (k > n ? 0 : Math.exp(logChoose(k) + k * Math.log(p) + (n - k) * Math.log1p(-p)));
    const { statistic, critical } = chiSquareTest(xs, pmf);
    expect(statistic).toBeLessThan(critical);
  });

  test("works with a FastRng's uniform", () => {
    const rng = new FastRng(42, "binomial-fast");
    const xs = draws(50_000, () => sampleBinomial(rng.uniform, 200, 0.2));
    const { statistic, critical } = chiSquareTest(xs, (k) => jStat.binomial.pdf(k, 200, 0.2));
    expect(statistic).toBeLessThan(critical);
  });

  test("degenerate cases: n 0, p 0 and p 1", () => {
    const rng = createStream(1, "edge");
    expect(sampleBinomial(rng, 0, 0.5)).toBe(0);
    expect(sampleBinomial(rng, 50, 0)).toBe(0);
    expect(sampleBinomial(rng, 50, 1)).toBe(50);
  });

  test("pins the first draws for seed 42, stream 'saves'", () => {
    const rng = createStream(42, "saves");
    const first = [sampleBinomial(rng, 10_000, 0.35), sampleBinomial(rng, 10_000, 0.35), sampleBinomial(rng, 10, 0.35)];
    const again = createStream(42, "saves");
    expect([sampleBinomial(again, 10_000, 0.35), sampleBinomial(again, 10_000, 0.35), sampleBinomial(again, 10, 0.35)]).toEqual(first);
  });

  test("rejects negative or fractional n, p outside [0, 1], and NaN", () => {
    const rng = createStream(1, "bad");
    expect(() => sampleBinomial(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => sampleBinomial(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => sampleBinomial(rng, 10, 1.1)).toThrow(RangeError);
    expect(() => sampleBinomial(rng, 10, -0.1)).toThrow(RangeError);
    expect(() => sampleBinomial(rng, 10, Number.NaN)).toThrow(RangeError);
    expect(() => sampleBinomial(rng, Number.NaN, 0.5)).toThrow(RangeError);
  });
});

describe("binomialCdf and binomialQuantile", () => {
  // Reference values: scipy 1.10.1 stats.binom.cdf / ppf.
  test("P(X <= 5) for Binomial(20, 0.3) is 0.4163708294474809", () => {
    expect(binomialCdf(5, 20, 0.3)).toBeCloseTo(0.4163708294474809, 13);
  });

  test("agrees with jstat's binomial.cdf (which rounds to 10 digits) on small n", () => {
    for (let k = 0; k <= 20; k++) expect(binomialCdf(k, 20, 0.3)).toBeCloseTo(jStat.binomial.cdf(k, 20, 0.3), 9);
  });

  test.each([
    [0.5, 20, 0.3, 6],
    [0.9, 10_000, 0.35, 3561],
    [0.999, 1_000_000, 0.001, 1099],
    [0.3, 5, 0.99, 5],
  ])("the %s quantile of Binomial(%s, %s) is %s", (q, n, p, expected) => {
    expect(binomialQuantile(q, n, p)).toBe(expected);
  });

  test("the quantile is the smallest k with CDF >= q, on a grid", () => {
    for (const [n, p] of [
      [12, 0.5],
      [300, 0.02],
      [5000, 0.7],
    ] as const) {
      for (const q of [0.01, 0.2, 0.5, 0.8, 0.99]) {
        const k = binomialQuantile(q, n, p);
        expect(binomialCdf(k, n, p)).toBeGreaterThanOrEqual(q);
        if (k > 0) expect(binomialCdf(k - 1, n, p)).toBeLessThan(q);
      }
    }
  });

  test("edges and bad input", () => {
    expect(binomialCdf(-1, 10, 0.5)).toBe(0);
    expect(binomialCdf(10, 10, 0.5)).toBe(1);
    expect(binomialCdf(3, 10, 0)).toBe(1);
    expect(binomialCdf(3, 10, 1)).toBe(0);
    expect(binomialQuantile(0, 10, 0.5)).toBe(0);
    expect(binomialQuantile(1, 10, 0.5)).toBe(10);
    expect(binomialQuantile(0.5, 10, 1)).toBe(10);
    expect(binomialQuantile(0.5, 0, 0.5)).toBe(0);
    expect(() => binomialCdf(Number.NaN, 10, 0.5)).toThrow(RangeError);
    expect(() => binomialQuantile(0.5, 10.5, 0.5)).toThrow(RangeError);
    expect(() => binomialQuantile(0.5, 10, 2)).toThrow(RangeError);
  });
});
