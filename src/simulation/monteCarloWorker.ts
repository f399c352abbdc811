// Worker thread of the Monte Carlo engine: re-parses the plan it is given,
// then runs the blocks the main thread sends, one message per block.
import { parentPort, workerData } from "node:worker_threads";
import { blockBuffers, createBlockContext, runBlock, type BlockOptions, type DesignOptions } from "./blockRunner";
import { parseUncertainPlan } from "./uncertainPlan";

interface WorkerInit {
  json: unknown;
  source: string;
  design: DesignOptions;
  blockSize: number;
  trials: number;
  blockOptions: BlockOptions;
}

if (parentPort !== null) {
  const port = parentPort;
  const init = workerData as WorkerInit;
  const ctx = createBlockContext(parseUncertainPlan(init.json, init.source), init.design);
  port.on("message", (message: { block: number }) => {
    try {
      const r = runBlock(ctx, message.block, init.blockSize, init.trials, init.blockOptions);
      port.postMessage({ ok: true, result: r }, blockBuffers(r));
    } catch (err) {
      port.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
