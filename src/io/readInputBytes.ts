import * as fs from "node:fs";
import { InputError } from "./InputError";
import { errnoCode } from "./errnoCode";

/** Default largest input churnlab reads from one JSON file: 64 MB (`CHURNLAB_MAX_INPUT_MB` overrides it). */
const defaultMaxInputBytes = 64 * 1024 * 1024;

/**
 * The largest input to read, bytes: `CHURNLAB_MAX_INPUT_MB` (a positive number of
 * megabytes) when set, else {@link defaultMaxInputBytes}.
 *
 * @example
 * maxInputBytes() // 67108864
 */
function maxInputBytes(): number {
  const mb = Number(process.env["CHURNLAB_MAX_INPUT_MB"]);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : defaultMaxInputBytes;
}

/** Options of {@link readInputBytes}. */
export interface ReadInputOptions {
  /** Largest size accepted, bytes (default {@link maxInputBytes}). */
  maxBytes?: number;
  /** What the file is, for messages (default "file"), e.g. "plan file". */
  what?: string;
}

/** Names of standard input: read from descriptor 0 itself (opening /dev/stdin fails with ENXIO when it is a socket). */
const stdinNames: ReadonlySet<string> = new Set(["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]);

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function openProblem(err: unknown): string {
  const code = errnoCode(err);
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a part of the path is a file, not a folder";
  if (code === "ELOOP") return "too many symbolic links";
  if (code === "ENAMETOOLONG") return "the name is too long";
  return `the system refused to read it (${code ?? "unknown error"})`;
}

function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toPrecision(3))} MB`;
}

/**
 * Reads a whole input file into memory, never more than a limit: a file (or
 * `/dev/zero`, or an endless pipe) larger than `maxBytes` is refused as soon
 * as the limit is passed, with a clear message, instead of filling memory.
 * `-` reads standard input; `/dev/stdin`, named pipes and other devices are
 * read to their end too (once: the content is returned, never read again).
 *
 * @param file path, or `-` for standard input
 * @param options limit and wording (see {@link ReadInputOptions})
 * @returns the bytes read
 * @throws InputError(file, [{ where: "$", ... }]) when the file cannot be read, is a folder, or is over the limit
 * @example
 * readInputBytes("data/plans/seed-plan.json").length // 9000-odd bytes
 * readInputBytes("/dev/zero") // throws InputError: /dev/zero: $: is larger than 64 MB, the most churnlab reads from one input ...
 */
export function readInputBytes(file: string, options: ReadInputOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? maxInputBytes();
  const what = options.what ?? "file";
  const fail = (message: string): InputError => new InputError(file === "-" ? "standard input" : file, [{ where: "$", message }]);
  const tooLarge = (): InputError =>
    fail(`is larger than ${megabytes(maxBytes)}, the most churnlab reads from one ${what} (set CHURNLAB_MAX_INPUT_MB to raise the limit)`);
  let fd: number;
  try {
    fd = stdinNames.has(file) ? 0 : fs.openSync(file, "r");
  } catch (err) {
    throw fail(`cannot read the ${what}: ${openProblem(err)}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw fail(`cannot read the ${what}: is a folder, not a file`);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge();
    return readAll(fd, maxBytes, tooLarge, (err) => fail(`cannot read the ${what}: ${openProblem(err)}`));
  } finally {
    if (fd !== 0) fs.closeSync(fd);
  }
}

function readAll(fd: number, maxBytes: number, tooLarge: () => InputError, readError: (err: unknown) => InputError): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      // A non-blocking standard input (a pipe shared with a parent) has no data yet: wait and try again.
      if (errnoCode(err) === "EAGAIN") {
        Atomics.wait(sleeper, 0, 0, 10);
        continue;
      }
      if (errnoCode(err) === "EOF") break;
      throw readError(err);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw tooLarge();
    chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}
