import { availableParallelism } from "node:os";
import {
  COUNTS,
  createBlockContext,
  DEFAULT_BLOCK_SIZE,
  runBlock,
  SUMMARIZED_NAMES,
  type BlockOptions,
  type BlockResult,
  type DesignOptions,
} from "./blockRunner";
import type { ProgrammeModel } from "../programme/programmeModel";
import { programmeModelFor } from "../programme/programmeModelFor";
import { ignoredInputWarnings } from "./ignoredInputs";
import { kthOfSortedBlocks } from "../stats/sortedBlocks";
import {
  convergenceCheckpoints,
  probabilityEstimate,
  summarizeOrdered,
  type ConvergenceTrace,
  type OutputSummary,
  type ProbabilityEstimate,
} from "../stats/summaries";
import { runOnWorkers } from "../workers/workerPool";
import type { BenefitModel, CostView, SamplingMethod, UncertainPlan } from "../inputs/uncertainPlan";

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
  /** Override the plan's coverage ramp (as-stated model only). */
  coverageRamp?: boolean;
  /** The programme model to use (default: built for the plan, with a grid over its uncertain churn and AUC; reused within the process). */
  programme?: ProgrammeModel;
  /** Trials per block (default 65,536); part of the design: changing it changes the draws. */
  blockSize?: number;
  /** Called after each block with trials done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Keep the per-trial Float32 outputs in the result (default true up to 10 million trials; 20 bytes per trial). */
  keepSamples?: boolean;
}

/** Per-trial outputs in trial order (Float32). */
export interface MonteCarloSamples {
  roi: Float32Array;
  netBenefit: Float32Array;
  paybackMonths: Float32Array;
  npv: Float32Array;
  cashRoi: Float32Array;
}

/** Sorted values kept per output at most (beyond it, every stride-th order statistic of each block: memory stays bounded). */
export const MAX_SORTED_VALUES = 1 << 24;

/** Result of a Monte Carlo run: summaries with standard errors, probabilities, convergence. */
export interface MonteCarloResult {
  trials: number;
  seed: number;
  workers: number;
  model: BenefitModel;
  costs: CostView;
  sampling: SamplingMethod;
  blockSize: number;
  /** First-year ROI on lifetime value (the plan's valuation of a kept customer), a fraction (3.59 is 359%). */
  roi: OutputSummary;
  /** First-year cash ROI: the margin the kept customers bring in year 1 (plus referral value) against the year's cost. */
  cashRoi: OutputSummary;
  /** Whether the coverage ramp applied (as-stated model only). */
  coverageRamp: boolean;
  /** Lifetime-value benefit − first-year cost, yuan. */
  netBenefit: OutputSummary;
  /** Months until the cumulative cash flow turns positive (programme model; the as-stated model uses the plan's formula cost / monthly benefit). */
  paybackMonths: OutputSummary;
  /** Net present value, yuan: the programme model's cash flows over its horizon (3 years by default); the as-stated model's first year. */
  npv: OutputSummary;
  /** NPV horizon in years and the discount rate at base. */
  npvYears: number;
  discountRate: number;
  /** P(ROI < 0). */
  probLoss: ProbabilityEstimate;
  /** P(ROI > 200%), the MVP's success bar. */
  probRoiAbove200: ProbabilityEstimate;
  /** P(payback > 12 months). */
  probPaybackOver12: ProbabilityEstimate;
  /** P(NPV < 0). */
  probNpvNegative: ProbabilityEstimate;
  convergence: ConvergenceTrace;
  /** Uncertain inputs the chosen model does not read, and settings it ignores, in words. */
  warnings: string[];
  /** Every stride-th order statistic was kept for the quantiles (1: all; more for very many trials). */
  quantileStride: number;
  samples?: MonteCarloSamples;
}

/** Default number of worker threads for a run of `trials` trials. */
export function defaultWorkers(trials: number, blockSize = DEFAULT_BLOCK_SIZE): number {
  const blocks = Math.ceil(trials / blockSize);
  return blocks <= 1 ? 0 : Math.max(1, Math.min(availableParallelism(), blocks));
}

