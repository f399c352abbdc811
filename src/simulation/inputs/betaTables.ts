import { betaQuantile } from "../../random/index";

/*
 * Quantile tables of beta distributions (for beta and PERT inputs): the exact
 * beta quantile is slow, so a distribution is inverted by linear
 * interpolation in a 4,096-interval table, exactly in the two outer intervals.
 */

/** Intervals of a quantile table (4,097 entries). */
export const TABLE_INTERVALS = 4096;

/** Quantile tables by beta parameters ("a,b"), oldest first: a table costs ~20 ms (4,097 beta quantiles) and a plan has ~20. */
const betaTables = new Map<string, Float64Array>();
const MAX_TABLES = 64;

/**
 * The quantile table of Beta(a, b), computed once per thread and kept (at most 64, oldest dropped first).
 *
 * @example
 * betaTable(2, 2)[2048] // 0.5
 */
export function betaTable(a: number, b: number): Float64Array {
  const key = `${a},${b}`;
  const hit = betaTables.get(key);
  if (hit !== undefined) return hit;
  const table = new Float64Array(TABLE_INTERVALS + 1);
  for (let i = 0; i <= TABLE_INTERVALS; i += 1) table[i] = betaQuantile(i / TABLE_INTERVALS, a, b);
  if (betaTables.size >= MAX_TABLES) betaTables.delete(betaTables.keys().next().value!);
  betaTables.set(key, table);
  return table;
}

/**
 * The beta/PERT quantile tables compiled so far in this thread (at most 64,
 * keyed "a,b"; read-only): sent to worker threads with {@link importBetaTables}
 * so a new worker does not recompute them (about 0.4 s for the seed plan).
 *
 * @example
 * exportBetaTables().length // 0 before any distribution is compiled
 */
export function exportBetaTables(): Array<[string, Float64Array]> {
  return [...betaTables.entries()];
}

/**
 * Adds tables exported by another thread ({@link exportBetaTables}); a table
 * is a pure function of its key, so compiled distributions are unchanged.
 *
 * @throws RangeError when a table does not have 4,097 entries
 * @example
 * importBetaTables(exportBetaTables()) // no-op in the same thread
 */
export function importBetaTables(entries: ReadonlyArray<readonly [string, Float64Array]>): void {
  for (const [key, table] of entries) {
    if (table.length !== TABLE_INTERVALS + 1) throw new RangeError(`beta table ${key}: ${table.length} entries, expected ${TABLE_INTERVALS + 1}`);
    if (!betaTables.has(key) && betaTables.size < MAX_TABLES) betaTables.set(key, table);
  }
}

/**
 * Quantile at u from a table: linear interpolation inside, `exact(u)` in the two outer intervals.
 *
 * @example
 * tableLookup(betaTable(1, 1), 0.25, (u) => u) // 0.25
 */
export function tableLookup(table: Float64Array, u: number, exact: (u: number) => number): number {
  const x = u * TABLE_INTERVALS;
  // The outer intervals are computed exactly: linear interpolation there would bias the tails.
  if (x < 1 || x > TABLE_INTERVALS - 1) return exact(u);
  let i = Math.floor(x);
  if (i >= TABLE_INTERVALS) i = TABLE_INTERVALS - 1;
  if (i < 0) i = 0;
  const f = x - i;
  return table[i]! + f * (table[i + 1]! - table[i]!);
}
