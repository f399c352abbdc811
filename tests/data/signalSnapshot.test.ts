import { describe, expect, it } from "vitest";
import { isoToDay } from "../../src/data/dates";
import { signalSnapshot } from "../../src/data/signalSnapshot";
import { truthSchema } from "../../src/data/schemas";
import { smallDataset } from "./smallDataset";

const d = isoToDay;
const dataset = smallDataset;

describe("signalSnapshot", () => {
  it("computes each signal from events before the snapshot day only", () => {
    const truth = {
      schema: truthSchema,
      length: 2,
      columns: {
        customer_id: ["C1", "C2"],
        churn_date: new Float64Array([d("2024-10-01"), NaN]),
        frailty: new Float64Array(2),
        peak_risk_30d: new Float64Array(2),
      },
    };
    const day = d("2024-09-02");
    const snap = signalSnapshot(dataset, truth, day, { horizonDays: 30, firstDay: d("2024-01-01") });
    expect(Array.from(snap.customerIndex)).toEqual([0, 1]);
    expect(Array.from(snap.recencyDays)).toEqual([day - d("2024-08-01"), day - d("2024-02-01")]);
    expect(snap.lastScore[0]).toBe(5);
    expect(Number.isNaN(snap.lastScore[1] ?? 0)).toBe(true);
    expect(Array.from(snap.complaint90d)).toEqual([1, 0]);
    // C1: a 60-hour repair wait (long, > 48 h) and a repeat repair (31 days after the previous one).
    expect(Array.from(snap.badExperiences90d)).toEqual([2, 0]);
    expect(Number.isNaN(snap.appActiveDays28d[0] ?? 0)).toBe(true);
    expect(snap.appActiveDays28d[1]).toBe(2);
    expect(Number.isNaN(snap.spendTrend[0] ?? 0)).toBe(true); // less than 48 weeks of history
    expect(Array.from(snap.churned)).toEqual([1, 0]);
    expect(snap.maintenanceOverdueDays[0]).toBe(day - d("2024-01-10") - 180);
    expect(snap.segment).toEqual(["economy", "premium"]);
  });
});
