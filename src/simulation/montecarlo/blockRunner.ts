import { FastRng } from "../../random/FastRng";
import { radixSortFloat32 } from "../stats/radixSort";
import { applyCopula, drawMarginalUniforms, scratchOf } from "./blockUniforms";
import { compilePlanKernel, OUT, OUTPUTS, type PlanKernel } from "./planKernel";
import { compileProgrammeKernel } from "../programme/programmeKernel";
import type { ProgrammeModel } from "../programme/programmeModel";
import { programmeModelFor } from "../programme/programmeModelFor";
import { cholesky } from "../inputs/correlation";
import {
  inputCorrelationMatrix,
  type BenefitModel,
  type CostView,
  type SamplingMethod,
  type SimulationAssumptions,
  type UncertainPlan,
} from "../inputs/uncertainPlan";

export { drawBlockUniforms, uniformsToValues } from "./blockUniforms";

/** Trials per block: each block has its own random stream, so results do not depend on how blocks are spread over workers. */
export const DEFAULT_BLOCK_SIZE = 65_536;

/** Run options that change the model or the design (all plain data, sent to worker threads). */
export interface DesignOptions {
  /** Master seed; block b draws from `FastRng.forRange(seed, "monte-carlo", b)`. */
  seed: number;
  /** Override the plan's benefit model. */
  model?: BenefitModel;
  /** Override the plan's cost view. */
  costs?: CostView;
  /** Override the plan's sampling design. */
  sampling?: SamplingMethod;
  /** Ignore declared correlations (inputs independent); default false. */
  independent?: boolean;
  /** Override the plan's coverage ramp (as-stated model only). */
  coverageRamp?: boolean;
  /** The programme model (built once in the main thread, sent to workers): required when the model is "programme". */
  programme?: ProgrammeModel;
}

/** The outputs every block summarizes, by index into the kernel's outputs, with their names. */
export const SUMMARIZED = [OUT.roi, OUT.netBenefit, OUT.paybackMonths, OUT.npv, OUT.cashRoi] as const;
/** Names of the summarized outputs, in {@link SUMMARIZED} order. */
export const SUMMARIZED_NAMES = ["roi", "netBenefit", "paybackMonths", "npv", "cashRoi"] as const;
/** Counts a block keeps, after the moments: ROI < 0, ROI > 200%, payback > 12 months, NPV < 0. */
export const COUNTS = 4;

/** The assumptions of a plan with a run's overrides applied. */
export function resolveAssumptions(plan: UncertainPlan, design: DesignOptions): SimulationAssumptions {
  return {
    ...plan.assumptions,
    model: design.model ?? plan.assumptions.model,
    costs: design.costs ?? plan.assumptions.costs,
    coverageRamp: design.coverageRamp ?? plan.assumptions.coverageRamp,
  };
}

/** Everything a thread needs to run blocks: the kernel, input quantiles and slots, copula factor. */
export interface BlockContext {
  kernel: PlanKernel;
  /** Slot of each input in the kernel (-1: the chosen model does not read it; its uniforms are still drawn, so streams do not depend on the model). */
  inputSlots: Int32Array;
  quantiles: Array<(u: number) => number>;
  /** Inputs in the Gaussian copula and the Cholesky factor of their correlation matrix. */
  copulaInputs: Int32Array;
  copulaFactor: Float64Array;
  sampling: SamplingMethod;
  seed: number;
  /** Work buffers reused from block to block in this thread (grown on demand): fresh multi-megabyte buffers per block cost page faults that serialize threads. */
  scratch: BlockScratch;
}

/** Reusable work buffers of a thread's blocks. */
export interface BlockScratch {
  u: Float64Array;
  perm: Int32Array;
  sort: Float32Array;
}

/**
 * Prepares a plan for running blocks (kernel, quantiles, copula).
 *
 * @throws RangeError when the correlation matrix is not positive definite
 */
export function createBlockContext(plan: UncertainPlan, design: DesignOptions): BlockContext {
  const assumptions = resolveAssumptions(plan, design);
  let kernel: PlanKernel;
  if (assumptions.model === "programme") kernel = compileProgrammeKernel(plan.base, assumptions, design.programme ?? programmeModelFor(plan));
  else kernel = compilePlanKernel(plan.base, assumptions);
  const pairs = design.independent ? [] : plan.correlations;
  const involved = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort((x, y) => x - y);
  const local = pairs.map((p) => ({ a: involved.indexOf(p.a), b: involved.indexOf(p.b), rankCorrelation: p.rankCorrelation }));
  return {
    kernel,
    inputSlots: Int32Array.from(
      plan.inputs.map((x) => {
        const slot = kernel.slotOf(x.path);
        return slot >= 0 && kernel.reads[slot] === 1 ? slot : -1;
      }),
    ),
    quantiles: plan.inputs.map((x) => x.compiled.quantile),
    copulaInputs: Int32Array.from(involved),
    copulaFactor: involved.length > 0 ? cholesky(inputCorrelationMatrix(involved.length, local)) : new Float64Array(0),
    sampling: design.sampling ?? plan.sampling,
    seed: design.seed,
    scratch: { u: new Float64Array(0), perm: new Int32Array(0), sort: new Float32Array(0) },
  };
}

