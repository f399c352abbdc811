import type { Table } from "../schema";
import { blockCustomerChunks, blockEventChunks, customerIdWidth, customerIds, decodeChunk, type CodedChunk } from "./codedChunks";
import { clearEvents } from "./eventBuffers";
import { resolveSynthSettings, type SynthOptions } from "./settings";
import { simulateBlock } from "./simulateBlock";
import { createRun } from "./synthRun";

/** Customers simulated together by {@link streamPopulation} (the plan's network: one block). */
export const STREAM_BLOCK_CUSTOMERS = 200_000;

/** What a streamed population produced: rows by table, churn counts, and how it was made. */
export interface StreamedPopulation {
  customers: number;
  blocks: number;
  /** Rows written to each table, by table name. */
  rows: Record<string, number>;
  /** Customers who churned in the history, and in its first 52 weeks. */
  churnedInHistory: number;
  churnedYear1: number;
  weeks: number;
  startDay: number;
  endDay: number;
}

/** A piece of a streamed table, as codes: its rows, the ids of its block's customers, and the number of the first one. */
export interface PopulationPiece {
  chunk: CodedChunk;
  ids: readonly string[];
  first: number;
}

/**
 * A piece as a table (ids and categories as text, dates as day numbers).
 *
 * @example
 * decodePiece(piece).columns.customer_id[0]; // "C0200001"
 */
export function decodePiece(piece: PopulationPiece): Table {
  return decodeChunk(piece.chunk, piece.ids, piece.first);
}

/**
 * Generates the same kind of population as `synthesize`, but streams it:
 * customers are simulated in blocks of `blockCustomers`, and every table is
 * handed to `sink` in coded pieces (a week of events of one block; a block's
 * customers and truth after its last week), so memory stays flat whatever
 * the number of customers. Rows of a table arrive in file order: block by
 * block, week by week. Customer ids are numbered across blocks.
 *
 * Block 0 draws from the seed's streams exactly as `synthesize` does, so a
 * population of one block (up to {@link STREAM_BLOCK_CUSTOMERS}) gives the
 * very tables of `synthesize`; block b >= 1 has its own substreams. The same
 * options and block size give the same pieces, byte for byte.
 *
 * @param sink receives each piece; a table's pieces must be appended in order.
 * @param blockCustomers customers per block (default {@link STREAM_BLOCK_CUSTOMERS}).
 * @throws RangeError as `synthesize` for bad options, or when blockCustomers is not a positive integer.
 * @example
 * const rows = new Map<string, number>();
 * streamPopulation({ customers: 1_000_000, seed: 42 }, (p) => rows.set(p.chunk.schema.name, (rows.get(p.chunk.schema.name) ?? 0) + p.chunk.length));
 */
export function streamPopulation(options: SynthOptions, sink: (piece: PopulationPiece) => void, blockCustomers = STREAM_BLOCK_CUSTOMERS): StreamedPopulation {
  if (!Number.isInteger(blockCustomers) || blockCustomers < 1) throw new RangeError(`blockCustomers must be a positive integer, got ${blockCustomers}`);
  const settings = resolveSynthSettings(options);
  const total = settings.customers;
  const width = customerIdWidth(total);
  const blocks = Math.ceil(total / blockCustomers);
  const rows: Record<string, number> = {};
  const emit = (piece: PopulationPiece): void => {
    rows[piece.chunk.schema.name] = (rows[piece.chunk.schema.name] ?? 0) + piece.chunk.length;
    sink(piece);
  };
  let churnedInHistory = 0;
  let churnedYear1 = 0;
  for (let b = 0; b < blocks; b++) {
    const first = b * blockCustomers;
    const count = Math.min(blockCustomers, total - first);
    const ids = customerIds(first, count, width);
    const run = createRun(settings, count, b);
    simulateBlock(run, (w) => {
      for (const chunk of blockEventChunks(run, first)) emit({ chunk, ids, first });
      clearEvents(run.events);
      options.onProgress?.(b * settings.weeks + w + 1, blocks * settings.weeks);
    });
    for (const chunk of blockCustomerChunks(run, first)) emit({ chunk, ids, first });
    for (const day of run.state.churnDay) {
      if (!Number.isNaN(day)) churnedInHistory++;
      if (day < settings.startDay + 364) churnedYear1++;
    }
  }
  return { customers: total, blocks, rows, churnedInHistory, churnedYear1, weeks: settings.weeks, startDay: settings.startDay, endDay: settings.endDay };
}
