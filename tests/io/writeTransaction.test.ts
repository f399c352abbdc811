import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commitFiles, recoverFolder } from "../../src/io/writeTransaction";
import { InputError } from "../../src/io/InputError";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-commit-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const read = (name: string): string => fs.readFileSync(path.join(dir, name), "utf8");

describe("commitFiles", () => {
  it("writes text, bytes and streamed content as one unit and leaves no temporary file or journal", () => {
    const files = new Map<string, string | Uint8Array | ((w: (c: string) => void) => void)>([
      [path.join(dir, "a.csv"), "id\n1\n"],
      [path.join(dir, "b.bin"), Uint8Array.of(1, 2, 3)],
      [path.join(dir, "sub", "c.csv"), (write) => ["x\n", "y\n"].forEach(write)],
    ]);
    expect(commitFiles(files)).toEqual([...files.keys()]);
    expect(read("a.csv")).toBe("id\n1\n");
    expect([...fs.readFileSync(path.join(dir, "b.bin"))]).toEqual([1, 2, 3]);
    expect(read("sub/c.csv")).toBe("x\ny\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["a.csv", "b.bin", "sub"]);
  });

  it("changes nothing when one file of the set cannot be written (a folder stands where the manifest goes)", () => {
    fs.writeFileSync(path.join(dir, "customers.csv"), "old");
    fs.mkdirSync(path.join(dir, "manifest.json"));
    let err: unknown;
    try {
      commitFiles(
        new Map([
          [path.join(dir, "customers.csv"), "new"],
          [path.join(dir, "manifest.json"), "{}"],
        ]),
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toContain(`${path.join(dir, "manifest.json")} is a folder, but a file is needed there`);
    expect((err as InputError).message).not.toMatch(/\.tmp|EISDIR/);
    expect(read("customers.csv")).toBe("old");
    expect(fs.readdirSync(dir).sort()).toEqual(["customers.csv", "manifest.json"]);
  });

  it("a run killed between its renames is completed by the next run's recoverFolder: the new set, whole", () => {
    for (const name of ["a.csv", "b.csv", "c.csv"]) fs.writeFileSync(path.join(dir, name), "old");
    const script = `require("tsx/cjs"); const { commitFiles } = require("./src/io/writeTransaction.ts");
      const d = process.argv[1]; const files = new Map(["a.csv", "b.csv", "c.csv"].map((n) => [d + "/" + n, "new"]));
      commitFiles(files, { afterRename: (n) => n === 1 && process.kill(process.pid, "SIGKILL") });`;
    const r = spawnSync(process.execPath, ["-e", script, dir], { cwd: path.join(__dirname, "..", "..") });
    expect(r.signal).toBe("SIGKILL");
    expect(["a.csv", "b.csv", "c.csv"].map(read)).toEqual(["new", "old", "old"]);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(".churnlab-"))).toHaveLength(3);
    const done = recoverFolder(dir);
    expect(done.completed).toHaveLength(1);
    expect(["a.csv", "b.csv", "c.csv"].map(read)).toEqual(["new", "new", "new"]);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.csv", "b.csv", "c.csv"]);
  });

  it("a run killed while staging leaves the old files, and the next run removes its temporary files", () => {
    fs.writeFileSync(path.join(dir, "a.csv"), "old");
    const script = `require("tsx/cjs"); const { commitFiles } = require("./src/io/writeTransaction.ts");
      const d = process.argv[1]; commitFiles(new Map([[d + "/a.csv", "new"], [d + "/b.csv", () => process.kill(process.pid, "SIGKILL")]]));`;
    expect(spawnSync(process.execPath, ["-e", script, dir], { cwd: path.join(__dirname, "..", "..") }).signal).toBe("SIGKILL");
    expect(fs.readdirSync(dir).length).toBe(3);
    recoverFolder(dir);
    expect(fs.readdirSync(dir)).toEqual(["a.csv"]);
    expect(read("a.csv")).toBe("old");
  });
});
