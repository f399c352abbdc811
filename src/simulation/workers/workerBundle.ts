import { join } from "node:path";
import { bundledWorkerScript, type WorkerScript } from "../../io/workerScript";

export type { WorkerScript } from "../../io/workerScript";

/**
 * The script of the simulation worker thread (src/simulation/workers/simulationWorker.ts),
 * bundled once per source version by {@link bundledWorkerScript} into
 * node_modules/.cache/churnlab/simulation-worker-<hash>-<esbuild version>.js.
 *
 * @example
 * workerScript().mode // "bundle"
 */
export function workerScript(): WorkerScript {
  return bundledWorkerScript(join(__dirname, "simulationWorker.ts"), "simulation-worker");
}
