import { readFileSync, statSync } from "node:fs";
import { InputError } from "./InputError";

/** Largest JSON file read (bytes): 64 MB. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Reads a JSON file for a loader: a byte-order mark is dropped; an
 * unreadable, oversized or malformed file is an InputError naming the file,
 * what it should be (`what`, e.g. "design file") and, for a syntax error,
 * the line and column.
 *
 * @throws InputError(file, [{ where: "$", message }])
 * @example
 * readJsonFile("best-design.json", "design file") // the parsed JSON
 */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_JSON_BYTES) throw new InputError(file, [{ where: "$", message: `the ${what} is ${size} bytes, more than the ${MAX_JSON_BYTES} allowed` }]);
    text = readFileSync(file, "utf8");
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : err instanceof Error ? err.message : String(err);
    throw new InputError(file, [{ where: "$", message: `cannot read the ${what}: ${reason}` }]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(reason);
    let where = "";
    if (position?.[1] !== undefined && !/line \d+/.test(reason)) {
      const before = body.slice(0, Number(position[1])).split("\n");
      where = ` (line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1})`;
    }
    throw new InputError(file, [{ where: "$", message: `not valid JSON: ${reason}${where}` }]);
  }
}
