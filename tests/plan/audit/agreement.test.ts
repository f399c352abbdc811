import { describe, expect, it } from "vitest";
import { agreement, statedUnit } from "../../../src/plan/audit/agreement";

describe("statedUnit(value)", () => {
  it("is the unit of the last written digit: 3.59 → 0.01, 2.6 → 0.1, 1,730,000 → 10,000, 2,160 → 10, 7 → 1", () => {
    expect(statedUnit(3.59)).toBeCloseTo(0.01, 15);
    expect(statedUnit(2.6)).toBeCloseTo(0.1, 15);
    expect(statedUnit(1_730_000)).toBe(10_000);
    expect(statedUnit(2_160)).toBe(10);
    expect(statedUnit(7)).toBe(1);
  });

  it("is 0 for 0, non-finite and exponent-written values", () => {
    expect(statedUnit(0)).toBe(0);
    expect(statedUnit(Number.NaN)).toBe(0);
    expect(statedUnit(Number.POSITIVE_INFINITY)).toBe(0);
    expect(statedUnit(1e21)).toBe(0);
  });
});

describe("agreement(stated, computed, allowRounding)", () => {
  it("173万 vs 1,728,000: rounded when rounding is allowed, different otherwise", () => {
    expect(agreement(1_730_000, 1_728_000, true)).toBe("rounded");
    expect(agreement(1_730_000, 1_728_000, false)).toBe("different");
  });

  it("3.59 vs 3.5876 is rounded; 3.59 vs 2.1593 is different; equal within 1e-9 relative", () => {
    expect(agreement(3.59, 38_890_000 / 10_840_000, true)).toBe("rounded");
    expect(agreement(3.59, 2.1593, true)).toBe("different");
    expect(agreement(0.1 + 0.2, 0.3, false)).toBe("equal");
  });
});
