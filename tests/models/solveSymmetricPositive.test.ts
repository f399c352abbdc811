import { describe, expect, it } from "vitest";
import { solveSymmetricPositive } from "../../src/models/solveSymmetricPositive";

/** Reference: Gaussian elimination with partial pivoting, the readable way. */
function gaussSolve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

describe("solveSymmetricPositive", () => {
  it("solves the documented 2×2 system: [[4, 2], [2, 3]]·x = [2, 1] gives x = [0.5, 0]", () => {
    expect(Array.from(solveSymmetricPositive(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2))).toEqual([0.5, 0]);
  });
  it("agrees with Gaussian elimination on a 5×5 Gram matrix AᵀA + I", () => {
    const a = Array.from({ length: 7 }, (_, i) => Array.from({ length: 5 }, (_, j) => Math.sin(3 * i + j + 1)));
    const g = Array.from({ length: 5 }, (_, j) => Array.from({ length: 5 }, (_, k) => a.reduce((s, row) => s + row[j]! * row[k]!, 0) + (j === k ? 1 : 0)));
    const b = [1, -2, 0.5, 3, -1];
    const x = solveSymmetricPositive(Float64Array.from(g.flat()), Float64Array.from(b), 5);
    gaussSolve(g, b).forEach((v, j) => {
      expect(x[j]).toBeCloseTo(v, 12);
    });
  });
  it("reads only the lower triangle", () => {
    expect(Array.from(solveSymmetricPositive(new Float64Array([4, 999, 2, 3]), new Float64Array([2, 1]), 2))).toEqual([0.5, 0]);
  });
  it("adds a tiny ridge to a singular semi-definite matrix instead of failing", () => {
    const x = solveSymmetricPositive(new Float64Array([1, 1, 1, 1]), new Float64Array([2, 2]), 2);
    expect(x[0]! + x[1]!).toBeCloseTo(2, 6);
  });
  it("handles the empty system and rejects bad shapes, NaN and negative diagonals", () => {
    expect(solveSymmetricPositive(new Float64Array(0), new Float64Array(0), 0)).toHaveLength(0);
    expect(() => solveSymmetricPositive(new Float64Array(3), new Float64Array(2), 2)).toThrow(RangeError);
    expect(() => solveSymmetricPositive(new Float64Array([NaN, 0, 0, 1]), new Float64Array(2), 2)).toThrow(RangeError);
    expect(() => solveSymmetricPositive(new Float64Array([-1, 0, 0, 1]), new Float64Array(2), 2)).toThrow(RangeError);
    expect(() => solveSymmetricPositive(new Float64Array([1, 5, 5, 1]), new Float64Array(2), 2)).toThrow(/not positive/);
  });
});
