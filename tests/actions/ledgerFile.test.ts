import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedger, queueToCsv, type QueueEntry } from "../../src/actions";
import { problemsOf } from "../helpers/inputProblems";

describe("loadLedger and queueToCsv", () => {
  it("treats a missing ledger as empty and rejects a corrupt one with JSON paths", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-ledger-"));
    try {
      expect(loadLedger(path.join(dir, "none.json"))).toEqual({ version: 1, weeks: [] });
      const bad = path.join(dir, "bad.json");
      fs.writeFileSync(
        bad,
        JSON.stringify({
          version: 1,
          weeks: [
            { week: "2025-01-13", entries: [], expired: [] },
            { week: "2025-01-06", entries: [{}], expired: [] },
          ],
        }),
      );
      const problems = problemsOf(() => loadLedger(bad));
      expect(problems.some((p) => p.startsWith("$.weeks[1].entries[0].week"))).toBe(true);
      fs.writeFileSync(bad, "{");
      expect(problemsOf(() => loadLedger(bad))[0]).toMatch(/not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  it("writes one quoted CSV row per entry, probabilities to 4 decimals", () => {
    const entry: QueueEntry = {
      week: "2025-01-13",
      customerId: "c1",
      outletId: "O1",
      probability: 0.723456,
      previousProbability: null,
      tierNumber: 1,
      tierId: "very-high",
      action: 'home visit, gift "VIP"',
      budgetYuan: 800,
      reason: "first-seen",
      firstDetected: "2025-01-13",
      goldenWindowStart: "2025-01-20",
      goldenWindowEnd: "2025-01-27",
      advisorId: "",
      status: "overflow",
      overflowReason: "no advisor at outlet O1",
    };
    expect(queueToCsv([entry]).split("\n")[1]).toBe(
      '2025-01-13,c1,O1,0.7235,,1,very-high,"home visit, gift ""VIP""",800,first-seen,2025-01-13,2025-01-20,2025-01-27,,overflow,no advisor at outlet O1',
    );
  });
});
