import type { RandomSource } from "../../random/RandomSource";
import type { Matrix } from "../Matrix";
import { rocAuc } from "./rocAuc";

/** Importance of one feature (or group of encoded columns). */
export interface FeatureImportance {
  feature: string;
  /** Mean drop in the metric when the feature is shuffled (positive = the model relies on it). */
  importance: number;
  /** Standard deviation of the drop over repeats (0 with one repeat). */
  sd: number;
}

/** Options of {@link permutationImportance}. */
export interface PermutationImportanceOptions {
  /** Shuffles per feature, integer ≥ 1 (default 3). */
  repeats?: number;
  /** Metric to drop, higher = better (default ROC-AUC). */
  metric?: (scores: ArrayLike<number>, labels: ArrayLike<number>) => number;
}

/**
 * Permutation feature importance (Breiman 2001; Fisher, Rudin & Dominici
 * 2019): the drop in a score metric when one feature's values are shuffled
 * across rows, breaking its link with the outcome. Columns of a group
 * (e.g. the one-hot columns of one categorical input) are shuffled together
 * with the same permutation. Computed on held-out data, it measures what the
 * model uses, not what causes churn.
 *
 * @param predict the model's scoring function (must not keep the matrix).
 * @param data held-out features; labels 0/1 with both classes present.
 * @param groups feature name → column indices of `data`.
 * @param random uniform source for the shuffles (Fisher–Yates).
 * @returns one entry per group, most important first.
 * @throws RangeError when repeats < 1, a column index is out of range, or the baseline metric is NaN.
 * @example
 * // permutationImportance((m) => model.predictProba(m), test, labels, { age: [0], segment: [1, 2] }, createStream(42, "importance"))
 * // → [{ feature: "age", importance: 0.12, sd: 0.004 }, ...]
 */
export function permutationImportance(
  predict: (data: Matrix) => ArrayLike<number>,
  data: Matrix,
  labels: ArrayLike<number>,
  groups: Readonly<Record<string, readonly number[]>>,
  random: RandomSource,
  options: PermutationImportanceOptions = {},
): FeatureImportance[] {
  const repeats = options.repeats ?? 3;
  const metric = options.metric ?? rocAuc;
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`permutationImportance: repeats must be an integer >= 1, got ${repeats}`);
  const baseline = metric(predict(data), labels);
  if (Number.isNaN(baseline)) throw new RangeError("permutationImportance: baseline metric is NaN (are both classes present?)");
  const n = data.rows;
  const work = new Float32Array(data.data);
  const permuted: Matrix = { data: work, rows: n, cols: data.cols };
  const perm = new Int32Array(n);
  const result: FeatureImportance[] = [];
  for (const [feature, columns] of Object.entries(groups)) {
    for (const c of columns)
      if (!(c >= 0 && c < data.cols)) throw new RangeError(`permutationImportance: column ${c} of "${feature}" outside 0..${data.cols - 1}`);
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (let i = 0; i < n; i++) perm[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = perm[i] as number;
        perm[i] = perm[j] as number;
        perm[j] = t;
      }
      for (const c of columns) for (let i = 0; i < n; i++) work[i * data.cols + c] = data.data[(perm[i] as number) * data.cols + c] as number;
      drops.push(baseline - metric(predict(permuted), labels));
      for (const c of columns) for (let i = 0; i < n; i++) work[i * data.cols + c] = data.data[i * data.cols + c] as number;
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const sd = repeats < 2 ? 0 : Math.sqrt(drops.reduce((a, b) => a + (b - mean) * (b - mean), 0) / (repeats - 1));
    result.push({ feature, importance: mean, sd });
  }
  return result.sort((a, b) => b.importance - a.importance);
}
