/** The order an isotonic fit keeps: values that never fall ("increasing") or never rise ("decreasing") along the points. */
export type IsotonicOrder = "increasing" | "decreasing";

/**
 * Weighted isotonic regression by the pool-adjacent-violators algorithm
 * (Barlow et al., Statistical Inference under Order Restrictions, 1972;
 * scikit-learn's `isotonic_regression`): the monotone sequence closest to
 * the values in weighted squared error. Adjacent blocks that break the order
 * are pooled into their weighted mean, (v1·w1 + v2·w2) / (w1 + w2), until
 * none does. O(n).
 *
 * @param values the points' values, in order (e.g. save rates by delay, or mean labels by probability).
 * @param weights each point's weight (> 0); a missing weight counts as 1.
 * @param order "increasing" (default) or "decreasing".
 * @returns the fitted value of every point, in the points' order.
 * @example
 * isotonicRegression([0, 1, 0, 1], [1, 1, 1, 1]); // [0, 0.5, 0.5, 1]
 * isotonicRegression([0.5, 0.6, 0.3], [1, 1, 1], "decreasing"); // [0.55, 0.55, 0.3]
 */
export function isotonicRegression(values: readonly number[], weights: readonly number[], order: IsotonicOrder = "increasing"): number[] {
  const sign = order === "increasing" ? 1 : -1;
  const blocks: Array<{ value: number; weight: number; size: number }> = [];
  values.forEach((v, i) => {
    blocks.push({ value: v, weight: weights[i] ?? 1, size: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1] as { value: number; weight: number; size: number };
      const prev = blocks[blocks.length - 2] as { value: number; weight: number; size: number };
      if (sign * prev.value <= sign * last.value) break;
      const weight = prev.weight + last.weight;
      blocks.splice(blocks.length - 2, 2, { value: (prev.value * prev.weight + last.value * last.weight) / weight, weight, size: prev.size + last.size });
    }
  });
  return blocks.flatMap((b) => new Array<number>(b.size).fill(b.value));
}
