import { describe, expect, it } from "vitest";
import { pchipInterpolant } from "../../src/actions";
import { loadPlan } from "../../src/plan";

const plan = loadPlan("data/plans/seed-plan.json");
const ab = plan.timing.abTest; // 7 d 62%, 14 d 55%, 21 d 38%, 30 d 22% (plan section 5.2)
const pchip = pchipInterpolant([7, 14, 21, 30], [0.62, 0.55, 0.38, 0.22]);

describe("pchipInterpolant (Fritsch–Carlson, as scipy's PchipInterpolator)", () => {
  it("passes through the A/B points and matches scipy 1.10 between them (to 1e-12)", () => {
    for (const p of ab) expect(pchip(p.delayDays)).toBe(p.saveRate);
    // /usr/bin/python3: PchipInterpolator([7,14,21,30],[0.62,0.55,0.38,0.22])(x)
    expect(pchip(10)).toBeCloseTo(0.6000583090379009, 12);
    expect(pchip(17.5)).toBeCloseTo(0.47068297660494807, 12);
    expect(pchip(25)).toBeCloseTo(0.3017132213294874, 12);
  });
  it("is monotone (no overshoot) and flat outside the tested delays", () => {
    let last = Infinity;
    for (let d = 0; d <= 40; d += 0.25) {
      const v = pchip(d);
      expect(v).toBeLessThanOrEqual(last + 1e-15);
      last = v;
    }
    expect(pchip(0)).toBe(0.62);
    expect(pchip(60)).toBe(0.22);
    expect(Number.isNaN(pchip(Number.NaN))).toBe(true);
  });
  it("keeps flat stretches flat and handles 1 or 2 points", () => {
    const step = pchipInterpolant([0, 1, 2, 3], [1, 1, 0, 0]);
    expect(step(0.5)).toBe(1);
    expect(step(2.5)).toBe(0);
    expect(pchipInterpolant([5], [0.3])(100)).toBe(0.3);
    expect(pchipInterpolant([0, 10], [1, 0])(2.5)).toBeCloseTo(0.75, 15);
  });
  it("rejects empty, unequal, non-finite and non-increasing input", () => {
    expect(() => pchipInterpolant([], [])).toThrow(RangeError);
    expect(() => pchipInterpolant([1, 2], [1])).toThrow(RangeError);
    expect(() => pchipInterpolant([1, Number.NaN], [1, 2])).toThrow(RangeError);
    expect(() => pchipInterpolant([2, 1], [1, 2])).toThrow(/strictly increasing/);
  });
});
