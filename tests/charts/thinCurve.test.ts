import { describe, expect, it } from "vitest";
import { thinCurve } from "../../src/charts/thinCurve";

describe("thinCurve(xs, ys, max)", () => {
  it("keeps every point of a short curve", () => {
    expect(thinCurve([0, 1, 2], [5, 6, 7])).toEqual({ x: [0, 1, 2], y: [5, 6, 7] });
  });

  it("keeps evenly spaced points and always the last one", () => {
    expect(thinCurve([0, 1, 2, 3, 4], [0, 1, 4, 9, 16], 3)).toEqual({ x: [0, 2, 4], y: [0, 4, 16] });
    const long = Array.from({ length: 10_001 }, (_, i) => i);
    const thin = thinCurve(long, long, 400);
    expect(thin.x.length).toBeLessThanOrEqual(402);
    expect(thin.x.at(-1)).toBe(10_000);
    expect(thin.x[0]).toBe(0);
  });

  it("returns nothing for an empty curve and the point for a single one", () => {
    expect(thinCurve([], [])).toEqual({ x: [], y: [] });
    expect(thinCurve([3], [9], 1)).toEqual({ x: [3], y: [9] });
  });
});
