/*
 * Order statistics over several ascending-sorted blocks without merging them:
 * blocks are sorted where they are produced (in parallel, on the workers) and
 * the main thread finds the k-th smallest value of their union by bisection
 * on the value with one binary search per block per step.
 */

/** Number of elements <= v in an ascending block (NaN, sorted last, never counts). */
function countAtMost(block: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = block.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (block[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The k-th smallest value (0-based) of the union of ascending-sorted blocks
 * (NaN sorted last, as TypedArray#sort does). O(blocks × log(block) × 64).
 *
 * @throws RangeError when k is not an integer in [0, total length)
 * @example
 * kthOfSortedBlocks([Float64Array.from([1, 4]), Float64Array.from([2, 3])], 2) // 3
 */
export function kthOfSortedBlocks(blocks: ReadonlyArray<ArrayLike<number>>, k: number): number {
  let total = 0;
  let notNaN = 0;
  let minValue = Number.POSITIVE_INFINITY;
  let maxFinite = Number.NEGATIVE_INFINITY;
  for (const b of blocks) {
    total += b.length;
    const c = countAtMost(b, Number.POSITIVE_INFINITY);
    notNaN += c;
    if (c > 0 && b[0]! < minValue) minValue = b[0]!;
    const f = countAtMost(b, Number.MAX_VALUE);
    if (f > 0) {
      const last = b[f - 1]!;
      if (last > maxFinite && Number.isFinite(last)) maxFinite = last;
    }
  }
  if (!(Number.isInteger(k) && k >= 0 && k < total)) throw new RangeError(`k must be an integer in [0, ${total}), got ${k}`);
  if (k >= notNaN) return Number.NaN;
  const count = (v: number): number => {
    let c = 0;
    for (const b of blocks) c += countAtMost(b, v);
    return c;
  };
  if (count(minValue) > k) return minValue;
  if (maxFinite === Number.NEGATIVE_INFINITY || count(maxFinite) <= k) return Number.POSITIVE_INFINITY;
  // Invariant: count(lo) <= k < count(hi).
  let lo = minValue === Number.NEGATIVE_INFINITY ? -Number.MAX_VALUE : minValue;
  if (count(lo) > k) return lo;
  let hi = maxFinite;
  for (let step = 0; step < 2200; step += 1) {
    const mid = lo / 2 + hi / 2;
    if (!(mid > lo && mid < hi)) break;
    if (count(mid) > k) hi = mid;
    else lo = mid;
  }
  // The answer is the smallest element above lo.
  let best = Number.POSITIVE_INFINITY;
  for (const b of blocks) {
    const i = countAtMost(b, lo);
    if (i < b.length && b[i]! < best) best = b[i]!;
  }
  return best;
}
