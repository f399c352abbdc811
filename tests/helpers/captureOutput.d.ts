/**
 * Sends everything written to process.stdout and process.stderr to the two
 * callbacks instead of the terminal, until `vi.restoreAllMocks()`. Used by the
 * tests that run a CLI command in-process.
 *
 * @example
 * let stdout = "";
 * captureOutput((text) => (stdout += text), () => {});
 */
export declare function captureOutput(onStdout: (text: string) => void, onStderr: (text: string) => void): void;
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
export declare function runCommand(make: () => import("commander").Command, args: readonly string[]): Promise<CommandRun>;
