import { describe, expect, test } from "vitest";
import { FastRng } from "../../src/random";
import { ksCritical1Percent, ksStatistic, moments } from "./reference";

describe("FastRng", () => {
  test("pins the first values for seed 42, stream 'trials'", () => {
    const rng = new FastRng(42, "trials");
    expect(rng.seed).toBe("42/trials");
    // Pinned when written (sfc32 seeded from xor4096("42/trials"), 15 warm-up steps).
    expect(rng.next()).toBe(0.8260460731107742);
  });

  test("next, nextUint32, uniform and fill draw from one sequence", () => {
    const a = new FastRng(7, "mix");
    const b = new FastRng(7, "mix");
    const viaB = [b.nextUint32() / 2 ** 32, b.uniform(), b.next(), ...b.fill(new Float64Array(2))];
    const viaA = Array.from(a.fill(new Float64Array(5)));
    expect(viaB).toEqual(viaA);
  });

  test("uniform works detached from its object, as a RandomSource", () => {
    const { uniform } = new FastRng(7, "detached");
    expect(uniform()).toBe(new FastRng(7, "detached").next());
  });

  test("forRange gives each block its own reproducible stream", () => {
    expect(FastRng.forRange(42, "trials", 3).seed).toBe("42/trials/range/3");
    const first = FastRng.forRange(42, "trials", 3).fill(new Float64Array(100));
    const again = new FastRng(42, "trials", 3).fill(new Float64Array(100));
    expect(again).toEqual(first);
    const other = FastRng.forRange(42, "trials", 4).fill(new Float64Array(100));
    expect(other).not.toEqual(first);
    expect(FastRng.forRange(42, "trials", 0).next()).not.toBe(new FastRng(42, "trials").next());
  });

  test("results of a blocked run do not depend on the order blocks are drawn in", () => {
    const blockSums = (order: number[]): number[] => {
      const sums: number[] = [];
      for (const index of order) {
        const block = FastRng.forRange(1, "mc", index).fill(new Float64Array(500));
        sums[index] = block.reduce((s, x) => s + x, 0);
      }
      return sums;
    };
    expect(blockSums([3, 1, 0, 2])).toEqual(blockSums([0, 1, 2, 3]));
  });

  test("rejects a negative, fractional or NaN range index", () => {
    expect(() => FastRng.forRange(1, "x", -1)).toThrow(RangeError);
    expect(() => FastRng.forRange(1, "x", 1.5)).toThrow(RangeError);
    expect(() => FastRng.forRange(1, "x", Number.NaN)).toThrow(RangeError);
    expect(() => new FastRng(Number.NaN, "x")).toThrow(RangeError);
  });

  test("uniforms on [0, 1): mean 1/2, variance 1/12, KS below its 1% critical value", () => {
    const xs = new FastRng(2026, "uniformity").fill(new Float64Array(200_000));
    const m = moments(xs);
    expect(Math.abs(m.mean - 0.5)).toBeLessThan(4 * m.meanSe);
    expect(Math.abs(m.variance - 1 / 12)).toBeLessThan(4 * m.varianceSe);
    expect(ksStatistic(xs, (x) => x)).toBeLessThan(ksCritical1Percent(xs.length));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  test("successive pairs are uncorrelated (lag-1 serial correlation within 4 standard errors)", () => {
    const xs = new FastRng(2026, "serial").fill(new Float64Array(100_000));
    let s = 0;
    for (let i = 1; i < xs.length; i++) s += (xs[i]! - 0.5) * (xs[i - 1]! - 0.5);
    expect(Math.abs((12 * s) / (xs.length - 1))).toBeLessThan(4 / Math.sqrt(xs.length));
  });
});
