// The streamed population (issue 17): one block is synthesize() byte for byte, blocks continue the
// customer numbering with their own streams, and the pieces do not depend on the number of workers.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { synthesize } from "../../../src/data/synthesize";
import { tableToCsv, writeCsvChunks } from "../../../src/data/writeCsv";
import { decodePiece, streamPopulation, type PopulationPiece } from "../../../src/data/synth/streamPopulation";
import { streamPopulationParallel } from "../../../src/data/synth/streamPopulationParallel";

/** The CSV text of every table a stream produced, by table name. */
function csvOf(pieces: PopulationPiece[]): Record<string, string> {
  const parts: Record<string, string[]> = {};
  for (const piece of pieces) {
    const table = decodePiece(piece);
    const out = parts[table.schema.name] ?? [];
    parts[table.schema.name] = out;
    let header = true;
    writeCsvChunks(table, (text) => {
      if (!(header && out.length > 0)) out.push(text);
      header = false;
    });
  }
  return Object.fromEntries(Object.entries(parts).map(([name, texts]) => [name, texts.join("")]));
}

const digest = (tables: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(tables).map(([name, text]) => [name, createHash("sha256").update(text).digest("hex").slice(0, 16)]));

describe("streamPopulation", () => {
  it("gives the tables of synthesize() when the population is one block", () => {
    const options = { customers: 1500, seed: 11 };
    const pieces: PopulationPiece[] = [];
    const result = streamPopulation(options, (p) => pieces.push(p));
    const p = synthesize(options);
    const streamed = csvOf(pieces);
    expect(result.blocks).toBe(1);
    expect(streamed.customers).toBe(tableToCsv(p.customers));
    expect(streamed.visits).toBe(tableToCsv(p.visits));
    expect(streamed.surveys).toBe(tableToCsv(p.surveys));
    expect(streamed.app_activity).toBe(tableToCsv(p.appActivity));
    expect(streamed.truth).toBe(tableToCsv(p.truth));
    expect(streamed.truth_risk).toBe(tableToCsv(p.truthRisk));
    expect(result.rows.visits).toBe(p.visits.length);
  });

  it("numbers customers across blocks, each block from its own streams", () => {
    const pieces: PopulationPiece[] = [];
    const result = streamPopulation({ customers: 1000, seed: 3 }, (p) => pieces.push(p), 400);
    expect(result.blocks).toBe(3);
    const ids = csvOf(pieces)
      .customers?.trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(ids).toEqual(Array.from({ length: 1000 }, (_, i) => `C${String(i + 1).padStart(7, "0")}`));
    const traits = (line: string): string => line.split(",").slice(1).join(",");
    const lines = csvOf(pieces).customers?.split("\n") ?? [];
    // block 1 (customers 401..800) is not a copy of block 0
    expect(lines.slice(401, 801).map(traits)).not.toEqual(lines.slice(1, 401).map(traits));
  });

  it("streamPopulationParallel gives the same pieces with 1 and 2 workers, in the same order", async () => {
    const options = { customers: 1300, seed: 8, weeks: 60 };
    const serial: PopulationPiece[] = [];
    const parallel: PopulationPiece[] = [];
    const a = await streamPopulationParallel(options, (p) => serial.push(p), 1, 300);
    const b = await streamPopulationParallel(options, (p) => parallel.push(p), 2, 300);
    expect(b).toEqual(a);
    expect(parallel.map((p) => `${p.chunk.schema.name}:${p.first}:${p.chunk.length}`)).toEqual(
      serial.map((p) => `${p.chunk.schema.name}:${p.first}:${p.chunk.length}`),
    );
    expect(digest(csvOf(parallel))).toEqual(digest(csvOf(serial)));
  }, 60_000);
});
