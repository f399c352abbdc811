import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { weeklyCommand } from "../../../src/cli/commands/weekly";
import { runWeekly } from "../../../src/actions";
import { loadPlan } from "../../../src/plan";
import { commandSession } from "../../helpers/captureOutput";

// Fault injection for the atomicity test: node:fs.writeFileSync fails for matching paths.
const failWrites = vi.hoisted(() => ({ pattern: null as RegExp | null }));
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  const writeFileSync: typeof actual.writeFileSync = (file, data, options) => {
    if (failWrites.pattern?.test(String(file))) throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    return actual.writeFileSync(file, data, options);
  };
  const openSync: typeof actual.openSync = (file, flags, mode) => {
    if (failWrites.pattern?.test(String(file)) && String(flags).startsWith("w"))
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    return actual.openSync(file, flags, mode);
  };
  return { ...actual, writeFileSync, openSync, default: { ...actual, writeFileSync, openSync } };
});

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-weekly-"));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = commandSession(weeklyCommand);

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const out = (): string => path.join(dir, "crm");
const listOut = (): string[] => (fs.existsSync(out()) ? fs.readdirSync(out()).sort() : []);

// Week 1 (Jan 6) and week 2 (Jan 13) of six customers at two outlets.
const scores1 = "customer_id,probability,outlet_id\nc1,0.40,O1\nc2,0.55,O1\nc3,0.20,O2\nc4,0.50,O2\nc5,0.45,O1\nc6,0.10,O1\n";
const scores2 = "customer_id,probability,outlet_id\nc1,0.72,O1\nc2,0.60,O1\nc3,0.35,O2\nc4,0.51,O2\nc5,0.58,O1\nc6,0.12,O1\nc7,0.66,O2\n";
const advisors = "advisor_id,outlet_id,weekly_capacity\nadv1,O1,1\nadv2,O2,5\n";

describe("churnlab weekly: the Monday hand-off", () => {
  it("queues the newly high risk, assigns advisors within capacity and writes CSV + JSON + ledger", async () => {
    const s1 = write("scores-2025-01-06.csv", scores1);
    const s2 = write("scores-2025-01-13.csv", scores2);
    const a = write("advisors.csv", advisors);
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out(), "--advisors", a)).toBe(0);
    expect(cli.stderr).toBe("");
    expect(listOut()).toEqual(["queue-2025-01-13.csv", "queue-2025-01-13.json", "queue-ledger.json"]);
    const text = fs.readFileSync(path.join(out(), "queue-2025-01-13.csv"), "utf8");
    const csv = text.trim().split("\n");
    expect(csv[0]).toBe(
      "week,customer_id,outlet_id,probability,previous_probability,tier,tier_id,action,budget_yuan,reason,first_detected,golden_window_start,golden_window_end,advisor_id,status,overflow_reason",
    );
    // c1 crossed into tier 1; c5, c4 crossed into tier 2; c7 first seen; c2 was already above 0.5.
    const rows = (parse(text) as string[][]).slice(1);
    expect(rows.map((r) => [r[1], r[5], r[9], r[13], r[14]])).toEqual([
      ["c1", "1", "crossed", "adv1", "assigned"],
      ["c7", "2", "first-seen", "adv2", "assigned"],
      ["c5", "2", "crossed", "", "overflow"],
      ["c4", "2", "crossed", "adv2", "assigned"],
    ]);
    expect(csv[1]).toContain("2025-01-13,2025-01-20,2025-01-27");
    expect(cli.stdout).toContain("Week 2025-01-13: 7 scored, 5 above 0.5");
    expect(cli.stdout).toContain("assigned 3, unassigned 0, overflow 1");
  });

  it("--json prints only JSON on stdout and the summary on stderr", async () => {
    const s1 = write("s1.csv", scores1);
    const s2 = write("s2.csv", scores2);
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out(), "--json")).toBe(0);
    const doc = JSON.parse(cli.stdout);
    expect(doc.summary).toMatchObject({ week: "2025-01-13", crossed: 3, firstSeen: 1, queued: 4, unassigned: 4, byTier: [1, 3, 0, 0], budgetYuan: 1700 });
    expect(doc.queue).toHaveLength(4);
    expect(cli.stderr).toContain("Week 2025-01-13");
  });

  it("re-running a week rewrites identical files and never duplicates; last week's files stay untouched", async () => {
    const s0 = write("s0.csv", "customer_id,probability,outlet_id\nc1,0.2,O1\nc2,0.2,O1\n");
    const s1 = write("s1.csv", scores1);
    const s2 = write("s2.csv", scores2);
    expect(await cli.run("--scores", s1, "--previous", s0, "--week", "2025-01-06", "--out", out())).toBe(0);
    const lastWeek = fs.readFileSync(path.join(out(), "queue-2025-01-06.csv"), "utf8");
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out())).toBe(0);
    const first = Object.fromEntries(listOut().map((f) => [f, fs.readFileSync(path.join(out(), f), "utf8")]));
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out())).toBe(0);
    expect(cli.stdout).toContain("re-run");
    const second = Object.fromEntries(listOut().map((f) => [f, fs.readFileSync(path.join(out(), f), "utf8")]));
    expect(second).toEqual(first);
    expect(second["queue-2025-01-06.csv"]).toBe(lastWeek);
    // c2 (week 1, first above 0.5) is in cool-down, not re-queued in week 2.
    const ledger = JSON.parse(second["queue-ledger.json"] as string);
    expect(ledger.weeks.map((w: { week: string }) => w.week)).toEqual(["2025-01-06", "2025-01-13"]);
    expect(ledger.weeks[1].entries.map((e: { customerId: string }) => e.customerId)).not.toContain("c2");
  });

  it("a failure while writing leaves no partial file and last week's files intact", async () => {
    const s0 = write("s0.csv", "customer_id,probability\nc1,0.2\nc2,0.2\n");
    const s1 = write("s1.csv", scores1);
    const s2 = write("s2.csv", scores2);
    expect(await cli.run("--scores", s1, "--previous", s0, "--week", "2025-01-06", "--out", out())).toBe(0);
    const before = Object.fromEntries(listOut().map((f) => [f, fs.readFileSync(path.join(out(), f), "utf8")]));
    // The queue CSV and JSON are staged first; staging the ledger then fails (disk full).
    failWrites.pattern = /queue-ledger/;
    try {
      expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out())).toBe(2);
    } finally {
      failWrites.pattern = null;
    }
    expect(cli.stderr).toContain(`cannot be written: no space left on the device holding ${path.join(out(), "queue-ledger.json")}`);
    expect(cli.stderr).not.toMatch(/ENOSPC|\.tmp/);
    const after = Object.fromEntries(listOut().map((f) => [f, fs.readFileSync(path.join(out(), f), "utf8")]));
    expect(after).toEqual(before);
  });

  it("runWeekly writes through one atomic unit: an injected writer failure leaves the folder as it was", () => {
    const s1 = write("s1.csv", scores1);
    const s2 = write("s2.csv", scores2);
    const plan = loadPlan("data/plans/seed-plan.json");
    expect(() =>
      runWeekly({
        scoresFile: s2,
        previousFile: s1,
        week: "2025-01-13",
        outDir: out(),
        plan,
        writeFiles: () => {
          throw new Error("disk full");
        },
      }),
    ).toThrow("disk full");
    expect(listOut()).toEqual([]);
  });
});

