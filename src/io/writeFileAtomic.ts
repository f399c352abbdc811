import * as fs from "node:fs";
import { makeOutputFolder } from "./makeOutputFolder";
import * as path from "node:path";

/**
 * Writes a file atomically: the data goes to a temporary file in the same
 * folder, is flushed, then renamed over the target. A failure leaves the
 * previous file (if any) untouched and no partial file behind.
 *
 * @param filePath - destination; its folder is created when missing.
 * @param data - file content (strings are written as UTF-8).
 * @example
 * writeFileAtomic("out/queue.csv", "id,tier\n");
 */
export function writeFileAtomic(filePath: string, data: string | Uint8Array): void {
  const dir = path.dirname(filePath);
  makeOutputFolder(dir);
  const tmp = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, filePath);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes several files as one unit: all are staged as temporary files first,
 * and only when every one was written are they renamed into place. If staging
 * fails, no target is touched.
 *
 * @param files - map from destination path to content.
 */
export function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array> | Record<string, string | Uint8Array>): void {
  const entries = files instanceof Map ? [...files.entries()] : Object.entries(files);
  const staged: Array<[tmp: string, target: string]> = [];
  try {
    for (const [target, data] of entries) {
      const dir = path.dirname(target);
      makeOutputFolder(dir);
      const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
      staged.push([tmp, target]);
      fs.writeFileSync(tmp, data);
    }
  } catch (err) {
    for (const [tmp] of staged) fs.rmSync(tmp, { force: true });
    throw err;
  }
  for (const [tmp, target] of staged) fs.renameSync(tmp, target);
}
