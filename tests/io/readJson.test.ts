import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstInvalidUtf8, parseJsonBytes, parseJsonText, readJsonFile } from "../../src/io/readJson";
import { readInputBytes } from "../../src/io/readInputBytes";
import { InputError } from "../../src/io/InputError";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-readjson-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function problems(f: () => unknown): Array<{ where: string; message: string }> {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return [...err.problems];
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("parseJsonText", () => {
  it("parses what JSON.parse parses, and skips a byte order mark", () => {
    expect(parseJsonText('{"a":[1,2,{"b":null}]}', "x")).toEqual({ a: [1, 2, { b: null }] });
    expect(parseJsonText('\uFEFF{"a":1}', "x")).toEqual({ a: 1 });
  });
  it("rejects a duplicate key with its JSON path and line, instead of keeping the last value", () => {
    expect(problems(() => parseJsonText('{"customers":200000,"customers":100}', "plan.json"))).toEqual([
      { where: "$.customers", message: 'duplicate key "customers" (line 1, column 21): each key may appear once in an object' },
    ]);
    const nested = '{\n "tiers": [\n  {"id": "a"},\n  {"id": "b", "id": "c"}\n ]\n}';
    expect(problems(() => parseJsonText(nested, "plan.json"))[0]?.where).toBe("$.tiers[1].id");
  });
  it("treats keys spelled with escapes as the same key", () => {
    expect(problems(() => parseJsonText('{"a":1,"\\u0061":2}', "x"))[0]?.message).toMatch(/^duplicate key "a"/);
    expect(parseJsonText('{"a":{"x":1},"b":{"x":2}}', "x")).toEqual({ a: { x: 1 }, b: { x: 2 } });
    expect(parseJsonText('{"a\\"b":1,"a":2}', "x")).toEqual({ 'a"b': 1, a: 2 });
  });
  it("rejects nesting deeper than the limit without overflowing the stack, at any depth", () => {
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const [problem] = problems(() => parseJsonText(deep, "deep.json"));
    expect(problem?.message).toBe("nested more than 64 levels deep (line 1): churnlab reads at most 64 levels of objects and arrays");
    expect(problem?.where).toBe(`$${"[0]".repeat(8)}…`);
    expect(parseJsonText(`${"[".repeat(64)}${"]".repeat(64)}`, "x")).toBeInstanceOf(Array);
    expect(problems(() => parseJsonText('{"a":[[1]]}', "x", { maxDepth: 2 }))[0]?.where).toBe("$.a[0]");
  });
  it("names line and column of a syntax error, and says an empty file is empty", () => {
    expect(problems(() => parseJsonText('{\n  "a": 1,\n}', "x"))[0]?.message).toMatch(/^not valid JSON: .* \(line 3, column 1\)$/);
    expect(problems(() => parseJsonText(" \n", "x"))).toEqual([{ where: "$", message: "not valid JSON: the file is empty" }]);
  });
});

describe("parseJsonBytes", () => {
  it("rejects invalid UTF-8 with the byte offset and line", () => {
    const bytes = Buffer.concat([Buffer.from('{\n"name": "'), Buffer.from([0xe5, 0x9b]), Buffer.from('"}')]);
    expect(problems(() => parseJsonBytes(bytes, "plan.json"))).toEqual([
      { where: "byte 11", message: "not valid UTF-8 (line 2, byte 0xe5): save the file as UTF-8" },
    ]);
  });
  it("counts the offset from the file's start when it has a byte order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]);
    expect(problems(() => parseJsonBytes(bytes, "x"))[0]?.where).toBe("byte 9");
  });
  it("firstInvalidUtf8 agrees with Node's UTF-8 validator on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const valid = Buffer.from(bytes).equals(Buffer.from(Buffer.from(bytes).toString("utf8"), "utf8"));
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(valid);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});

describe("readJsonFile", () => {
  it("refuses a file over the size limit before reading it, and /dev/zero as soon as the limit is passed", () => {
    const big = path.join(dir, "big.json");
    fs.writeFileSync(big, `[${"1,".repeat(1000)}1]`);
    expect(problems(() => readJsonFile(big, { maxBytes: 1000, what: "plan file" }))).toEqual([
      { where: "$", message: "is larger than 0.000954 MB, the most churnlab reads from one plan file (set CHURNLAB_MAX_INPUT_MB to raise the limit)" },
    ]);
    expect(problems(() => readInputBytes("/dev/zero", { maxBytes: 4 << 20 }))[0]?.message).toMatch(/^is larger than 4 MB/);
  });
  it("says a missing file or a folder in plain words", () => {
    expect(problems(() => readJsonFile(path.join(dir, "none.json"), { what: "plan file" }))).toEqual([
      { where: "$", message: "cannot read the plan file: no such file" },
    ]);
    expect(problems(() => readJsonFile(dir))).toEqual([{ where: "$", message: "cannot read the file: is a folder, not a file" }]);
  });
  it("reads /dev/stdin and - from a pipe, once", () => {
    const script =
      'require("tsx/cjs"); const { readJsonFile } = require("./src/io/readJson.ts"); process.stdout.write(JSON.stringify(readJsonFile(process.argv[1])));';
    for (const file of ["/dev/stdin", "-"]) {
      const r = spawnSync(process.execPath, ["-e", script, file], { input: '{"customers": 200000}', encoding: "utf8", cwd: path.join(__dirname, "..", "..") });
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toEqual({ customers: 200000 });
    }
  });
});
