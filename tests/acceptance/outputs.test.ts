// The output guarantees every command shares (src/io/outputWriter): no output over an input, unwritable
// places refused before the work with a sentence naming the path, sets written as one unit.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chartCommand } from "../../src/cli/commands/chart";
import { reportCommand } from "../../src/cli/commands/report";
import { scoreCommand } from "../../src/cli/commands/score";
import { synthCommand } from "../../src/cli/commands/synth";
import { trainCommand } from "../../src/cli/commands/train";
import { weeklyCommand } from "../../src/cli/commands/weekly";
import { runCommand } from "../helpers/captureOutput";
import { folderHash } from "../helpers/folderHash";
import { makeImmutable, mountReadOnly } from "../helpers/fileSystems";

let dir = "";
const savedChromium = process.env["CHURNLAB_CHROMIUM"];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-outputs-cli-"));
  // Any attempt to render would fail with "Chromium not found" (exit 1): these refusals must come first.
  process.env["CHURNLAB_CHROMIUM"] = path.join(dir, "no-chromium");
});
afterEach(() => {
  if (savedChromium === undefined) delete process.env["CHURNLAB_CHROMIUM"];
  else process.env["CHURNLAB_CHROMIUM"] = savedChromium;
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const figure = '{"data":[{"type":"bar","x":["a"],"y":[1]}],"layout":{}}\n';

describe("commands never write over their own inputs (exit 2, nothing changed)", () => {
  it("score refuses --out equal to --csv, also written as ./x, and a file inside the --model folder", async () => {
    const csv = write("customers.csv", "id,tenure\n1,3\n");
    write("model/metadata.json", "{}\n");
    const before = folderHash(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const out of ["customers.csv", "./customers.csv", csv]) {
        const r = await runCommand(scoreCommand, ["--model", "model", "--csv", "customers.csv", "--out", out]);
        expect(r.exitCode).toBe(2);
        expect(r.stderr).toContain(`--out: "${out}" is the same file as --csv "customers.csv"`);
      }
      const r = await runCommand(scoreCommand, ["--model", "model", "--csv", "customers.csv", "--out", "model/metadata.json"]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('--out: "model/metadata.json" lies in the folder --model "model", which this command reads');
    } finally {
      process.chdir(cwd);
    }
    expect(folderHash(dir)).toEqual(before);
  });
  it("chart refuses --out equal to the figure file, through a symlink too", async () => {
    const file = write("roi.figure.json", figure);
    fs.symlinkSync(file, path.join(dir, "roi.html"));
    const before = folderHash(dir);
    for (const out of [file, path.join(dir, "roi.html")]) {
      const r = await runCommand(chartCommand, [file, "--out", out, "--format", "html"]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`is the same file as <figure> "${file}"`);
    }
    expect(folderHash(dir)).toEqual(before);
  });
  it("weekly refuses --scores inside --out that would be replaced by the ledger", async () => {
    const scores = write("crm/queue-ledger.json", "customer_id,probability\nc1,0.6\n");
    const previous = write("prev.csv", "customer_id,probability\nc1,0.2\n");
    const before = folderHash(dir);
    const r = await runCommand(weeklyCommand, ["--scores", scores, "--previous", previous, "--week", "2025-01-13", "--out", path.join(dir, "crm")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`is the same file as --scores "${scores}"`);
    expect(folderHash(dir)).toEqual(before);
  });
});

describe("--out under /proc ends at once with exit 2 instead of looping in mkdir", () => {
  const proc = "/proc/churnlab-test/out";
  const cases: Array<[string, () => import("commander").Command, (d: string) => string[]]> = [
    ["synth", synthCommand, () => ["--customers", "50", "--out", proc, "--no-progress"]],
    ["score", scoreCommand, (d) => ["--model", d, "--csv", path.join(d, "x.csv"), "--out", `${proc}/s.csv`]],
    ["train", trainCommand, (d) => ["--csv", path.join(d, "x.csv"), "--target", "churn", "--out", proc]],
    ["weekly", weeklyCommand, (d) => ["--scores", path.join(d, "a.csv"), "--previous", path.join(d, "b.csv"), "--week", "2025-01-13", "--out", proc]],
    ["chart", chartCommand, (d) => [path.join(d, "f.json"), "--out", `${proc}/f.png`]],
    ["report", reportCommand, () => ["data/plans/seed-plan.json", "--out", proc]],
  ];
  for (const [name, command, args] of cases) {
    it(`${name} --out ${proc}...`, async () => {
      const r = await runCommand(command, args(dir));
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(
        /--out: folder "\/proc\/churnlab-test(\/out)?" cannot be created: \/proc\/churnlab-test cannot be created here: its parent does not accept new entries/,
      );
    });
  }
});

describe("unwritable places are exit 2 with a sentence naming the path, before the work", () => {
  it("a folder where a file must be: chart and score name it, nothing is rendered or scored", async () => {
    const file = write("f.json", figure);
    fs.mkdirSync(path.join(dir, "out.png"));
    const r = await runCommand(chartCommand, [file, "--out", path.join(dir, "out.png")]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--out: "${path.join(dir, "out.png")}" is a folder, but a file is needed there`);
    expect(r.stderr).not.toMatch(/EISDIR|Chromium/);
  });
  it.runIf(process.getuid?.() === 0)("a read-only file system: chart fails before rendering, report before simulating", async (ctx) => {
    const ro = path.join(dir, "ro");
    const unmount = mountReadOnly(ro);
    if (unmount === undefined) return ctx.skip();
    try {
      const file = write("f.json", figure);
      const chart = await runCommand(chartCommand, [file, "--out", path.join(ro, "f.png")]);
      expect(chart.exitCode).toBe(2);
      expect(chart.stderr).toContain(`--out: cannot be written: "${ro}" is on a read-only file system`);
      const report = await runCommand(reportCommand, ["data/plans/seed-plan.json", "--out", path.join(ro, "ceo")]);
      expect(report.exitCode).toBe(2);
      expect(report.stderr).toContain(`${path.join(ro, "ceo")} is on a read-only file system`);
      expect(`${chart.stderr}${report.stderr}`).not.toMatch(/EROFS|\.tmp|Chromium/);
    } finally {
      unmount();
    }
  });
  it("an immutable folder (chattr +i): synth and weekly exit 2 naming it, its files unchanged", async (ctx) => {
    const crm = path.join(dir, "crm");
    write("crm/queue-ledger.json", '{"version":1,"weeks":[]}\n');
    const undo = makeImmutable(crm);
    if (undo === undefined) return ctx.skip();
    try {
      const before = folderHash(dir);
      const synth = await runCommand(synthCommand, ["--customers", "50", "--out", crm, "--no-progress"]);
      expect(synth.exitCode).toBe(2);
      expect(synth.stderr).toMatch(/--out: cannot be written: operation not permitted in ".*crm" \(the folder or file may be immutable or protected\)/);
      const scores = write("s.csv", "customer_id,probability\nc1,0.6\n");
      const weekly = await runCommand(weeklyCommand, ["--scores", scores, "--previous", scores, "--week", "2025-01-13", "--out", crm]);
      expect(weekly.exitCode).toBe(2);
      expect(weekly.stderr).toMatch(/operation not permitted in ".*crm/);
      expect(folderHash(dir)).toMatchObject(before);
    } finally {
      undo();
    }
  });
});

describe("synth writes its six CSVs and manifest as one unit", () => {
  it("where manifest.json is a folder: exit 2, nothing replaced", async () => {
    const out = path.join(dir, "pop");
    expect((await runCommand(synthCommand, ["--customers", "60", "--seed", "1", "--out", out, "--no-progress"])).exitCode).toBe(0);
    fs.rmSync(path.join(out, "manifest.json"));
    fs.mkdirSync(path.join(out, "manifest.json"));
    const before = folderHash(out);
    const r = await runCommand(synthCommand, ["--customers", "60", "--seed", "2", "--out", out, "--no-progress"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--out: "${path.join(out, "manifest.json")}" is a folder, but a file is needed there`);
    expect(folderHash(out)).toEqual(before);
  });
  it("a failed command leaves no output folder it created", async () => {
    const out = path.join(dir, "new", "crm");
    const r = await runCommand(weeklyCommand, [
      "--scores",
      path.join(dir, "none.csv"),
      "--previous",
      path.join(dir, "none.csv"),
      "--week",
      "2025-01-13",
      "--out",
      out,
    ]);
    expect(r.exitCode).toBe(2);
    expect(fs.existsSync(path.join(dir, "new"))).toBe(false);
  });
});
