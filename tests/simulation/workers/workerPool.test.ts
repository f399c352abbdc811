import { afterAll, describe, expect, it, vi } from "vitest";
import { createBlockContext, drawBlockUniforms, runBlock, uniformsToValues } from "../../../src/simulation/montecarlo/blockRunner";
import { FastRng } from "../../../src/random/FastRng";
import { OUTPUTS } from "../../../src/simulation/montecarlo/planKernel";
import { runMonteCarlo } from "../../../src/simulation/montecarlo/monteCarlo";
import { loadUncertainPlan } from "../../../src/simulation/inputs/uncertainPlan";
import { runOnWorkers, terminateWorkerPool } from "../../../src/simulation/workers/workerPool";
import { workerScript } from "../../../src/simulation/workers/workerBundle";
import { compileDistribution, exportBetaTables, importBetaTables } from "../../../src/simulation/inputs/distributions";
import { betaQuantile } from "../../../src/random/index";
import { repoFile } from "../fixtures";

// Counts the worker threads the pool starts (the real Worker, observed), instead of asking the pool for its idle list.
const started = vi.hoisted(() => ({ workers: 0 }));
vi.mock("node:worker_threads", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:worker_threads")>();
  class CountedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.workers += 1;
    }
  }
  return { ...real, Worker: CountedWorker };
});

const plan = loadUncertainPlan(repoFile("data/plans/seed-plan-uncertain.json"));

afterAll(async () => {
  await terminateWorkerPool();
});

describe("runBlock (chunked copula, quantiles and model)", () => {
  it.each(["random", "latin-hypercube"] as const)(
    "gives the same outputs as the whole-block pipeline drawBlockUniforms → uniformsToValues → kernel (%s)",
    (sampling) => {
      const count = 5000; // more than two chunks of 2048, the last one partial
      const ctx = createBlockContext(plan, { seed: 11, sampling, model: "as-stated" });
      const r = runBlock(ctx, 1, count, 3 * count, { keepOrder: true });
      const dims = ctx.quantiles.length;
      const u = new Float64Array(count * dims);
      drawBlockUniforms(ctx, FastRng.forRange(11, "monte-carlo", 1), count, dims, u);
      uniformsToValues(ctx, count, u);
      const p = Float64Array.from(ctx.kernel.base);
      const out = new Float64Array(OUTPUTS);
      const expected = new Float32Array(count);
      for (let i = 0; i < count; i += 1) {
        for (let j = 0; j < dims; j += 1) if (ctx.inputSlots[j]! >= 0) p[ctx.inputSlots[j]!] = u[j * count + i]!;
        ctx.kernel.evaluate(p, out);
        expected[i] = out[0]!;
      }
      expect(r.ordered![0]).toEqual(expected);
    },
  );
});

describe("the warm worker pool", () => {
  it("runs workers from the esbuild bundle (no TypeScript compile per worker)", () => {
    expect(workerScript().mode).toBe("bundle");
    expect(workerScript().file).toMatch(/node_modules\/\.cache\/churnlab\/simulation-worker-[0-9a-f]{16}-[\d.]+\.js$/);
  });

  it("keeps its workers between runs and reuses them: the second run starts none and gives the same result", async () => {
    await terminateWorkerPool();
    const options = { trials: 3000, seed: 4, blockSize: 1000, workers: 2, keepSamples: false };
    const before = started.workers;
    const first = await runMonteCarlo(plan, options);
    expect(started.workers - before).toBe(2);
    const second = await runMonteCarlo(plan, options);
    expect(started.workers - before).toBe(2);
    expect(second.roi).toEqual(first.roi);
    expect(second.convergence).toEqual(first.convergence);
  });

  it("rejects with the worker's message when a task fails, and the pool stays usable", async () => {
    await expect(
      runOnWorkers({ kind: "monte-carlo", init: { json: {}, source: "bad.json" }, tasks: 2, workers: 1, onResult: () => undefined }),
    ).rejects.toThrow(/monte-carlo worker:/);
    const r = await runMonteCarlo(plan, { trials: 2000, seed: 4, blockSize: 1000, workers: 1, keepSamples: false });
    expect(r.trials).toBe(2000);
  });

  it("resolves at once for no tasks and rejects a worker count below 1", async () => {
    await expect(runOnWorkers({ kind: "rollout", init: null, tasks: 0, workers: 1, onResult: () => undefined })).resolves.toBeUndefined();
    await expect(runOnWorkers({ kind: "rollout", init: null, tasks: 1, workers: 0, onResult: () => undefined })).rejects.toThrow(RangeError);
  });
});

describe("beta quantile tables shared with workers", () => {
  it("holds the tables of the plan's PERT and beta inputs, each 4,097 exact beta quantiles (entry i = Q(i/4096))", () => {
    compileDistribution({ dist: "pert", min: 0, mode: 0.25, max: 1 }); // PERT(0, 0.25, 1) = Beta(1 + 4·0.25, 1 + 4·0.75) = Beta(2, 4) on [0, 1] (Vose)
    const table = new Map(exportBetaTables()).get("2,4");
    expect(table?.length).toBe(4097);
    expect(table![1024]).toBe(betaQuantile(0.25, 2, 4));
  });

  it("rejects a table of the wrong size", () => {
    expect(() => importBetaTables([["2,5", new Float64Array(10)]])).toThrow(RangeError);
  });
});
