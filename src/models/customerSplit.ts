import type { RandomSource } from "../random/RandomSource";
import { stratifiedSplit } from "./stratifiedSplit";

/**
 * Integer codes of a group column (customer ids): row i belongs to group
 * `codes[i]`, groups numbered 0..count-1 in order of first appearance.
 *
 * @example
 * groupCodes(["a", "b", "a"]); // { codes: Int32Array [0, 1, 0], count: 2 }
 */
export function groupCodes(groups: ArrayLike<string>): { codes: Int32Array; count: number } {
  const index = new Map<string, number>();
  const codes = new Int32Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as string;
    let code = index.get(g);
    if (code === undefined) {
      code = index.size;
      index.set(g, code);
    }
    codes[i] = code;
  }
  return { codes, count: index.size };
}

/**
 * Splits rows by customer: every row of a customer goes to the same side, so
 * a model is never tested on a customer it was trained on (their other
 * snapshots would leak who they are). Customers are stratified by whether
 * any of their rows churns, and round(share · customers of each kind) are
 * held out (see `stratifiedSplit`). Rows come back sorted.
 *
 * @param rows the rows to split (e.g. all rows, or the training part of an outer split).
 * @param codes group code of every row of the data (see {@link groupCodes}); labels: 0/1 per row.
 * @param heldOutShare share of customers held out, in (0, 1).
 * @throws RangeError when heldOutShare is outside (0, 1).
 * @example
 * customerSplit(Int32Array.from([0, 1, 2, 3]), Int32Array.from([0, 0, 1, 1]), [0, 1, 0, 0], 0.5, createStream(1, "split"));
 * // { kept: rows of one customer, heldOut: rows of the other }
 */
export function customerSplit(
  rows: ArrayLike<number>,
  codes: Int32Array,
  labels: ArrayLike<number>,
  heldOutShare: number,
  random: RandomSource,
): { kept: Int32Array; heldOut: Int32Array } {
  const local = new Map<number, number>();
  const groupLabel: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    const g = codes[row] as number;
    let j = local.get(g);
    if (j === undefined) {
      j = groupLabel.length;
      local.set(g, j);
      groupLabel.push(0);
    }
    if (labels[row] === 1) groupLabel[j] = 1;
  }
  const held = stratifiedSplit(groupLabel, heldOutShare, random).heldOut;
  const isHeld = new Uint8Array(groupLabel.length);
  for (let k = 0; k < held.length; k++) isHeld[held[k] as number] = 1;
  const kept: number[] = [];
  const heldOut: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] as number;
    (isHeld[local.get(codes[row] as number) as number] === 1 ? heldOut : kept).push(row);
  }
  return { kept: Int32Array.from(kept).sort(), heldOut: Int32Array.from(heldOut).sort() };
}

/**
 * The first snapshot time of the latest snapshots holding about
 * `heldOutShare` of the rows (at least one snapshot held out, at least one
 * kept): the cut of a time split (see `timeSplit` in src/features, which
 * applies it with an embargo).
 *
 * @param rows the rows to consider; times: snapshot time (any increasing number) of every row of the data.
 * @throws RangeError when heldOutShare is outside (0, 1) or the rows hold a single snapshot time.
 * @example
 * latestSnapshotsCut(Int32Array.from([0, 1, 2, 3, 4]), [1, 1, 2, 3, 3], 0.4); // 3
 */
export function latestSnapshotsCut(rows: ArrayLike<number>, times: ArrayLike<number>, heldOutShare: number): number {
  if (!(heldOutShare > 0 && heldOutShare < 1)) throw new RangeError(`latestSnapshotsCut: heldOutShare must be in (0, 1), got ${heldOutShare}`);
  const perTime = new Map<number, number>();
  for (let k = 0; k < rows.length; k++) {
    const t = times[rows[k] as number] as number;
    perTime.set(t, (perTime.get(t) ?? 0) + 1);
  }
  const latestFirst = [...perTime.keys()].sort((a, b) => b - a);
  if (latestFirst.length < 2) throw new RangeError(`latestSnapshotsCut: the rows hold ${latestFirst.length} snapshot time; a time split needs at least two`);
  let taken = 0;
  let cut = latestFirst[0] as number;
  for (let d = 0; d < latestFirst.length - 1; d++) {
    cut = latestFirst[d] as number;
    taken += perTime.get(cut) as number;
    if (taken >= heldOutShare * rows.length) break;
  }
  return cut;
}
