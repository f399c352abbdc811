import * as fs from "node:fs";
import { InputError } from "./InputError";

/**
 * Creates an output folder (and its parents) when missing. A path that is a
 * file, or that has a file where a parent folder should be, is bad external
 * input (a CLI `--out` flag), not a crash: it throws an {@link InputError}
 * naming the folder, and nothing is created or changed.
 *
 * @param dir folder to create; an existing folder is fine.
 * @throws InputError (source = dir) when a file stands where a folder must be.
 * @example
 * makeOutputFolder("out/ceo"); // creates out/ and out/ceo/ when missing
 * makeOutputFolder("notes.txt"); // throws InputError: notes.txt: folder: is a file, not a folder
 */
export function makeOutputFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") {
      const isFile = fs.existsSync(dir) && !fs.statSync(dir).isDirectory();
      throw new InputError(dir, [{ where: "folder", message: isFile ? "is a file, not a folder: choose a folder for the output" : "a file stands where one of its parent folders should be" }]);
    }
    if (code === "EACCES" || code === "EROFS") throw new InputError(dir, [{ where: "folder", message: `cannot be created (${code === "EACCES" ? "permission denied" : "read-only file system"})` }]);
    throw err;
  }
}
