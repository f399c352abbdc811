import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { binCounts } from "../../src/charts/binCounts";

/** Readable reference: count each value by scanning the edges (last bin closed). */
function naiveCounts(values: number[], edges: number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const v of values) {
    for (let i = 0; i < counts.length; i += 1) {
      const lo = edges[i] as number;
      const hi = edges[i + 1] as number;
      const last = i === counts.length - 1;
      if (v >= lo && (v < hi || (last && v <= hi))) {
        counts[i] = (counts[i] as number) + 1;
        break;
      }
    }
  }
  return counts;
}

describe("binCounts(values, options)", () => {
  it("counts into equal-width bins, the last bin closed on the right", () => {
    const bins = binCounts([0, 1, 2, 3], { bins: 2 });
    expect(bins.edges).toEqual([0, 1.5, 3]);
    expect(bins.counts).toEqual([2, 2]);
    expect(bins.centers).toEqual([0.75, 2.25]);
    expect(bins.width).toBe(1.5);
    expect(bins.total).toBe(4);
  });

  it("skips NaN and infinities and reports them as dropped", () => {
    const bins = binCounts([1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3], { bins: 2 });
    expect(bins.total).toBe(3);
    expect(bins.dropped).toBe(2);
  });

  it("drops values outside a given range", () => {
    const bins = binCounts([-5, 0, 0.5, 1, 7], { bins: 2, min: 0, max: 1 });
    expect(bins.counts).toEqual([1, 2]);
    expect(bins.dropped).toBe(2);
  });

  it("gives an empty sample ten empty bins over [0, 1]", () => {
    const bins = binCounts([]);
    expect(bins.counts).toEqual(new Array(10).fill(0));
    expect(bins.edges[0]).toBe(0);
    expect(bins.edges[10]).toBe(1);
  });

  it("puts a constant sample in one bin of width 1 around the value", () => {
    const bins = binCounts([3.5, 3.5, 3.5]);
    expect(bins.counts).toEqual([3]);
    expect(bins.edges).toEqual([3, 4]);
  });

  it("uses the square-root rule clamped to 10..60 by default", () => {
    expect(binCounts(Array.from({ length: 400 }, (_, i) => i)).counts.length).toBe(20);
    expect(binCounts([1, 2, 3]).counts.length).toBe(10);
    expect(binCounts(Array.from({ length: 10_000 }, (_, i) => i)).counts.length).toBe(60);
  });

  it("accepts typed arrays", () => {
    expect(binCounts(new Float64Array([0, 1, 2, 3]), { bins: 2 }).counts).toEqual([2, 2]);
  });

  it("rejects bad bin counts and ranges", () => {
    expect(() => binCounts([1], { bins: 0 })).toThrow(RangeError);
    expect(() => binCounts([1], { bins: 2.5 })).toThrow(RangeError);
    expect(() => binCounts([1], { min: 2, max: 1 })).toThrow(RangeError);
    expect(() => binCounts([1], { min: Number.NaN, max: 1 })).toThrow(RangeError);
  });

  it("agrees with the naive edge scan and loses no value (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (values, n) => {
        const bins = binCounts(values, { bins: n });
        expect(bins.total + bins.dropped).toBe(values.length);
        expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(bins.total);
        if (new Set(values).size > 1) expect(bins.counts).toEqual(naiveCounts(values, bins.edges));
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
