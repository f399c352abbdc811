import { describe, expect, it } from "vitest";
import { daysBetweenVisits } from "../../src/data/visitGaps";
import { smallDataset } from "./smallDataset";

describe("daysBetweenVisits", () => {
  it("gives gaps between consecutive visits of each customer", () => {
    expect(Array.from(daysBetweenVisits(smallDataset.visits)).sort((a, b) => a - b)).toEqual([31, 173]);
  });
});
