/** A Monte Carlo mean with its standard error. */
export interface MeanEstimate {
  mean: number;
  se: number;
}

/**
 * Mean of a − b over trials where both are finite (b omitted: the mean of
 * a), with its standard error s / √n (Welford's running variance). On common
 * random numbers (a and b evaluated on the same draws) this is the paired
 * difference: its standard error is that of the difference, usually far
 * smaller than either mean's.
 *
 * @throws RangeError when a and b differ in length.
 * @example
 * pairedMean(Float64Array.from([3, 5, 7]), Float64Array.from([1, 2, 3])) // { mean: 3, se: 0.5773502691896258 }
 */
export function pairedMean(a: ArrayLike<number>, b?: ArrayLike<number>): MeanEstimate {
  if (b !== undefined && b.length !== a.length) throw new RangeError(`paired samples must have the same length, got ${a.length} and ${b.length}`);
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]! - (b === undefined ? 0 : b[i]!);
    if (!Number.isFinite(x)) continue;
    n += 1;
    const d = x - mean;
    mean += d / n;
    m2 += d * (x - mean);
  }
  if (n === 0) return { mean: Number.NaN, se: Number.NaN };
  return { mean, se: n > 1 ? Math.sqrt(m2 / (n - 1) / n) : Number.NaN };
}
