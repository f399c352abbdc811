/**
 * A dense row-major feature matrix of float32 values: the one shape every
 * model in churnlab takes (tfjs tensors and XGBoost both read float32).
 * Row i, column j is `data[i * cols + j]`.
 */
export interface Matrix {
  readonly data: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Builds a matrix, checking its shape.
 * @throws RangeError when data.length !== rows * cols or a dimension is negative.
 * @example
 * matrix(new Float32Array([1, 2, 3, 4]), 2, 2).data[3]; // 4
 */
export function matrix(data: Float32Array, rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw new RangeError(`matrix: bad shape ${rows}x${cols}`);
  if (data.length !== rows * cols) throw new RangeError(`matrix: ${data.length} values for a ${rows}x${cols} matrix`);
  return { data, rows, cols };
}

/**
 * The rows of a matrix at the given indices (a copy), e.g. a train or test split.
 * @throws RangeError when an index is out of range.
 * @example
 * selectRows(matrix(new Float32Array([1, 2, 3, 4]), 2, 2), [1]).data; // Float32Array [3, 4]
 */
export function selectRows(m: Matrix, indices: ArrayLike<number>): Matrix {
  const out = new Float32Array(indices.length * m.cols);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    if (!(i >= 0 && i < m.rows)) throw new RangeError(`selectRows: row ${i} outside 0..${m.rows - 1}`);
    out.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), k * m.cols);
  }
  return { data: out, rows: indices.length, cols: m.cols };
}

/**
 * The values of a numeric vector at the given indices, as a Float64Array.
 * @example
 * selectValues([5, 6, 7], [2, 0]); // Float64Array [7, 5]
 */
export function selectValues(values: ArrayLike<number>, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = values[indices[k] as number] as number;
  return out;
}