/** Per-trial outputs of one block (Float32) and its exact moments (Float64). */
export interface BlockResult {
  index: number;
  count: number;
  /** Each summarized output's values sorted ascending (NaN last), or every `stride`-th of them: quantiles are selected across blocks. */
  sorted: Float32Array[];
  /** The summarized outputs in trial order, when asked for (`keepOrder`). */
  ordered?: Float32Array[];
  /** [mean, M2, finiteCount] per summarized output, then the {@link COUNTS} counts. */
  moments: Float64Array;
  /** ROI shift (the base plan's ROI) and, for the whole block, [finite, Σ(x − shift), Σ(x − shift)², losses, above 200%]. */
  roiShift: number;
  roiSums: Float64Array;
  /** Convergence checkpoints inside this block: rows of [trial (global, 1-based), finite, Σ, Σ², losses, above] for the block's trials up to it. */
  trace: Float64Array;
}

/** Per-run options of {@link runBlock}. */
export interface BlockOptions {
  /** Also return the outputs in trial order (default false). */
  keepOrder?: boolean;
  /** Global trial counts (1-based) at which to record the convergence trace. */
  checkpoints?: readonly number[];
  /** Keep every stride-th sorted value only (bounded memory for very many trials; default 1: all). */
  stride?: number;
}

/** Trials per cache-sized chunk inside a block (23 inputs × 2048 × 8 bytes ≈ 370 kB); does not change any value. */
const CHUNK = 2048;

/**
 * Runs trials [index × blockSize, min(trials, (index + 1) × blockSize)) of a
 * simulation with the block's own stream: the same (seed, index) always gives
 * the same block, in any thread.
 *
 * @throws RangeError when the block index lies beyond the trials
 */
export function runBlock(ctx: BlockContext, index: number, blockSize: number, trials: number, options: BlockOptions = {}): BlockResult {
  const start = index * blockSize;
  const count = Math.min(trials, start + blockSize) - start;
  if (!(count > 0)) throw new RangeError(`block ${index} is beyond ${trials} trials`);
  const dims = ctx.quantiles.length;
  const u = scratchOf(ctx, "u", count * dims);
  drawMarginalUniforms(ctx, FastRng.forRange(ctx.seed, "monte-carlo", index), count, dims, u);
  const pass = startBlockPass(ctx, u, start, count, options.checkpoints ?? []);
  // Copula, quantiles and the model a chunk of trials at a time, so the chunk stays in cache. Same values: every step is per trial or per element.
  for (let c0 = 0; c0 < count; c0 += CHUNK) runChunk(pass, c0, Math.min(count, c0 + CHUNK));
  const { values, shift, sum, sumSq, finite, counts } = pass;
  const keep = options.keepOrder === true;
  const result: BlockResult = {
    index,
    count,
    sorted: sortedSummaries(ctx, values, count, keep, Math.max(1, Math.floor(options.stride ?? 1))),
    moments: blockMoments(pass),
    roiShift: shift[0]!,
    roiSums: Float64Array.from([finite[0]!, sum[0]!, sumSq[0]!, counts[0]!, counts[1]!]),
    trace: pass.trace,
  };
  if (keep) result.ordered = values;
  return result;
}

/** One block's pass over its trials: the inputs the model reads, the parameter and output vectors, and the running sums. */
interface BlockPass {
  ctx: BlockContext;
  u: Float64Array;
  start: number;
  count: number;
  usedInputs: Int32Array;
  usedSlots: Int32Array;
  /** The kernel's parameter vector (base plan, inputs written per trial) and its outputs. */
  p: Float64Array;
  out: Float64Array;
  /** Each summarized output per trial (Float32). */
  values: Float32Array[];
  /** Shifted sums (shift = the base plan's outputs) for exact, cancellation-safe moments. */
  shift: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
  finite: Float64Array;
  counts: Float64Array;
  /** Checkpoints inside the block, the trace rows, and the next checkpoint to record. */
  marks: number[];
  trace: Float64Array;
  nextMark: number;
}

