/** Histogram bins: equal-width intervals [edges[i], edges[i+1]) (the last one closed) and their counts. */
export interface Bins {
  /** Bin edges, length `counts.length + 1`, increasing. */
  edges: number[];
  /** Number of values per bin. */
  counts: number[];
  /** Bin centres, length `counts.length`. */
  centers: number[];
  /** Common bin width. */
  width: number;
  /** Finite values counted. */
  total: number;
  /** Values left out: NaN, ±Infinity, or outside [min, max] when a range was given. */
  dropped: number;
}

/**
 * Counts values into equal-width bins, skipping NaN and infinite values.
 *
 * With no range, bins span the data's min..max; a constant sample gets one
 * bin of width 1 centred on the value. Default bin count: ceil(sqrt(n))
 * clamped to 10..60 (square-root rule).
 *
 * Reference: square-root choice, https://en.wikipedia.org/wiki/Histogram#Square-root_choice
 *
 * @param values - the sample (any numbers; NaN/Infinity are dropped).
 * @param options - `bins` (integer 1..10000), `min`/`max` (finite, min < max).
 * @throws RangeError for a bad bin count or range.
 * @example
 * binCounts([0, 1, 2, 3], { bins: 2 }).counts; // [2, 2]  (bins [0,1.5) and [1.5,3])
 */
export function binCounts(values: ArrayLike<number>, options: { bins?: number; min?: number; max?: number } = {}): Bins {
  const finite: number[] = [];
  let dropped = 0;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] as number;
    if (Number.isFinite(v)) finite.push(v);
    else dropped += 1;
  }
  const n = finite.length;
  const binsWanted = options.bins ?? Math.min(60, Math.max(10, Math.ceil(Math.sqrt(n))));
  if (!Number.isInteger(binsWanted) || binsWanted < 1 || binsWanted > 10_000) throw new RangeError(`bins must be an integer 1..10000, got ${binsWanted}`);
  let min = options.min;
  let max = options.max;
  if (min !== undefined && !Number.isFinite(min)) throw new RangeError(`min must be finite, got ${min}`);
  if (max !== undefined && !Number.isFinite(max)) throw new RangeError(`max must be finite, got ${max}`);
  if (min === undefined || max === undefined) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of finite) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (n === 0) {
      lo = 0;
      hi = 1;
    }
    min ??= lo;
    max ??= hi;
  }
  let binCount = binsWanted;
  if (min === max) {
    min -= 0.5;
    max += 0.5;
    binCount = 1;
  }
  if (!(min < max)) throw new RangeError(`min must be < max, got ${min} and ${max}`);
  const lo = min;
  const hi = max;
  const width = (hi - lo) / binCount;
  const edges = Array.from({ length: binCount + 1 }, (_, i) => (i === binCount ? hi : lo + i * width));
  const counts = new Array<number>(binCount).fill(0);
  let total = 0;
  for (const v of finite) {
    if (v < lo || v > hi) {
      dropped += 1;
      continue;
    }
    let index = Math.min(binCount - 1, Math.floor((v - lo) / width));
    // Floating-point guard: keep the bin consistent with the reported edges.
    if (index > 0 && v < (edges[index] as number)) index -= 1;
    else if (index < binCount - 1 && v >= (edges[index + 1] as number)) index += 1;
    counts[index] = (counts[index] as number) + 1;
    total += 1;
  }
  const centers = Array.from({ length: binCount }, (_, i) => lo + (i + 0.5) * width);
  return { edges, counts, centers, width, total, dropped };
}
