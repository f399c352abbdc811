import type { RandomSource } from "../random/RandomSource";

/**
 * Stratified random split of row indices: each class is shuffled
 * (Fisher–Yates) and round(share·n_class) of its rows go to the held-out
 * part, so both parts keep the positive rate. Indices come back sorted.
 *
 * @param labels 0/1 per row.
 * @param heldOutShare share of rows held out, in (0, 1).
 * @param random uniform source (e.g. `createStream(seed, "split/test")`).
 * @throws RangeError when heldOutShare is outside (0, 1) or a label is not 0/1.
 * @example
 * stratifiedSplit([0, 0, 0, 0, 1, 1, 1, 1, 1, 0], 0.2, createStream(1, "split")).heldOut.length; // 2 (one of each class)
 */
export function stratifiedSplit(labels: ArrayLike<number>, heldOutShare: number, random: RandomSource): { kept: Int32Array; heldOut: Int32Array } {
  if (!(heldOutShare > 0 && heldOutShare < 1)) throw new RangeError(`stratifiedSplit: heldOutShare must be in (0, 1), got ${heldOutShare}`);
  const byClass: number[][] = [[], []];
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (y !== 0 && y !== 1) throw new RangeError(`stratifiedSplit: label ${i} is ${y}`);
    byClass[y]!.push(i);
  }
  const shuffled = byClass.map((rows) => {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = rows[i] as number;
      rows[i] = rows[j] as number;
      rows[j] = t;
    }
    return { rows, take: Math.round(heldOutShare * rows.length) };
  });
  // Typed arrays filled by index: no `push(...rows)` spread, which overflows the call stack past ~150k rows.
  const heldOut = new Int32Array(shuffled.reduce((n, s) => n + s.take, 0));
  const kept = new Int32Array(labels.length - heldOut.length);
  let h = 0;
  let k = 0;
  for (const { rows, take } of shuffled) {
    for (let i = 0; i < rows.length; i++) {
      if (i < take) heldOut[h++] = rows[i] as number;
      else kept[k++] = rows[i] as number;
    }
  }
  return { kept: kept.sort(), heldOut: heldOut.sort() };
}
