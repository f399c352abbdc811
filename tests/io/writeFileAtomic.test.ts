import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic, writeFilesAtomic } from "../../src/io/writeFileAtomic";
import { InputError } from "../../src/io/InputError";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-io-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("writeFileAtomic", () => {
  it("writes the content and creates missing folders", () => {
    const target = path.join(dir, "a/b/out.csv");
    writeFileAtomic(target, "id,tier\n1,2\n");
    expect(fs.readFileSync(target, "utf8")).toBe("id,tier\n1,2\n");
    expect(fs.readdirSync(path.dirname(target))).toEqual(["out.csv"]);
  });

  it("leaves the previous file intact and no temporary file when the write fails", () => {
    const target = path.join(dir, "out.csv");
    fs.writeFileSync(target, "last week");
    // A target that is a directory makes the final rename fail.
    const asDir = path.join(dir, "folder");
    fs.mkdirSync(asDir);
    fs.writeFileSync(path.join(asDir, "keep"), "x");
    expect(() => writeFileAtomic(asDir, "new")).toThrow();
    expect(fs.readFileSync(target, "utf8")).toBe("last week");
    expect(fs.readdirSync(dir).sort()).toEqual(["folder", "out.csv"]);
  });
});

describe("writeFilesAtomic", () => {
  it("writes every file", () => {
    writeFilesAtomic({ [path.join(dir, "q.csv")]: "a", [path.join(dir, "q.json")]: "b" });
    expect(fs.readFileSync(path.join(dir, "q.csv"), "utf8")).toBe("a");
    expect(fs.readFileSync(path.join(dir, "q.json"), "utf8")).toBe("b");
  });

  it("touches no target when staging one of them fails", () => {
    fs.writeFileSync(path.join(dir, "q.csv"), "old");
    const blocked = path.join(dir, "file-not-dir");
    fs.writeFileSync(blocked, "");
    expect(() => writeFilesAtomic({ [path.join(dir, "q.csv")]: "new", [path.join(blocked, "x.json")]: "b" })).toThrow();
    expect(fs.readFileSync(path.join(dir, "q.csv"), "utf8")).toBe("old");
    expect(fs.readdirSync(dir).sort()).toEqual(["file-not-dir", "q.csv"]);
  });
});

describe("InputError", () => {
  it("names the source and every problem, and counts beyond 50", () => {
    const problems = Array.from({ length: 53 }, (_, i) => ({ where: `line ${i + 2}`, message: "bad" }));
    const err = new InputError("visits.csv", problems);
    expect(err.message.split("\n")[0]).toBe("visits.csv: 53 problems");
    expect(err.message).toContain("visits.csv: line 2: bad");
    expect(err.message).toContain("... and 3 more problems");
    expect(err.problems).toHaveLength(53);
  });
});
