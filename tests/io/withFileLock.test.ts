import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { withFileLock } from "../../src/io/withFileLock";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-lock-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A pid that certainly runs no process: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("withFileLock", () => {
  it("runs the function holding the lock (pid, host, time, purpose inside) and removes it afterwards, also when the function throws", () => {
    const lock = path.join(dir, "ledger.json.lock");
    const seen = withFileLock(lock, () => JSON.parse(fs.readFileSync(lock, "utf8")) as Record<string, unknown>, {
      purpose: "churnlab weekly --week 2025-01-13",
    });
    expect(seen).toMatchObject({ pid: process.pid, host: os.hostname(), purpose: "churnlab weekly --week 2025-01-13" });
    expect(Number.isNaN(Date.parse(seen["since"] as string))).toBe(false);
    expect(fs.existsSync(lock)).toBe(false);
    expect(() =>
      withFileLock(lock, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(fs.existsSync(lock)).toBe(false);
  });
  it("refuses a second writer while a live process holds the lock, naming the holder and the lock file (exit 2 as InputError)", () => {
    const lock = path.join(dir, "ledger.json.lock");
    // a live holder: this test process itself, recorded as another run
    fs.writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: "2025-01-13T06:00:00.000Z", purpose: "churnlab weekly --week 2025-01-13" }),
    );
    let ran = false;
    let caught: unknown;
    const started = Date.now();
    try {
      withFileLock(lock, () => (ran = true), { waitMs: 200 });
    } catch (err) {
      caught = err;
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(ran).toBe(false);
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).message).toBe(
      `${lock}: 1 problem\n  ${lock}: lock: held by churnlab weekly --week 2025-01-13 (pid ${process.pid} on ${os.hostname()}, since 2025-01-13T06:00:00.000Z): ` +
        `one writer at a time; run again when it has finished (if no such process runs, delete ${lock})`,
    );
    expect(fs.existsSync(lock)).toBe(true); // the holder's lock is left alone
  });
  it("takes over a stale lock left by a process that no longer runs", () => {
    const lock = path.join(dir, "ledger.json.lock");
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: os.hostname(), since: "2025-01-13T06:00:00.000Z", purpose: "killed run" }));
    expect(withFileLock(lock, () => "ran", { waitMs: 0 })).toBe("ran");
    expect(fs.existsSync(lock)).toBe(false);
  });
  it("does not take over a lock from another host (its pid cannot be checked here)", () => {
    const lock = path.join(dir, "ledger.json.lock");
    fs.writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: `not-${os.hostname()}`, since: "2025-01-13T06:00:00.000Z", purpose: "churnlab weekly" }));
    expect(() => withFileLock(lock, () => "ran", { waitMs: 0 })).toThrow(/held by churnlab weekly \(pid \d+ on not-/);
  });
  it("a lock that cannot be created is bad input with a plain sentence naming it, not a raw ENOTDIR", () => {
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "");
    const lock = path.join(file, "weekly.lock");
    expect(() => withFileLock(lock, () => "ran")).toThrow(
      new InputError(lock, [{ where: "lock", message: `cannot be written: a file stands where a folder is needed on the way to ${lock}` }]).message,
    );
  });
  it("waits for a live holder that finishes within waitMs, then runs", async () => {
    const lock = path.join(dir, "ledger.json.lock");
    const holder = spawn(process.execPath, [
      "-e",
      `const fs = require("fs"); fs.writeFileSync(${JSON.stringify(lock)}, JSON.stringify({ pid: process.pid, host: require("os").hostname(), since: new Date().toISOString(), purpose: "holder" }));
       process.stdout.write("held\\n"); setTimeout(() => fs.rmSync(${JSON.stringify(lock)}), 300);`,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    expect(withFileLock(lock, () => "ran after the holder", { waitMs: 10_000 })).toBe("ran after the holder");
    await new Promise((resolve) => holder.once("exit", resolve));
  });
  it("lets exactly one of many processes in at a time (a shared counter loses no increment)", async () => {
    const lock = path.join(dir, "counter.lock");
    const counter = path.join(dir, "counter.txt");
    fs.writeFileSync(counter, "0");
    const source = path.resolve(__dirname, "../../src/io/withFileLock.ts");
    const script = `const { withFileLock } = require(${JSON.stringify(source)});
      const fs = require("fs");
      for (let k = 0; k < 20; k++) withFileLock(${JSON.stringify(lock)}, () => {
        const n = Number(fs.readFileSync(${JSON.stringify(counter)}, "utf8"));
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        fs.writeFileSync(${JSON.stringify(counter)}, String(n + 1));
      }, { waitMs: 60000 });`;
    const runs = Array.from({ length: 4 }, () => spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: "inherit" }));
    const codes = await Promise.all(runs.map((c) => new Promise<number | null>((resolve) => c.once("exit", resolve))));
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(fs.readFileSync(counter, "utf8")).toBe("80");
    expect(fs.existsSync(lock)).toBe(false);
  }, 60_000);
});
