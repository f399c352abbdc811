import { availableParallelism } from "node:os";
import { createBlockContext, DEFAULT_BLOCK_SIZE, runBlock, type BlockOptions, type BlockResult, type DesignOptions } from "./blockRunner";
import { kthOfSortedBlocks } from "./sortedBlocks";
import { convergenceCheckpoints, probabilityEstimate, summarizeOrdered, type ConvergenceTrace, type OutputSummary, type ProbabilityEstimate } from "./summaries";
import { runOnWorkers } from "./workerPool";
import type { BenefitModel, CostView, SamplingMethod, UncertainPlan } from "./uncertainPlan";

/** Options of {@link runMonteCarlo}. */
export interface MonteCarloOptions {
  /** Number of trials, integer >= 1. */
  trials: number;
  /** Master seed (integer); the result is a function of (plan, seed, trials, design) only. */
  seed: number;
  /** Worker threads: 0 runs in this thread; default 0 up to one block of trials, else min(cores, blocks). The result does not depend on it. */
  workers?: number;
  model?: BenefitModel;
  costs?: CostView;
  sampling?: SamplingMethod;
  /** Ignore the plan's correlations (default false). */
  independent?: boolean;
  /** Override the plan's coverage ramp (bottom-up model only). */
  coverageRamp?: boolean;
  /** Trials per block (default 65,536); part of the design: changing it changes the draws. */
  blockSize?: number;
  /** Called after each block with trials done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Keep the per-trial Float32 outputs in the result (default true; 16 bytes per trial). */
  keepSamples?: boolean;
}

/** Per-trial outputs in trial order (Float32). */
export interface MonteCarloSamples {
  roi: Float32Array;
  netBenefit: Float32Array;
  paybackMonths: Float32Array;
  npv: Float32Array;
}

/** Result of a Monte Carlo run: summaries with standard errors, probabilities, convergence. */
export interface MonteCarloResult {
  trials: number;
  seed: number;
  workers: number;
  model: BenefitModel;
  costs: CostView;
  sampling: SamplingMethod;
  blockSize: number;
  /** ROI as a fraction (3.59 is 359%). */
  roi: OutputSummary;
  /** Whether the coverage ramp applied (bottom-up model only). */
  coverageRamp: boolean;
  /** Benefit − first-year cost, yuan. */
  netBenefit: OutputSummary;
  paybackMonths: OutputSummary;
  /** Net present value of the first year, yuan (see compilePlanKernel). */
  npv: OutputSummary;
  /** P(ROI < 0). */
  probLoss: ProbabilityEstimate;
  /** P(ROI > 200%), the MVP's success bar. */
  probRoiAbove200: ProbabilityEstimate;
  /** P(payback > 12 months). */
  probPaybackOver12: ProbabilityEstimate;
  convergence: ConvergenceTrace;
  samples?: MonteCarloSamples;
}

/** Default number of worker threads for a run of `trials` trials. */
export function defaultWorkers(trials: number, blockSize = DEFAULT_BLOCK_SIZE): number {
  const blocks = Math.ceil(trials / blockSize);
  return blocks <= 1 ? 0 : Math.max(1, Math.min(availableParallelism(), blocks));
}

async function runBlocksInWorkers(plan: UncertainPlan, design: DesignOptions, blockSize: number, trials: number, workers: number, blockOptions: BlockOptions, onBlock: (r: BlockResult) => void): Promise<void> {
  await runOnWorkers<BlockResult>({
    kind: "monte-carlo",
    init: { json: plan.json, source: plan.source, design, blockSize, trials, blockOptions },
    tasks: Math.ceil(trials / blockSize),
    workers,
    onResult: (_index, r) => onBlock(r),
  });
}

/**
 * Runs the plan model for N trials with every uncertain input drawn from its
 * distribution, in blocks of `blockSize` trials each with its own stream
 * (`FastRng.forRange(seed, "monte-carlo", block)`), optionally on worker
 * threads (the process's warm pool, runOnWorkers: started once, reused by
 * later runs). Blocks are merged in block order, so the result for a seed is
 * bit-identical whatever the number of workers.
 *
 * Each block sorts its own outputs (in parallel on the workers); quantiles are
 * then selected across the sorted blocks (exact order statistics of the
 * Float32 outputs), and the convergence trace is assembled from per-block
 * prefix sums, so the main thread does no per-trial work.
 *
 * Memory: 16 bytes per trial for the Float32 outputs (32 with `keepSamples`)
 * plus one block's uniform matrix per thread (160 MB for 10 million trials).
 *
 * @throws RangeError when trials, workers or blockSize are not positive integers
 * @example
 * (await runMonteCarlo(loadUncertainPlan("data/plans/seed-plan.json"), { trials: 1000, seed: 1 })).roi.sd // 0 (no uncertain input)
 */
