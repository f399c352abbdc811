import seedrandom from "seedrandom";

/*
 * sfc32, Chris Doty-Humphrey's "Small Fast Chaotic" 32-bit generator from
 * PractRand (2010s; public domain): 128 bits of state a, b, c, d where d is a
 * counter, so every seed lies on a cycle of length >= 2^32 and the expected
 * cycle is ~2^127. No known failures in PractRand or TestU01 BigCrush.
 *
 * The state lives in a Uint32Array(4) [a, b, c, d]; each step is a handful
 * of 32-bit adds, shifts and xors with no allocation. Measured on this
 * project's machine (Node 20): see FastRng.
 */

/** 2^-32: multiplying by it equals dividing by 2^32 exactly, and is ~4x faster in V8. */
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Warm-up steps after seeding, discarded (PractRand recommends >= 12). */
const WARM_UP_STEPS = 15;

/**
 * A fresh sfc32 state seeded from a seed string: the four words come from
 * seedrandom's xor4096 seeded with the string, then 15 steps are discarded.
 *
 * @param seed any string, typically from {@link deriveSeed}.
 * @returns a new Uint32Array(4) state [a, b, c, d].
 * @example
 * sfc32StateFromSeed("42/demand").length; // 4
 */
export function sfc32StateFromSeed(seed: string): Uint32Array {
  const source = seedrandom.xor4096(seed);
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) state[i] = source.int32() >>> 0;
  for (let i = 0; i < WARM_UP_STEPS; i++) sfc32NextUint32(state);
  return state;
}

/**
 * Advances an sfc32 state in place by one step and returns its 32-bit output.
 *
 * @param state a Uint32Array(4) from {@link sfc32StateFromSeed}; modified.
 * @returns an integer in [0, 2^32).
 * @example
 * const s = new Uint32Array([1, 2, 3, 4]);
 * sfc32NextUint32(s); // 7 (a + b + d), and s is now [2, 27, 6291463, 5]
 */
export function sfc32NextUint32(state: Uint32Array): number {
  const a = state[0]!;
  const b = state[1]!;
  const c = state[2]!;
  const d = state[3]!;
  const t = (((a + b) | 0) + d) | 0;
  state[3] = (d + 1) | 0;
  state[0] = b ^ (b >>> 9);
  state[1] = (c + (c << 3)) | 0;
  state[2] = (((c << 21) | (c >>> 11)) + t) | 0;
  return t >>> 0;
}

/**
 * Advances an sfc32 state in place and returns a uniform on [0, 1) with
 * 32-bit resolution (multiples of 2^-32).
 *
 * @param state a Uint32Array(4) sfc32 state; modified.
 * @example
 * sfc32NextUniform(new Uint32Array([1, 2, 3, 4])); // 7 / 2^32 = 1.6298145055770874e-9
 */
export function sfc32NextUniform(state: Uint32Array): number {
  return sfc32NextUint32(state) * TWO_POW_MINUS_32;
}

/**
 * Fills `out` with successive uniforms on [0, 1) from an sfc32 state,
 * advancing the state in place; the values equal `out.length` calls of
 * {@link sfc32NextUniform}. No allocation.
 *
 * @param state a Uint32Array(4) sfc32 state; modified.
 * @param out the array to fill; modified and returned.
 * @example
 * sfc32Fill(new Uint32Array([1, 2, 3, 4]), new Float64Array(3))[0]; // 1.6298145055770874e-9
 */
export function sfc32Fill(state: Uint32Array, out: Float64Array): Float64Array {
  let a = state[0]! | 0;
  let b = state[1]! | 0;
  let c = state[2]! | 0;
  let d = state[3]! | 0;
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
    out[i] = (t >>> 0) * TWO_POW_MINUS_32;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return out;
}
