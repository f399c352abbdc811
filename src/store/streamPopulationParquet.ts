import * as path from "node:path";
import type { DuckDBAppender } from "@duckdb/node-api";
import type { TableSchema } from "../data/schema";
import { customerIdWidth } from "../data/synth/codedChunks";
import type { SynthOptions } from "../data/synth/settings";
import type { StreamedPopulation } from "../data/synth/streamPopulation";
import { streamPopulationParallel } from "../data/synth/streamPopulationParallel";
import { appendCodedChunk, copyCodedToParquet, createCodedTable } from "./codedTables";
import { openStore } from "./openStore";

/**
 * Streams a population (see `streamPopulation`) into one Parquet file per
 * table: each piece's typed arrays go straight into a staging DuckDB
 * database in `scratchDir` (no text on the way), then DuckDB decodes and
 * writes each table. Memory stays flat (DuckDB's limit is `memoryLimit`,
 * the generator holds one block). The same options give the same bytes.
 * It writes the given paths directly: pass temporary paths and commit them.
 *
 * @param schemas the tables to write, in order; `files` maps each name to its path.
 * @param scratchDir an empty folder for the staging database (removed by the caller).
 * @param workers threads generating blocks (see `streamPopulationParallel`); the bytes do not depend on it.
 * @throws RangeError as `streamPopulation`; Error from DuckDB when a file cannot be written.
 * @example
 * await streamPopulationParquet({ customers: 5_000_000, seed: 42 }, sourceSchemas, files, makeTempFolder("synth"), 2);
 */
export async function streamPopulationParquet(
  options: SynthOptions,
  schemas: readonly TableSchema[],
  files: Readonly<Record<string, string>>,
  scratchDir: string,
  workers = 1,
  blockCustomers?: number,
  memoryLimit = "2GB",
): Promise<StreamedPopulation> {
  const store = await openStore(path.join(scratchDir, "stage.duckdb"), { memoryLimit });
  try {
    const appenders = new Map<string, DuckDBAppender>();
    for (const schema of schemas) appenders.set(schema.name, await createCodedTable(store, schema));
    const population = await streamPopulationParallel(
      options,
      (piece) => {
        const appender = appenders.get(piece.chunk.schema.name);
        if (appender !== undefined) appendCodedChunk(appender, piece.chunk);
      },
      workers,
      blockCustomers,
    );
    for (const appender of appenders.values()) appender.closeSync();
    const width = customerIdWidth(population.customers);
    for (const schema of schemas) {
      const file = files[schema.name];
      if (file === undefined) throw new RangeError(`streamPopulationParquet: no file for table ${schema.name}`);
      await copyCodedToParquet(store, schema, width, file);
    }
    return population;
  } finally {
    store.close();
  }
}
