import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { weeklyCommand } from "../../../src/cli/commands/weekly";
import { runCommand } from "../../helpers/captureOutput";

// Regressions of issue 11 (red team) on `churnlab weekly`: a week typo locking the ledger (item 6), ragged score
// files (20), two files with identical content (24).

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-weekly-robust-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
const out = (): string => path.join(dir, "crm");
const snapshot = (): Record<string, string> =>
  fs.existsSync(out())
    ? Object.fromEntries(
        fs
          .readdirSync(out())
          .sort()
          .map((f) => [f, fs.readFileSync(path.join(out(), f), "utf8")]),
      )
    : {};

const week1 = "customer_id,probability\nc1,0.40\nc2,0.55\nc3,0.20\n";
const week2 = "customer_id,probability\nc1,0.72\nc2,0.60\nc3,0.35\n";

async function weekly(...args: string[]): Promise<{ exitCode: number; stderr: string }> {
  const r = await runCommand(weeklyCommand, [...args, "--out", out()]);
  return { exitCode: r.exitCode, stderr: r.stderr };
}

describe("churnlab weekly: a typo in the week no longer locks the ledger (item 6)", () => {
  it("refuses --week 2099-01-05 on a fresh folder (exit 2, nothing written), naming the rule and --force", async () => {
    const r = await weekly("--scores", write("s2.csv", week2), "--previous", write("s1.csv", week1), "--week", "2099-01-05");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(
      /--week: 2099-01-05 is [\d,]+ weeks after today, \d{4}-\d{2}-\d{2} \(more than 8\): probably a typo; .* pass --force if it is right/,
    );
    expect(fs.existsSync(out())).toBe(false);
  });
  it("refuses a week more than 8 weeks after the ledger's last week, leaving the ledger as it was; the real next week still runs", async () => {
    const s1 = write("s1.csv", week1);
    const s2 = write("s2.csv", week2);
    expect((await weekly("--scores", s2, "--previous", s1, "--week", "2025-01-13")).exitCode).toBe(0);
    const before = snapshot();
    const typo = await weekly("--scores", s1, "--previous", s2, "--week", "2025-06-02");
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain("--week: 2025-06-02 is 20 weeks after the ledger's last week 2025-01-13 (more than 8)");
    expect(snapshot()).toEqual(before);
    expect((await weekly("--scores", s1, "--previous", s2, "--week", "2025-01-20")).exitCode).toBe(0);
  });
  it("accepts a far week with --force (a deliberate restart after a long pause)", async () => {
    const s1 = write("s1.csv", week1);
    const s2 = write("s2.csv", week2);
    expect((await weekly("--scores", s2, "--previous", s1, "--week", "2025-01-13")).exitCode).toBe(0);
    expect((await weekly("--scores", s1, "--previous", s2, "--week", "2025-06-02", "--force")).exitCode).toBe(0);
    expect(Object.keys(snapshot())).toContain("queue-2025-06-02.csv");
  });
});

describe("churnlab weekly: ragged score files are refused (item 20)", () => {
  it("names the file, the line and the rule (exit 2, nothing written)", async () => {
    const ragged = write("s2.csv", "customer_id,probability,outlet_id\nc1,0.72,O1\nc2,0.60\nc3,0.35,O2,extra\n");
    const r = await weekly("--scores", ragged, "--previous", write("s1.csv", week1), "--week", "2025-01-13");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${ragged}: line 3: has 2 cells, the header has 3: each row needs one cell per header column`);
    expect(r.stderr).toContain(`${ragged}: line 4: has 4 cells, the header has 3`);
    expect(fs.existsSync(out())).toBe(false);
  });
  it("also in the advisor roster", async () => {
    const advisors = write("advisors.csv", "advisor_id,outlet_id,weekly_capacity\na1,O1\n");
    const r = await weekly("--scores", write("s2.csv", week2), "--previous", write("s1.csv", week1), "--week", "2025-01-13", "--advisors", advisors);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${advisors}: line 2: has 2 cells, the header has 3`);
  });
});

describe("churnlab weekly: two files with the same scores (item 24)", () => {
  it("refuses two different files with identical content unless --force, naming both files (it queued 0 customers silently)", async () => {
    const a = write("this-week.csv", week1);
    const b = write("last-week.csv", week1);
    const r = await weekly("--scores", a, "--previous", b, "--week", "2025-01-13");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(
      `--scores, --previous: --scores ${a} and --previous ${b} hold the same customers with the same probabilities: last week's file was probably copied`,
    );
    expect(fs.existsSync(out())).toBe(false);
    const forced = await weekly("--scores", a, "--previous", b, "--week", "2025-01-13", "--force");
    expect(forced.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(out(), "queue-2025-01-13.json"), "utf8")).toContain("accepted with --force");
  });
  it("sees the same scores in another order or format, and the same file through a link", async () => {
    const a = write("this-week.csv", week1);
    const b = write("last-week.csv", "customer_id;probability\nc3;0.2\nc1;0.4\nc2;0.550\n");
    expect((await weekly("--scores", a, "--previous", b, "--week", "2025-01-13")).stderr).toContain("hold the same customers with the same probabilities");
    const link = path.join(dir, "link.csv");
    fs.symlinkSync(a, link);
    const r = await weekly("--scores", a, "--previous", link, "--week", "2025-01-13");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--previous: is the same file as --scores (${a})`);
  });
});

describe("churnlab weekly: one writer at a time (item 2)", () => {
  it("a second run while another holds the ledger's lock fails with exit 2 naming the holder and writes nothing", async () => {
    const { runWeekly } = await import("../../../src/actions/runWeekly");
    const { loadPlan } = await import("../../../src/plan/loadPlan");
    const { seedPlanFile } = await import("../../../src/plan/seedPlanFile");
    fs.mkdirSync(out());
    const lock = path.join(out(), "weekly.lock");
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: "2025-01-13T06:00:00.000Z", purpose: "churnlab weekly --week 2025-01-13" }),
    );
    const run = (): unknown =>
      runWeekly({
        scoresFile: write("s2.csv", week2),
        previousFile: write("s1.csv", week1),
        week: "2025-01-13",
        outDir: out(),
        plan: loadPlan(seedPlanFile),
        lockWaitMs: 100,
      });
    expect(run).toThrow(`lock: held by churnlab weekly --week 2025-01-13 (pid ${process.pid} on ${os.hostname()}, since 2025-01-13T06:00:00.000Z)`);
    expect(fs.readdirSync(out())).toEqual(["weekly.lock"]);
    fs.rmSync(lock);
    run();
    expect(fs.readdirSync(out()).sort()).toEqual(["queue-2025-01-13.csv", "queue-2025-01-13.json", "queue-ledger.json"]);
  });
});
