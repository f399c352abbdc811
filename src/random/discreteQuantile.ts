/* Internal: the step search shared by the discrete quantile functions. */
/** Smallest integer k in [0, max] with cdf(k) >= p, searched from a start (internal). */
export function stepToQuantile(start: number, p: number, cdf: (k: number) => number, max: number): number {
  let k = Math.min(Math.max(0, start), max);
  if (cdf(k) >= p) {
    while (k > 0 && cdf(k - 1) >= p) k -= 1;
    return k;
  }
  while (k < max && cdf(k) < p) k += 1;
  return k;
}
