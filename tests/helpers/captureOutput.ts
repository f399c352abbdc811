import type { Command } from "commander";
import { afterEach, beforeEach, vi } from "vitest";

/**
 * Sends everything written to process.stdout and process.stderr to the two
 * callbacks instead of the terminal, until `vi.restoreAllMocks()`. Used by the
 * tests that run a CLI command in-process.
 *
 * @example
 * let stdout = "";
 * captureOutput((text) => (stdout += text), () => {});
 */
export function captureOutput(onStdout: (text: string) => void, onStderr: (text: string) => void): void {
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    onStdout(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    onStderr(String(chunk));
    return true;
  });
}

/** What a command run in-process printed and the exit code it set. */
export interface CommandRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs a CLI command factory in-process with arguments, capturing stdout,
 * stderr and the exit code; the previous exit code is put back afterwards.
 *
 * @example
 * const { stdout, exitCode } = await runCommand(planCommand, ["data/plans/seed-plan.json", "--json"]);
 */
export async function runCommand(make: () => Command, args: readonly string[]): Promise<CommandRun> {
  let stdout = "";
  let stderr = "";
  captureOutput(
    (text) => (stdout += text),
    (text) => (stderr += text),
  );
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await make()
      .exitOverride()
      .parseAsync(["node", "churnlab", ...args]);
  } finally {
    vi.restoreAllMocks();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { stdout, stderr, exitCode };
}

/** A CLI command run in-process by the tests of one file, with the output of the current test. */
export interface CommandSession {
  /** Everything written to stdout since the current test began. */
  readonly stdout: string;
  /** Everything written to stderr since the current test began. */
  readonly stderr: string;
  /** Runs the command with `args` (then the session's fixed arguments) and returns the exit code it set (0 if none). */
  run(...args: string[]): Promise<number>;
  /** Forgets the output so far, so that the next run's output can be read alone. */
  clear(): void;
}

/**
 * Sets up a test file that runs one CLI command in-process: registers
 * `beforeEach`/`afterEach` hooks that capture stdout and stderr for the
 * whole of each test (several runs, or code around them, included) and
 * reset `process.exitCode`. Call it once at the top level of the file.
 * For a one-off run that returns its own output, use {@link runCommand}.
 *
 * @param make the command factory, e.g. `chartCommand`
 * @param fixedArgs arguments appended to every run, e.g. `["--no-progress"]`
 * @example
 * const cli = commandSession(planCommand);
 * it("prints JSON", async () => {
 *   expect(await cli.run("data/plans/seed-plan.json", "--json")).toBe(0);
 *   expect(JSON.parse(cli.stdout).asStated.firstYearCost).toBe(10_840_000);
 * });
 */
export function commandSession(make: () => Command, fixedArgs: readonly string[] = []): CommandSession {
  let stdout = "";
  let stderr = "";
  beforeEach(() => {
    stdout = "";
    stderr = "";
    captureOutput(
      (text) => (stdout += text),
      (text) => (stderr += text),
    );
    process.exitCode = undefined;
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });
  return {
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    async run(...args: string[]): Promise<number> {
      process.exitCode = undefined;
      await make()
        .exitOverride()
        .parseAsync(["node", "churnlab", ...args, ...fixedArgs]);
      return Number(process.exitCode ?? 0);
    },
    clear(): void {
      stdout = "";
      stderr = "";
    },
  };
}
