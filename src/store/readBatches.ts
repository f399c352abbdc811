import { DuckDBTypeId } from "@duckdb/node-api";
import type { Store } from "./openStore";

/** A batch of rows read from the store: numeric columns as doubles (NaN for NULL), others as text ("" for NULL). */
export interface RowBatch {
  /** Data row number (0-based) of the batch's first row. */
  start: number;
  rows: number;
  columns: Record<string, Float64Array | string[]>;
}

const numericTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
]);

/**
 * Runs a query and yields its rows in batches of `batchRows`, streaming:
 * DuckDB produces the next rows only as the caller asks for them, so memory
 * holds one batch whatever the number of rows.
 *
 * @param batchRows rows per batch (the last one may be shorter), >= 1.
 * @throws Error from DuckDB when the query fails (e.g. a damaged file met half-way).
 * @example
 * for await (const batch of readBatches(store, "SELECT * FROM read_parquet('panel.parquet')", 100_000)) score(batch.columns);
 */
export async function* readBatches(store: Store, sql: string, batchRows: number): AsyncGenerator<RowBatch> {
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new RangeError(`batchRows must be a positive integer, got ${batchRows}`);
  const result = await store.connection.stream(sql);
  const names = result.columnNames();
  const numeric = result.columnTypes().map((t) => numericTypes.has(t.typeId));
  const fresh = (): Array<Float64Array | string[]> => numeric.map((isNumber) => (isNumber ? new Float64Array(batchRows) : new Array<string>(batchRows)));
  let columns = fresh();
  let filled = 0;
  let start = 0;
  const emit = (rows: number): RowBatch => {
    const batch = {
      start,
      rows,
      columns: Object.fromEntries(names.map((n, k) => [n, rows === batchRows ? columns[k] : columns[k]?.slice(0, rows)])),
    } as RowBatch;
    start += rows;
    return batch;
  };
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const count = chunk.rowCount;
    let offset = 0;
    while (offset < count) {
      const take = Math.min(count - offset, batchRows - filled);
      for (let k = 0; k < names.length; k++) {
        const vector = chunk.getColumnVector(k);
        const target = columns[k]!;
        if (target instanceof Float64Array) {
          for (let i = 0; i < take; i++) {
            const v = vector.getItem(offset + i);
            target[filled + i] = v === null ? NaN : Number(v);
          }
        } else {
          for (let i = 0; i < take; i++) {
            const v = vector.getItem(offset + i);
            target[filled + i] = v === null ? "" : String(v);
          }
        }
      }
      filled += take;
      offset += take;
      if (filled === batchRows) {
        yield emit(filled);
        columns = fresh();
        filled = 0;
      }
    }
  }
  if (filled > 0) yield emit(filled);
}
