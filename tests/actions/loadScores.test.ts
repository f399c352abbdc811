import { describe, expect, it } from "vitest";
import { parseAdvisors, parseScores } from "../../src/actions";
import { problemsOf } from "../helpers/inputProblems";

describe("parseScores: the weekly score file", () => {
  it("reads ids, probabilities and outlets, accepting common header names", () => {
    const f = parseScores("id,churn_probability,outlet\nc1,0.62,O1\nc2,0,O2\n", "s.csv");
    expect(f.customers).toEqual([
      { customerId: "c1", probability: 0.62, outletId: "O1" },
      { customerId: "c2", probability: 0, outletId: "O2" },
    ]);
    expect(f).toMatchObject({ week: null, weekFrom: null, hasOutlet: true });
    expect(parseScores("customer_id,probability\nc1,1\n", "s.csv").customers).toEqual([{ customerId: "c1", probability: 1 }]);
    // The output of `churnlab score` on the Telco data: customerID,probability,tier (tier ignored).
    expect(parseScores("customerID,probability,tier\n7590-VHVEG,0.734000,very-high\n", "s.csv").customers).toEqual([
      { customerId: "7590-VHVEG", probability: 0.734 },
    ]);
  });
  it("reads semicolon- and tab-separated exports with CRLF line ends like comma-separated ones", () => {
    const expected = [
      { customerId: "c1", probability: 0.62 },
      { customerId: "c2", probability: 0.1 },
    ];
    expect(parseScores("customer_id;probability\r\nc1;0.62\r\nc2;0.1\r\n", "s.csv").customers).toEqual(expected);
    expect(parseScores("customer_id\tprobability\nc1\t0.62\nc2\t0.1\n", "s.tsv").customers).toEqual(expected);
    expect(parseAdvisors("advisor_id;outlet_id;weekly_capacity\nadv1;O1;25\n", "a.csv")).toEqual([{ advisorId: "adv1", outletId: "O1", weeklyCapacity: 25 }]);
  });
  it("reads the output of `churnlab score` whatever its id column is called (row numbers, client_no)", () => {
    expect(parseScores("row,probability,tier\n1,0.734000,very-high\n2,0.1,low\n", "s.csv").customers).toEqual([
      { customerId: "1", probability: 0.734 },
      { customerId: "2", probability: 0.1 },
    ]);
    expect(parseScores("client_no,probability,tier\nK9,0.5,medium\n", "s.csv").customers).toEqual([{ customerId: "K9", probability: 0.5 }]);
    // any other file still needs a named id column
    expect(() => parseScores("client_no,probability\nK9,0.5\n", "s.csv")).toThrow(/missing the customer id column/);
  });
  it("takes the week from a week column, else from a date in the file name", () => {
    expect(parseScores("customer_id,probability,week\nc1,0.5,2025-01-13\n", "x.csv")).toMatchObject({ week: "2025-01-13", weekFrom: "column" });
    expect(parseScores("customer_id,probability\nc1,0.5\n", "out/scores-2025-01-06.csv")).toMatchObject({ week: "2025-01-06", weekFrom: "file name" });
    expect(parseScores("customer_id,probability\nc1,0.5\n", "scores-2025-02-30.csv").week).toBeNull();
  });
  it("lists every problem with its line and column", () => {
    const problems = problemsOf(() =>
      parseScores("customer_id,probability,week\n,0.5,2025-01-13\nc2,NaN,2025-01-13\nc2,-0.1,2025-01-20\nc3,,13/01/2025\n", "s.csv"),
    );
    expect(problems).toEqual([
      "line 2, column customer_id: empty customer id",
      'line 3, column probability: customer c2: probability must be a number from 0 to 1, got "NaN"',
      'line 4, column customer_id: duplicate customer id "c2" (first on line 3)',
      'line 4, column probability: customer c2: probability must be a number from 0 to 1, got "-0.1"',
      'line 5, column probability: customer c3: probability must be a number from 0 to 1, got ""',
      'line 5, column week: not a date YYYY-MM-DD: "13/01/2025"',
      "column week: one file must hold one week, found 2: 2025-01-13 (line 2), 2025-01-20 (line 4)",
    ]);
  });
  it("rejects a header without data, missing and repeated columns, and an empty text", () => {
    expect(problemsOf(() => parseScores("customer_id,probability\n", "s.csv"))).toEqual(["file: no data rows after the header"]);
    expect(problemsOf(() => parseScores("customer_id,customerId,p\nc1,c1,0.5\n", "s.csv"))).toEqual([
      "line 1 (header): customer id appears in more than one column (customer_id, customerId)",
      "line 1 (header): missing the churn probability column (one of probability, churn_probability, p_churn, score); found: customer_id, customerId, p",
    ]);
    expect(problemsOf(() => parseScores("", "s.csv"))[0]).toMatch(/file is empty/);
  });
});
