import { FastRng } from "../../random/FastRng";
import { radixSortFloat32 } from "../stats/radixSort";
import { standardNormalCdf as normalCdf, standardNormalQuantile as normalQuantile } from "../../random/index";
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

/** A view of `length` elements of the scratch buffer `key`, regrown when too short. */
function scratchOf<K extends keyof BlockScratch>(ctx: BlockContext, key: K, length: number): BlockScratch[K] {
  let buf = ctx.scratch[key];
  if (buf.length < length) {
    const Ctor = buf.constructor as new (n: number) => BlockScratch[K];
    buf = new Ctor(length);
    ctx.scratch[key] = buf;
  }
  return buf.subarray(0, length) as BlockScratch[K];
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

const HALF_ULP = 2 ** -33;

/** Trials per cache-sized chunk inside a block (23 inputs × 2048 × 8 bytes ≈ 370 kB); does not change any value. */
const CHUNK = 2048;

/**
 * Draws the block's uniform matrix (inputs × count, input-major: u[j·count + i]
 * is input j of trial i) into `u`: plain, or Latin hypercube (one stratum per
 * trial and input, strata shuffled by Fisher–Yates), then the Gaussian copula
 * for correlated inputs (z = L·Φ⁻¹(u), u' = Φ(z)). Uniforms are kept strictly
 * inside (0, 1).
 */
export function drawBlockUniforms(ctx: BlockContext, rng: FastRng, count: number, dims: number, u: Float64Array): void {
  drawMarginalUniforms(ctx, rng, count, dims, u);
  applyCopula(ctx, count, u, 0, count);
}

/** The first two steps of {@link drawBlockUniforms}: the uniforms (row by row, while each row is in cache) and the Latin hypercube strata. */
function drawMarginalUniforms(ctx: BlockContext, rng: FastRng, count: number, dims: number, u: Float64Array): void {
  // One row at a time: the same stream as one fill of the whole matrix (fill draws in order).
  for (let j = 0; j < dims; j += 1) {
    const row = u.subarray(j * count, (j + 1) * count);
    rng.fill(row);
    for (let i = 0; i < count; i += 1) row[i] = row[i]! + HALF_ULP;
  }
  if (ctx.sampling === "latin-hypercube" && count > 1) {
    const perm = scratchOf(ctx, "perm", count);
    for (let j = 0; j < dims; j += 1) {
      for (let i = 0; i < count; i += 1) perm[i] = i;
      for (let i = count - 1; i > 0; i -= 1) {
        const k = Math.floor(rng.next() * (i + 1));
        const t = perm[i]!;
        perm[i] = perm[k]!;
        perm[k] = t;
      }
      const row = j * count;
      for (let i = 0; i < count; i += 1) u[row + i] = (perm[i]! + u[row + i]!) / count;
    }
  }
}

/** The Gaussian copula step of {@link drawBlockUniforms} for trials [from, to) (each trial on its own: chunks give the same values). */
function applyCopula(ctx: BlockContext, count: number, u: Float64Array, from: number, to: number): void {
  const c = ctx.copulaInputs.length;
  if (c === 0) return;
  const z = new Float64Array(c);
  const l = ctx.copulaFactor;
  for (let i = from; i < to; i += 1) {
    for (let a = 0; a < c; a += 1) z[a] = normalQuantile(u[ctx.copulaInputs[a]! * count + i]!);
    for (let a = c - 1; a >= 0; a -= 1) {
      let s = 0;
      for (let b = 0; b <= a; b += 1) s += l[a * c + b]! * z[b]!;
      const v = normalCdf(s);
      u[ctx.copulaInputs[a]! * count + i] = Math.min(1 - HALF_ULP, Math.max(HALF_ULP, v));
    }
  }
}

/**
 * Turns the block's uniforms into input values in place, one input at a time
 * (a tight loop over one quantile function each).
 */
export function uniformsToValues(ctx: BlockContext, count: number, u: Float64Array): void {
  const dims = ctx.quantiles.length;
  for (let j = 0; j < dims; j += 1) {
    if (ctx.inputSlots[j]! < 0) continue;
    const q = ctx.quantiles[j]!;
    const row = j * count;
    for (let i = 0; i < count; i += 1) u[row + i] = q(u[row + i]!);
  }
}

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
  const p = Float64Array.from(ctx.kernel.base);
  const out = new Float64Array(OUTPUTS);
  const S = SUMMARIZED.length;
  const values = SUMMARIZED.map(() => new Float32Array(count));
  // Shifted sums (shift = the base plan's outputs) for exact, cancellation-safe moments.
  ctx.kernel.evaluate(p, out);
  const shift = Float64Array.from(SUMMARIZED, (k) => (Number.isFinite(out[k]!) ? out[k]! : 0));
  const sum = new Float64Array(S);
  const sumSq = new Float64Array(S);
  const finite = new Float64Array(S);
  const counts = new Float64Array(COUNTS);
  const used: number[] = [];
  for (let j = 0; j < dims; j += 1) if (ctx.inputSlots[j]! >= 0) used.push(j);
  const usedInputs = Int32Array.from(used);
  const usedSlots = Int32Array.from(used.map((j) => ctx.inputSlots[j]!));
  const marks = (options.checkpoints ?? []).filter((c) => c > start && c <= start + count);
  const trace = new Float64Array(marks.length * 6);
  let nextMark = 0;
  // Copula, quantiles and the model a chunk of trials at a time, so the chunk stays in cache. Same values: every step is per trial or per element.
  for (let c0 = 0; c0 < count; c0 += CHUNK) {
    const c1 = Math.min(count, c0 + CHUNK);
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
      if (nextMark < marks.length && start + i + 1 === marks[nextMark]) {
        trace.set([start + i + 1, finite[0]!, sum[0]!, sumSq[0]!, counts[0]!, counts[1]!], nextMark * 6);
        nextMark += 1;
      }
    }
  }
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
  const keep = options.keepOrder === true;
  const stride = Math.max(1, Math.floor(options.stride ?? 1));
  const scratch = scratchOf(ctx, "sort", count);
  const sorted = values.map((v) => {
    const all = radixSortFloat32(keep ? v.slice() : v, scratch);
    if (stride === 1) return all;
    // Every stride-th order statistic, centred in its stride (bounded memory; quantiles to within stride / trials in rank).
    const m = Math.floor(count / stride);
    return Float32Array.from({ length: m }, (_, j) => all[j * stride + Math.floor(stride / 2)]!);
  });
  const result: BlockResult = {
    index,
    count,
    sorted,
    moments: mom,
    roiShift: shift[0]!,
    roiSums: Float64Array.from([finite[0]!, sum[0]!, sumSq[0]!, counts[0]!, counts[1]!]),
    trace,
  };
  if (keep) result.ordered = values;
  return result;
}

/** The transferable buffers of a block result (to post it from a worker without copying). */
export function blockBuffers(r: BlockResult): ArrayBuffer[] {
  const arrays: Array<Float32Array | Float64Array> = [...r.sorted, ...(r.ordered ?? []), r.moments, r.roiSums, r.trace];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
