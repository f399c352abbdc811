// The problems an input check reports, as "where: message" lines (fails the test when nothing is thrown).
import { InputError } from "../../src/io";

/** Runs `fn` and returns its InputError's problems as "where: message"; rethrows any other error. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.where}: ${p.message}`);
    throw err;
  }
  throw new Error("expected an InputError");
}
