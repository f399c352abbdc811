import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomic } from "./writeFileAtomic";

/** How a worker thread is started: a script and the Node flags it needs. */
export interface WorkerScript {
  file: string;
  execArgv: string[];
  /** "bundle": pre-compiled JavaScript (no TypeScript loader in the worker); "tsx": the TypeScript source through tsx's loader. */
  mode: "bundle" | "tsx";
}

const SRC = join(__dirname, "..");
const CACHE = join(__dirname, "..", "..", "node_modules", ".cache", "churnlab");

const memo = new Map<string, WorkerScript>();

/** SHA-256 (16 hex digits) of every TypeScript file under src/ (paths and contents): any source change gives a new bundle (and new cached programme models). */
export function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        hash.update(relative(SRC, path));
        hash.update(fs.readFileSync(path));
      }
    }
  };
  walk(SRC);
  return hash.digest("hex").slice(0, 16);
}

/** The tsx route: the TypeScript entry through tsx's CommonJS hook (resolved from here, whatever the working directory). */
function tsxScript(entry: string): WorkerScript {
  return { file: entry, execArgv: ["--require", require.resolve("tsx/cjs")], mode: "tsx" };
}

/** Bundles `entry` into `file` (atomically) and drops bundles of the same name built from other sources over a day ago. */
function buildBundle(entry: string, name: string, file: string): void {
  const esbuild = require("esbuild") as typeof import("esbuild");
  const built = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "silent",
  });
  const output = built.outputFiles[0];
  if (output === undefined) throw new Error("esbuild produced no output");
  writeFileAtomic(file, output.contents);
  // A long-lived process (e.g. a notebook kernel) may still start workers from a recent older bundle.
  const dayAgo = Date.now() - 86_400_000;
  for (const old of fs.readdirSync(CACHE)) {
    const path = join(CACHE, old);
    if (old.startsWith(`${name}-`) && old.endsWith(".js") && path !== file && fs.statSync(path).mtimeMs < dayAgo) fs.rmSync(path, { force: true });
  }
}

/**
 * The script of a worker thread whose entry is a TypeScript file under
 * src/: bundled once by esbuild (tsx's own dependency) into
 * node_modules/.cache/churnlab/<name>-<hash>-<esbuild version>.js, keyed by
 * a hash of the sources under src/ (npm packages stay external and resolve
 * from the repository's node_modules). A bundle starts in tens of
 * milliseconds instead of compiling with tsx (about 0.6 s per worker), and
 * runs hot loops about a quarter faster: esbuild's module-to-CommonJS
 * conversion behind tsx turns every imported function into a property
 * getter called on each use, where a bundle calls functions directly. Falls
 * back to tsx when esbuild or the cache folder is unavailable or
 * `CHURNLAB_WORKER_TSX=1`. Memoized per process and entry (rebuilt if the
 * file disappears); bundles of older sources are removed a day after they were built.
 *
 * @param entry absolute path of the worker's TypeScript entry.
 * @param name the bundle's file name prefix, e.g. "simulation-worker".
 * @example
 * bundledWorkerScript(join(__dirname, "blockWorker.ts"), "synth-worker").mode // "bundle"
 */
export function bundledWorkerScript(entry: string, name: string): WorkerScript {
  const known = memo.get(entry);
  if (known !== undefined && (known.mode === "tsx" || fs.existsSync(known.file))) return known;
  let script: WorkerScript;
  if (process.env.CHURNLAB_WORKER_TSX === "1") script = tsxScript(entry);
  else {
    try {
      const version = (require("esbuild") as typeof import("esbuild")).version;
      const file = join(CACHE, `${name}-${sourceHash()}-${version}.js`);
      if (!fs.existsSync(file)) buildBundle(entry, name, file);
      script = { file, execArgv: [], mode: "bundle" };
    } catch {
      script = tsxScript(entry);
    }
  }
  memo.set(entry, script);
  return script;
}
