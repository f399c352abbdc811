import { describe, expect, it } from "vitest";
import { delayCost, pchipInterpolant, saveRateAfterDelay } from "../../src/actions";
import { loadPlan } from "../../src/plan";

const plan = loadPlan("data/plans/seed-plan.json");
const pchip = pchipInterpolant([7, 14, 21, 30], [0.62, 0.55, 0.38, 0.22]);

describe("saveRateAfterDelay: tier rate × decay(d) / decay(reference)", () => {
  it("keeps the tier's stated rate at the reference delay (7 days) and scales it after", () => {
    expect(saveRateAfterDelay({ saveRate: 0.6 }, 7, pchip)).toBe(0.6);
    expect(saveRateAfterDelay({ saveRate: 0.6 }, 14, pchip)).toBeCloseTo((0.6 * 0.55) / 0.62, 15);
    expect(saveRateAfterDelay({ saveRate: 0.45 }, 30, pchip)).toBeCloseTo((0.45 * 0.22) / 0.62, 15);
  });
  it("caps at 1 and honours another reference delay", () => {
    expect(saveRateAfterDelay({ saveRate: 0.95 }, 0, () => 1, 7)).toBe(0.95);
    expect(saveRateAfterDelay({ saveRate: 0.95 }, 0, (d) => 1 - d / 100, 30)).toBe(1);
    expect(saveRateAfterDelay({ saveRate: 0.6 }, 14, pchip, 14)).toBe(0.6);
  });
  it("rejects negative or NaN delays and a curve that is 0 at the reference", () => {
    expect(() => saveRateAfterDelay({ saveRate: 0.6 }, -1, pchip)).toThrow(RangeError);
    expect(() => saveRateAfterDelay({ saveRate: 0.6 }, Number.NaN, pchip)).toThrow(RangeError);
    expect(() => saveRateAfterDelay({ saveRate: 0.6 }, 1, () => 0)).toThrow(/reference/);
  });
});

describe("delayCost: what one more day of delay costs each tier", () => {
  it("prices tier 2 at 14 days: 16,000 × 0.6 × 0.6 × (0.55 − pchip(15))/0.62 × 4,000 yuan (hand-computed)", () => {
    const row = delayCost(plan, pchip, { delays: [14] }).find((r) => r.tierId === "high");
    const expected = 16000 * 0.6 * ((0.6 * (0.55 - pchip(15))) / 0.62);
    expect(row?.customers).toBe(16000);
    expect(row?.savedLostPerDay).toBeCloseTo(expected, 9);
    expect(row?.savedLostPerDay).toBeCloseTo(160.677, 2);
    expect(row?.yuanLostPerDay).toBeCloseTo(expected * 4000, 5);
  });
  it("is zero where the curve is flat (before 7 days) and accepts scored cohorts", () => {
    const rows = delayCost(plan, pchip, { delays: [3], customers: { "very-high": 100 }, meanProbability: { "very-high": 0.9 } });
    expect(rows.every((r) => r.savedLostPerDay === 0)).toBe(true);
    expect(rows[0]).toMatchObject({ customers: 100, meanProbability: 0.9 });
    expect(() => delayCost(plan, pchip, { delays: [-1] })).toThrow(RangeError);
  });
});
