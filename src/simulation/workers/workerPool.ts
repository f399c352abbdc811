import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { exportBetaTables } from "../inputs/distributions";
import { workerScript } from "./workerBundle";

/** A job for the pool: one setup per worker, then tasks 0..tasks-1 handed out one at a time. */
export interface PoolJob<V> {
  /** Which engine the worker prepares ("monte-carlo": blocks; "rollout": trials; "design-models": programme models of designs). */
  kind: "monte-carlo" | "rollout" | "design-models";
  /** Plain data the worker builds its context from (structured-cloned once per worker). */
  init: unknown;
  tasks: number;
  /** Workers to use, >= 1 (at most `tasks` are used). */
  workers: number;
  /** Called in the main thread with each task's value, in completion order. */
  onResult: (index: number, value: V) => void;
}

interface Reply {
  job: number;
  index: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

const idle: Worker[] = [];
let nextJob = 0;

/** Idle workers kept between jobs; more are terminated when released. */
function maxIdle(): number {
  return Math.max(2, availableParallelism());
}

function spawn(): Worker {
  const { file, execArgv } = workerScript();
  const w = new Worker(file, { execArgv });
  // A dead worker leaves the pool for good.
  w.once("exit", () => {
    const at = idle.indexOf(w);
    if (at >= 0) idle.splice(at, 1);
  });
  w.on("error", () => undefined); // reported to the running job by its own listener; an idle worker's error only removes it (exit follows)
  return w;
}

function release(w: Worker): void {
  w.removeAllListeners("message");
  if (idle.length < maxIdle()) {
    w.unref(); // an idle worker never keeps the process (CLI, vitest, notebook kernel) alive
    idle.push(w);
  } else void w.terminate();
}

/**
 * Runs a job on the process's warm worker pool: idle workers are reused
 * (started once per process, unref'd while idle so they never keep the
 * process alive), missing ones are started from the pre-compiled worker
 * script ({@link workerScript}). Each worker receives the job's `init` once
 * (with this thread's beta quantile tables, so it does not recompute them),
 * then task indices one at a time (dynamic load balancing); values arrive in
 * completion order, so callers merge them by index for results that do not
 * depend on the number of workers. Several jobs may run at once (each gets
 * its own workers).
 *
 * @throws Error (rejects) when a task throws in its worker or a worker dies; the other workers finish their current task and return to the pool.
 * @example
 * await runOnWorkers({ kind: "monte-carlo", init, tasks: 16, workers: 2, onResult: (i, block) => (results[i] = block) })
 */
export function runOnWorkers<V>(job: PoolJob<V>): Promise<void> {
  const { tasks } = job;
  if (!(Number.isSafeInteger(tasks) && tasks >= 0)) return Promise.reject(new RangeError(`tasks must be an integer >= 0, got ${tasks}`));
  if (!(Number.isSafeInteger(job.workers) && job.workers >= 1)) return Promise.reject(new RangeError(`workers must be an integer >= 1, got ${job.workers}`));
  if (tasks === 0) return Promise.resolve();
  const id = nextJob++;
  const count = Math.min(job.workers, tasks);
  const tables = exportBetaTables();
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (err: Error): void => {
      if (failed) return;
      failed = true;
      reject(err);
    };
    for (let i = 0; i < count; i += 1) {
      const w = idle.pop() ?? spawn();
      w.ref();
      let busy = false;
      const onError = (err: Error): void => {
        cleanup();
        fail(err);
      };
      const onExit = (code: number): void => {
        cleanup();
        fail(new Error(`${job.kind} worker exited with code ${code}`));
      };
      const cleanup = (): void => {
        w.off("error", onError);
        w.off("exit", onExit);
        w.removeAllListeners("message");
      };
      const feed = (): boolean => {
        if (failed || next >= tasks) return false;
        busy = true;
        w.postMessage({ type: "task", job: id, index: next++ });
        return true;
      };
      w.on("message", (m: Reply) => {
        if (m.job !== id) return;
        busy = false;
        if (!m.ok) fail(new Error(`${job.kind} worker: ${m.error ?? "no result"}`));
        else if (!failed) {
          try {
            job.onResult(m.index, m.value as V);
            done += 1;
            if (done === tasks) resolve();
          } catch (err) {
            fail(err instanceof Error ? err : new Error(String(err)));
          }
        }
        if (!feed() && !busy) {
          cleanup();
          release(w);
        }
      });
      w.on("error", onError);
      w.on("exit", onExit);
      w.postMessage({ type: "setup", job: id, kind: job.kind, init: job.init, tables });
      feed();
    }
  });
}

/**
 * Terminates the pool's idle workers (the next job starts fresh ones: cold
 * start-up, for benchmarks). Not needed before exit: idle workers are unref'd.
 *
 * @example
 * await terminateWorkerPool(); idleWorkerCount() // 0
 */
export async function terminateWorkerPool(): Promise<void> {
  const all = idle.splice(0, idle.length);
  await Promise.all(all.map((w) => w.terminate()));
}
