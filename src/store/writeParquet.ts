import type { TableSchema } from "../data/schema";
import { sqlString, type Store } from "./openStore";
import { csvSourceSql } from "./sourceSql";

/**
 * Converts a CSV table of `schema` (as churnlab writes it) to a Parquet
 * file with DuckDB: typed columns (dates as DATE, numbers as DOUBLE, ids and
 * categories as dictionary-encoded text), zstd-compressed, rows in file
 * order. Streams: memory does not grow with the rows. The same CSV bytes
 * give the same Parquet bytes (same DuckDB version).
 *
 * @param parquetFile target path (write a temporary path and commit it for all or nothing).
 * @throws Error from DuckDB when the CSV does not match the schema (churnlab's own files always do).
 * @example
 * await csvToParquet(store, "tmp/visits.csv", visitsSchema, "out/visits.parquet");
 */
export async function csvToParquet(store: Store, csvFile: string, schema: TableSchema, parquetFile: string): Promise<void> {
  await store.connection.run(
    `COPY (SELECT * FROM ${csvSourceSql(csvFile, schema)}) TO ${sqlString(parquetFile)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1048576)`,
  );
}
