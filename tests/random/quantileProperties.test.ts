import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  betaCdf,
  betaQuantile,
  gammaCdf,
  gammaQuantile,
  normalCdf,
  normalQuantile,
  pertCdf,
  pertQuantile,
  triangularCdf,
  triangularQuantile,
} from "../../src/random";

// Properties over random parameters, fixed fast-check seed so runs are reproducible.
const settings = { seed: 20261124, numRuns: 300 };
const probability = fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true });
const shape = fc.double({ min: 0.05, max: 500, noNaN: true });

describe("quantiles invert their CDFs for any parameters in range", () => {
  test("normal", () => {
    fc.assert(
      fc.property(probability, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (p, mean, sd) => {
        expect(normalCdf(normalQuantile(p, mean, sd), mean, sd)).toBeCloseTo(p, 7);
      }),
      settings,
    );
  });

  test("gamma", () => {
    fc.assert(
      fc.property(probability, shape, fc.double({ min: 1e-3, max: 1e5, noNaN: true }), (p, k, theta) => {
        const x = gammaQuantile(p, k, theta);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(Math.abs(gammaCdf(x, k, theta) - p)).toBeLessThan(1e-9);
      }),
      settings,
    );
  });

  test("beta", () => {
    fc.assert(
      fc.property(probability, shape, shape, (p, a, b) => {
        const x = betaQuantile(p, a, b);
        expect(x >= 0 && x <= 1).toBe(true);
        // x brackets the answer: the CDF a hair below x is <= p and a hair above is >= p
        // (a hair = 1e-10 relative to the nearer end, at least 4 ulps of 1; near 1 the CDF is too steep to match p itself).
        const hair = Math.max(1e-10 * Math.min(x, 1 - x), 4.5e-16);
        if (x > hair) expect(betaCdf(x - hair, a, b)).toBeLessThanOrEqual(p + 1e-12);
        if (x < 1 - hair) expect(betaCdf(x + hair, a, b)).toBeGreaterThanOrEqual(p - 1e-12);
      }),
      settings,
    );
  });

  test("triangular and PERT, with quantiles increasing in p", () => {
    const bounds = fc
      // Widths of at least 1 around locations up to ±1e4 (a width far below the location's
      // rounding error would test cancellation in the caller's numbers, not the quantile).
      .tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true }))
      .map(([min, modeShare, width]) => ({ min, mode: min + modeShare * width, max: min + width }));
    fc.assert(
      fc.property(probability, probability, bounds, (p1, p2, { min, mode, max }) => {
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(triangularCdf(triangularQuantile(lo, min, mode, max), min, mode, max)).toBeCloseTo(lo, 7);
        expect(pertCdf(pertQuantile(lo, min, mode, max), min, mode, max)).toBeCloseTo(lo, 7);
        // Increasing up to rounding (p values a few ulps apart may give quantiles an ulp out of order).
        const ulps = 1e-12 * (Math.abs(min) + Math.abs(max));
        expect(triangularQuantile(hi, min, mode, max)).toBeGreaterThanOrEqual(triangularQuantile(lo, min, mode, max) - ulps);
        expect(pertQuantile(hi, min, mode, max)).toBeGreaterThanOrEqual(pertQuantile(lo, min, mode, max) - ulps);
      }),
      settings,
    );
  });
});
