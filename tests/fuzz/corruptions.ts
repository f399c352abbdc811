import fc from "fast-check";

/**
 * Random corruptions of an input file's bytes, as a damaged export, a bad
 * edit or a hostile file would bring them: truncation, byte flips, inserted
 * text (huge numbers, wrong types, deep nesting, control characters),
 * invalid UTF-8, an empty file. Used by the fuzz tests of every command.
 */

/** Text snippets that break numbers, types and structure when inserted anywhere. */
export const hostileSnippets = [
  "1e400",
  "-1e400",
  "1e308",
  "-0",
  "NaN",
  "Infinity",
  "9".repeat(400),
  '"x"',
  "null",
  "true",
  "[]",
  "{}",
  `${"[".repeat(3000)}${"]".repeat(3000)}`,
  '"\\u0000"',
  "\u0000",
  ",",
  '"',
  "\n",
  "\r\n,,\n",
  "\t",
  "\u202e",
  "'",
  "-",
];

/** Byte sequences that are not UTF-8 (a lone continuation byte, an overlong slash, a surrogate, a cut sequence). */
export const invalidUtf8 = [[0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe4, 0xb8], [0xf5, 0x80, 0x80, 0x80]];

const insertAt = (base: Uint8Array, position: number, bytes: Uint8Array): Buffer => {
  const at = base.length === 0 ? 0 : position % (base.length + 1);
  return Buffer.concat([base.subarray(0, at), bytes, base.subarray(at)]);
};

/** A corrupted copy of `base`, with a label saying what was done (for failure messages). */
export function corruptBytes(base: Uint8Array): fc.Arbitrary<{ what: string; bytes: Buffer }> {
  return fc.oneof(
    fc.nat().map((n) => ({ what: `truncated at ${n % (base.length + 1)}`, bytes: Buffer.from(base.subarray(0, n % (base.length + 1))) })),
    fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([n, x]) => {
      const bytes = Buffer.from(base);
      if (bytes.length > 0) bytes[n % bytes.length] = (bytes[n % bytes.length] as number) ^ x;
      return { what: `byte ${n % Math.max(1, base.length)} xor ${x}`, bytes };
    }),
    fc
      .tuple(fc.nat(), fc.constantFrom(...hostileSnippets))
      .map(([n, s]) => ({ what: `inserted ${JSON.stringify(s.slice(0, 20))} at ${n % (base.length + 1)}`, bytes: insertAt(base, n, Buffer.from(s)) })),
    fc.tuple(fc.nat(), fc.constantFrom(...invalidUtf8)).map(([n, b]) => ({
      what: `invalid UTF-8 ${b.map((x) => x.toString(16)).join(" ")} at ${n % (base.length + 1)}`,
      bytes: insertAt(base, n, Uint8Array.from(b)),
    })),
    fc.constant({ what: "empty file", bytes: Buffer.alloc(0) }),
    fc.constant({ what: "a byte order mark first", bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), base]) }),
  );
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value in a JSON document. */
function jsonPaths(value: Json, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at);
  if (Array.isArray(value))
    value.forEach((v, i) => {
      jsonPaths(v, [...at, i], out);
    });
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) jsonPaths(v, [...at, k], out);
  return out;
}

/** Values of the wrong kind or size for any field. */
const strangeValues: Json[] = [null, "", "abc", -1, 0, 1e300, -1e300, 0.5, [], {}, [1, 2], { dist: "normal" }, true, "1e400", 2 ** 53 + 1];

/**
 * A JSON document with one value replaced by a value of the wrong type or
 * size, one key duplicated (with another value), or a list emptied: the
 * damage a schema must name by its JSON path.
 */
export function corruptJson(text: string): fc.Arbitrary<{ what: string; bytes: Buffer }> {
  const doc = JSON.parse(text) as Json;
  const paths = jsonPaths(doc).filter((p) => p.length > 0);
  const replace = fc.tuple(fc.constantFrom(...paths), fc.constantFrom(...strangeValues)).map(([p, v]) => {
    const copy = structuredClone(doc) as Record<string | number, Json>;
    let node = copy as Json;
    for (const key of p.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
    (node as Record<string | number, Json>)[p[p.length - 1] as string] = v;
    return { what: `${p.join(".")} = ${JSON.stringify(v)}`, bytes: Buffer.from(JSON.stringify(copy, null, 1)) };
  });
  const keys = paths.filter((p) => typeof p[p.length - 1] === "string");
  const duplicate = fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...strangeValues)).map(([p, v]) => {
    const key = JSON.stringify(p[p.length - 1]);
    const pretty = JSON.stringify(doc, null, 1);
    // State the key once more on the line before its first statement (same object, still valid JSON), with another value.
    const lineStart = pretty.lastIndexOf("\n", pretty.indexOf(`${key}:`)) + 1;
    const bytes = Buffer.from(`${pretty.slice(0, lineStart)} ${key}: ${JSON.stringify(v)},\n${pretty.slice(lineStart)}`);
    return { what: `duplicate key ${key}`, bytes };
  });
  return fc.oneof(replace, duplicate);
}
