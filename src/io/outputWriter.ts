import * as fs from "node:fs";
import * as path from "node:path";
import { InputError, type InputProblem } from "./InputError";
import { writeFailureReason } from "./fileSystemProblem";
import { createFolders, removeCreatedFolders } from "./makeOutputFolder";
import { releaseTemp, tempPathFor } from "./tempFiles";
import { commitFiles, commitStagedFiles, recoverFolder, type FileContent, type StagedFile } from "./writeTransaction";

/** Paths by the flag (or role) that names them, e.g. `{ "--csv": "telco.csv", "--model": "models/telco" }`. */
export type PathsByFlag = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What a command reads and what it will write, declared before its work starts. */
export interface OutputSpec {
  /** Everything the command reads: files, or folders it reads from (a model folder). Missing paths, `-` and pipes are skipped. */
  inputs: PathsByFlag;
  /**
   * Files an input owns whether they exist yet or not, by what they are (e.g. `the write-ahead log of --store "x.duckdb"`:
   * `x.duckdb.wal`): never an output, since writing one would corrupt its input or lose changes it holds.
   */
  sidecars?: PathsByFlag;
  /** Files the command will write. */
  files?: PathsByFlag;
  /** Folders the command will write files into (created when missing). */
  folders?: PathsByFlag;
}

/** A command's checked output places (see {@link prepareOutputs}). */
export interface OutputWriter {
  /**
   * Writes files as one unit, atomically (see `commitFiles`); each path is
   * checked again against the command's inputs first.
   * @throws InputError when a path is an input or lies in an input folder, or cannot be written; nothing is changed then
   */
  write(files: ReadonlyMap<string, FileContent>): string[];
  /**
   * Commits files the command staged itself next to their targets (see `commitStagedFiles`), with the same checks as `write`.
   * @throws InputError as `write`; the staged files are removed then
   */
  commitStaged(staged: readonly StagedFile[]): string[];
  /** Removes the folders the pre-flight created, when nothing was written (see settlePreparedOutputs). */
  discard(): void;
}

interface Input {
  flag: string;
  given: string;
  real: string;
  folder: boolean;
  /** A file the input owns (see `OutputSpec.sidecars`), -1 / -1 when it does not exist yet. */
  sidecar?: boolean;
  dev: number;
  ino: number;
}

const entries = (paths: PathsByFlag | undefined): Array<[flag: string, given: string]> =>
  Object.entries(paths ?? {}).flatMap(([flag, value]) =>
    value === undefined ? [] : (typeof value === "string" ? [value] : value).map((v): [string, string] => [flag, v]),
  );

/** The file's stat (symlinks followed), or undefined when there is nothing there or it cannot be reached. */
function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** The real path of `p` (symlinks resolved) even when its last parts do not exist yet. */
function realPathOf(p: string): string {
  let head = path.resolve(p);
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(head), ...tail);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return path.resolve(p);
      tail.unshift(path.basename(head));
      head = parent;
    }
  }
}

function resolveInputs(paths: PathsByFlag, sidecars?: PathsByFlag): Input[] {
  const inputs: Input[] = entries(sidecars).map(([flag, given]) => {
    const stat = statOf(given);
    return { flag, given, real: realPathOf(given), folder: false, sidecar: true, dev: stat?.dev ?? -1, ino: stat?.ino ?? -1 };
  });
  for (const [flag, given] of entries(paths)) {
    if (given === "-" || given === "") continue;
    const stat = statOf(given);
    if (stat === undefined || !(stat.isFile() || stat.isDirectory())) continue;
    inputs.push({ flag, given, real: realPathOf(given), folder: stat.isDirectory(), dev: stat.dev, ino: stat.ino });
  }
  return inputs;
}

/** Why writing `given` would touch an input of the command, or undefined. */
function clashWithInputs(given: string, inputs: readonly Input[]): string | undefined {
  const real = realPathOf(given);
  const stat = statOf(given);
  for (const input of inputs) {
    const same = real === input.real || (stat !== undefined && stat.dev === input.dev && stat.ino === input.ino);
    if (input.folder && (same || real.startsWith(input.real + path.sep))) {
      const where = `"${given}" lies in the folder ${input.flag} "${input.given}", which this command reads`;
      return `${where}: churnlab never writes into its inputs; choose a place outside it`;
    }
    if (input.sidecar && same) return `is ${input.flag} (${input.given}): churnlab never writes over its inputs; choose another file`;
    if (!input.folder && same)
      return `"${given}" is the same file as ${input.flag} "${input.given}": churnlab never writes over its inputs; choose another file`;
  }
  return undefined;
}

/** Problems of one output file's target itself (a folder, a device, an immutable file). */
function targetProblem(given: string): string | undefined {
  const stat = statOf(given);
  if (stat === undefined) return undefined;
  if (stat.isDirectory()) return `"${given}" is a folder, but a file is needed there`;
  if (!stat.isFile()) return `"${given}" is not a regular file (a device, pipe or socket): churnlab writes whole files atomically and cannot write there`;
  const probe = tempPathFor(`${given}.probe`);
  try {
    fs.linkSync(given, probe);
  } catch (err) {
    const reason = writeFailureReason(err, `"${given}"`);
    return reason === undefined ? undefined : `cannot be replaced: ${reason}`;
  } finally {
    releaseTemp(probe);
  }
  return undefined;
}

