import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { join, relative } from "node:path";
import { writeFileAtomic } from "../../io/writeFileAtomic";

/** How a worker thread is started: a script and the Node flags it needs. */
export interface WorkerScript {
  file: string;
  execArgv: string[];
  /** "bundle": pre-compiled JavaScript (no TypeScript loader in the worker); "tsx": the TypeScript source through tsx's loader. */
  mode: "bundle" | "tsx";
}

const ENTRY = join(__dirname, "simulationWorker.ts");
const SRC = join(__dirname, "..", "..");
const CACHE = join(__dirname, "..", "..", "..", "node_modules", ".cache", "churnlab");

let memo: WorkerScript | undefined;

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
function tsxScript(): WorkerScript {
  return { file: ENTRY, execArgv: ["--require", require.resolve("tsx/cjs")], mode: "tsx" };
}

/**
 * The script of the simulation worker thread (src/simulation/workers/simulationWorker.ts):
 * bundled once by esbuild (tsx's own dependency) into
 * node_modules/.cache/churnlab/simulation-worker-<hash>.js, keyed by a hash
 * of the sources under src/ (npm packages stay external and resolve from the
 * repository's node_modules), so a new worker starts in tens of
 * milliseconds instead of compiling the engine with tsx (about 0.6 s per
 * worker). Falls back to tsx when esbuild or the cache folder is unavailable
 * or `CHURNLAB_WORKER_TSX=1`. Memoized per process (rebuilt if the file
 * disappears); bundles of other sources are removed a day after they were built.
 *
 * @example
 * workerScript().mode // "bundle"
 */
export function workerScript(): WorkerScript {
  if (memo !== undefined && (memo.mode === "tsx" || fs.existsSync(memo.file))) return memo;
  if (process.env.CHURNLAB_WORKER_TSX === "1") {
    memo = tsxScript();
    return memo;
  }
  try {
    const esbuild = require("esbuild") as typeof import("esbuild");
    const file = join(CACHE, `simulation-worker-${sourceHash()}-${esbuild.version}.js`);
    if (!fs.existsSync(file)) {
      const built = esbuild.buildSync({
        entryPoints: [ENTRY],
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
      // Drop bundles of older sources built over a day ago (a long-lived process, e.g. a notebook kernel, may still start workers from one).
      const dayAgo = Date.now() - 86_400_000;
      for (const old of fs.readdirSync(CACHE)) {
        const path = join(CACHE, old);
        if (old.startsWith("simulation-worker-") && old.endsWith(".js") && path !== file && fs.statSync(path).mtimeMs < dayAgo)
          fs.rmSync(path, { force: true });
      }
    }
    memo = { file, execArgv: [], mode: "bundle" };
  } catch {
    memo = tsxScript();
  }
  return memo;
}
