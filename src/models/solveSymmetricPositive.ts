/**
 * Solves A·x = b for a symmetric positive-definite matrix A by Cholesky
 * factorisation A = L·Lᵀ, then forward and back substitution (Golub & Van
 * Loan, Matrix Computations, 4th ed., algorithm 4.2.1). Only the lower
 * triangle of A is read. When A is only semi-definite (a pivot ≤ 1e-12 times
 * the largest diagonal entry, e.g. a Hessian without L2 on separable data), a
 * ridge of 1e-10·max diagonal, growing tenfold, is added until it factors.
 *
 * @param a row-major n×n matrix (not modified).
 * @param b right-hand side of length n (not modified).
 * @returns x, a new Float64Array of length n.
 * @throws RangeError when the shapes disagree or A has a non-finite or negative diagonal.
 * @example
 * solveSymmetricPositive(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2); // Float64Array [0.5, 0]
 */
export function solveSymmetricPositive(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || a.length !== n * n || b.length !== n)
    throw new RangeError(`solveSymmetricPositive: shapes ${a.length} and ${b.length} for n = ${n}`);
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i * n + i] as number;
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`solveSymmetricPositive: diagonal ${i} is ${v}`);
    maxDiagonal = Math.max(maxDiagonal, v);
  }
  const scale = maxDiagonal > 0 ? maxDiagonal : 1;
  const l = new Float64Array(n * n);
  let ridge = 0;
  for (;;) {
    if (choleskyInPlace(a, l, n, ridge, 1e-12 * scale)) break;
    ridge = ridge === 0 ? 1e-10 * scale : ridge * 10;
    if (ridge > scale) throw new RangeError("solveSymmetricPositive: matrix is not positive semi-definite");
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * n + k] as number) * (x[k] as number);
    x[i] = s / (l[i * n + i] as number);
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < n; k++) s -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = s / (l[i * n + i] as number);
  }
  return x;
}

/** Lower Cholesky factor of a + ridge·I into l; false when a pivot falls to minPivot or below. */
function choleskyInPlace(a: ArrayLike<number>, l: Float64Array, n: number, ridge: number, minPivot: number): boolean {
  l.fill(0);
  for (let j = 0; j < n; j++) {
    let d = (a[j * n + j] as number) + ridge;
    for (let k = 0; k < j; k++) d -= (l[j * n + k] as number) ** 2;
    if (!(d > minPivot)) return false;
    const pivot = Math.sqrt(d);
    l[j * n + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = s / pivot;
    }
  }
  return true;
}
