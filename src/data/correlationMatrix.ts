/** A correlation matrix with its variable names. */
export interface CorrelationMatrix {
  names: string[];
  /** values[i][j] = Pearson correlation of names[i] and names[j] (NaN when undefined). */
  values: number[][];
  /** Pairs used for each cell (rows where both values are finite). */
  counts: number[][];
}

/**
 * Pairwise Pearson correlations of numeric columns, each pair using the rows
 * where both values are finite (NaN marks a missing value).
 *
 * @param columns - name -> values, all the same length.
 * @throws RangeError when columns differ in length.
 * @example
 * correlationMatrix({ x: [1, 2, 3], y: [2, 4, 7] }).values[0][1]; // 0.9934
 */
export function correlationMatrix(columns: Readonly<Record<string, ArrayLike<number>>>): CorrelationMatrix {
  const names = Object.keys(columns);
  const data = names.map((name) => columns[name]!);
  const n = data[0]?.length ?? 0;
  for (const [k, col] of data.entries()) if (col.length !== n) throw new RangeError(`column ${names[k]} has ${col.length} values, expected ${n}`);
  const values = names.map(() => names.map(() => NaN));
  const counts = names.map(() => names.map(() => 0));
  for (let a = 0; a < names.length; a++) {
    for (let b = a; b < names.length; b++) {
      const x = data[a]!;
      const y = data[b]!;
      let m = 0;
      let sx = 0;
      let sy = 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i] ?? NaN;
        const yi = y[i] ?? NaN;
        if (Number.isFinite(xi) && Number.isFinite(yi)) {
          m++;
          sx += xi;
          sy += yi;
        }
      }
      const mx = sx / m;
      const my = sy / m;
      let sxx = 0;
      let syy = 0;
      let sxy = 0;
      for (let i = 0; i < n; i++) {
        const xi = x[i] ?? NaN;
        const yi = y[i] ?? NaN;
        if (Number.isFinite(xi) && Number.isFinite(yi)) {
          sxx += (xi - mx) ** 2;
          syy += (yi - my) ** 2;
          sxy += (xi - mx) * (yi - my);
        }
      }
      const r = m > 1 && sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
      values[a]![b] = r;
      values[b]![a] = r;
      counts[a]![b] = m;
      counts[b]![a] = m;
    }
  }
  return { names, values, counts };
}
