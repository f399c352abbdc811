// Worker thread of the simulation engines (Monte Carlo blocks, rollout
// trials and design models), kept warm by workerPool.ts and reused across runs. Protocol (one
// job at a time per worker, messages in order):
//   main -> worker  { type: "setup", job, kind, init }   prepare the job's context once
//   main -> worker  { type: "task", job, index }         run block / trial `index`
//   worker -> main  { job, index, ok: true, value } | { job, index, ok: false, error }
// Bundled once per source version into plain JavaScript (workerBundle.ts), so
// a new worker does not compile TypeScript.
import { parentPort } from "node:worker_threads";
import { blockBuffers, createBlockContext, runBlock, type BlockOptions, type DesignOptions } from "../montecarlo/blockRunner";
import type { ProgrammeModel } from "../programme/programmeModel";
import type { RolloutCalibration } from "../population/rolloutCalibration";
import { createTrialContext, runRolloutTrial, type RolloutDesign } from "../rollout/rolloutTrials";
import { importBetaTables } from "../inputs/distributions";
import { parseUncertainPlan } from "../inputs/uncertainPlan";
import { buildDesignModel, type DesignModelRequest } from "../design/designModel";
import type { DesignAssumptions } from "../design/programmeDesign";

/** Init data of a Monte Carlo job. */
interface MonteCarloInit {
  json: unknown;
  source: string;
  design: DesignOptions;
  blockSize: number;
  trials: number;
  blockOptions: BlockOptions;
}

/** Init data of a rollout job. */
interface RolloutInit {
  json: unknown;
  source: string;
  design: RolloutDesign;
  calibration: RolloutCalibration;
  programme: ProgrammeModel;
}

/** Init data of a design-models job: the plan and one request per model. */
interface DesignModelsInit {
  json: unknown;
  source: string;
  assumptions: DesignAssumptions;
  requests: DesignModelRequest[];
}

/** Beta quantile tables the main thread already computed (exportBetaTables), sent with every setup. */
type Tables = Array<[string, Float64Array]>;
type Setup =
  | { type: "setup"; job: number; kind: "monte-carlo"; init: MonteCarloInit; tables: Tables }
  | { type: "setup"; job: number; kind: "rollout"; init: RolloutInit; tables: Tables }
  | { type: "setup"; job: number; kind: "design-models"; init: DesignModelsInit; tables: Tables };
type Task = { type: "task"; job: number; index: number };

if (parentPort !== null) {
  const port = parentPort;
  let job = -1;
  let run: ((index: number) => void) | undefined;
  let setupError: string | undefined;
  port.on("message", (message: Setup | Task) => {
    if (message.type === "setup") {
      job = message.job;
      run = undefined;
      setupError = undefined;
      try {
        importBetaTables(message.tables);
        if (message.kind === "monte-carlo") {
          const init = message.init;
          const ctx = createBlockContext(parseUncertainPlan(init.json, init.source), init.design);
          run = (index) => {
            const value = runBlock(ctx, index, init.blockSize, init.trials, init.blockOptions);
            port.postMessage({ job, index, ok: true, value }, blockBuffers(value));
          };
        } else if (message.kind === "design-models") {
          const init = message.init;
          const plan = parseUncertainPlan(init.json, init.source);
          run = (index) => {
            const r = init.requests[index]!;
            port.postMessage({ job, index, ok: true, value: buildDesignModel(plan, r.design, init.assumptions, r.calibration, r.options) });
          };
        } else {
          const init = message.init;
          const ctx = createTrialContext(parseUncertainPlan(init.json, init.source), init.design, init.calibration, init.programme);
          run = (index) => port.postMessage({ job, index, ok: true, value: runRolloutTrial(ctx, index) });
        }
      } catch (err) {
        setupError = err instanceof Error ? err.message : String(err);
      }
      return;
    }
    try {
      if (message.job !== job || run === undefined) throw new Error(setupError ?? `task for job ${message.job} before its setup`);
      run(message.index);
    } catch (err) {
      port.postMessage({ job: message.job, index: message.index, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
