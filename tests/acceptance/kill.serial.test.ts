// SIGKILL at random moments (seeded) during synth, weekly and report: the output folder holds the old or the new
// complete output, and after the next run no temporary file of the killed run is left (next to the outputs or in /tmp).
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recoverFolder } from "../../src/io/writeTransaction";
import { createStream } from "../../src/random";

const root = path.join(__dirname, "..", "..");
const cli = path.join(root, "bin", "churnlab.js");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-kill-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const rng = createStream(20_251_204, "kill-test");

type Files = Record<string, string>;
const isTemp = (name: string): boolean => name.startsWith(".churnlab-");

/**
 * A lock a killed run held (`weekly.lock`, while it reads and writes the ledger) stays behind: it is not output, and
 * the next run takes it over because its holder's process is gone (after which `contents` must equal the new set,
 * which has no lock).
 */
const isLock = (name: string): boolean => name.endsWith(".lock");

/** The folder's files (temporary ones and locks aside) with a hash of their bytes. */
function contents(dir: string): Files {
  const out: Files = {};
  for (const name of fs.readdirSync(dir).sort())
    if (!isTemp(name) && !isLock(name))
      out[name] = createHash("sha256")
        .update(fs.readFileSync(path.join(dir, name)))
        .digest("hex");
  return out;
}