export async function runMonteCarlo(plan: UncertainPlan, options: MonteCarloOptions): Promise<MonteCarloResult> {
  const { trials, seed } = options;
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  if (!(Number.isSafeInteger(trials) && trials >= 1)) throw new RangeError(`trials must be an integer >= 1, got ${trials}`);
  if (!(Number.isSafeInteger(blockSize) && blockSize >= 1)) throw new RangeError(`blockSize must be an integer >= 1, got ${blockSize}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const workers = options.workers ?? defaultWorkers(trials, blockSize);
  if (!(Number.isSafeInteger(workers) && workers >= 0)) throw new RangeError(`workers must be an integer >= 0, got ${workers}`);
  const design: DesignOptions = { seed };
  if (options.model !== undefined) design.model = options.model;
  if (options.costs !== undefined) design.costs = options.costs;
  if (options.sampling !== undefined) design.sampling = options.sampling;
  if (options.independent === true) design.independent = true;
  if (options.coverageRamp !== undefined) design.coverageRamp = options.coverageRamp;

  const blocks = Math.ceil(trials / blockSize);
  const keep = options.keepSamples ?? true;
  const blockOptions: BlockOptions = { keepOrder: keep, checkpoints: convergenceCheckpoints(trials) };
  const results: Array<BlockResult | undefined> = new Array(blocks);
  let doneTrials = 0;
  const onBlock = (r: BlockResult): void => {
    results[r.index] = r;
    doneTrials += r.count;
    options.onProgress?.(doneTrials, trials);
  };
  if (workers === 0) {
    const ctx = createBlockContext(plan, design);
    for (let b = 0; b < blocks; b += 1) {
      onBlock(runBlock(ctx, b, blockSize, trials, blockOptions));
      if (options.onProgress !== undefined && b + 1 < blocks) await new Promise((r) => setImmediate(r));
    }
  } else {
    await runBlocksInWorkers(plan, design, blockSize, trials, workers, blockOptions, onBlock);
  }
  const done = results as BlockResult[];

  // Merge in block order: Chan et al. (1979) pairwise update of mean and M2; convergence from prefix sums.
  const moments = new Float64Array(15);
  const convergence: ConvergenceTrace = { trials: [], roiMean: [], roiMeanSe: [], probLoss: [], probRoiAbove200: [] };
  const before = new Float64Array(5);
  for (let b = 0; b < blocks; b += 1) {
    const r = done[b]!;
    for (let k = 0; k < 4; k += 1) {
      const m = k * 3;
      const na = moments[m + 2]!;
      const nb = r.moments[m + 2]!;
      const n = na + nb;
      if (nb === 0) continue;
      const delta = r.moments[m]! - moments[m]!;
      moments[m] = moments[m]! + (delta * nb) / n;
      moments[m + 1] = moments[m + 1]! + r.moments[m + 1]! + (delta * delta * na * nb) / n;
      moments[m + 2] = n;
    }
    for (let k = 12; k < 15; k += 1) moments[k] = moments[k]! + r.moments[k]!;
    for (let row = 0; row * 6 < r.trace.length; row += 1) {
      const at = row * 6;
      const n = before[0]! + r.trace[at + 1]!;
      const s = before[1]! + r.trace[at + 2]!;
      const ss = before[2]! + r.trace[at + 3]!;
      const c = r.trace[at]!;
      convergence.trials.push(c);
      convergence.roiMean.push(n > 0 ? r.roiShift + s / n : Number.NaN);
      convergence.roiMeanSe.push(n > 1 ? Math.sqrt(Math.max(0, ss - (s * s) / n) / (n - 1) / n) : Number.NaN);
      convergence.probLoss.push((before[3]! + r.trace[at + 4]!) / c);
      convergence.probRoiAbove200.push((before[4]! + r.trace[at + 5]!) / c);
    }
    for (let k = 0; k < 5; k += 1) before[k] = before[k]! + r.roiSums[k]!;
  }
  const summary = (sorted: Float32Array[], k: number): OutputSummary =>
    summarizeOrdered(moments[k * 3]!, moments[k * 3 + 1]!, moments[k * 3 + 2]!, trials, (rank) => kthOfSortedBlocks(sorted, rank));
  const assumptions = plan.assumptions;
  const result: MonteCarloResult = {
    trials,
    seed,
    workers,
    model: options.model ?? assumptions.model,
    costs: options.costs ?? assumptions.costs,
    sampling: options.sampling ?? plan.sampling,
    coverageRamp: (options.model ?? assumptions.model) === "bottom-up" && (options.coverageRamp ?? assumptions.coverageRamp),
    blockSize,
    roi: summary(done.map((r) => r.sortedRoi), 0),
    netBenefit: summary(done.map((r) => r.sortedNetBenefit), 1),
    paybackMonths: summary(done.map((r) => r.sortedPaybackMonths), 2),
    npv: summary(done.map((r) => r.sortedNpv), 3),
    probLoss: probabilityEstimate(moments[12]!, trials),
    probRoiAbove200: probabilityEstimate(moments[13]!, trials),
    probPaybackOver12: probabilityEstimate(moments[14]!, trials),
    convergence,
  };
  if (keep) {
    const join = (pick: (r: BlockResult) => Float32Array | undefined): Float32Array => {
      const all = new Float32Array(trials);
      for (let b = 0; b < blocks; b += 1) all.set(pick(done[b]!)!, b * blockSize);
      return all;
    };
    result.samples = { roi: join((r) => r.roi), netBenefit: join((r) => r.netBenefit), paybackMonths: join((r) => r.paybackMonths), npv: join((r) => r.npv) };
  }
  return result;
}
