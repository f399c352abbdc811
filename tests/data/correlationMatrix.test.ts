import { describe, expect, it } from "vitest";
import { correlationMatrix } from "../../src/data/correlationMatrix";

describe("correlationMatrix", () => {
  it("computes Pearson correlations pairwise over finite values (numpy.corrcoef([1,2,3],[2,4,7]) = 0.99339927)", () => {
    const m = correlationMatrix({ x: [1, 2, 3, NaN], y: [2, 4, 7, 100], z: [3, 2, 1, 0] });
    expect(m.values[0]?.[1]).toBeCloseTo(0.99339927, 7);
    expect(m.values[0]?.[2]).toBeCloseTo(-1, 12);
    expect(m.counts[0]?.[1]).toBe(3);
    expect(m.values[1]?.[1]).toBeCloseTo(1, 12);
  });

  it("is NaN for a constant column", () => {
    expect(Number.isNaN(correlationMatrix({ x: [1, 1, 1], y: [1, 2, 3] }).values[0]?.[1] ?? 0)).toBe(true);
  });
});
