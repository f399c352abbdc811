import duckdb from "@duckdb/node-bindings";
import { DuckDBDataChunk, DuckDBDoubleType, DuckDBIntegerType, type DuckDBAppender, type DuckDBType } from "@duckdb/node-api";
import type { ColumnSpec, TableSchema } from "../data/schema";
import { columnCodes, type CodedChunk, type ColumnCode } from "../data/synth/codedChunks";
import { sqlString, type Store } from "./openStore";
import { sqlName } from "./sourceSql";

/** Whether a coded column is held as doubles (numbers, optional dates with NaN) rather than int32. */
function isDouble(spec: ColumnSpec, code: ColumnCode): boolean {
  return code.kind === "optionalDate" || (code.kind === "value" && spec.kind === "number");
}

function codesOf(schema: TableSchema): readonly ColumnCode[] {
  const codes = columnCodes[schema.name];
  if (codes === undefined) throw new RangeError(`no column codes for table ${schema.name}`);
  return codes;
}

/** The staging table of a generated table: its codes as they come from the generator. */
function stageName(schema: TableSchema): string {
  return sqlName(`stage_${schema.name}`);
}

/**
 * Creates the staging table of a generated table (one INTEGER or DOUBLE
 * column per schema column, holding its codes) and an appender for it.
 *
 * @example
 * const appender = await createCodedTable(store, visitsSchema);
 */
export async function createCodedTable(store: Store, schema: TableSchema): Promise<DuckDBAppender> {
  const codes = codesOf(schema);
  const columns = schema.columns.map((c, k) => `${sqlName(c.name)} ${isDouble(c, codes[k]!) ? "DOUBLE" : "INTEGER"}`);
  await store.connection.run(`CREATE OR REPLACE TABLE ${stageName(schema)} (${columns.join(", ")})`);
  return store.connection.createAppender(`stage_${schema.name}`);
}

/**
 * Appends a coded chunk through its table's appender, 2,048 rows at a time,
 * copying each typed array straight into DuckDB's vectors (no per-value
 * conversion). Numbers are rounded to their column's decimals first, as the
 * CSV writer does, so a Parquet and a CSV of one seed hold the same values.
 * Hot loop.
 *
 * @throws RangeError when a column's array type does not match the staging table.
 * @example
 * appendCodedChunk(appender, blockEventChunks(run, 0)[0]);
 */
export function appendCodedChunk(appender: DuckDBAppender, chunk: CodedChunk): void {
  const codes = codesOf(chunk.schema);
  const types: DuckDBType[] = chunk.schema.columns.map((c, k) => (isDouble(c, codes[k]!) ? DuckDBDoubleType.instance : DuckDBIntegerType.instance));
  const columns = chunk.values.map((values, k) => {
    const spec = chunk.schema.columns[k]!;
    if (values instanceof Float64Array !== (types[k] === DuckDBDoubleType.instance))
      throw new RangeError(`${chunk.schema.name}.${spec.name}: unexpected array type`);
    if (spec.decimals === undefined || !(values instanceof Float64Array)) return values;
    const scale = 10 ** spec.decimals;
    return values.map((v) => {
      const r = Math.round(v * scale) / scale;
      return r === 0 ? 0 : r;
    });
  });
  const size = duckdb.vector_size();
  const data = duckdb.create_data_chunk(types.map((t) => t.toLogicalType().logical_type));
  const wrapped = new DuckDBDataChunk(data);
  for (let start = 0; start < chunk.length; start += size) {
    const rows = Math.min(size, chunk.length - start);
    duckdb.data_chunk_reset(data);
    columns.forEach((values, k) => {
      const vector = duckdb.data_chunk_get_vector(data, k);
      const bytes = values.BYTES_PER_ELEMENT;
      duckdb.copy_data_to_vector(vector, 0, values.buffer as ArrayBuffer, values.byteOffset + start * bytes, rows * bytes);
    });
    duckdb.data_chunk_set_size(data, rows);
    appender.appendDataChunk(wrapped);
  }
}

/** SQL turning one coded column back into its table value (see `ColumnCode`). */
function decodeSql(spec: ColumnSpec, code: ColumnCode, idWidth: number): string {
  const c = sqlName(spec.name);
  switch (code.kind) {
    case "customerId":
      return `'C' || lpad(CAST(${c} + 1 AS VARCHAR), ${idWidth}, '0')`;
    case "lookup":
      return `[${code.values.map((v) => sqlString(v)).join(", ")}][${c} + 1]`;
    case "date":
      return `DATE '1970-01-01' + ${c}`;
    case "optionalDate":
      return `CASE WHEN isnan(${c}) THEN NULL ELSE DATE '1970-01-01' + CAST(${c} AS INTEGER) END`;
    case "value":
      return c;
  }
}

/**
 * Writes a staged table to Parquet, decoding its codes on the way (ids
 * `C0000001`, categories as text, dates as DATE; an empty category as
 * NULL), rows in the order they were appended, zstd-compressed. The same
 * staged rows give the same bytes (same DuckDB version). A column's
 * dictionary is capped at 64 KB: categories keep theirs, and customer ids
 * (millions of distinct values) are given up on early. DuckDB's default cap
 * (a tenth of the row group) made it build dictionaries it then discarded:
 * at 1M customers the app_activity file took 25 s of CPU to write instead of
 * 11, and came out 20% larger.
 *
 * @param idWidth digits of the customer numbers (see `customerIdWidth`).
 * @example
 * await copyCodedToParquet(store, visitsSchema, 7, "out/visits.parquet");
 */
export async function copyCodedToParquet(store: Store, schema: TableSchema, idWidth: number, file: string): Promise<void> {
  const codes = codesOf(schema);
  const select = schema.columns.map((c, k) => {
    const expr = decodeSql(c, codes[k]!, idWidth);
    return `${c.kind === "optionalCategory" ? `nullif(${expr}, '')` : expr} AS ${sqlName(c.name)}`;
  });
  const options = "FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1048576, DICTIONARY_SIZE_LIMIT 65536";
  await store.connection.run(`COPY (SELECT ${select.join(", ")} FROM ${stageName(schema)}) TO ${sqlString(file)} (${options})`);
  await store.connection.run(`DROP TABLE ${stageName(schema)}`);
}
