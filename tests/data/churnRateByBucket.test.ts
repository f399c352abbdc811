import { describe, expect, it } from "vitest";
import { churnRateByBucket, churnRateByCategory, wilsonInterval } from "../../src/data/churnRateByBucket";

describe("wilsonInterval", () => {
  it("matches the textbook values (Agresti & Coull 1998; R binom::binom.wilson)", () => {
    const { lower, upper } = wilsonInterval(5, 10);
    expect(lower).toBeCloseTo(0.2366, 4);
    expect(upper).toBeCloseTo(0.7634, 4);
    const zero = wilsonInterval(0, 20);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.1611, 4);
    expect(Number.isNaN(wilsonInterval(0, 0).lower)).toBe(true);
  });
});

describe("churnRateByBucket", () => {
  it("buckets left-closed by ascending edges, with a missing bucket for NaN", () => {
    const buckets = churnRateByBucket([10, 90, 100, 400, 500, NaN], [0, 1, 0, 1, 0, 1], [90, 365]);
    expect(buckets.map((b) => [b.label, b.customers, b.churners])).toEqual([
      ["< 90", 1, 0],
      ["90–365", 2, 1],
      ["≥ 365", 2, 1],
      ["missing", 1, 1],
    ]);
    expect(buckets[1]?.rate).toBe(0.5);
  });

  it("gives NaN for empty buckets and leaves out an empty missing bucket", () => {
    const buckets = churnRateByBucket([1], [1], [5, 10]);
    expect(buckets.length).toBe(3);
    expect(Number.isNaN(buckets[1]?.rate ?? 0)).toBe(true);
  });

  it("rejects bad edges and mismatched lengths", () => {
    expect(() => churnRateByBucket([1], [1], [])).toThrow(RangeError);
    expect(() => churnRateByBucket([1], [1], [5, 5])).toThrow(RangeError);
    expect(() => churnRateByBucket([1], [1], [NaN])).toThrow(RangeError);
    expect(() => churnRateByBucket([1, 2], [1], [1])).toThrow(RangeError);
  });

  it("by category keeps the given order", () => {
    expect(churnRateByCategory(["b", "a", "b"], [1, 0, 0], ["a", "b", "c"]).map((b) => [b.label, b.customers, b.churners])).toEqual([
      ["a", 1, 0],
      ["b", 2, 1],
      ["c", 0, 0],
    ]);
  });
});