async function runBlocksInWorkers(
  plan: UncertainPlan,
  design: DesignOptions,
  blockSize: number,
  trials: number,
  workers: number,
  blockOptions: BlockOptions,
  onBlock: (r: BlockResult) => void,
): Promise<void> {
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
 * Memory: 20 bytes per trial for the Float32 outputs (40 with `keepSamples`,
 * kept up to 10 million trials), at most 2^24 sorted values per output
 * (beyond that, each block keeps every stride-th order statistic, so
 * quantiles are exact to within stride / trials in rank and memory stays
 * bounded for any number of trials), plus one block's uniform matrix per
 * thread.
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
  const model = options.model ?? plan.assumptions.model;
  if (model === "programme") design.programme = options.programme ?? programmeModelFor(plan);

  const blocks = Math.ceil(trials / blockSize);
  const stride = Math.max(1, Math.ceil(trials / MAX_SORTED_VALUES));
  const keep = (options.keepSamples ?? true) && trials <= 10_000_000;
  const blockOptions: BlockOptions = { keepOrder: keep, checkpoints: convergenceCheckpoints(trials), stride };
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
  const done = everyBlock(results);
  const { moments, convergence } = mergeBlocks(done);
  const S = SUMMARIZED_NAMES.length;
  const summary = (k: number): OutputSummary => {
    const sorted = done.map((r) => r.sorted[k]!);
    const kept = sorted.reduce((n, a) => n + a.length, 0);
    return summarizeOrdered(moments[k * 3]!, moments[k * 3 + 1]!, moments[k * 3 + 2]!, kept, (rank) => kthOfSortedBlocks(sorted, rank));
  };
  const assumptions = plan.assumptions;
  const result: MonteCarloResult = {
    trials,
    seed,
    workers,
    model,
    costs: options.costs ?? assumptions.costs,
    sampling: options.sampling ?? plan.sampling,
    coverageRamp: model === "as-stated" && (options.coverageRamp ?? assumptions.coverageRamp),
    blockSize,
    roi: summary(0),
    netBenefit: summary(1),
    paybackMonths: summary(2),
    npv: summary(3),
    cashRoi: summary(4),
    npvYears: model === "programme" ? assumptions.programme.horizonYears : 1,
    discountRate: assumptions.discountRate,
    probLoss: probabilityEstimate(moments[S * 3]!, trials),
    probRoiAbove200: probabilityEstimate(moments[S * 3 + 1]!, trials),
    probPaybackOver12: probabilityEstimate(moments[S * 3 + 2]!, trials),
    probNpvNegative: probabilityEstimate(moments[S * 3 + 3]!, trials),
    convergence,
    warnings: [...assumptions.warnings, ...ignoredInputWarnings(plan, design)],
    quantileStride: stride,
  };
  if (keep) {
    const join = (k: number): Float32Array => {
      const all = new Float32Array(trials);
      for (let b = 0; b < blocks; b += 1) all.set(done[b]!.ordered![k]!, b * blockSize);
      return all;
    };
    result.samples = { roi: join(0), netBenefit: join(1), paybackMonths: join(2), npv: join(3), cashRoi: join(4) };
  }
  return result;
}

/** Merges the blocks in block order: Chan et al. (1979) pairwise update of mean and M2; counts summed; convergence from prefix sums. */
function mergeBlocks(done: readonly BlockResult[]): { moments: Float64Array; convergence: ConvergenceTrace } {
  const S = SUMMARIZED_NAMES.length;
  const moments = new Float64Array(S * 3 + COUNTS);
  const convergence: ConvergenceTrace = { trials: [], roiMean: [], roiMeanSe: [], probLoss: [], probRoiAbove200: [] };
  const before = new Float64Array(5);
  for (const r of done) {
    for (let k = 0; k < S; k += 1) {
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
    for (let k = S * 3; k < S * 3 + COUNTS; k += 1) moments[k] = moments[k]! + r.moments[k]!;
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
  return { moments, convergence };
}

/** The block results once every block has reported (a missing one is a bug in the runner). */
function everyBlock(results: ReadonlyArray<BlockResult | undefined>): BlockResult[] {
  const done = results.filter((r): r is BlockResult => r !== undefined);
  if (done.length !== results.length) throw new Error(`Monte Carlo finished ${done.length} of ${results.length} blocks (bug)`);
  return done;
}
