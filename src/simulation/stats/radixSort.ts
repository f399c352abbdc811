/**
 * Sorts a Float32Array ascending in place by a three-pass LSD radix sort on
 * its IEEE-754 bit patterns (11 bits per pass): the same order as
 * `Float32Array#sort` (−Infinity first, +Infinity then NaN last, −0 before
 * +0), in O(n) time; `scratch` (same length) is reused when given.
 *
 * Reference: P. M. Herf, "Radix tricks" (2001): flip all bits of negative
 * floats and the sign bit of positive ones to get an unsigned order.
 *
 * @returns the sorted array (the same object)
 * @example
 * radixSortFloat32(Float32Array.from([3, -1, NaN, 2])) // Float32Array [-1, 2, 3, NaN]
 */
export function radixSortFloat32(values: Float32Array, scratch?: Float32Array): Float32Array {
  const n = values.length;
  if (n < 2) return values;
  for (let i = 0; i < n; i += 1) if (Number.isNaN(values[i]!)) values[i] = Number.NaN; // canonical (positive) NaN
  const tmp = scratch !== undefined && scratch.length >= n ? scratch : new Float32Array(n);
  let src = new Uint32Array(values.buffer, values.byteOffset, n);
  let dst = new Uint32Array(tmp.buffer, tmp.byteOffset, n);
  for (let i = 0; i < n; i += 1) {
    const k = src[i]!;
    src[i] = k & 0x80000000 ? ~k >>> 0 : (k | 0x80000000) >>> 0;
  }
  const counts = new Uint32Array(2048);
  for (let shift = 0; shift < 32; shift += 11) {
    counts.fill(0);
    for (let i = 0; i < n; i += 1) counts[(src[i]! >>> shift) & 2047] = counts[(src[i]! >>> shift) & 2047]! + 1;
    let sum = 0;
    for (let b = 0; b < 2048; b += 1) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i += 1) {
      const k = src[i]!;
      const b = (k >>> shift) & 2047;
      dst[counts[b]!] = k;
      counts[b] = counts[b]! + 1;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  // Three passes: the sorted keys are in `dst`'s partner; copy back if needed and undo the key transform.
  const out = new Uint32Array(values.buffer, values.byteOffset, n);
  for (let i = 0; i < n; i += 1) {
    const k = src[i]!;
    out[i] = k & 0x80000000 ? (k & 0x7fffffff) >>> 0 : ~k >>> 0;
  }
  return values;
}
