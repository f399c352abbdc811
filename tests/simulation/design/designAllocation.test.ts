import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateBudget, allocationValue, type TierCell } from "../../../src/simulation/design/designAllocation";
import { efficientFrontier } from "../../../src/simulation/design/designFrontier";

// Three tiers like the seed plan's channels on the cash value of a save (≈ 864 yuan): a visit, a call, an automated message.
const cells: TierCell[] = [
  { tierId: "visit", tierNumber: 1, flowPerWeek: 200, costYuan: 800, savesPerContact: 0.2, valuePerContactYuan: 900 },
  { tierId: "call", tierNumber: 2, flowPerWeek: 400, costYuan: 300, savesPerContact: 0.18, valuePerContactYuan: 480 },
  { tierId: "sms", tierNumber: 3, flowPerWeek: 1600, costYuan: 50, savesPerContact: 0.12, valuePerContactYuan: 100 },
];

describe("allocateBudget: a weekly contact budget split by a targeting rule", () => {
  it("risk fills the riskiest tier first; uplift the most saves per contact; value the highest net value; value per yuan the highest ratio (hand case)", () => {
    const budget = 100_000;
    // risk: visit 200 × 800 = 160,000 > budget: 125 visits.
    expect(allocateBudget(cells, "risk", budget)).toEqual({ visit: 125, call: 0, sms: 0 });
    expect(allocateBudget(cells, "uplift", budget)).toEqual({ visit: 125, call: 0, sms: 0 });
    // value: call (net 180) before visit (100) and sms (50): 333.3 calls.
    expect(allocateBudget(cells, "value", budget).call).toBeCloseTo(100_000 / 300, 9);
    // value per yuan: sms 2.0, call 1.6, visit 1.125: all 1,600 sms (80,000 yuan), then 66.7 calls.
    const perYuan = allocateBudget(cells, "value-per-yuan", budget);
    expect(perYuan.sms).toBe(1600);
    expect(perYuan.call).toBeCloseTo(20_000 / 300, 9);
    expect(perYuan.visit).toBe(0);
    expect(allocationValue(cells, perYuan)).toBeCloseTo(1600 * 50 + (20_000 / 300) * 180, 6);
  });
  it("value rules never contact a tier whose value does not cover its cost; risk does", () => {
    const losing = [{ ...cells[0]!, valuePerContactYuan: 500 }];
    expect(allocateBudget(losing, "value", 1e9)).toEqual({ visit: 0 });
    expect(allocateBudget(losing, "value-per-yuan", 1e9)).toEqual({ visit: 0 });
    expect(allocateBudget(losing, "risk", 1e9)).toEqual({ visit: 200 });
    expect(() => allocateBudget(cells, "risk", -1)).toThrow(RangeError);
  });
  it("value per yuan buys the most value a budget can (brute force over a grid of splits, random cases)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ flow: fc.integer({ min: 1, max: 20 }), cost: fc.integer({ min: 1, max: 50 }), value: fc.integer({ min: 0, max: 120 }) }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.integer({ min: 0, max: 1500 }),
        (raw, budget) => {
          const cs: TierCell[] = raw.map((r, i) => ({
            tierId: `t${i}`,
            tierNumber: i + 1,
            flowPerWeek: r.flow,
            costYuan: r.cost,
            savesPerContact: 0.1,
            valuePerContactYuan: r.value,
          }));
          const greedy = allocationValue(cs, allocateBudget(cs, "value-per-yuan", budget));
          // Brute force: every integer split within flows and budget (the greedy's fractional optimum is at least as good).
          let best = 0;
          const walk = (i: number, left: number, value: number): void => {
            if (i === cs.length) {
              best = Math.max(best, value);
              return;
            }
            const c = cs[i]!;
            for (let n = 0; n <= c.flowPerWeek && n * c.costYuan <= left; n += 1)
              walk(i + 1, left - n * c.costYuan, value + n * (c.valuePerContactYuan - c.costYuan));
          };
          walk(0, budget, 0);
          expect(greedy).toBeGreaterThanOrEqual(best - 1e-9);
          // ... and no fractional split beats it by more than one contact of the best ratio (the LP bound).
          const maxRatio = Math.max(0, ...cs.map((c) => c.valuePerContactYuan - c.costYuan));
          expect(greedy).toBeLessThanOrEqual(best + maxRatio + 1e-9);
        },
      ),
      { numRuns: 200, seed: 16 },
    );
  });
});

describe("efficientFrontier: cost against customers retained", () => {
  it("keeps the points nothing dominates, sorted by cost (hand case)", () => {
    const points = [
      { cost: 3, retained: 20 },
      { cost: 1, retained: 10 },
      { cost: 2, retained: 5 },
      { cost: 2, retained: 12 },
      { cost: 4, retained: 20 },
      { cost: Number.NaN, retained: 99 },
    ];
    expect(efficientFrontier(points)).toEqual([
      { cost: 1, retained: 10 },
      { cost: 2, retained: 12 },
      { cost: 3, retained: 20 },
    ]);
    expect(efficientFrontier([])).toEqual([]);
  });
  it("agrees with the O(n²) definition on random point sets (brute force)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ cost: fc.integer({ min: 0, max: 30 }), retained: fc.integer({ min: 0, max: 30 }) }), { maxLength: 40 }), (points) => {
        const dominated = (p: { cost: number; retained: number }): boolean =>
          points.some((q) => q.cost <= p.cost && q.retained >= p.retained && (q.cost < p.cost || q.retained > p.retained));
        const expected = new Set(points.filter((p) => !dominated(p)).map((p) => `${p.cost}/${p.retained}`));
        const got = efficientFrontier(points);
        expect(new Set(got.map((p) => `${p.cost}/${p.retained}`))).toEqual(expected);
        expect(got.length).toBe(expected.size);
        got.forEach((p, i) => {
          if (i > 0) expect(p.cost > got[i - 1]!.cost && p.retained > got[i - 1]!.retained).toBe(true);
        });
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
