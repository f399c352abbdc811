#!/usr/bin/env node
// Builds lib/, the compiled library that notebooks import ("./lib/plan",
// "./lib/charts", ...): CommonJS JavaScript and declarations, one file per
// file of src/, by `tsc -p tsconfig.lib.json` (incremental). tslab then
// reads declarations only, instead of type-checking and compiling every
// imported source file on the kernel's first import (10-35 s before).
//
//   node scripts/build-lib.js              build (always)
//   node scripts/build-lib.js --if-stale   build only when a file of src/ (or a
//                                          tsconfig) changed since the last build
//
// The kernel (scripts/kernel.sh) runs it with --if-stale before it starts, so
// an edit in src/ reaches notebooks at the next kernel start. Concurrent runs
// (several kernels starting at once) take turns through a lock folder. Type
// errors are reported on stderr but do not stop the build (as tsx would run
// the sources anyway); exit 1 only when tsc cannot run.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const SRC = path.join(ROOT, "src");
const LIB = path.join(ROOT, "lib");
const STAMP = path.join(LIB, ".build-stamp.json");
const LOCK = path.join(ROOT, "node_modules", ".cache", "churnlab", "build-lib.lock");
// This script is among them: a change to how lib/ is built rebuilds it.
const CONFIGS = ["tsconfig.json", "tsconfig.lib.json", "package-lock.json", "scripts/build-lib.js"].map((f) => path.join(ROOT, f));
// Worker entries started from their TypeScript source (see linkWorkers).
const WORKERS = [path.join("simulation", "workers", "simulationWorker.ts"), path.join("data", "synth", "blockWorker.ts")];

/** Every .ts file under src/, relative, sorted. */
function sourceFiles(dir = SRC, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (entry.name.endsWith(".ts")) out.push(path.relative(SRC, full));
  }
  return out.sort();
}

/** Newest modification time (ms) of the sources and configs, and the list of sources. */
function sourceState() {
  const files = sourceFiles();
  let newest = 0;
  for (const file of [...files.map((f) => path.join(SRC, f)), ...CONFIGS]) {
    if (fs.existsSync(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return { files, newest };
}

/** Why lib/ needs a build, or "" when it is up to date. */
function staleReason() {
  if (!fs.existsSync(STAMP)) return "no build yet";
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return "unreadable build stamp";
  }
  const { files, newest } = sourceState();
  if (JSON.stringify(stamp.files) !== JSON.stringify(files)) return "files added or removed in src/";
  if (newest > stamp.newest) return "src/ changed";
  return "";
}

/** Takes the lock folder (waiting while another build holds it); a lock older than 10 minutes is a crashed build's and is broken. */
function lock() {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(LOCK).mtimeMs;
      } catch {
        continue;
      }
      if (age > 10 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another build of lib/ holds ${LOCK}`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Removes outputs whose source file is gone (tsc's incremental build leaves them). */
function removeOrphans(files) {
  const wanted = new Set(files.map((f) => f.replace(/\.ts$/, "")));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isSymbolicLink() && !WORKERS.includes(path.relative(LIB, full)))
        fs.rmSync(full); // a worker link from an older layout
      else {
        const rel = path.relative(LIB, full);
        const base = rel.replace(/(\.d\.ts|\.js)(\.map)?$/, "");
        if (base !== rel && !wanted.has(base)) fs.rmSync(full);
      }
    }
  };
  if (fs.existsSync(LIB)) walk(LIB);
}

/**
 * The simulation and the streamed synth start their worker threads from a
 * TypeScript entry next to their own module (`simulationWorker.ts`,
 * `blockWorker.ts`; bundled by esbuild, or run through tsx), and key the
 * bundle cache on a hash of the .ts files around it. In lib/ each entry is a
 * link to the source, and a stamp file carries a hash of src/, so the cache
 * key changes whenever any source does.
 */
function linkWorkers(files) {
  for (const worker of WORKERS) {
    const link = path.join(LIB, worker);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(path.relative(path.dirname(link), path.join(SRC, worker)), link);
  }
  const hash = crypto.createHash("sha256");
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(SRC, file)));
  fs.writeFileSync(path.join(LIB, "sourceStamp.d.ts"), `// sha256 of src/ at this build: ${hash.digest("hex")}\nexport {};\n`);
}

function build() {
  const started = Date.now();
  const { files, newest } = sourceState();
  const tsc = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.lib.json")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (tsc.error !== undefined || !fs.existsSync(path.join(LIB, "index.js"))) {
    process.stderr.write(`build-lib: tsc could not build lib/: ${tsc.error?.message ?? tsc.stdout + tsc.stderr}\n`);
    return 1;
  }
  if (tsc.status !== 0) process.stderr.write(`build-lib: lib/ built, but src/ has type errors:\n${tsc.stdout}${tsc.stderr}`);
  removeOrphans(files);
  linkWorkers(files);
  fs.writeFileSync(STAMP, `${JSON.stringify({ files, newest, builtAt: new Date().toISOString() })}\n`);
  process.stderr.write(`build-lib: lib/ built from src/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

function main() {
  const ifStale = process.argv.includes("--if-stale");
  if (ifStale && staleReason() === "") return 0;
  lock();
  try {
    // Another process may have built it while this one waited for the lock.
    const reason = staleReason();
    if (ifStale && reason === "") return 0;
    if (reason !== "") process.stderr.write(`build-lib: building lib/ (${reason})\n`);
    return build();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

process.exitCode = main();
