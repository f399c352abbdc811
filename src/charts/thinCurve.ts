/**
 * Keeps at most about `max` evenly spaced points of a curve (always the first
 * and the last), so charts of long curves (ROC, gain, Qini: one point per
 * customer) stay light in notebooks and pages. A few hundred points are more
 * than a chart's width in pixels can show.
 *
 * @param xs - x values; ys - y values, one per x.
 * @param max - points kept, at least 2 (default 400).
 * @example
 * thinCurve([0, 1, 2, 3, 4], [0, 1, 4, 9, 16], 3); // { x: [0, 2, 4], y: [0, 4, 16] }
 */
export function thinCurve(xs: ArrayLike<number>, ys: ArrayLike<number>, max = 400): { x: number[]; y: number[] } {
  const n = xs.length;
  const step = Math.max(1, Math.ceil(n / Math.max(2, max)));
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < n; k += step) {
    x.push(xs[k] as number);
    y.push(ys[k] as number);
  }
  if (n > 0 && (n - 1) % step !== 0) {
    x.push(xs[n - 1] as number);
    y.push(ys[n - 1] as number);
  }
  return { x, y };
}
