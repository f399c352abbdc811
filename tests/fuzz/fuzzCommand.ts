import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import type { Command } from "commander";
import { runCommand } from "../helpers/captureOutput";
import { folderHash } from "../helpers/folderHash";

/** Seed of every fuzz property (CI is reproducible); CHURNLAB_FUZZ_SEED picks another, CHURNLAB_FUZZ_SCALE runs more cases. */
export const fuzzSeed = Number(process.env["CHURNLAB_FUZZ_SEED"] ?? 20_251_203);
export const fuzzScale = Number(process.env["CHURNLAB_FUZZ_SCALE"] ?? 1);

/** Prints a case as what was done to the file, not as its (large) bytes. */
const labelled = (c: { what: string; bytes: Buffer }): { what: string; bytes: Buffer } => Object.assign(c, { [fc.toStringMethod]: () => c.what });

/** One fuzzed input file of a command. */
export interface FuzzTarget {
  /** Command under test. */
  command: () => Command;
  /** The work folder: inputs and outputs live here; it is hashed before and after each run. */
  work: string;
  /** Where the damaged bytes go (inside `work`). */
  file: string;
  /** The source an error must name: the file, or its folder for a model folder. */
  source?: string;
  /** Damaged contents. */
  corruptions: fc.Arbitrary<{ what: string; bytes: Buffer }>;
  /** The command line, given the run's output folder (inside `work`, absent before the run). */
  args: (out: string) => string[];
  /** Number of cases (times CHURNLAB_FUZZ_SCALE). */
  runs: number;
  /** Called after each run, e.g. to restore other files. */
  after?: () => void;
}

/**
 * The fuzz property of issue 11, for one input file of one command: with any
 * damage, the command ends with exit 0 or 2, never 1 (a bug); on 2, stderr
 * names the file and the place (`  <file>: <where>: <message>`), and nothing
 * in the work folder was written or changed.
 *
 * @returns how many runs ended 0 and 2
 */
export async function fuzzCommand(target: FuzzTarget): Promise<{ ok: number; refused: number }> {
  const counts = { ok: 0, refused: 0 };
  const original = fs.existsSync(target.file) ? fs.readFileSync(target.file) : undefined;
  let run = 0;
  await fc.assert(
    fc.asyncProperty(target.corruptions.map(labelled), async ({ what, bytes }) => {
      run += 1;
      const out = path.join(target.work, `out-${run}`);
      let r: Awaited<ReturnType<typeof runCommand>>;
      let before: Record<string, string>;
      let after: Record<string, string>;
      fs.writeFileSync(target.file, bytes);
      try {
        before = folderHash(target.work);
        r = await runCommand(target.command, target.args(out));
        after = folderHash(target.work);
      } finally {
        if (original !== undefined) fs.writeFileSync(target.file, original);
        target.after?.();
      }
      const label = `${path.basename(target.file)}: ${what}\nexit ${r.exitCode}\n${r.stderr.slice(0, 2000)}`;
      expect([0, 2], label).toContain(r.exitCode);
      if (r.exitCode === 2) {
        counts.refused += 1;
        const source = target.source ?? target.file;
        const named = r.stderr.split("\n").some((line) => line.startsWith(`  ${source}: `) && /^ {2}.+?: \S.*?: \S/.test(line));
        expect(named, `stderr names the file and the place\n${label}`).toBe(true);
        expect(after, `nothing written or changed\n${label}`).toEqual(before);
      } else {
        counts.ok += 1;
        fs.rmSync(out, { recursive: true, force: true });
      }
    }),
    { seed: fuzzSeed, numRuns: Math.max(1, Math.round(target.runs * fuzzScale)), endOnFailure: true },
  );
  if (process.env["CHURNLAB_FUZZ_VERBOSE"]) console.log(`${path.basename(target.file)}: ${counts.ok} ok, ${counts.refused} refused`);
  return counts;
}
