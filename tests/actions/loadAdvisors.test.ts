import { describe, expect, it } from "vitest";
import { parseAdvisors } from "../../src/actions";
import { problemsOf } from "../helpers/inputProblems";

describe("parseAdvisors", () => {
  it("reads the roster and lists every problem", () => {
    expect(parseAdvisors("advisor_id,outlet_id,weekly_capacity\nadv1,O1,25\n", "a.csv")).toEqual([{ advisorId: "adv1", outletId: "O1", weeklyCapacity: 25 }]);
    expect(problemsOf(() => parseAdvisors("advisor_id,outlet_id\nadv1,O1\n", "a.csv"))[0]).toMatch(/missing column "weekly_capacity"/);
    expect(problemsOf(() => parseAdvisors("advisor_id,outlet_id,weekly_capacity\n,O1,2.5\n", "a.csv"))).toEqual([
      "line 2, column advisor_id: empty advisor id",
      'line 2, column weekly_capacity: must be a whole number >= 0, got "2.5"',
    ]);
    expect(problemsOf(() => parseAdvisors("advisor_id,outlet_id,weekly_capacity\n", "a.csv"))).toEqual(["file: no advisors after the header"]);
  });
});
