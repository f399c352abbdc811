// Worker threads start from esbuild bundles of their TypeScript entries, cached by source hash.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { bundledWorkerScript, sourceHash } from "../../src/io/workerScript";

const synthEntry = path.resolve("src/data/synth/blockWorker.ts");

afterEach(() => {
  delete process.env.CHURNLAB_WORKER_TSX;
});

describe("bundledWorkerScript", () => {
  it("bundles the synth block worker into the cache, named by the source hash, with no TypeScript loader", () => {
    const script = bundledWorkerScript(synthEntry, "synth-worker");
    expect(script.mode).toBe("bundle");
    expect(script.execArgv).toEqual([]);
    expect(path.basename(script.file)).toMatch(new RegExp(`^synth-worker-${sourceHash()}-[\\d.]+\\.js$`));
    const code = fs.readFileSync(script.file, "utf8");
    // One scope: the samplers are plain functions, not getters of converted modules.
    expect(code).toContain("function sampleNormal(");
    expect(code).not.toMatch(/require\("\.\.?\//);
  });

  it("rebuilds a bundle that disappeared, and the rebuilt worker runs", async () => {
    const first = bundledWorkerScript(synthEntry, "synth-worker");
    fs.rmSync(first.file);
    const again = bundledWorkerScript(synthEntry, "synth-worker");
    expect(again.file).toBe(first.file);
    expect(fs.existsSync(again.file)).toBe(true);
    const worker = new Worker(again.file, { execArgv: again.execArgv });
    const reply = await new Promise<{ block: number; pieces: Array<{ table: string; length: number }>; error?: string }>((resolve) => {
      worker.once("message", resolve);
      worker.postMessage({ options: { customers: 50, seed: 1 }, block: 0, first: 0, count: 50 });
    });
    await worker.terminate();
    expect(reply.error).toBeUndefined();
    expect(reply.block).toBe(0);
    expect(reply.pieces.map((p) => p.table)).toContain("app_activity");
  });

  it("runs the TypeScript through tsx when CHURNLAB_WORKER_TSX=1", () => {
    process.env.CHURNLAB_WORKER_TSX = "1";
    const other = path.join(os.tmpdir(), "not-a-real-entry.ts");
    const script = bundledWorkerScript(other, "other-worker");
    expect(script).toEqual({ file: other, execArgv: ["--require", require.resolve("tsx/cjs")], mode: "tsx" });
  });
});
