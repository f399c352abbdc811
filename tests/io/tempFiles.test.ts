import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  isProcessAlive,
  makeTempFolder,
  releaseTemp,
  removeStaleOsTemps,
  removeStaleTempsIn,
  tempOwner,
  tempPathFor,
  tryReleaseTemp,
} from "../../src/io/tempFiles";
import { deadPid, makeImmutable } from "../helpers/fileSystems";

let dir = "";
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-tempfiles-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("temporary file names", () => {
  it("carry the owner's pid, and other names have no owner", () => {
    expect(tempOwner(path.basename(tempPathFor(path.join(dir, "queue.csv"))), "output")).toBe(process.pid);
    expect(tempOwner(".churnlab-4242-a1b2c3d4-queue.csv.tmp", "output")).toBe(4242);
    expect(tempOwner(".visits.csv.4242.1733270400000.tmp", "output")).toBe(4242);
    expect(tempOwner("queue.csv", "output")).toBeUndefined();
    expect(tempOwner(".churnlab-x-queue.csv.tmp", "output")).toBeUndefined();
    expect(tempOwner("churnlab-4242-ceo-Xy12Ab", "os")).toBe(4242);
    expect(tempOwner("churnlab-tempfiles-Xy12Ab", "os")).toBeUndefined();
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
  });
});

describe("stale temporary files", () => {
  it("of a process that is gone are removed next to outputs; live ones and user files stay", () => {
    const dead = deadPid();
    const stale = path.join(dir, `.churnlab-${dead}-0badc0de-visits.csv.tmp`);
    const legacy = path.join(dir, `.truth.csv.${dead}.1733270400000.tmp`);
    const mine = tempPathFor(path.join(dir, "customers.csv"));
    for (const f of [stale, legacy, mine, path.join(dir, "customers.csv"), path.join(dir, ".hidden.tmp")]) fs.writeFileSync(f, "x");
    expect(removeStaleTempsIn(dir).sort()).toEqual([legacy, stale].sort());
    expect(fs.readdirSync(dir).sort()).toEqual([".hidden.tmp", path.basename(mine), "customers.csv"].sort());
    releaseTemp(mine);
  });
  it("of a process that is gone are removed from the OS temp folder (CEO staging, browser profiles)", () => {
    const dead = deadPid();
    const staleCeo = path.join(os.tmpdir(), `churnlab-${dead}-ceo-AbC123`);
    const staleBrowser = path.join(os.tmpdir(), `churnlab-${dead}-browser-XyZ789`);
    fs.mkdirSync(path.join(staleBrowser, "playwright_chromiumdev_profile-1"), { recursive: true });
    fs.mkdirSync(staleCeo);
    const mine = makeTempFolder("ceo");
    const removed = removeStaleOsTemps();
    expect(removed).toContain(staleCeo);
    expect(removed).toContain(staleBrowser);
    expect(fs.existsSync(mine)).toBe(true);
    expect(fs.existsSync(dir)).toBe(true);
    releaseTemp(mine);
    expect(fs.existsSync(mine)).toBe(false);
  });
});

describe("tryReleaseTemp", () => {
  it("does not throw when a temporary folder cannot be removed yet (a browser still writing), and keeps it for later", (ctx) => {
    const folder = makeTempFolder("browser");
    fs.mkdirSync(path.join(folder, "profile"));
    const undo = makeImmutable(path.join(folder, "profile"));
    if (undo === undefined) {
      releaseTemp(folder);
      return ctx.skip();
    }
    try {
      expect(tryReleaseTemp(folder)).toBe(false);
    } finally {
      undo();
    }
    expect(tryReleaseTemp(folder)).toBe(true);
    expect(fs.existsSync(folder)).toBe(false);
  });
});

describe("installTempCleanup", () => {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`removes the process's own temporary files and folders on ${signal} and exits ${code}`, async () => {
      const script = `require("tsx/cjs"); const t = require("./src/io/tempFiles.ts"); const fs = require("node:fs");
        t.installTempCleanup(); const f = t.tempPathFor(process.argv[1] + "/out.csv"); fs.writeFileSync(f, "x"); const d = t.makeTempFolder("ceo");
        fs.writeFileSync(d + "/page.pdf", "x"); process.stdout.write(JSON.stringify([f, d]) + "\\n"); setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ["-e", script, dir], { cwd: path.join(__dirname, "..", ".."), stdio: ["ignore", "pipe", "inherit"] });
      const line = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(d.toString())));
      const [file, folder] = JSON.parse(line) as [string, string];
      expect(fs.existsSync(file) && fs.existsSync(folder)).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(folder)).toBe(false);
    });
  }
});
