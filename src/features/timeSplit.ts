/** Row indices of a time-ordered split. */
export interface TimeSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/**
 * Splits panel rows by snapshot day, never at random across weeks:
 * training rows are snapshots whose whole label window ends by
 * `validationFrom` (day + horizon ≤ validationFrom), validation rows are
 * snapshots from `validationFrom` whose window ends by `testFrom`, and test
 * rows are snapshots from `testFrom` on. The embargo keeps a training label
 * from seeing the validation period (and validation from the test period).
 *
 * @param snapshotDay snapshot day of each row; horizonDays: label window (e.g. 30).
 * @throws RangeError when validationFrom > testFrom or horizonDays < 0.
 * @example
 * timeSplit([0, 7, 14, 21, 28, 35, 42], 7, 21, 35).train; // Int32Array [0, 1, 2] (0 + 7 ≤ 21, 14 + 7 ≤ 21)
 */
export function timeSplit(snapshotDay: ArrayLike<number>, horizonDays: number, validationFrom: number, testFrom: number): TimeSplit {
  if (!(validationFrom <= testFrom)) throw new RangeError("timeSplit: validationFrom must not be after testFrom");
  if (!(horizonDays >= 0)) throw new RangeError("timeSplit: horizonDays must be >= 0");
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (let r = 0; r < snapshotDay.length; r++) {
    const d = snapshotDay[r] as number;
    if (d >= testFrom) test.push(r);
    else if (d >= validationFrom) {
      if (d + horizonDays <= testFrom) validation.push(r);
    } else if (d + horizonDays <= validationFrom) train.push(r);
  }
  return { train: Int32Array.from(train), validation: Int32Array.from(validation), test: Int32Array.from(test) };
}
