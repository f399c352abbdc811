import { isUtf8 } from "node:buffer";
import { InputError } from "./InputError";
import { jsonStructureProblems, lineAndColumn } from "./jsonStructure";
import { readInputBytes, type ReadInputOptions } from "./readInputBytes";
import { stripBom, utf8WithoutBom } from "./stripBom";

/** Default most nested objects and arrays in a JSON input: 64 (a plan needs 5, a Plotly figure about 8). */
const defaultMaxJsonDepth = 64;

/** Options of the JSON reader. */
export interface JsonReadOptions extends ReadInputOptions {
  /** Most nested levels of objects and arrays (default {@link defaultMaxJsonDepth}). */
  maxDepth?: number;
}

/**
 * Byte offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or the length when all is valid.
 *
 * @example
 * firstInvalidUtf8(Uint8Array.of(0x61, 0xff)) // 1
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? lo : 0x80) || next > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/**
 * Parses JSON bytes the way churnlab reads every JSON input: a UTF-8 byte
 * order mark is skipped; bytes that are not UTF-8 are refused with their byte
 * offset; the syntax is checked by V8's `JSON.parse` (with line and column
 * on error); then duplicate keys (refused with their JSON path, instead of
 * the last one winning silently) and nesting deeper than `maxDepth` are refused.
 *
 * @param bytes the file's content
 * @param source the file name, for messages
 * @param options depth limit (see {@link JsonReadOptions})
 * @returns the parsed value
 * @throws InputError(source, problems) for invalid UTF-8, empty input, bad syntax, duplicate keys, too deep nesting
 * @example
 * parseJsonBytes(Buffer.from('{"a":1}'), "x.json") // { a: 1 }
 * parseJsonBytes(Buffer.from('{"a":1,"a":2}'), "x.json") // throws InputError: x.json: $.a: duplicate key "a" (line 1, column 8): ...
 */
export function parseJsonBytes(bytes: Uint8Array, source: string, options: JsonReadOptions = {}): unknown {
  const body = utf8WithoutBom(bytes);
  if (!isUtf8(body)) {
    const offset = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
    const line = Buffer.from(bytes.subarray(0, offset)).toString("latin1").split("\n").length;
    throw new InputError(source, [
      {
        where: `byte ${offset}`,
        message: `not valid UTF-8 (line ${line}, byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}): save the file as UTF-8`,
      },
    ]);
  }
  return parseJsonText(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8"), source, options);
}

/**
 * Parses JSON text with the rules of {@link parseJsonBytes} (a leading BOM
 * character is skipped; no UTF-8 check, the text is already decoded).
 *
 * @throws InputError(source, problems) for empty input, bad syntax, duplicate keys, too deep nesting
 * @example
 * parseJsonText('[1, 2]', "inline") // [1, 2]
 */
export function parseJsonText(text: string, source: string, options: JsonReadOptions = {}): unknown {
  const body = stripBom(text);
  if (body.trim() === "") throw new InputError(source, [{ where: "$", message: "not valid JSON: the file is empty" }]);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const position = /position (\d+)/.exec(reason);
    let where = "";
    if (position?.[1] !== undefined && !/line \d+/.test(reason)) {
      const { line, column } = lineAndColumn(body, Number(position[1]));
      where = ` (line ${line}, column ${column})`;
    }
    throw new InputError(source, [{ where: "$", message: `not valid JSON: ${reason}${where}` }]);
  }
  if (typeof value === "object" && value !== null) {
    const problems = jsonStructureProblems(body, options.maxDepth ?? defaultMaxJsonDepth);
    if (problems.length > 0) throw new InputError(source, problems);
  }
  return value;
}

/**
 * Reads and parses a JSON file: THE reader for churnlab's JSON inputs (plans,
 * uncertain plans, figure files, the weekly ledger). Size-limited (64 MB by
 * default, see `readInputBytes`), depth-limited, strict about duplicate keys
 * and UTF-8; `-` and `/dev/stdin` read standard input once.
 *
 * @param file path, or `-` for standard input
 * @param options limits and wording (see {@link JsonReadOptions})
 * @returns the parsed value (validate it with the matching zod schema)
 * @throws InputError(file, problems) naming the place: `$` for unreadable or not JSON, `byte N` for bad UTF-8, a JSON path for duplicates and depth
 * @example
 * readJsonFile("data/plans/seed-plan.json", { what: "plan file" }).customers // 200000
 */
export function readJsonFile(file: string, options: JsonReadOptions = {}): unknown {
  return parseJsonBytes(readInputBytes(file, options), file === "-" ? "standard input" : file, options);
}