describe("churnlab weekly: bad input exits 2 and writes nothing", () => {
  const cases: Array<[string, string, string, string[], RegExp]> = [
    ["a missing probability column", "customer_id,outlet_id\nc1,O1\n", scores1, [], /missing the churn probability column/],
    [
      "duplicate customer ids",
      "customer_id,probability\nc1,0.2\nc1,0.3\n",
      scores1,
      [],
      /line 3, column customer_id: duplicate customer id "c1" \(first on line 2\)/,
    ],
    [
      "a probability above 1",
      "customer_id,probability\nc1,1.2\nc2,abc\n",
      scores1,
      [],
      /customer c1: probability must be a number from 0 to 1, got "1.2"[\s\S]*customer c2/,
    ],
    ["a week that is not a Monday", scores2, scores1, ["--week", "2025-01-14"], /--week: 2025-01-14 is not a Monday/],
    ["files with no customer in common", "customer_id,probability\nz1,0.9\n", scores1, [], /no customer id in common/],
  ];
  for (const [what, current, previous, extra, message] of cases) {
    it(`rejects ${what}`, async () => {
      const s1 = write("prev.csv", previous);
      const s2 = write("cur.csv", current);
      const args = ["--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out()];
      const i = extra.indexOf("--week");
      if (i >= 0) args[5] = extra[i + 1] as string;
      expect(await cli.run(...args)).toBe(2);
      expect(cli.stderr).toMatch(message);
      expect(cli.stdout).toBe("");
      expect(listOut()).toEqual([]);
    });
  }

  it("rejects --out naming an existing file (exit 2 before reading anything; it used to report ENOTDIR from the ledger)", async () => {
    const s1 = write("prev.csv", "customer_id,probability\nc1,0.2\n");
    const s2 = write("cur.csv", "customer_id,probability\nc1,0.8\n");
    const file = write("queue.txt", "mine\n");
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", file)).toBe(2);
    expect(cli.stdout).toBe("");
    expect(cli.stderr).toContain(`--out: "${file}" is a file`);
    expect(fs.readFileSync(file, "utf8")).toBe("mine\n");
  });

  it("rejects a previous file whose week is not before --week, and a score file for another week", async () => {
    const s1 = write("scores-2025-01-13.csv", scores1);
    const s2 = write("scores-2025-01-13b.csv", "customer_id,probability,week\nc1,0.6,2025-01-13\n");
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out())).toBe(2);
    expect(cli.stderr).toMatch(/previous scores are for week 2025-01-13, which is not before --week 2025-01-13/);
    const s3 = write("s3.csv", "customer_id,probability,week\nc1,0.6,2025-01-20\n");
    const s4 = write("s4.csv", scores1);
    cli.clear();
    expect(await cli.run("--scores", s3, "--previous", s4, "--week", "2025-01-13", "--out", out())).toBe(2);
    expect(cli.stderr).toMatch(/scores are for week 2025-01-20, but --week is 2025-01-13/);
    expect(listOut()).toEqual([]);
  });

  it("rejects a bad advisor roster, a bad --cooldown-days and re-running an older week", async () => {
    const s1 = write("s1.csv", scores1);
    const s2 = write("s2.csv", scores2);
    const bad = write("adv.csv", "advisor_id,outlet_id,weekly_capacity\nadv1,O1,-1\nadv1,O2,3\n");
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out(), "--advisors", bad)).toBe(2);
    expect(cli.stderr).toMatch(/weekly_capacity: must be a whole number >= 0, got "-1"[\s\S]*duplicate advisor id "adv1"/);
    cli.clear();
    await expect(cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out(), "--cooldown-days", "x")).rejects.toThrow();
    expect(listOut()).toEqual([]);
    const code = await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-20", "--out", out());
    expect(cli.stderr).toBe("");
    expect(code).toBe(0);
    cli.clear();
    expect(await cli.run("--scores", s2, "--previous", s1, "--week", "2025-01-13", "--out", out())).toBe(2);
    expect(cli.stderr).toMatch(/only the latest week can be re-run/);
  });
});