function startBlockPass(ctx: BlockContext, u: Float64Array, start: number, count: number, checkpoints: readonly number[]): BlockPass {
  const S = SUMMARIZED.length;
  const p = Float64Array.from(ctx.kernel.base);
  const out = new Float64Array(OUTPUTS);
  ctx.kernel.evaluate(p, out);
  const used: number[] = [];
  for (let j = 0; j < ctx.quantiles.length; j += 1) if (ctx.inputSlots[j]! >= 0) used.push(j);
  const marks = checkpoints.filter((c) => c > start && c <= start + count);
  return {
    ctx,
    u,
    start,
    count,
    usedInputs: Int32Array.from(used),
    usedSlots: Int32Array.from(used.map((j) => ctx.inputSlots[j]!)),
    p,
    out,
    values: SUMMARIZED.map(() => new Float32Array(count)),
    shift: Float64Array.from(SUMMARIZED, (k) => (Number.isFinite(out[k]!) ? out[k]! : 0)),
    sum: new Float64Array(S),
    sumSq: new Float64Array(S),
    finite: new Float64Array(S),
    counts: new Float64Array(COUNTS),
    marks,
    trace: new Float64Array(marks.length * 6),
    nextMark: 0,
  };
}

// Every trial of every block passes here: the pass is unpacked into locals once per chunk.
/** Trials [c0, c1) of the block: copula, quantiles, the model, and the running sums, counts and trace. */
function runChunk(pass: BlockPass, c0: number, c1: number): void {
  const { ctx, u, count, start, usedInputs, usedSlots, p, out, values, shift, sum, sumSq, finite, counts, marks, trace } = pass;
  const S = SUMMARIZED.length;
  applyCopula(ctx, count, u, c0, c1);
  for (let k = 0; k < usedInputs.length; k += 1) {
    const q = ctx.quantiles[usedInputs[k]!]!;
    const row = usedInputs[k]! * count;
    for (let i = row + c0; i < row + c1; i += 1) u[i] = q(u[i]!);
  }
  for (let i = c0; i < c1; i += 1) {
    for (let k = 0; k < usedInputs.length; k += 1) p[usedSlots[k]!] = u[usedInputs[k]! * count + i]!;
    ctx.kernel.evaluate(p, out);
    for (let k = 0; k < S; k += 1) {
      const x = out[SUMMARIZED[k]!]!;
      values[k]![i] = x;
      if (x - x !== 0) continue; // NaN or ±Infinity
      const d = x - shift[k]!;
      sum[k] = sum[k]! + d;
      sumSq[k] = sumSq[k]! + d * d;
      finite[k] = finite[k]! + 1;
    }
    const r = out[OUT.roi]!;
    if (r < 0) counts[0] = counts[0]! + 1;
    if (r > 2) counts[1] = counts[1]! + 1;
    if (out[OUT.paybackMonths]! > 12) counts[2] = counts[2]! + 1;
    if (out[OUT.npv]! < 0) counts[3] = counts[3]! + 1;
    if (pass.nextMark < marks.length && start + i + 1 === marks[pass.nextMark]) {
      trace.set([start + i + 1, finite[0]!, sum[0]!, sumSq[0]!, counts[0]!, counts[1]!], pass.nextMark * 6);
      pass.nextMark += 1;
    }
  }
}

/** [mean, M2, finiteCount] per summarized output from the shifted sums, then the counts. */
function blockMoments(pass: BlockPass): Float64Array {
  const { shift, sum, sumSq, finite, counts } = pass;
  const S = SUMMARIZED.length;
  const mom = new Float64Array(S * 3 + COUNTS);
  for (let k = 0; k < S; k += 1) {
    const n = finite[k]!;
    if (n === 0) continue;
    const meanShifted = sum[k]! / n;
    mom[k * 3] = shift[k]! + meanShifted;
    mom[k * 3 + 1] = Math.max(0, sumSq[k]! - n * meanShifted * meanShifted);
    mom[k * 3 + 2] = n;
  }
  mom.set(counts, S * 3);
  return mom;
}

/** Each output's values sorted ascending (a copy when the trial order is kept), or every stride-th order statistic. */
function sortedSummaries(ctx: BlockContext, values: Float32Array[], count: number, keep: boolean, stride: number): Float32Array[] {
  const scratch = scratchOf(ctx, "sort", count);
  return values.map((v) => {
    const all = radixSortFloat32(keep ? v.slice() : v, scratch);
    if (stride === 1) return all;
    // Every stride-th order statistic, centred in its stride (bounded memory; quantiles to within stride / trials in rank).
    const m = Math.floor(count / stride);
    return Float32Array.from({ length: m }, (_, j) => all[j * stride + Math.floor(stride / 2)]!);
  });
}

/** The transferable buffers of a block result (to post it from a worker without copying). */
export function blockBuffers(r: BlockResult): ArrayBuffer[] {
  const arrays: Array<Float32Array | Float64Array> = [...r.sorted, ...(r.ordered ?? []), r.moments, r.roiSums, r.trace];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
