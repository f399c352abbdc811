// Worker thread of streamPopulationParallel: simulates the blocks it is sent
// and posts each week's coded events, then the block's customers and truth.
import { parentPort } from "node:worker_threads";
import { blockCustomerChunks, blockEventChunks, type CodedChunk } from "./codedChunks";
import { clearEvents } from "./eventBuffers";
import { resolveSynthSettings, type SynthOptions } from "./settings";
import { simulateBlock } from "./simulateBlock";
import { createRun } from "./synthRun";

/** A block to simulate. */
export interface BlockTask {
  options: Omit<SynthOptions, "onProgress">;
  block: number;
  first: number;
  count: number;
}

/** A coded chunk as posted between threads (the schema by name). */
export interface PostedChunk {
  table: string;
  length: number;
  values: Array<Int32Array | Float64Array>;
}

/** What a worker posts: pieces of one block, and at the end its churn days. */
export interface BlockMessage {
  block: number;
  pieces: PostedChunk[];
  churnDay?: Float64Array;
  error?: string;
}

function post(block: number, chunks: CodedChunk[], churnDay?: Float64Array): void {
  const pieces = chunks.map((c) => ({ table: c.schema.name, length: c.length, values: c.values }));
  const buffers = new Set<ArrayBuffer>(pieces.flatMap((p) => p.values.map((v) => v.buffer as ArrayBuffer)));
  if (churnDay !== undefined) buffers.add(churnDay.buffer as ArrayBuffer);
  const message: BlockMessage = churnDay === undefined ? { block, pieces } : { block, pieces, churnDay };
  parentPort?.postMessage(message, [...buffers]);
}

parentPort?.on("message", (task: BlockTask) => {
  try {
    const settings = resolveSynthSettings(task.options);
    const run = createRun(settings, task.count, task.block);
    simulateBlock(run, () => {
      post(task.block, blockEventChunks(run, task.first));
      clearEvents(run.events);
    });
    post(task.block, blockCustomerChunks(run, task.first), Float64Array.from(run.state.churnDay));
  } catch (err) {
    parentPort?.postMessage({ block: task.block, pieces: [], error: err instanceof Error ? err.message : String(err) });
  }
});
