import { sfc32NextUint32 } from "../../random/sfc32";

const TWO32 = 4294967296;
const INV16 = 1 / 65536;

/**
 * The customers the programme keeps: a save moves a would-be churner out of
 * the population (where a new customer takes the place, as in the baseline)
 * into this pool, where the customer stays protected until the protection
 * ends and then leaves at their own hazard (their latent risk keeps moving).
 * Saved customers are not scored or contacted again. Growable arrays; draws
 * come from the pool's own stream, so the population's draws do not depend
 * on how many were saved.
 */
export interface RetainedPool {
  pers: Float32Array;
  w: Float32Array;
  /** Last week of protection. */
  protectEnd: Int16Array;
  /** Contact record of the save (−1: not recorded). */
  record: Int32Array;
  size: number;
  state: Uint32Array;
}

/** An empty pool drawing from `state` (an sfc32 state, advanced in place). */
export function createPool(state: Uint32Array): RetainedPool {
  return { pers: new Float32Array(64), w: new Float32Array(64), protectEnd: new Int16Array(64), record: new Int32Array(64), size: 0, state };
}

/** Adds a saved customer to the pool. */
export function addToPool(pool: RetainedPool, pers: number, w: number, protectEnd: number, record: number): void {
  if (pool.size === pool.pers.length) {
    const grow = <T extends Float32Array | Int16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(2 * a.length);
      b.set(a);
      return b;
    };
    pool.pers = grow(pool.pers, (n) => new Float32Array(n));
    pool.w = grow(pool.w, (n) => new Float32Array(n));
    pool.protectEnd = grow(pool.protectEnd, (n) => new Int16Array(n));
    pool.record = grow(pool.record, (n) => new Int32Array(n));
  }
  const i = pool.size;
  pool.pers[i] = pers;
  pool.w[i] = w;
  pool.protectEnd[i] = protectEnd;
  pool.record[i] = record;
  pool.size = i + 1;
}

/** The latent dynamics the pool needs (the population's). */
export interface PoolDynamics {
  phi: number;
  innovScale: number;
  shockT: number;
  shock: number;
  sdW: number;
  alpha: number;
}

/**
 * One week of the pool: every kept customer's latent risk moves and, once
 * protection has ended, they leave at their hazard. Leavers are removed.
 *
 * @param onLeave called with the leaver's contact record (−1 when none).
 * @returns customers who left this week.
 */
export function poolWeek(pool: RetainedPool, d: PoolDynamics, t: number, onLeave: (record: number) => void): number {
  let keep = 0;
  let left = 0;
  for (let i = 0; i < pool.size; i += 1) {
    const r1 = sfc32NextUint32(pool.state);
    const r3 = sfc32NextUint32(pool.state);
    const wi = d.phi * pool.w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * d.innovScale + (r1 >>> 16 < d.shockT ? d.shock : 0);
    const x = d.alpha + pool.pers[i]! + d.sdW * wi;
    if (t > pool.protectEnd[i]! && (r3 / TWO32) * (1 + Math.exp(-x)) < 1) {
      left += 1;
      onLeave(pool.record[i]!);
      continue;
    }
    pool.pers[keep] = pool.pers[i]!;
    pool.w[keep] = wi;
    pool.protectEnd[keep] = pool.protectEnd[i]!;
    pool.record[keep] = pool.record[i]!;
    keep += 1;
  }
  pool.size = keep;
  return left;
}
