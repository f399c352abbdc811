import * as fs from "node:fs";
import { writeCsvChunks } from "../writeCsv";
import type { SynthOptions } from "./settings";
import { decodePiece, type StreamedPopulation } from "./streamPopulation";
import { streamPopulationParallel } from "./streamPopulationParallel";

/**
 * Streams a population (see {@link streamPopulation}) into one CSV file per
 * table, in the exact format of `writeTablesCsv` (header once, then the rows
 * of every piece in order): memory stays flat whatever the number of
 * customers. The files are flushed to disk and closed before it returns.
 * It writes the given paths directly: pass temporary paths and commit them
 * (`commitStagedFiles`) to get all the files or none.
 *
 * @param files path of each table's CSV by table name (customers, visits, surveys, app_activity, truth, truth_risk).
 * @param workers threads generating blocks (see `streamPopulationParallel`); the bytes do not depend on it.
 * @throws RangeError as `streamPopulation`, or when a table has no path; file system errors as thrown by `fs`.
 * @example
 * (await streamPopulationCsv({ customers: 5_000_000, seed: 42 }, { customers: "tmp/customers.csv", ... }, 2)).rows.visits; // ≈ 22 million
 */
export async function streamPopulationCsv(
  options: SynthOptions,
  files: Readonly<Record<string, string>>,
  workers = 1,
  blockCustomers?: number,
): Promise<StreamedPopulation> {
  const fds = new Map<string, number>();
  try {
    for (const [name, file] of Object.entries(files)) fds.set(name, fs.openSync(file, "w"));
    const started = new Set<string>();
    const result = await streamPopulationParallel(
      options,
      (piece) => {
        const name = piece.chunk.schema.name;
        const fd = fds.get(name);
        if (fd === undefined) throw new RangeError(`streamPopulationCsv: no file for table ${name}`);
        let header = true;
        writeCsvChunks(decodePiece(piece), (text) => {
          const skip = header && started.has(name);
          header = false;
          started.add(name);
          if (!skip) fs.writeSync(fd, text);
        });
      },
      workers,
      blockCustomers,
    );
    for (const fd of fds.values()) fs.fsyncSync(fd);
    return result;
  } finally {
    for (const fd of fds.values()) fs.closeSync(fd);
  }
}
