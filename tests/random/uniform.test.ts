import { describe, expect, test } from "vitest";
import { createStream, sampleUniform, uniformQuantile } from "../../src/random";
import { draws, ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("sampleUniform", () => {
  test("is min + (max - min) u", () => {
    expect(sampleUniform(() => 0.25, 10, 20)).toBe(12.5);
    expect(sampleUniform(() => 0, 10, 20)).toBe(10);
  });

  test("100k draws of Uniform(-3, 5): mean 1, variance 64/12, KS below its 1% critical value", () => {
    const rng = createStream(42, "uniform-fit");
    const xs = draws(100_000, () => sampleUniform(rng, -3, 5));
    const m = moments(xs);
    expect(Math.abs(m.mean - 1)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - 64 / 12)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => (x + 3) / 8)).toBeLessThan(ksCritical1Percent(xs.length));
  });

  test("min = max returns min; min > max, NaN and Infinity throw", () => {
    const rng = createStream(1, "edge");
    expect(sampleUniform(rng, 4, 4)).toBe(4);
    expect(() => sampleUniform(rng, 5, 4)).toThrow(RangeError);
    expect(() => sampleUniform(rng, Number.NaN, 4)).toThrow(RangeError);
    expect(() => sampleUniform(rng, 0, Infinity)).toThrow(RangeError);
  });
});

describe("uniformQuantile", () => {
  test("is min + p (max - min), with bad input rejected", () => {
    expect(uniformQuantile(0.9, 0, 200)).toBe(180);
    expect(uniformQuantile(0, 3, 7)).toBe(3);
    expect(uniformQuantile(1, 3, 7)).toBe(7);
    expect(() => uniformQuantile(1.2, 0, 1)).toThrow(RangeError);
    expect(() => uniformQuantile(0.5, 1, 0)).toThrow(RangeError);
  });
});
