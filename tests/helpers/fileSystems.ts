import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";

/**
 * Test places that cannot be written, made with what the machine allows
 * (root with mount rights in CI): each returns undefined when it cannot be
 * made here, so the test using it is skipped rather than faked.
 */

/** Mounts a read-only tmpfs on `dir` (created); returns an unmount function, or undefined when mounting is not allowed. */
export function mountReadOnly(dir: string): (() => void) | undefined {
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", dir], { stdio: "ignore" });
  if (r.status !== 0) return undefined;
  return () => void spawnSync("umount", [dir], { stdio: "ignore" });
}

/** Marks `dir` immutable (chattr +i); returns the undo function, or undefined when the file system or rights do not allow it. */
export function makeImmutable(dir: string): (() => void) | undefined {
  const r = spawnSync("chattr", ["+i", dir], { stdio: "ignore" });
  if (r.status !== 0) return undefined;
  return () => void execFileSync("chattr", ["-i", dir]);
}

/** A pid that no process has right now (a child that has exited and been reaped). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}
