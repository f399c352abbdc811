/**
 * Monotone piecewise-cubic Hermite interpolation (PCHIP) through points
 * (x_k, y_k): Fritsch & Carlson, "Monotone piecewise cubic interpolation",
 * SIAM J. Numer. Anal. 17 (1980), with the interior slopes of Fritsch &
 * Butland (1984, weighted harmonic mean) and the shape-preserving
 * three-point end slopes of Moler, "Numerical Computing with MATLAB" §3.4 —
 * the algorithm of MATLAB's `pchip` and scipy's `PchipInterpolator`, which it
 * matches to 1e-12. Monotone data give a monotone curve with no overshoot.
 * Outside [x_0, x_last] the curve is flat (the end values): no extrapolation.
 *
 * @param xs strictly increasing finite abscissae (at least 1).
 * @param ys finite ordinates, one per x.
 * @returns the interpolant; NaN in gives NaN out.
 * @throws RangeError when the arrays are empty, differ in length, hold non-finite values, or xs is not strictly increasing.
 * @example
 * const f = pchipInterpolant([7, 14, 21, 30], [0.62, 0.55, 0.38, 0.22]);
 * f(14); // 0.55
 * f(10); // 0.6000583090379009 (scipy 1.10 PchipInterpolator: the same)
 * f(3);  // 0.62 (flat before the first point)
 */
export function pchipInterpolant(xs: readonly number[], ys: readonly number[]): (x: number) => number {
  const n = xs.length;
  if (n === 0) throw new RangeError("pchipInterpolant: needs at least one point");
  if (ys.length !== n) throw new RangeError(`pchipInterpolant: ${n} x values but ${ys.length} y values`);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i] as number) || !Number.isFinite(ys[i] as number)) throw new RangeError(`pchipInterpolant: point ${i} is not finite`);
    if (i > 0 && !((xs[i] as number) > (xs[i - 1] as number))) throw new RangeError("pchipInterpolant: x values must be strictly increasing");
  }
  const x = Float64Array.from(xs);
  const y = Float64Array.from(ys);
  if (n === 1) return (t) => (Number.isNaN(t) ? NaN : (y[0] as number));
  const h = new Float64Array(n - 1);
  const delta = new Float64Array(n - 1);
  for (let k = 0; k < n - 1; k++) {
    h[k] = (x[k + 1] as number) - (x[k] as number);
    delta[k] = ((y[k + 1] as number) - (y[k] as number)) / (h[k] as number);
  }
  const m = new Float64Array(n);
  if (n === 2) {
    m[0] = delta[0] as number;
    m[1] = delta[0] as number;
  } else {
    for (let k = 1; k < n - 1; k++) {
      const d0 = delta[k - 1] as number;
      const d1 = delta[k] as number;
      if (d0 === 0 || d1 === 0 || Math.sign(d0) !== Math.sign(d1)) m[k] = 0;
      else {
        const w1 = 2 * (h[k] as number) + (h[k - 1] as number);
        const w2 = (h[k] as number) + 2 * (h[k - 1] as number);
        m[k] = (w1 + w2) / (w1 / d0 + w2 / d1);
      }
    }
    m[0] = endSlope(h[0] as number, h[1] as number, delta[0] as number, delta[1] as number);
    m[n - 1] = endSlope(h[n - 2] as number, h[n - 3] as number, delta[n - 2] as number, delta[n - 3] as number);
  }
  return (t: number): number => {
    if (Number.isNaN(t)) return NaN;
    if (t <= (x[0] as number)) return y[0] as number;
    if (t >= (x[n - 1] as number)) return y[n - 1] as number;
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((x[mid] as number) <= t) lo = mid;
      else hi = mid;
    }
    const hk = h[lo] as number;
    const s = (t - (x[lo] as number)) / hk;
    const s2 = s * s;
    const s3 = s2 * s;
    return (
      (2 * s3 - 3 * s2 + 1) * (y[lo] as number) +
      (s3 - 2 * s2 + s) * hk * (m[lo] as number) +
      (-2 * s3 + 3 * s2) * (y[lo + 1] as number) +
      (s3 - s2) * hk * (m[lo + 1] as number)
    );
  };
}

/** Shape-preserving three-point end slope (Moler §3.4, scipy `_edge_case`). */
function endSlope(h0: number, h1: number, d0: number, d1: number): number {
  const m = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1);
  if (Math.sign(m) !== Math.sign(d0)) return 0;
  if (Math.sign(d0) !== Math.sign(d1) && Math.abs(m) > Math.abs(3 * d0)) return 3 * d0;
  return m;
}
