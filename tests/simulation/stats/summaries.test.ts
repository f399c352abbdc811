import { describe, expect, it } from "vitest";
import { FastRng } from "../../../src/random/FastRng";
import { kthOfSortedBlocks } from "../../../src/simulation/stats/sortedBlocks";
import { radixSortFloat32 } from "../../../src/simulation/stats/radixSort";
import {
  convergenceCheckpoints,
  convergenceTrace,
  probabilityEstimate,
  quantileStandardError,
  sortedQuantile,
  summarizeSorted,
} from "../../../src/simulation/stats/summaries";

describe("sortedQuantile", () => {
  it("interpolates between order statistics like R's type 7 and NumPy's default", () => {
    // numpy.percentile([1, 2, 3, 4], [0, 25, 50, 100]) = [1, 1.75, 2.5, 4]
    const x = Float64Array.from([1, 2, 3, 4]);
    expect([0, 0.25, 0.5, 1].map((q) => sortedQuantile(x, q))).toEqual([1, 1.75, 2.5, 4]);
    expect(sortedQuantile([], 0.5)).toBeNaN();
    expect(sortedQuantile([7], 0.3)).toBe(7);
    expect(() => sortedQuantile(x, 1.5)).toThrow(RangeError);
  });
  it("the median's standard error of 0..100 is half the ±√(n/4) rank band: 5", () => {
    expect(
      quantileStandardError(
        Float64Array.from({ length: 101 }, (_, i) => i),
        0.5,
      ),
    ).toBe(5);
    expect(quantileStandardError([1], 0.5)).toBeNaN();
  });
});

describe("summarizeSorted", () => {
  it("reports the sample sd and its standard errors; non-finite values are excluded from the moments", () => {
    const s = summarizeSorted(2.5, 5, Float64Array.from([1, 2, 3, 4]));
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(s.se.mean).toBeCloseTo(Math.sqrt(5 / 3) / 2, 14);
    expect(s.finite).toBe(4);
    const withInf = summarizeSorted(1, 0, Float64Array.from([1, Number.POSITIVE_INFINITY]));
    expect(withInf.finite).toBe(1);
    expect(withInf.sd).toBe(0);
    expect(withInf.max).toBe(Number.POSITIVE_INFINITY);
  });
  it("is NaN throughout for an empty sample", () => {
    const s = summarizeSorted(0, 0, new Float64Array(0));
    expect([s.mean, s.sd, s.p50, s.min]).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });
});

describe("kthOfSortedBlocks", () => {
  it("equals the k-th value of the merged, sorted union, ±Infinity and NaN included (200 random cases)", () => {
    const rng = new FastRng(1, "kth-test");
    for (let trial = 0; trial < 200; trial += 1) {
      const blocks: Float32Array[] = [];
      const nb = 1 + Math.floor(rng.next() * 5);
      for (let b = 0; b < nb; b += 1) {
        const a = new Float32Array(Math.floor(rng.next() * 40));
        for (let i = 0; i < a.length; i += 1) {
          const u = rng.next();
          a[i] = u < 0.05 ? Infinity : u < 0.08 ? NaN : u < 0.1 ? -Infinity : u < 0.3 ? Math.round(u * 10) : (u - 0.5) * 1e6;
        }
        blocks.push(a.sort());
      }
      const all = Float32Array.from(blocks.flatMap((b) => [...b])).sort();
      for (let k = 0; k < all.length; k += 1)
        expect(Object.is(kthOfSortedBlocks(blocks, k), all[k]) || (Number.isNaN(all[k]!) && Number.isNaN(kthOfSortedBlocks(blocks, k)))).toBe(true);
    }
  });
  it("rejects a rank outside the union", () => {
    expect(() => kthOfSortedBlocks([Float32Array.from([1])], 1)).toThrow(RangeError);
    expect(() => kthOfSortedBlocks([], 0)).toThrow(RangeError);
  });
});

describe("convergence helpers", () => {
  it("checkpoints run 100, 200, 500, 1000, ... and end at n", () => {
    expect(convergenceCheckpoints(2500)).toEqual([100, 200, 500, 1000, 2000, 2500]);
    expect(convergenceCheckpoints(50)).toEqual([50]);
  });
  it("the trace's last mean is the sample mean; P(loss) counts negative ROI", () => {
    const t = convergenceTrace(Float32Array.from([1, -1, 3]));
    expect(t.trials).toEqual([3]);
    expect(t.roiMean[0]).toBe(1);
    expect(t.probLoss[0]).toBeCloseTo(1 / 3, 15);
  });
  it("probabilityEstimate gives p and √(p(1−p)/n); NaN for no trials", () => {
    expect(probabilityEstimate(25, 100)).toEqual({ value: 0.25, se: Math.sqrt((0.25 * 0.75) / 100) });
    expect(probabilityEstimate(0, 0).value).toBeNaN();
  });
});

describe("radixSortFloat32", () => {
  it("orders like Float32Array#sort: −Infinity, −0 before +0, +Infinity, NaN last (300 random arrays)", () => {
    const rng = new FastRng(3, "radix-test");
    for (let t = 0; t < 300; t += 1) {
      const a = new Float32Array(Math.floor(rng.next() * 300));
      for (let i = 0; i < a.length; i += 1) {
        const u = rng.next();
        a[i] =
          u < 0.05 ? Infinity : u < 0.08 ? NaN : u < 0.1 ? -Infinity : u < 0.12 ? -0 : u < 0.14 ? 0 : u < 0.3 ? Math.round(u * 10) - 2 : (u - 0.5) * 1e6 * u;
      }
      const ref = a.slice().sort();
      const got = radixSortFloat32(a.slice());
      for (let i = 0; i < a.length; i += 1) expect(Object.is(ref[i], got[i]) || (Number.isNaN(ref[i]!) && Number.isNaN(got[i]!))).toBe(true);
    }
    expect([...radixSortFloat32(new Float32Array(0))]).toEqual([]);
    expect([...radixSortFloat32(Float32Array.from([3, -1, 2]))]).toEqual([-1, 2, 3]);
  });
});
