/**
 * Cholesky factor L (lower triangular, row-major n × n) of a symmetric
 * positive-definite matrix A = L Lᵀ.
 *
 * Reference: Golub & Van Loan, Matrix Computations (4th ed.), algorithm 4.2.1.
 *
 * @param a symmetric matrix, row-major, length n²
 * @throws RangeError when A is not square or not positive definite (names the failing pivot)
 * @example
 * cholesky(Float64Array.from([4, 2, 2, 5])) // Float64Array [2, 0, 1, 2]
 */
export function cholesky(a: ArrayLike<number>): Float64Array {
  const n = Math.round(Math.sqrt(a.length));
  if (n * n !== a.length) throw new RangeError(`cholesky: matrix must be square, got ${a.length} entries`);
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    let d = a[j * n + j]!;
    for (let k = 0; k < j; k += 1) d -= l[j * n + k]! * l[j * n + k]!;
    if (!(d > 1e-12)) throw new RangeError(`cholesky: not positive definite (pivot ${j} is ${d.toPrecision(3)})`);
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i += 1) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k += 1) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/**
 * Pearson correlation of a bivariate normal whose Spearman rank correlation is ρ_s: r = 2 sin(π ρ_s / 6).
 *
 * Reference: K. Pearson (1907); used by Gaussian-copula samplers (e.g. @RISK, Crystal Ball).
 *
 * @throws RangeError when ρ_s is outside [−1, 1]
 * @example
 * rankToPearson(0.5) // 0.5176380902050415
 */
export function rankToPearson(rankCorrelation: number): number {
  if (!(rankCorrelation >= -1 && rankCorrelation <= 1)) throw new RangeError(`rank correlation must be in [-1, 1], got ${rankCorrelation}`);
  return 2 * Math.sin((Math.PI * rankCorrelation) / 6);
}

/**
 * Spearman rank correlation of two equal-length samples (average ranks for ties), −1..1; NaN for fewer than 2 points or a constant sample.
 *
 * @throws RangeError when the lengths differ
 * @example
 * spearman([1, 2, 3], [10, 20, 15]) // 0.5
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`spearman: lengths differ (${x.length} vs ${y.length})`);
  const n = x.length;
  if (n < 2) return Number.NaN;
  const rx = ranks(x);
  const ry = ranks(y);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i += 1) {
    mx += rx[i]!;
    my += ry[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = rx[i]! - mx;
    const dy = ry[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/**
 * Ranks 1..n of a sample, ties given their average rank.
 *
 * @example
 * ranks([10, 30, 20, 20]) // Float64Array [1, 4, 2.5, 2.5]
 */
export function ranks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => x[i]! - x[j]!);
  const out = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && x[order[j + 1]!] === x[order[i]!]) j += 1;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) out[order[k]!] = r;
    i = j + 1;
  }
  return out;
}
