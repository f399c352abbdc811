// Worker thread of the rollout simulation: re-parses the uncertain plan it is
// given, then runs the trials the main thread sends, one message per trial.
import { parentPort, workerData } from "node:worker_threads";
import type { RolloutCalibration } from "./rolloutCalibration";
import { createTrialContext, runRolloutTrial, type RolloutDesign } from "./rolloutTrials";
import { parseUncertainPlan } from "./uncertainPlan";

interface RolloutWorkerInit {
  json: unknown;
  source: string;
  design: RolloutDesign;
  calibration: RolloutCalibration;
}

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as RolloutWorkerInit;
  const ctx = createTrialContext(parseUncertainPlan(init.json, init.source), init.design, init.calibration);
  port.on("message", (message: { trial: number }) => {
    try {
      port.postMessage({ ok: true, trial: message.trial, runs: runRolloutTrial(ctx, message.trial) });
    } catch (err) {
      port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
