import { describe, expect, it } from "vitest";
import { nelderMead } from "../../src/actions";

describe("nelderMead", () => {
  it("finds the minimum of a quadratic and of Rosenbrock's function", () => {
    const q = nelderMead(([a, b]) => ((a as number) - 1) ** 2 + ((b as number) + 2) ** 2, [0, 0]);
    expect(q.x[0]).toBeCloseTo(1, 6);
    expect(q.x[1]).toBeCloseTo(-2, 6);
    const r = nelderMead(([x, y]) => 100 * ((y as number) - (x as number) ** 2) ** 2 + (1 - (x as number)) ** 2, [-1.2, 1], { maxEvaluations: 10000 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
  });
  it("rejects an empty or non-finite start", () => {
    expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
    expect(() => nelderMead(() => 0, [Number.NaN])).toThrow(RangeError);
  });
});
