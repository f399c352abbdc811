import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeOutputFolder } from "../../src/io/makeOutputFolder";
import { writeFileAtomic, writeFilesAtomic } from "../../src/io/writeFileAtomic";
import { InputError } from "../../src/io/InputError";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-outdir-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemsOf(f: () => void): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${err.source}: ${p.where}: ${p.message}`);
    throw err;
  }
  return [];
}

describe("makeOutputFolder", () => {
  it("creates a missing folder with its parents, and accepts an existing one", () => {
    const target = path.join(dir, "a", "b");
    makeOutputFolder(target);
    makeOutputFolder(target);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });
  it("refuses a path that is a file with an InputError, leaving the file as it was", () => {
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "mine");
    expect(problemsOf(() => makeOutputFolder(file))).toEqual([`${file}: folder: is a file, not a folder: choose a folder for the output`]);
    expect(fs.readFileSync(file, "utf8")).toBe("mine");
  });
  it("refuses a path whose parent is a file", () => {
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "mine");
    expect(problemsOf(() => makeOutputFolder(path.join(file, "sub")))).toEqual([
      `${path.join(file, "sub")}: folder: a file stands where one of its parent folders should be`,
    ]);
  });
  it("makes writeFileAtomic and writeFilesAtomic fail with an InputError, writing nothing", () => {
    const file = path.join(dir, "notes.txt");
    fs.writeFileSync(file, "mine");
    expect(() => writeFileAtomic(path.join(file, "queue.csv"), "x")).toThrow(InputError);
    expect(() => writeFilesAtomic({ [path.join(dir, "ok.csv")]: "x", [path.join(file, "queue.csv")]: "y" })).toThrow(InputError);
    expect(fs.readdirSync(dir)).toEqual(["notes.txt"]);
  });
});
