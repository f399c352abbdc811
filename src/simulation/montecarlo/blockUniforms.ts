/**
 * The uniforms of a Monte Carlo block and their input values: plain or Latin
 * hypercube draws, the Gaussian copula, the quantile functions. Used by
 * {@link runBlock} chunk by chunk and whole by the design and rollout draws.
 */
import type { FastRng } from "../../random/FastRng";
import { standardNormalCdf as normalCdf, standardNormalQuantile as normalQuantile } from "../../random/index";
import type { BlockContext, BlockScratch } from "./blockRunner";

/** Half the spacing of 32-bit uniforms: keeps every uniform strictly inside (0, 1). */
const HALF_ULP = 2 ** -33;

/** A view of `length` elements of the scratch buffer `key`, regrown when too short. */
export function scratchOf<K extends keyof BlockScratch>(ctx: BlockContext, key: K, length: number): BlockScratch[K] {
  let buf = ctx.scratch[key];
  if (buf.length < length) {
    const Ctor = buf.constructor as new (n: number) => BlockScratch[K];
    buf = new Ctor(length);
    ctx.scratch[key] = buf;
  }
  return buf.subarray(0, length) as BlockScratch[K];
}

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
export function drawMarginalUniforms(ctx: BlockContext, rng: FastRng, count: number, dims: number, u: Float64Array): void {
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
export function applyCopula(ctx: BlockContext, count: number, u: Float64Array, from: number, to: number): void {
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
