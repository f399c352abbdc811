import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ledger } from "../../../src/actions/queueTypes";

// Issue 11, item 2: two `weekly` runs at once lost a week (both exit 0, the ledger dropped one week's hand-offs and
// customers in their cool-down were queued again). Real child processes race on one folder here.

// Each child runs the weekly command itself (src/cli/commands/weekly.ts, exit codes as the CLI sets them), without
// loading the other commands' libraries: about half the start-up time of bin/churnlab.js.
const command = path.resolve(__dirname, "../../../src/cli/commands/weekly.ts");
const script = `require(${JSON.stringify(command)}).weeklyCommand().parseAsync(process.argv.slice(1), { from: "user" }).then(() => process.exit(process.exitCode ?? 0))`;
const population = 3000;
const weeks = ["2024-12-30", "2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"];
const cooldownDays = 30;
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-weekly-race-"));
  let x = 5;
  const u = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  for (const week of weeks) {
    const lines = ["customer_id,probability,outlet_id"];
    for (let i = 0; i < population; i++) lines.push(`c${i},${(u() ** 2.5).toFixed(4)},O${i % 12}`);
    fs.writeFileSync(path.join(dir, `scores-${week}.csv`), `${lines.join("\n")}\n`);
  }
  const advisors = ["advisor_id,outlet_id,weekly_capacity", ...Array.from({ length: 12 }, (_, k) => `a${k},O${k},${Math.ceil(population / 75)}`)];
  fs.writeFileSync(path.join(dir, "advisors.csv"), `${advisors.join("\n")}\n`);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Run {
  week: string;
  code: number | null;
  stderr: string;
}

function weekly(out: string, week: string, previous: string): Promise<Run> {
  const args = ["--scores", path.join(dir, `scores-${week}.csv`), "--previous", path.join(dir, `scores-${previous}.csv`), "--week", week, "--out", out];
  const child = spawn(process.execPath, [
    "--import",
    "tsx",
    "-e",
    script,
    "--",
    ...args,
    "--advisors",
    path.join(dir, "advisors.csv"),
    "--cooldown-days",
    String(cooldownDays),
  ]);
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return new Promise((resolve) => child.once("exit", (code) => resolve({ week, code, stderr })));
}

/** Days between two YYYY-MM-DD dates. */
const days = (a: string, b: string): number => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

describe("parallel churnlab weekly runs on one folder", () => {
  it("lose nothing: every successful week's hand-offs are in the ledger exactly once, and no customer in cool-down is queued again", async () => {
    // Without the lock this failed in the first of three rounds here (a successful week missing from the ledger).
    for (let round = 0; round < 2; round++) {
      const out = path.join(dir, `crm-${round}`);
      const first = await weekly(out, weeks[1] as string, weeks[0] as string);
      expect(first.code, first.stderr).toBe(0);
      const runs = await Promise.all([
        weekly(out, weeks[2] as string, weeks[1] as string),
        weekly(out, weeks[3] as string, weeks[2] as string),
        weekly(out, weeks[4] as string, weeks[3] as string),
        weekly(out, weeks[2] as string, weeks[1] as string),
      ]);
      for (const r of runs) {
        // exit 0, or exit 2 because a later week got the lock first: never a crash, never a silent loss
        expect([0, 2], r.stderr).toContain(r.code);
        if (r.code === 2) expect(r.stderr).toMatch(/the ledger already holds week \d{4}-\d{2}-\d{2}, after --week/);
      }
      const ledger = JSON.parse(fs.readFileSync(path.join(out, "queue-ledger.json"), "utf8")) as Ledger;
      const ledgerWeeks = ledger.weeks.map((w) => w.week);
      expect([...ledgerWeeks].sort()).toEqual(ledgerWeeks);
      expect(new Set(ledgerWeeks).size).toBe(ledgerWeeks.length);
      for (const r of [first, ...runs]) if (r.code === 0) expect(ledgerWeeks).toContain(r.week);
      for (const w of ledger.weeks) {
        const queue = (JSON.parse(fs.readFileSync(path.join(out, `queue-${w.week}.json`), "utf8")) as { queue: unknown[] }).queue;
        expect(w.entries).toEqual(queue);
        expect(new Set(w.entries.map((e) => e.customerId)).size).toBe(w.entries.length);
      }
      const handedOff = new Map<string, string[]>();
      for (const w of ledger.weeks) {
        for (const e of w.entries) if (e.status !== "overflow") handedOff.set(e.customerId, [...(handedOff.get(e.customerId) ?? []), w.week]);
      }
      for (const [customer, when] of handedOff) {
        for (let k = 1; k < when.length; k++)
          expect(days(when[k - 1] as string, when[k] as string), `${customer} handed off ${when.join(", ")}`).toBeGreaterThanOrEqual(cooldownDays);
      }
      expect(fs.readdirSync(out).filter((f) => f.endsWith(".lock") || f.endsWith(".tmp"))).toEqual([]);
    }
  }, 120_000);
});
