/**
 * Per-class weights that make both classes carry half the total weight,
 * scikit-learn's `class_weight="balanced"`: w_c = n / (2·n_c).
 *
 * @param labels 0/1.
 * @returns [weight of 0, weight of 1]; [1, 1] when a class is absent.
 * @example
 * balancedClassWeights([0, 0, 0, 1]); // [0.6666666666666666, 2]
 */
export function balancedClassWeights(labels: ArrayLike<number>): [number, number] {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return [1, 1];
  return [labels.length / (2 * negatives), labels.length / (2 * positives)];
}
