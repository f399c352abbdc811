// danfojs adapters: a table goes to a DataFrame and back unchanged; bad frames are rejected.
import { DataFrame } from "danfojs-node";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { fromDataFrame, toDataFrame } from "../../src/data/dataFrame";
import { isoToDay } from "../../src/data/dates";
import { truthSchema, visitsSchema, type TruthTable, type VisitsTable } from "../../src/data/schemas";

const visits: VisitsTable = {
  schema: visitsSchema,
  length: 3,
  columns: {
    customer_id: ["C1", "C1", "C2"],
    date: new Int32Array([isoToDay("2024-01-03"), isoToDay("2024-07-01"), isoToDay("2024-02-10")]),
    type: ["maintenance", "repair", "maintenance"],
    spend_yuan: new Float64Array([480.5, 2300, 0.1]),
    wait_hours: new Float64Array([2.5, 30, 1.25]),
    outlet_id: ["O1", "O1", "O2"],
  },
};

describe("toDataFrame / fromDataFrame", () => {
  it("shows dates as ISO text and keeps numbers exact", () => {
    const df = toDataFrame(visits);
    expect(df.columns).toEqual(["customer_id", "date", "type", "spend_yuan", "wait_hours", "outlet_id"]);
    expect(df["date"].values).toEqual(["2024-01-03", "2024-07-01", "2024-02-10"]);
    expect(df["spend_yuan"].values).toEqual([480.5, 2300, 0.1]);
  });

  it("supports danfojs groupby and valueCounts", () => {
    const df = toDataFrame(visits);
    const counts = df["type"].valueCounts();
    expect(counts.values).toEqual([2, 1]);
    const grouped = df.groupby(["customer_id"]).agg({ spend_yuan: "sum" });
    expect(grouped["spend_yuan_sum"].values).toEqual([2780.5, 0.1]);
  });

  it("round-trips a table (ISO or day-number dates)", () => {
    for (const dates of ["iso", "day"] as const) {
      const back = fromDataFrame(toDataFrame(visits, { dates }), visitsSchema);
      expect(back.length).toBe(3);
      expect(back.columns).toEqual(visits.columns);
    }
  });

  it("round-trips empty optional dates as NaN", () => {
    const truth: TruthTable = {
      schema: truthSchema,
      length: 2,
      columns: {
        customer_id: ["C1", "C2"],
        churn_date: new Float64Array([NaN, isoToDay("2024-05-06")]),
        frailty: new Float64Array([0.1, -0.2]),
        peak_risk_30d: new Float64Array([0.01, 0.8]),
      },
    };
    const df = toDataFrame(truth);
    expect(df["churn_date"].values).toEqual([null, "2024-05-06"]);
    expect(fromDataFrame(df, truthSchema).columns.churn_date).toEqual(truth.columns.churn_date);
  });

  it("rejects a frame with missing columns or bad cells, listing them all", () => {
    const df = new DataFrame({ customer_id: ["C1"], date: ["2024-13-01"], type: ["repair"], spend_yuan: [-5], wait_hours: [1], outlet_id: ["O1"] });
    let caught: unknown;
    try {
      fromDataFrame(df, visitsSchema, "my frame");
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).problems).toEqual([
      { where: "row 0, column date", message: 'value "2024-13-01": must be a real calendar date' },
      { where: "row 0, column spend_yuan", message: "value -5: must be >= 0" },
    ]);
    expect(() => fromDataFrame(new DataFrame({ customer_id: ["C1"] }), visitsSchema)).toThrow(/column date: missing/);
  });
});