function runCli(args: string[]): void {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`churnlab ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
}

function copyFolder(from: string, to: string): void {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}

/**
 * Runs the CLI and kills it with SIGKILL: `after` ms from the start, or, with `whenWriting`, `after` ms after the
 * first temporary file appears in `watch` (the moment the outputs are being staged and renamed). Returns the pid.
 */
async function killDuring(args: string[], moment: { after: number; whenWriting?: string }): Promise<number> {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  if (moment.whenWriting !== undefined) {
    const watch = moment.whenWriting;
    // Staged outputs, not the pre-flight's probes (`….probe.tmp`).
    const staging = (name: string): boolean => isTemp(name) && !name.endsWith(".probe.tmp");
    while (!done && !(fs.existsSync(watch) && fs.readdirSync(watch).some(staging))) await new Promise((r) => setTimeout(r, 1));
  }
  await new Promise((r) => setTimeout(r, moment.after));
  child.kill("SIGKILL");
  await exited;
  return child.pid as number;
}

/** After a kill: the old set, the new set, or (killed between its renames) a journal the next run completes to the new set. */
function expectOldOrNew(dir: string, old: Files, fresh: Files | ((now: Files) => boolean), label: string): "old" | "new" {
  const isNew = (now: Files): boolean => (typeof fresh === "function" ? fresh(now) : JSON.stringify(now) === JSON.stringify(fresh));
  let now = contents(dir);
  if (JSON.stringify(now) === JSON.stringify(old)) return "old";
  if (!isNew(now)) {
    expect(
      fs.readdirSync(dir).some((n) => n.endsWith(".commit.json")),
      `${label}: neither old nor new, and no commit journal`,
    ).toBe(true);
    recoverFolder(dir);
    now = contents(dir);
  }
  expect(isNew(now), `${label}: the new set, complete`).toBe(true);
  return "new";
}

/** After the next run: no temporary file of the killed process next to the outputs or in the OS temp folder. */
function expectNoTemps(dir: string, pid: number): void {
  expect(fs.readdirSync(dir).filter(isTemp)).toEqual([]);
  expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`churnlab-${pid}-`))).toEqual([]);
}

/** Kill moments: one during the computation, the others while the outputs are written. */
function moments(computeMs: number, kills: number): Array<{ after: number; writing: boolean }> {
  return Array.from({ length: kills }, (_, i) =>
    i === 0 ? { after: Math.round(computeMs * (0.5 + 0.4 * rng())), writing: false } : { after: Math.round(40 * rng()), writing: true },
  );
}

describe("SIGKILL leaves the old or the new complete output, and the next run leaves no temporary file", () => {
  it("synth: its six CSVs and manifest", async () => {
    const args = (customers: number, out: string): string[] => ["synth", "--customers", String(customers), "--seed", "2", "--out", out, "--no-progress"];
    const newDir = path.join(work, "synth-new");
    const started = Date.now();
    runCli(args(2000, newDir));
    const computeMs = Date.now() - started;
    const fresh = contents(newDir);
    // The previous output: a set of the same names, other bytes.
    const oldDir = path.join(work, "synth-old");
    fs.mkdirSync(oldDir);
    for (const name of Object.keys(fresh)) fs.writeFileSync(path.join(oldDir, name), `previous ${name}\n`);
    const old = contents(oldDir);
    const out = path.join(work, "synth");
    for (const [i, m] of moments(computeMs, 2).entries()) {
      copyFolder(oldDir, out);
      const pid = await killDuring(args(2000, out), { after: m.after, ...(m.writing ? { whenWriting: out } : {}) });
      expectOldOrNew(out, old, fresh, `synth kill ${i} (${JSON.stringify(m)})`);
      runCli(args(200, out));
      expectNoTemps(out, pid);
    }
  }, 240_000);

  it("weekly: the week's queue and the ledger", async () => {
    const s0 = path.join(work, "s0.csv");
    const s1 = path.join(work, "s1.csv");
    const s2 = path.join(work, "s2.csv");
    fs.writeFileSync(s0, "customer_id,probability\nc1,0.2\nc2,0.2\nc3,0.3\n");
    fs.writeFileSync(s1, "customer_id,probability\nc1,0.6\nc2,0.2\nc3,0.3\n");
    fs.writeFileSync(s2, "customer_id,probability\nc1,0.7\nc2,0.8\nc3,0.9\n");
    const week = (scores: string, previous: string, date: string, out: string): string[] => [
      "weekly",
      "--scores",
      scores,
      "--previous",
      previous,
      "--week",
      date,
      "--out",
      out,
    ];
    const oldDir = path.join(work, "crm-old");
    const newDir = path.join(work, "crm-new");
    runCli(week(s1, s0, "2025-01-06", oldDir));
    copyFolder(oldDir, newDir);
    const started = Date.now();
    runCli(week(s2, s1, "2025-01-13", newDir));
    const computeMs = Date.now() - started;
    const [old, fresh] = [contents(oldDir), contents(newDir)];
    const out = path.join(work, "crm");
    for (const [i, m] of moments(computeMs, 2).entries()) {
      copyFolder(oldDir, out);
      const pid = await killDuring(week(s2, s1, "2025-01-13", out), { after: m.after, ...(m.writing ? { whenWriting: out } : {}) });
      expectOldOrNew(out, old, fresh, `weekly kill ${i} (${JSON.stringify(m)})`);
      runCli(week(s2, s1, "2025-01-13", out));
      expect(contents(out)).toEqual(fresh);
      expect(fs.readdirSync(out).filter(isLock)).toEqual([]);
      expectNoTemps(out, pid);
    }
  }, 240_000);

  it("report: the CEO page's HTML, PDF and PNG, and its staging and browser folders in /tmp", async () => {
    const args = (seed: number, out: string): string[] => [
      "report",
      "data/plans/seed-plan-uncertain.json",
      "--out",
      out,
      "--trials",
      "500",
      "--seed",
      String(seed),
      "--rollout-trials",
      "0",
      "--lang",
      "en",
    ];
    // The previous report: the three files, other bytes.
    const oldDir = path.join(work, "ceo-old");
    fs.mkdirSync(oldDir);
    for (const name of ["ceo-page.html", "ceo-page.pdf", "ceo-page.png"]) fs.writeFileSync(path.join(oldDir, name), `previous ${name}\n`);
    const old = contents(oldDir);
    const computeMs = 8000;
    // A new report (another seed, another time stamp) is complete when all three files changed and each is whole.
    const complete = (now: Files): boolean => {
      const whole = (name: string, tail: Buffer): boolean => fs.readFileSync(path.join(out, name)).subarray(-64).includes(tail);
      return (
        Object.keys(now).length === 3 &&
        Object.keys(now).every((n) => now[n] !== old[n]) &&
        whole("ceo-page.html", Buffer.from("</html>")) &&
        whole("ceo-page.pdf", Buffer.from("%%EOF")) &&
        whole("ceo-page.png", Buffer.from("IEND"))
      );
    };
    const out = path.join(work, "ceo");
    for (const [i, m] of moments(computeMs, 2).entries()) {
      copyFolder(oldDir, out);
      const pid = await killDuring(args(2, out), { after: m.after, ...(m.writing ? { whenWriting: out } : {}) });
      expectOldOrNew(out, old, complete, `report kill ${i} (${JSON.stringify(m)})`);
      runCli(["plan", "data/plans/seed-plan.json"]);
      expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`churnlab-${pid}-`))).toEqual([]);
      recoverFolder(out);
      expect(fs.readdirSync(out).filter(isTemp)).toEqual([]);
    }
  }, 300_000);
});
