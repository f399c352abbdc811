import { randomBytes } from "node:crypto";
import { z } from "zod";
import * as fs from "node:fs";
import * as path from "node:path";
import { asWriteProblem } from "./fileSystemProblem";
import { createFolders, removeCreatedFolders } from "./makeOutputFolder";
import { forgetTemp, isProcessAlive, journalOwner, releaseTemp, removeStaleTempsIn, tempPathFor } from "./tempFiles";

/**
 * What to write to one file: its text (UTF-8), its bytes, or a function that
 * streams it chunk by chunk (for tables too large for one string).
 */
export type FileContent = string | Uint8Array | ((write: (chunk: string | Uint8Array) => void) => void);

/** A journal's record of the renames of one unit: temporary file -> target, absolute paths. */
const journalSchema = z.object({ pid: z.number(), files: z.array(z.object({ temp: z.string(), target: z.string() })) });
type Journal = z.infer<typeof journalSchema>;

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, "r");
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse fsync on a folder: the rename is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function stageOne(target: string, content: FileContent): string {
  const temp = tempPathFor(target);
  const fd = fs.openSync(temp, "wx");
  try {
    if (typeof content === "function") content((chunk) => fs.writeFileSync(fd, chunk));
    else fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

function writeJournal(folder: string, journal: Journal): string {
  const file = path.join(folder, `.churnlab-${process.pid}-${randomBytes(4).toString("hex")}.commit.json`);
  const fd = fs.openSync(file, "wx");
  try {
    fs.writeFileSync(fd, JSON.stringify(journal));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncFolder(folder);
  return file;
}

/** Options of {@link commitFiles}; for tests. */
export interface CommitOptions {
  /** Called after each rename with the number of files renamed so far (tests stop the unit here). */
  afterRename?: (renamed: number) => void;
}

/**
 * Writes several files as one unit, atomically: each file is streamed to a
 * temporary file next to its target (`.churnlab-<pid>-…tmp`), flushed to
 * disk, and only when all are complete are they renamed into place. Between
 * staging and the renames, a journal (`.churnlab-<pid>-….commit.json`)
 * lists the renames, so a run killed in the middle of them is completed by
 * the next churnlab run in that folder ({@link recoverFolder}); a run
 * killed while staging leaves the old files untouched and its temporary
 * files are removed by the next run. Missing folders are created (and
 * removed again if staging fails).
 *
 * @param files target path -> content; one file needs no journal (a rename is atomic)
 * @returns the target paths, in order
 * @throws InputError naming the target (never a temporary file) when the place cannot be written: read-only or
 *   immutable folder, a folder where the file should be, no space left; nothing is changed then
 * @example
 * commitFiles(new Map([["out/a.csv", "x\n"], ["out/manifest.json", "{}\n"]])); // ["out/a.csv", "out/manifest.json"]
 */
export function commitFiles(files: ReadonlyMap<string, FileContent>, options: CommitOptions = {}): string[] {
  const targets = [...files.keys()];
  const created: string[] = [];
  const staged: Array<{ temp: string; target: string }> = [];
  let current = targets[0] ?? "";
  try {
    for (const [target, content] of files) {
      current = target;
      created.push(...createFolders(path.dirname(target)));
      if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory() === true) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
      staged.push({ temp: stageOne(target, content), target });
    }
  } catch (err) {
    for (const s of staged) releaseTemp(s.temp);
    removeCreatedFolders(created);
    throw asWriteProblem(err, current);
  }
  return commitStagedFiles(staged, options);
}

/** A complete temporary file (from `tempPathFor(target)`, flushed and closed) and the target it replaces. */
export interface StagedFile {
  temp: string;
  target: string;
}

/**
 * The second half of {@link commitFiles}, for files a caller streamed itself
 * (several at once, or written by another engine such as DuckDB's
 * `COPY ... TO`): each temporary file must lie next to its target (made by
 * `tempPathFor(target)`), complete and closed. Writes the journal, renames
 * them all into place and removes the journal; on failure the temporary
 * files are removed and no target is changed, as with {@link commitFiles}.
 *
 * @returns the target paths, in order
 * @throws InputError naming the target when the journal or a rename fails
 * @example
 * const temp = tempPathFor("out/visits.parquet"); // ... DuckDB writes temp ...
 * commitStagedFiles([{ temp, target: "out/visits.parquet" }]); // ["out/visits.parquet"]
 */
export function commitStagedFiles(staged: readonly StagedFile[], options: CommitOptions = {}): string[] {
  const targets = staged.map((s) => s.target);
  let journal: string | undefined;
  try {
    const entries = staged.map((s) => ({ temp: path.resolve(s.temp), target: path.resolve(s.target) }));
    if (staged.length > 1) journal = writeJournal(path.dirname(path.resolve(targets[0] as string)), { pid: process.pid, files: entries });
  } catch (err) {
    for (const s of staged) releaseTemp(s.temp);
    throw asWriteProblem(err, targets[0] as string);
  }
  renameAll(staged, options);
  for (const folder of new Set(staged.map((s) => path.dirname(path.resolve(s.target))))) fsyncFolder(folder);
  if (journal !== undefined) fs.rmSync(journal, { force: true });
  return targets;
}

function renameAll(staged: ReadonlyArray<{ temp: string; target: string }>, options: CommitOptions): void {
  for (let i = 0; i < staged.length; i += 1) {
    const { temp, target } = staged[i]!;
    try {
      fs.renameSync(temp, target);
      forgetTemp(temp);
    } catch (err) {
      for (const rest of staged.slice(i)) releaseTemp(rest.temp);
      throw asWriteProblem(err, target);
    }
    options.afterRename?.(i + 1);
  }
}

/**
 * Finishes or cleans up after churnlab runs that were killed while writing
 * into `folder`: a commit journal whose writer is gone is completed (its
 * staged files renamed into place, so the folder holds the new complete
 * set), then temporary files of processes that are gone are removed. Runs of
 * live processes are left alone.
 *
 * @returns what was done, for tests and logs: journals completed and temporary files removed
 * @example
 * recoverFolder("crm") // { completed: [], removed: ["crm/.churnlab-4242-a1b2c3d4-queue-ledger.json.tmp"] }
 */
export function recoverFolder(folder: string): { completed: string[]; removed: string[] } {
  const completed: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return { completed, removed: [] };
  }
  for (const name of names) {
    const owner = journalOwner(name);
    if (owner === undefined || isProcessAlive(owner)) continue;
    const file = path.join(folder, name);
    try {
      const journal = journalSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
      for (const { temp, target } of journal.files) if (fs.existsSync(temp)) fs.renameSync(temp, target);
      completed.push(file);
    } catch {
      // a journal cut short (killed while writing it) means staging was not complete: the temporary files go below
    }
    fs.rmSync(file, { force: true });
  }
  return { completed, removed: removeStaleTempsIn(folder) };
}
