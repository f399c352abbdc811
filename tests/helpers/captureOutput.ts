import { vi } from "vitest";

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
export async function runCommand(make: () => import("commander").Command, args: readonly string[]): Promise<CommandRun> {
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
