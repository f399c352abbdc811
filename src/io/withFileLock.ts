import * as fs from "node:fs";
import * as os from "node:os";
import { z } from "zod";
import { asWriteProblem } from "./fileSystemProblem";
import { InputError } from "./InputError";
import { errnoCode } from "./errnoCode";

/** What a lock file holds: who took the lock, where and when (a lock without a process id and host is unreadable). */
const lockHolderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  /** ISO time the lock was taken. */
  since: z.string().catch(""),
  /** What the holder is doing, e.g. "churnlab weekly --week 2025-01-13". */
  purpose: z.string().catch(""),
});
/** What a lock file holds: who took the lock, where and when. */
export type LockHolder = z.infer<typeof lockHolderSchema>;

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** What this process is doing, recorded in the lock and shown to a waiting writer (default "churnlab"). */
  purpose?: string;
  /** How long to wait for a live holder before giving up, in milliseconds (default 10,000; 0 = do not wait). */
  waitMs?: number;
}

const pollMs = 50;
/** A lock file that stays empty or unreadable this long was left by a writer killed while creating it. */
const unreadableStaleMs = 5_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readHolder(lockPath: string): LockHolder | null | "gone" {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, "utf8");
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return "gone";
    throw err;
  }
  try {
    const h = lockHolderSchema.safeParse(JSON.parse(text));
    return h.success ? h.data : null;
  } catch {
    return null;
  }
}

/** True when the holder is certainly gone: a process of this host that no longer runs, or an unreadable lock older than a few seconds. */
function isStale(lockPath: string, holder: LockHolder | null): boolean {
  if (holder === null) {
    try {
      return Date.now() - fs.statSync(lockPath).mtimeMs > unreadableStaleMs;
    } catch {
      return false;
    }
  }
  if (holder.host !== os.hostname()) return false; // another machine: its pids mean nothing here
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (err) {
    return errnoCode(err) === "ESRCH";
  }
}

function tryCreate(lockPath: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, "wx"); // O_CREAT | O_EXCL: exactly one process succeeds
  } catch (err) {
    if (errnoCode(err) === "EEXIST") return false;
    throw asWriteProblem(err, lockPath, "lock");
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(holder)}\n`);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(lockPath, { force: true });
    throw asWriteProblem(err, lockPath, "lock");
  }
  fs.closeSync(fd);
  return true;
}

/**
 * Removes a stale lock safely when several processes find it stale at once:
 * only the one holding the short-lived `<lock>.break` file (itself created
 * with O_EXCL) may remove it, after reading it again to make sure it is the
 * same stale lock and not a fresh one a faster process took meanwhile.
 */
function breakStaleLock(lockPath: string, seen: LockHolder | null): boolean {
  const breaker = `${lockPath}.break`;
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose: "removing a stale lock" };
  if (!tryCreate(breaker, me)) {
    const other = readHolder(breaker);
    if (other !== "gone" && isStale(breaker, other)) fs.rmSync(breaker, { force: true });
    return false;
  }
  try {
    const now = readHolder(lockPath);
    if (now === "gone") return true;
    if (JSON.stringify(now) !== JSON.stringify(seen) || !isStale(lockPath, now)) return false;
    fs.rmSync(lockPath, { force: true });
    return true;
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

/**
 * Runs `fn` while holding an exclusive lock file, so that one writer at a
 * time does a read-modify-write of a shared file (e.g. the weekly queue
 * ledger). The lock is created with O_EXCL and holds the holder's pid, host,
 * start time and purpose; it is removed when `fn` returns or throws. A lock
 * left by a process that no longer runs on this host (killed, crashed) is
 * taken over safely. While a live process holds it, this waits up to
 * `waitMs`, then gives up with bad input naming the holder and the lock file.
 *
 * @param lockPath the lock file, e.g. `out/weekly.lock` (its folder must exist).
 * @throws InputError (source = lockPath) when another live process keeps the lock past `waitMs`, or the lock cannot be
 *   created (read-only folder, disk full: a plain sentence, see `asWriteProblem`); whatever `fn` throws.
 * @example
 * withFileLock("out/weekly.lock", () => updateLedger(), { purpose: "churnlab weekly --week 2025-01-13" });
 */
export function withFileLock<T>(lockPath: string, fn: () => T, options: FileLockOptions = {}): T {
  const me: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), purpose: options.purpose ?? "churnlab" };
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    if (tryCreate(lockPath, me)) break;
    const holder = readHolder(lockPath);
    if (holder === "gone") continue;
    if (isStale(lockPath, holder) && breakStaleLock(lockPath, holder)) continue;
    if (Date.now() >= deadline) {
      const who = holder === null ? "a process that is still creating it" : `${holder.purpose} (pid ${holder.pid} on ${holder.host}, since ${holder.since})`;
      throw new InputError(lockPath, [
        { where: "lock", message: `held by ${who}: one writer at a time; run again when it has finished (if no such process runs, delete ${lockPath})` },
      ]);
    }
    sleep(pollMs);
  }
  try {
    return fn();
  } finally {
    const holder = readHolder(lockPath);
    if (holder !== "gone" && holder !== null && holder.pid === me.pid && holder.since === me.since) fs.rmSync(lockPath, { force: true });
  }
}
