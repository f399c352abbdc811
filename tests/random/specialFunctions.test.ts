import { describe, expect, test } from "vitest";
import { logGamma, regularizedIncompleteBeta, regularizedLowerGamma } from "../../src/random";

describe("logGamma", () => {
  // Reference values: scipy 1.10.1 special.gammaln.
  test.each([
    [1e-5, 11.512919692895826],
    [0.1, 2.252712651734206],
    [1, 0],
    [2.5, 0.2846828704729192],
    [10, 12.801827480081469],
    [171.5, 709.1431630309283],
    [1e6, 12815504.569147611],
  ])("ln Γ(%s) = %s to 1e-13 relative", (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  test("ln Γ(5) = ln 24", () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 14);
  });

  test("rejects x <= 0 and NaN", () => {
    expect(() => logGamma(0)).toThrow(RangeError);
    expect(() => logGamma(-1.5)).toThrow(RangeError);
    expect(() => logGamma(Number.NaN)).toThrow(RangeError);
  });
});

describe("regularizedLowerGamma", () => {
  test("P(1, x) = 1 - e^-x and P(a, 0) = 0, P(a, ∞) = 1", () => {
    for (const x of [0.001, 0.5, 1, 3, 20]) expect(regularizedLowerGamma(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
    expect(regularizedLowerGamma(3, 0)).toBe(0);
    expect(regularizedLowerGamma(3, Infinity)).toBe(1);
  });

  test("rejects a <= 0, x < 0 and NaN", () => {
    expect(() => regularizedLowerGamma(0, 1)).toThrow(RangeError);
    expect(() => regularizedLowerGamma(1, -1)).toThrow(RangeError);
    expect(() => regularizedLowerGamma(1, Number.NaN)).toThrow(RangeError);
  });
});

describe("regularizedIncompleteBeta", () => {
  test("I_x(1, b) = 1 - (1 - x)^b and the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)", () => {
    expect(regularizedIncompleteBeta(0.2, 1, 3)).toBeCloseTo(0.488, 14);
    for (const x of [0.1, 0.35, 0.8]) {
      expect(regularizedIncompleteBeta(x, 2.5, 7)).toBeCloseTo(1 - regularizedIncompleteBeta(1 - x, 7, 2.5), 14);
    }
  });

  test("rejects x outside [0, 1], shapes <= 0 and NaN", () => {
    expect(() => regularizedIncompleteBeta(1.1, 1, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(0.5, 0, 1)).toThrow(RangeError);
    expect(() => regularizedIncompleteBeta(Number.NaN, 1, 1)).toThrow(RangeError);
  });
});
