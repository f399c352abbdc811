import { createStream } from "../random/createStream";
import { timeSplit } from "../features/timeSplit";
import { customerSplit, groupCodes, latestSnapshotsCut } from "./customerSplit";
import { selectValues } from "./Matrix";
import { stratifiedSplit } from "./stratifiedSplit";

/** How rows are split into training, validation and test: at random, by customer, or by snapshot time. */
export type SplitMethod = "row" | "customer" | "time";

/** What a split was, for the metadata and the model card. */
export interface SplitDescription {
  /** "given": the caller's own split (`TrainOptions.split`). */
  method: SplitMethod | "given";
  /** Distinct customers among all rows, and the largest number of rows of one customer (null without groups). */
  customers: number | null;
  maxRowsPerCustomer: number | null;
  /** With a time split: first snapshot of the validation and the test rows (as `timeText` writes them, e.g. YYYY-MM-DD). */
  validationFrom: string | null;
  testFrom: string | null;
  /** With a time split: the label window (same unit as the times, e.g. days) a training row's snapshot must end before the next part. */
  embargo?: number;
  /** Columns the customer and the snapshot came from (set by `trainChurnModel` from its options). */
  groupColumn?: string | null;
  snapshotColumn?: string | null;
  /** Test customers that also have training rows (null without groups; 0 for customer splits). Set by `trainChurnModel`. */
  sharedCustomers?: number | null;
}

/** Row indices of the three parts, with the description. */
export interface ChosenSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
  description: SplitDescription;
  /** Customer code per row (see `groupCodes`), when groups were given. */
  codes: Int32Array | undefined;
}

/**
 * Splits rows 64/16/20 (train/validation/test) honestly for the data at
 * hand. `"auto"` (the default) splits by time when snapshot times are given
 * (validation and test are the latest snapshots holding about 16% and 20% of
 * the rows: the model is judged on weeks after those it learnt from; with
 * `embargo`, the label window, a row whose window reaches into the next part
 * is left out, see `timeSplit` in src/features), else by customer when a customer has several
 * rows (no customer on both sides), else at random, stratified by label.
 * `"row"` forces the random split; it inflates held-out metrics when rows
 * repeat customers, which `trainChurnModel` then says in a warning.
 *
 * @param labels 0/1 per row; groups: customer per row; times: snapshot time per row (e.g. day number); timeText writes one.
 * @throws RangeError when "customer" is asked without groups or "time" without times, or a time split has one snapshot.
 * @example
 * chooseSplit(labels, { groups: ids, seed: 42 }).description.method; // "customer" when an id repeats
 */
export function chooseSplit(
  labels: Uint8Array,
  options: {
    seed: number;
    splitBy?: SplitMethod | "auto";
    groups?: ArrayLike<string>;
    times?: ArrayLike<number>;
    timeText?: (time: number) => string;
    embargo?: number;
  },
): ChosenSplit {
  const grouped = options.groups === undefined ? undefined : groupCodes(options.groups);
  let maxRows: number | null = null;
  if (grouped !== undefined) {
    const rowsOf = new Int32Array(grouped.count);
    for (const c of grouped.codes) rowsOf[c] = (rowsOf[c] as number) + 1;
    maxRows = rowsOf.reduce((m, r) => Math.max(m, r), 0);
  }
  const asked = options.splitBy ?? "auto";
  const method: SplitMethod = asked !== "auto" ? asked : options.times !== undefined ? "time" : maxRows !== null && maxRows > 1 ? "customer" : "row";
  const all = Int32Array.from({ length: labels.length }, (_, i) => i);
  const text = options.timeText ?? String;
  const describe = (validationFrom: number | null, testFrom: number | null): SplitDescription => ({
    method,
    customers: grouped?.count ?? null,
    maxRowsPerCustomer: maxRows,
    validationFrom: validationFrom === null ? null : text(validationFrom),
    testFrom: testFrom === null ? null : text(testFrom),
  });
  if (method === "time") {
    if (options.times === undefined) throw new RangeError("chooseSplit: a time split needs the snapshot time of each row");
    const times = options.times;
    const testFrom = latestSnapshotsCut(all, times, 0.2);
    const validationFrom = latestSnapshotsCut(
      all.filter((r) => (times[r] as number) < testFrom),
      times,
      0.2,
    );
    const parts = timeSplit(times, options.embargo ?? 0, validationFrom, testFrom);
    return { ...parts, description: { ...describe(validationFrom, testFrom), embargo: options.embargo ?? 0 }, codes: grouped?.codes };
  }
  if (method === "customer") {
    if (grouped === undefined) throw new RangeError("chooseSplit: a customer split needs the customer of each row");
    const outer = customerSplit(all, grouped.codes, labels, 0.2, createStream(options.seed, "split/test"));
    const inner = customerSplit(outer.kept, grouped.codes, labels, 0.2, createStream(options.seed, "split/validation"));
    return { train: inner.kept, validation: inner.heldOut, test: outer.heldOut, description: describe(null, null), codes: grouped.codes };
  }
  const outer = stratifiedSplit(labels, 0.2, createStream(options.seed, "split/test"));
  const inner = stratifiedSplit(selectValues(labels, outer.kept), 0.2, createStream(options.seed, "split/validation"));
  return {
    train: Int32Array.from(selectValues(outer.kept, inner.kept)),
    validation: Int32Array.from(selectValues(outer.kept, inner.heldOut)),
    test: outer.heldOut,
    description: describe(null, null),
    codes: grouped?.codes,
  };
}
