import { describe, expect, it } from "vitest";
import { weekWindowProblems, weekWindowWeeks } from "../../src/actions/weekWindow";

describe("weekWindowProblems: a week far ahead needs --force", () => {
  it("accepts weeks up to 8 weeks after the ledger's last week and today", () => {
    expect(weekWindowWeeks).toBe(8);
    expect(weekWindowProblems("2025-03-10", "2025-01-13", "2025-01-14")).toEqual([]); // exactly 8 weeks after
    expect(weekWindowProblems("2025-01-20", null, "2025-01-14")).toEqual([]);
    expect(weekWindowProblems("2024-06-03", "2024-05-27", null)).toEqual([]); // the past is not this rule's business
  });
  it("refuses the red team's typos: 2099-01-05, and 2052 for 2025, saying how far, why and how to proceed", () => {
    expect(weekWindowProblems("2025-03-17", "2025-01-13", null)).toEqual([
      {
        where: "--week",
        message:
          "2025-03-17 is 9 weeks after the ledger's last week 2025-01-13 (more than 8): probably a typo; once in the ledger it would block every earlier week. " +
          "Check the date, or pass --force if it is right",
      },
    ]);
    expect(weekWindowProblems("2052-01-15", "2025-01-13", null)[0]?.message).toMatch(/^2052-01-15 is 1,409 weeks after the ledger's last week 2025-01-13/);
    expect(weekWindowProblems("2099-01-05", null, "2025-01-14")[0]?.message).toMatch(/^2099-01-05 is 3,860 weeks after today, 2025-01-14 \(more than 8\)/);
    expect(weekWindowProblems("2099-01-05", "2025-01-13", "2025-01-14")).toHaveLength(2);
  });
  it("leaves a malformed week to the date check", () => {
    expect(weekWindowProblems("2025-13-01", "2025-01-13", "2025-01-14")).toEqual([]);
  });
});
