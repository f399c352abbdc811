import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareOutputs, settlePreparedOutputs } from "../../src/io/outputWriter";
import { createFolders } from "../../src/io/makeOutputFolder";
import { InputError } from "../../src/io/InputError";
import { makeImmutable, mountReadOnly } from "../helpers/fileSystems";

let dir = "";
const cwd = process.cwd();
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-outputs-"));
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(dir, { recursive: true, force: true });
});

function problems(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => `${p.where}: ${p.message}`);
    throw err;
  }
  throw new Error("expected an InputError");
}

/** Every file under `root` with its bytes, to prove nothing changed. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(root, { recursive: true }) as string[]) {
    const p = path.join(root, name);
    out[name] = fs.lstatSync(p).isFile() ? fs.readFileSync(p, "base64") : "(folder)";
  }
  return out;
}

describe("prepareOutputs refuses to write over the command's own inputs", () => {
  it("an output that is the input file, also as ./x vs x, through a symlink and a hard link", () => {
    const csv = path.join(dir, "scores.csv");
    fs.writeFileSync(csv, "id,p\n1,0.5\n");
    fs.symlinkSync(csv, path.join(dir, "link.csv"));
    fs.linkSync(csv, path.join(dir, "hard.csv"));
    process.chdir(dir);
    const before = snapshot(dir);
    for (const out of ["scores.csv", "./scores.csv", path.join(dir, "link.csv"), "hard.csv", `${dir}/sub/../scores.csv`]) {
      expect(problems(() => prepareOutputs({ inputs: { "--csv": "scores.csv" }, files: { "--out": out } }))).toEqual([
        `--out: "${out}" is the same file as --csv "scores.csv": churnlab never writes over its inputs; choose another file`,
      ]);
    }
    expect(snapshot(dir)).toEqual(before);
  });
  it("an output inside a folder the command reads (score --out inside --model DIR)", () => {
    const model = path.join(dir, "model");
    fs.mkdirSync(model);
    fs.writeFileSync(path.join(model, "metadata.json"), "{}");
    const out = path.join(model, "metadata.json");
    expect(problems(() => prepareOutputs({ inputs: { "--model": model }, files: { "--out": out } }))[0]).toMatch(
      /^--out: ".*metadata.json" lies in the folder --model ".*model", which this command reads/,
    );
    expect(problems(() => prepareOutputs({ inputs: { "--model": model }, files: { "--out": path.join(model, "new.csv") } }))).toHaveLength(1);
    expect(fs.readdirSync(model)).toEqual(["metadata.json"]);
  });
  it("write() checks the files it is given too", () => {
    const csv = path.join(dir, "in.csv");
    fs.writeFileSync(csv, "keep");
    const writer = prepareOutputs({ inputs: { "--csv": csv }, folders: { "--out": dir } });
    expect(
      problems(() =>
        writer.write(
          new Map([
            [path.join(dir, "a.csv"), "a"],
            [csv, "overwritten"],
          ]),
        ),
      ),
    ).toEqual([`--out: "${csv}" is the same file as --csv "${csv}": churnlab never writes over its inputs; choose another file`]);
    expect(fs.readdirSync(dir)).toEqual(["in.csv"]);
    expect(fs.readFileSync(csv, "utf8")).toBe("keep");
  });
  it("ignores standard input and inputs that do not exist (their reader reports them)", () => {
    const writer = prepareOutputs({
      inputs: { "<plan>": "-", "--csv": path.join(dir, "missing.csv"), "--plan": undefined },
      files: { "--out": path.join(dir, "o.csv") },
    });
    expect(writer.write(new Map([[path.join(dir, "o.csv"), "x"]]))).toEqual([path.join(dir, "o.csv")]);
  });
});

describe("prepareOutputs checks the places before the work starts", () => {
  it("a folder where a file must be, a file where a folder must be, a device", () => {
    fs.mkdirSync(path.join(dir, "out.csv"));
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    expect(
      problems(() => prepareOutputs({ inputs: {}, files: { "--out": path.join(dir, "out.csv") }, folders: { "--dir": path.join(dir, "notes.txt") } })),
    ).toEqual([
      `--out: "${path.join(dir, "out.csv")}" is a folder, but a file is needed there`,
      `--dir: "${path.join(dir, "notes.txt")}" is a file, not a folder: choose a folder for the output (the file is left as it is)`,
    ]);
    expect(problems(() => prepareOutputs({ inputs: {}, files: { "--out": "/dev/null" } }))[0]).toMatch(/is not a regular file \(a device, pipe or socket\)/);
    expect(problems(() => prepareOutputs({ inputs: {}, files: { "--out": path.join(dir, "notes.txt", "x.csv") } }))[0]).toMatch(
      /notes.txt" is a file, not a folder/,
    );
  });
  it("an output under /proc ends at once with a sentence instead of looping in mkdir", () => {
    const started = Date.now();
    expect(problems(() => prepareOutputs({ inputs: {}, folders: { "--out": "/proc/churnlab/out" } }))).toEqual([
      '--out: folder "/proc/churnlab/out" cannot be created: /proc/churnlab cannot be created here: its parent does not accept new entries',
    ]);
    expect(problems(() => createFolders("/proc/x/y/z"))).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it("creates a missing output folder, and discard removes it again when nothing was written", () => {
    const out = path.join(dir, "a", "b");
    const writer = prepareOutputs({ inputs: {}, folders: { "--out": out } });
    expect(fs.statSync(out).isDirectory()).toBe(true);
    writer.discard();
    expect(fs.readdirSync(dir)).toEqual([]);
    prepareOutputs({ inputs: {}, files: { "--out": path.join(dir, "c", "q.csv") } });
    settlePreparedOutputs(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
  it.runIf(process.getuid?.() === 0)("a read-only file system: a sentence naming the folder, no errno text", (ctx) => {
    const ro = path.join(dir, "ro");
    const unmount = mountReadOnly(ro);
    if (unmount === undefined) return ctx.skip();
    try {
      const [problem] = problems(() => prepareOutputs({ inputs: {}, files: { "--out": path.join(ro, "sub", "scores.csv") } }));
      expect(problem).toBe(`--out: folder "${path.join(ro, "sub")}" cannot be created: ${path.join(ro, "sub")} is on a read-only file system`);
      expect(problems(() => prepareOutputs({ inputs: {}, folders: { "--out": ro } }))).toEqual([
        `--out: cannot be written: "${ro}" is on a read-only file system`,
      ]);
    } finally {
      unmount();
    }
  });
  it("an immutable folder (chattr +i): a sentence naming the folder", (ctx) => {
    const folder = path.join(dir, "frozen");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "queue.csv"), "old");
    const undo = makeImmutable(folder);
    if (undo === undefined) return ctx.skip();
    try {
      const [problem] = problems(() => prepareOutputs({ inputs: {}, files: { "--out": path.join(folder, "queue.csv") } }));
      expect(problem).toMatch(
        /^--out: cannot be (replaced|written): operation not permitted in ".*frozen.*" \(the folder or file may be immutable or protected\)$/,
      );
      expect(problem).not.toMatch(/EPERM|\.tmp/);
    } finally {
      undo();
    }
    expect(fs.readdirSync(folder)).toEqual(["queue.csv"]);
  });
});