/** Creates `folder` if needed and proves a file can be created in it; returns the problem in words, or undefined. */
function probeFolder(folder: string, created: string[]): string | undefined {
  try {
    created.push(...createFolders(folder));
  } catch (err) {
    if (err instanceof InputError)
      return err.problems
        .map((p) => p.message)
        .join("; ")
        .replace(/^/, `folder "${folder}" `);
    throw err;
  }
  const probe = tempPathFor(path.join(folder, "folder.probe"));
  try {
    fs.closeSync(fs.openSync(probe, "wx"));
    return undefined;
  } catch (err) {
    const reason = writeFailureReason(err, `"${folder}"`);
    if (reason === undefined) throw err;
    return `cannot be written: ${reason}`;
  } finally {
    releaseTemp(probe);
  }
}

const pending = new Set<OutputWriter>();

/**
 * Checks a command's output places before its work starts, and returns the
 * one writer its outputs go through. Refuses (all problems together, nothing
 * written):
 * - an output that is the same file as an input (real paths and inode, so
 *   also through symlinks, hard links, `./x` vs `x`), or lies inside a folder
 *   the command reads (e.g. `score --out` inside `--model DIR`);
 * - a folder where a file must be, a file where a folder must be, a device or pipe;
 * - a place that cannot be written: read-only or immutable folder, read-only
 *   file system, permission denied, `/proc` (each in a plain sentence naming the path).
 * Missing output folders are created by the pre-flight (and removed by
 * `discard` if the command fails); stale temporary files of killed runs in
 * them are cleaned first (see `recoverFolder`).
 *
 * @param spec the command's inputs and outputs, by flag
 * @returns the writer for the declared outputs
 * @throws InputError("command line", problems) naming each flag and path
 * @example
 * const out = prepareOutputs({ inputs: { "--csv": flags.csv, "--model": flags.model }, files: { "--out": flags.out } });
 * // ... the expensive work ...
 * out.write(new Map([[flags.out, csvText]]));
 */
export function prepareOutputs(spec: OutputSpec): OutputWriter {
  const inputs = resolveInputs(spec.inputs, spec.sidecars);
  const problems: InputProblem[] = [];
  const folders = new Map<string, string>();
  for (const [flag, given] of entries(spec.files)) {
    const problem = clashWithInputs(given, inputs) ?? targetProblem(given);
    if (problem !== undefined) problems.push({ where: flag, message: problem });
    else if (!folders.has(path.dirname(given))) folders.set(path.dirname(given), flag);
  }
  for (const [flag, given] of entries(spec.folders)) {
    const stat = statOf(given);
    const problem =
      clashWithInputs(given, inputs) ??
      (stat !== undefined && !stat.isDirectory()
        ? `"${given}" is a file, not a folder: choose a folder for the output (the file is left as it is)`
        : undefined);
    if (problem !== undefined) problems.push({ where: flag, message: problem });
    else folders.set(given, flag);
  }
  const created: string[] = [];
  if (problems.length === 0) {
    for (const [folder, flag] of folders) {
      recoverFolder(folder);
      const problem = probeFolder(folder, created);
      if (problem !== undefined) problems.push({ where: flag, message: problem });
    }
  }
  if (problems.length > 0) {
    removeCreatedFolders(created);
    throw new InputError("command line", problems);
  }
  const clashesOf = (targets: readonly string[]): InputProblem[] =>
    targets.flatMap((target) => {
      const clash = clashWithInputs(target, inputs);
      return clash === undefined ? [] : [{ where: flagOf(target, spec), message: clash }];
    });
  const writer: OutputWriter = {
    write(files) {
      const clashes = clashesOf([...files.keys()]);
      if (clashes.length > 0) throw new InputError("command line", clashes);
      const written = commitFiles(files);
      pending.delete(writer);
      return written;
    },
    commitStaged(staged) {
      const clashes = clashesOf(staged.map((s) => s.target));
      if (clashes.length > 0) {
        for (const s of staged) releaseTemp(s.temp);
        throw new InputError("command line", clashes);
      }
      const written = commitStagedFiles(staged);
      pending.delete(writer);
      return written;
    },
    discard() {
      pending.delete(writer);
      removeCreatedFolders(created);
    },
  };
  pending.add(writer);
  return writer;
}

function flagOf(target: string, spec: OutputSpec): string {
  const real = realPathOf(target);
  for (const [flag, given] of [...entries(spec.files), ...entries(spec.folders)]) {
    const folder = realPathOf(given);
    if (real === folder || real.startsWith(folder + path.sep)) return flag;
  }
  return "output";
}

/**
 * Ends a command's prepared outputs: when it failed, every writer that wrote
 * nothing is discarded (the folders its pre-flight created are removed);
 * when it succeeded they are only forgotten (a library call such as
 * `savePipeline` may have written into them). The CLI's `action` wrapper
 * calls it when each command ends.
 *
 * @param failed whether the command ended with an error
 * @example
 * settlePreparedOutputs(true); // after an InputError: no empty output folder is left behind
 */
export function settlePreparedOutputs(failed: boolean): void {
  for (const writer of [...pending]) {
    if (failed) writer.discard();
    pending.delete(writer);
  }
}
