import { InputError } from "../io/InputError";
import { settlePreparedOutputs } from "../io/outputWriter";

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/**
 * Wraps a command's action: bad input (InputError) is printed to stderr one
 * problem per line and exits 2; any other error prints its message and exits 1.
 * When it fails, output folders that the command's pre-flight
 * (`prepareOutputs`) created are removed again if nothing was written into them.
 * Stdout is left to the command, so `--json` output stays pure JSON.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    let failed = true;
    try {
      await fn(...args);
      failed = false;
    } catch (err) {
      if (err instanceof InputError) {
        process.stderr.write(`error: ${err.message}\n`);
        process.exitCode = EXIT.badInput;
      } else {
        const message = err instanceof Error ? err.message : String(err);
        process.stderr.write(`error: ${message}\n`);
        if (process.env["CHURNLAB_DEBUG"] && err instanceof Error) process.stderr.write(`${err.stack}\n`);
        process.exitCode = EXIT.failure;
      }
    } finally {
      settlePreparedOutputs(failed);
    }
  };
}

/** Writes a value as pretty JSON on stdout, followed by a newline. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Parses an integer CLI option strictly (commander argParser).
 * @throws InputError naming the flag when the text is not an integer in range.
 */
export function intOption(flag: string, min: number, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text: string) => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InputError("command line", [{ where: flag, message: `must be an integer from ${min} to ${max}, got "${text}"` }]);
    }
    return value;
  };
}
