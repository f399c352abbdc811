import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { errnoCode } from "./errnoCode";

/*
 * Every temporary file or folder churnlab makes carries its owner's pid in
 * its name, so any later run can tell a live one (owner running) from a stale
 * one (owner gone, e.g. after SIGKILL, which no process can catch):
 *   next to outputs:  .churnlab-<pid>-<random>-<target name>.tmp
 *   commit journals:  .churnlab-<pid>-<random>.commit.json   (see writeTransaction)
 *   in the OS temp:   churnlab-<pid>-<purpose>-<random>/      (CEO page staging, browser profiles)
 * Files of the older naming (`.<name>.<pid>.<ms>.tmp`) are recognised too.
 */

const live = new Set<string>();
const tempFile = /^\.churnlab-(\d+)-[0-9a-f]+-.*\.tmp$/;
const journalFile = /^\.churnlab-(\d+)-[0-9a-f]+\.commit\.json$/;
const legacyTempFile = /^\..+\.(\d+)\.\d{10,}\.tmp$/;
const tempFolder = /^churnlab-(\d+)-[a-z][a-z0-9]*-[A-Za-z0-9]+$/;

const token = (): string => randomBytes(4).toString("hex");

/**
 * The pid owning a churnlab temporary entry, from its name; undefined for any
 * other name (a user's file is never taken for a temporary one).
 *
 * @param name a file or folder name without its folder
 * @param where "output" for entries next to outputs, "os" for the OS temp folder
 * @example
 * tempOwner(".churnlab-4242-a1b2c3d4-queue.csv.tmp", "output") // 4242
 * tempOwner("churnlab-4242-ceo-Xy12Ab", "os") // 4242
 * tempOwner("queue.csv", "output") // undefined
 */
export function tempOwner(name: string, where: "output" | "os"): number | undefined {
  const match = where === "os" ? tempFolder.exec(name) : (tempFile.exec(name) ?? legacyTempFile.exec(name));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The pid of a commit journal's writer, or undefined when `name` is not a journal. */
export function journalOwner(name: string): number | undefined {
  const match = journalFile.exec(name);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * Whether a process is running (signal 0 probes without sending anything).
 *
 * @example
 * isProcessAlive(process.pid) // true
 */
export function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === "EPERM";
  }
}

/**
 * A fresh temporary path next to `target` (same folder, so the final rename
 * is atomic), owned by this process: removed on SIGINT/SIGTERM once
 * {@link installTempCleanup} ran, and by the next run after a SIGKILL.
 * Call {@link releaseTemp} when it was renamed or removed.
 *
 * @example
 * tempPathFor("out/queue.csv") // "out/.churnlab-4242-a1b2c3d4-queue.csv.tmp"
 */
export function tempPathFor(target: string): string {
  const file = path.join(path.dirname(target), `.churnlab-${process.pid}-${token()}-${path.basename(target)}.tmp`);
  live.add(path.resolve(file));
  return file;
}

/**
 * A fresh temporary folder in the OS temp folder, `churnlab-<pid>-<purpose>-XXXXXX`,
 * owned by this process (removed on signals and by the next run after a kill).
 *
 * @param purpose lower-case word saying what it holds, e.g. "ceo" or "browser"
 * @example
 * makeTempFolder("ceo") // "/tmp/churnlab-4242-ceo-Xy12Ab"
 */
export function makeTempFolder(purpose: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(purpose)) throw new RangeError(`makeTempFolder: purpose must be a lower-case word, got "${purpose}"`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `churnlab-${process.pid}-${purpose}-`));
  live.add(path.resolve(folder));
  return folder;
}

/**
 * Forgets a temporary path of this process and removes what is left of it (a file or a folder).
 *
 * @example
 * releaseTemp(makeTempFolder("ceo")); // the folder is gone
 */
export function releaseTemp(p: string): void {
  live.delete(path.resolve(p));
  fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Like {@link releaseTemp}, but never throws: when the removal fails (a
 * browser still writing into its profile folder), the path stays this
 * process's own, to be removed again on exit or by the next run.
 *
 * @returns whether the path is gone
 * @example
 * browser.on("disconnected", () => tryReleaseTemp(profile));
 */
export function tryReleaseTemp(p: string): boolean {
  try {
    fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
    live.delete(path.resolve(p));
    return true;
  } catch {
    return false;
  }
}

/** Forgets a temporary path that was renamed into place (nothing left to remove). */
export function forgetTemp(p: string): void {
  live.delete(path.resolve(p));
}

/**
 * Removes every temporary file and folder this process still owns (synchronous: safe in an exit or signal handler).
 *
 * @example
 * removeOwnTemps();
 */
function removeOwnTemps(): void {
  for (const p of [...live]) if (!tryReleaseTemp(p)) live.delete(p);
}

let installed = false;
const signalExit: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Makes this process remove its temporary files and folders when it exits or
 * receives SIGINT, SIGTERM or SIGHUP (then it exits with 128 + the signal
 * number, as the default action would). For command-line programs: a
 * notebook kernel keeps its own signal handling. Idempotent.
 *
 * @example
 * installTempCleanup(); // in the CLI's main()
 */
export function installTempCleanup(): void {
  if (installed) return;
  installed = true;
  process.on("exit", removeOwnTemps);
  for (const [signal, code] of Object.entries(signalExit)) {
    process.on(signal, () => {
      removeOwnTemps();
      process.exit(code);
    });
  }
}

/** Removes one stale entry; returns its path when removed. */
function removeEntry(p: string): string | undefined {
  try {
    fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
    return p;
  } catch {
    return undefined;
  }
}

/**
 * Removes the OS temp folder's churnlab folders whose owner process is gone
 * (CEO page staging, browser profiles left by a killed run).
 *
 * @returns the paths removed
 * @example
 * removeStaleOsTemps() // ["/tmp/churnlab-4242-ceo-Xy12Ab"] when process 4242 was killed
 */
export function removeStaleOsTemps(): string[] {
  const dir = os.tmpdir();
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const owner = tempOwner(name, "os");
    if (owner === undefined || isProcessAlive(owner)) continue;
    const gone = removeEntry(path.join(dir, name));
    if (gone !== undefined) removed.push(gone);
  }
  return removed;
}

/**
 * Removes churnlab temporary files whose owner process is gone from one
 * output folder. Commit journals are not handled here (see `recoverFolder`).
 *
 * @returns the paths removed
 * @example
 * removeStaleTempsIn("crm") // ["crm/.churnlab-4242-a1b2c3d4-queue-ledger.json.tmp"]
 */
export function removeStaleTempsIn(folder: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const owner = tempOwner(name, "output");
    if (owner === undefined || isProcessAlive(owner)) continue;
    const gone = removeEntry(path.join(folder, name));
    if (gone !== undefined) removed.push(gone);
  }
  return removed;
}
