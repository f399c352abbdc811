import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "./InputError";
import { writeFailureReason } from "./fileSystemProblem";
import { errnoCode } from "./errnoCode";

/*
 * Why not `fs.mkdirSync(dir, { recursive: true })`: Node's recursive mkdir
 * (MKDirpSync in node_file.cc) reads ENOENT as "the parent is missing",
 * creates the parent, gets EEXIST (it is there) and retries the child. procfs
 * and sysfs answer ENOENT to any new name (`mkdir /proc/x` is ENOENT, not
 * EPERM), so the walk alternates between the two calls forever at 100% CPU:
 * `churnlab report --out /proc/x/y` never ended. Here each folder is created
 * once, top down, with a plain mkdir, and any error is final.
 */

function folderProblem(dir: string, message: string): InputError {
  return new InputError(dir, [{ where: "folder", message }]);
}

/** Missing folders from the nearest existing ancestor down to `absolute`, outermost first. */
function missingFolders(dir: string, absolute: string): string[] {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(current);
    } catch (err) {
      const code = errnoCode(err);
      if (code !== "ENOENT" && code !== "ENOTDIR")
        throw folderProblem(dir, `cannot be created: ${writeFailureReason(err, current) ?? `${current} cannot be read (${code})`}`);
      if (code === "ENOENT" && isDanglingLink(current)) throw folderProblem(dir, `${current} is a symbolic link to a place that does not exist`);
    }
    if (stat !== undefined) {
      if (stat.isDirectory()) return missing;
      if (current === absolute) throw folderProblem(dir, "is a file, not a folder: choose a folder for the output");
      throw folderProblem(dir, "a file stands where one of its parent folders should be");
    }
    const parent = path.dirname(current);
    if (parent === current) throw folderProblem(dir, "cannot be created: the file system root is missing");
    missing.unshift(current);
    current = parent;
  }
}

function isDanglingLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Creates a folder and its missing parents, one plain `mkdir` each from the
 * nearest existing ancestor down, and returns the folders it created
 * (outermost first), so a caller can remove them again if its work fails.
 * Ends at once on any file-system error, including under `/proc` or `/sys`,
 * where Node's recursive mkdir loops forever.
 *
 * @param dir folder to create; an existing folder is fine (returns []).
 * @returns absolute paths of the folders created, outermost first
 * @throws InputError (source = dir, where "folder") with a plain sentence when a file stands in the way, a parent refuses new
 *   folders (`/proc`), the file system is read-only, permission is denied or the folder is immutable; nothing is left created.
 * @example
 * createFolders("out/ceo"); // ["/abs/out", "/abs/out/ceo"] when neither existed
 * createFolders("/proc/x"); // throws InputError: /proc/x: folder: cannot be created: /proc/x cannot be created here: ...
 */
export function createFolders(dir: string): string[] {
  const absolute = path.resolve(dir);
  const created: string[] = [];
  for (const folder of missingFolders(dir, absolute)) {
    try {
      fs.mkdirSync(folder);
      created.push(folder);
    } catch (err) {
      if (errnoCode(err) === "EEXIST" && fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() === true) continue;
      removeCreatedFolders(created);
      const reason = writeFailureReason(err, folder);
      if (reason === undefined) throw err;
      throw folderProblem(dir, `cannot be created: ${reason}`);
    }
  }
  return created;
}

/**
 * Removes folders made by {@link createFolders} that are still empty, innermost first (a folder someone filled meanwhile stays).
 *
 * @example
 * removeCreatedFolders(createFolders("out/tmp-run")); // out/ and out/tmp-run/ gone again if they were new
 */
export function removeCreatedFolders(created: readonly string[]): void {
  for (const folder of [...created].reverse()) {
    try {
      fs.rmdirSync(folder);
    } catch {
      // not empty or already gone: leave it
    }
  }
}

/**
 * Creates an output folder (and its parents) when missing. A path that is a
 * file, or that has a file where a parent folder should be, is bad external
 * input (a CLI `--out` flag), not a crash: it throws an {@link InputError}
 * naming the folder, and nothing is created or changed. Never loops (see
 * {@link createFolders}).
 *
 * @param dir folder to create; an existing folder is fine.
 * @throws InputError (source = dir) when a file stands where a folder must be, or the place cannot hold a new folder.
 * @example
 * makeOutputFolder("out/ceo"); // creates out/ and out/ceo/ when missing
 * makeOutputFolder("notes.txt"); // throws InputError: notes.txt: folder: is a file, not a folder
 */
export function makeOutputFolder(dir: string): void {
  createFolders(dir);
}
