import { InputError } from "./InputError";
import { errnoCode } from "./errnoCode";

/** The file-system error codes churnlab explains in words instead of passing on raw errno text. */
const reasons: Readonly<Record<string, (where: string) => string>> = {
  EACCES: (p) => `permission denied: churnlab may not write in ${p}`,
  EPERM: (p) => `operation not permitted in ${p} (the folder or file may be immutable or protected)`,
  EROFS: (p) => `${p} is on a read-only file system`,
  ENOTDIR: (p) => `a file stands where a folder is needed on the way to ${p}`,
  EISDIR: (p) => `${p} is a folder, but a file is needed there`,
  ENOENT: (p) => `${p} cannot be created here: its parent does not accept new entries`,
  ENOSPC: (p) => `no space left on the device holding ${p}`,
  EDQUOT: (p) => `the disk quota is used up on the device holding ${p}`,
  ENAMETOOLONG: (p) => `the name ${p} is too long for the file system`,
  ELOOP: (p) => `too many symbolic links on the way to ${p}`,
  EEXIST: (p) => `${p} already exists as something churnlab cannot replace`,
  EBUSY: (p) => `${p} is busy (in use by the system or a mount point)`,
  EINVAL: (p) => `${p} is not a valid place for a file on this file system`,
  EXDEV: (p) => `${p} is on another device than its temporary file`,
};

/**
 * A plain sentence for a file-system error met while writing `target`, or
 * undefined when the error is not one of the codes churnlab explains
 * (the codes of `reasons`: this place cannot be written, an environment problem, exit 2, not a bug). No errno text, no temporary-file name.
 *
 * @param err the error thrown by `node:fs`
 * @param target the user's path (file or folder) the write was for
 * @example
 * writeFailureReason(Object.assign(new Error("EROFS: ..."), { code: "EROFS" }), "out/q.csv") // "out/q.csv is on a read-only file system"
 */
export function writeFailureReason(err: unknown, target: string): string | undefined {
  const code = errnoCode(err);
  const reason = code === undefined ? undefined : reasons[code];
  return reason === undefined ? undefined : reason(target);
}

/**
 * Turns a file-system error met while writing into an {@link InputError}
 * naming the user's path (CLI exit 2); any other error is returned as it is.
 *
 * @param err the error thrown by `node:fs`
 * @param target the user's path the write was for (not a temporary file)
 * @param where the flag or role of the path, e.g. "--out" (default "output")
 * @returns an InputError for a known file-system code, else `err` unchanged
 * @example
 * throw asWriteProblem(err, "crm/queue.csv", "--out"); // crm/queue.csv: --out: crm/queue.csv is on a read-only file system
 */
export function asWriteProblem(err: unknown, target: string, where = "output"): unknown {
  if (err instanceof InputError) return err;
  const reason = writeFailureReason(err, target);
  return reason === undefined ? err : new InputError(target, [{ where, message: `cannot be written: ${reason}` }]);
}
