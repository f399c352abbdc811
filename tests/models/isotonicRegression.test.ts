import { describe, expect, it } from "vitest";
import { isotonicRegression } from "../../src/models/isotonicRegression";

// Expected values by hand from the pool-adjacent-violators algorithm (Barlow et al. 1972): a violating pair is
// replaced by its weighted mean; scikit-learn's isotonic_regression([0, 1, 0, 1]) gives [0, 0.5, 0.5, 1].
describe("isotonicRegression", () => {
  it("increasing: pools the violating pair 1, 0 into 0.5 (scikit-learn isotonic_regression)", () => {
    expect(isotonicRegression([0, 1, 0, 1], [1, 1, 1, 1])).toEqual([0, 0.5, 0.5, 1]);
    expect(isotonicRegression([3, 1, 2], [1, 1, 1])).toEqual([2, 2, 2]);
  });
  it("decreasing: pools adjacent rises, weighted by the arm sizes", () => {
    expect(isotonicRegression([0.5, 0.6, 0.3], [1, 1, 1], "decreasing")).toEqual([0.55, 0.55, 0.3]);
    // (0.1 + 0.2) / 2 = 0.15 (weight 2), then (0.15·2 + 0.3·2) / 4 = 0.225
    expect(isotonicRegression([0.1, 0.2, 0.3], [1, 1, 2], "decreasing")).toEqual([0.225, 0.225, 0.225]);
    // weights: (0.75·3 + 0.25·1) / 4 = 0.625
    expect(isotonicRegression([0.75, 0.25], [3, 1], "increasing")).toEqual([0.625, 0.625]);
  });
  it("leaves an ordered sequence as it is, and fits empty and single inputs", () => {
    expect(isotonicRegression([0.1, 0.2, 0.2, 0.9], [1, 1, 1, 1])).toEqual([0.1, 0.2, 0.2, 0.9]);
    expect(isotonicRegression([0.9, 0.5], [2, 7], "decreasing")).toEqual([0.9, 0.5]);
    expect(isotonicRegression([], [])).toEqual([]);
    expect(isotonicRegression([0.4], [5])).toEqual([0.4]);
  });
  it("counts a missing weight as 1", () => {
    expect(isotonicRegression([1, 0], [])).toEqual([0.5, 0.5]);
  });
});
