import * as path from "node:path";
import * as fs from "node:fs";
import { availableParallelism } from "node:os";
import type { OutputWriter } from "../../io/outputWriter";
import { makeTempFolder, releaseTemp, tempPathFor } from "../../io/tempFiles";
import type { StagedFile } from "../../io/writeTransaction";
import { sourceSchemas, truthSchemas } from "../../data/schemas";
import type { SynthOptions } from "../../data/synthesize";
import { streamPopulationCsv } from "../../data/synth/streamPopulationCsv";
import { STREAM_BLOCK_CUSTOMERS, type StreamedPopulation } from "../../data/synth/streamPopulation";
import { streamPopulationParquet } from "../../store/streamPopulationParquet";

/** Output formats of `churnlab synth --format`. */
export type SynthFormat = "csv" | "parquet";

/** The six tables' schemas, in file order. */
export const synthSchemas = [...sourceSchemas, ...truthSchemas];

/**
 * The streamed half of `churnlab synth --format csv|parquet`: the population
 * is generated in blocks of 200,000 customers and written as it goes (flat
 * memory), CSV straight to temporary files next to the targets, Parquet
 * through a staging DuckDB database in the OS temp folder. The six
 * tables and the manifest are then committed as one unit by `out`.
 *
 * @param out the command's prepared outputs (its pre-flight checked `--out`).
 * @param workers threads generating blocks (default: up to 2); the bytes do not depend on it.
 * @returns what was generated, and the files written.
 * @example
 * await writeStreamedPopulation({ customers: 5_000_000, seed: 42 }, "parquet", "data/national", out, manifestOf);
 */
export async function writeStreamedPopulation(
  options: SynthOptions,
  format: SynthFormat,
  dir: string,
  out: OutputWriter,
  manifestOf: (population: StreamedPopulation, files: string[]) => unknown,
  workers = Math.min(2, availableParallelism()),
): Promise<{ population: StreamedPopulation; files: string[] }> {
  const targets = synthSchemas.map((s) => path.join(dir, `${s.name}.${format}`));
  const staged: StagedFile[] = targets.map((target) => ({ temp: tempPathFor(target), target }));
  const scratch = format === "parquet" ? makeTempFolder("synth") : undefined;
  try {
    const temps = Object.fromEntries(synthSchemas.map((s, k) => [s.name, staged[k]!.temp]));
    const population =
      scratch === undefined
        ? await streamPopulationCsv(options, temps, workers, STREAM_BLOCK_CUSTOMERS)
        : await streamPopulationParquet(options, synthSchemas, temps, scratch, workers, STREAM_BLOCK_CUSTOMERS);
    const files = targets.map((f) => path.basename(f));
    const manifest = { target: path.join(dir, "manifest.json"), temp: "" };
    manifest.temp = tempPathFor(manifest.target);
    staged.push(manifest);
    fs.writeFileSync(manifest.temp, `${JSON.stringify(manifestOf(population, files), null, 2)}\n`);
    for (const s of staged) flushToDisk(s.temp);
    out.commitStaged(staged);
    return { population, files };
  } catch (err) {
    for (const s of staged) releaseTemp(s.temp);
    throw err;
  } finally {
    if (scratch !== undefined) releaseTemp(scratch);
  }
}

function flushToDisk(file: string): void {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
