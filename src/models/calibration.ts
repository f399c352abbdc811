import { isotonicRegression } from "./isotonicRegression";

/** A fitted probability calibration map. Saved as calibration.json. */
export type Calibrator =
  | { method: "none" }
  /** Platt scaling: p' = 1 / (1 + exp(a·logit(p) + b)). */
  | { method: "platt"; a: number; b: number }
  /** Isotonic regression: fitted values at each distinct training probability, interpolated linearly between them. */
  | { method: "isotonic"; x: number[]; y: number[] };

/** Calibration methods. */
export type CalibrationMethod = Calibrator["method"];

function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

/**
 * Platt scaling (Platt 1999, "Probabilistic outputs for support vector
 * machines"; with the Newton method and target smoothing of Lin, Lin & Weng
 * 2007): fits p' = 1 / (1 + exp(a·f + b)) by maximum likelihood, where f is
 * the logit of the raw probability; targets are (n₊+1)/(n₊+2) and
 * 1/(n₋+2) so that small validation sets do not give 0/1 outputs.
 *
 * @param probabilities raw model probabilities 0..1 on validation rows; labels 0/1.
 * @throws RangeError when inputs differ in length or are empty.
 * @example
 * fitPlatt([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]); // { method: "platt", a: < 0, b: ≈ 0 }
 */
export function fitPlatt(probabilities: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = probabilities.length;
  if (n === 0 || labels.length !== n) throw new RangeError("fitPlatt: needs equal, non-empty probabilities and labels");
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i] as number;
  const negatives = n - positives;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (negatives + 2);
  const f = Float64Array.from(probabilities, logit);
  const t = Float64Array.from(labels, (y) => (y === 1 ? hi : lo));
  let a = 0;
  let b = Math.log((negatives + 1) / (positives + 1));
  const objective = (A: number, B: number): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const z = (f[i] as number) * A + B;
      v += z >= 0 ? (t[i] as number) * z + Math.log1p(Math.exp(-z)) : ((t[i] as number) - 1) * z + Math.log1p(Math.exp(z));
    }
    return v;
  };
  let value = objective(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const z = (f[i] as number) * a + b;
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const q = 1 - p;
      const d2 = p * q;
      const fi = f[i] as number;
      h11 += fi * fi * d2;
      h22 += d2;
      h21 += fi * d2;
      const d1 = (t[i] as number) - p;
      g1 += fi * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-9 && Math.abs(g2) < 1e-9) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    let improved = false;
    while (step >= 1e-10) {
      const next = objective(a + step * dA, b + step * dB);
      if (next < value + 1e-4 * step * gd) {
        a += step * dA;
        b += step * dB;
        value = next;
        improved = true;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { method: "platt", a, b };
}

/**
 * Isotonic calibration by pool-adjacent-violators (Ayer et al. 1955;
 * Zadrozny & Elkan 2002): the non-decreasing step function of the raw
 * probability closest to the labels in squared error. Between distinct
 * training probabilities the map is interpolated linearly and it is clipped at the ends, as
 * scikit-learn's `IsotonicRegression(out_of_bounds="clip")`.
 *
 * @param probabilities raw model probabilities 0..1 on validation rows; labels 0/1.
 * @throws RangeError when inputs differ in length or are empty.
 * @example
 * fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]); // { method: "isotonic", x: [0.1, 0.2, 0.3, 0.4], y: [0, 0.5, 0.5, 1] }
 */
export function fitIsotonic(probabilities: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  const n = probabilities.length;
  if (n === 0 || labels.length !== n) throw new RangeError("fitIsotonic: needs equal, non-empty probabilities and labels");
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (probabilities[a] as number) - (probabilities[b] as number));
  // Group equal x first (sklearn pools ties into their mean before PAV).
  const xs: number[] = [];
  const sums: number[] = [];
  const weights: number[] = [];
  for (const i of order) {
    const x = probabilities[i] as number;
    const last = xs.length - 1;
    if (last >= 0 && xs[last] === x) {
      sums[last] = (sums[last] as number) + (labels[i] as number);
      weights[last] = (weights[last] as number) + 1;
    } else {
      xs.push(x);
      sums.push(labels[i] as number);
      weights.push(1);
    }
  }
  return {
    method: "isotonic",
    x: xs,
    y: isotonicRegression(
      sums.map((s, k) => s / (weights[k] as number)),
      weights,
    ),
  };
}

/**
 * Applies a calibration map to raw probabilities.
 *
 * @example
 * applyCalibration({ method: "platt", a: -1, b: 0 }, [0.5]); // Float64Array [0.5]
 */
export function applyCalibration(calibrator: Calibrator, probabilities: ArrayLike<number>): Float64Array {
  const out = new Float64Array(probabilities.length);
  switch (calibrator.method) {
    case "none":
      for (let i = 0; i < out.length; i++) out[i] = probabilities[i] as number;
      return out;
    case "platt":
      for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(calibrator.a * logit(probabilities[i] as number) + calibrator.b));
      return out;
    case "isotonic": {
      const { x, y } = calibrator;
      const last = x.length - 1;
      for (let i = 0; i < out.length; i++) {
        const p = probabilities[i] as number;
        if (last < 0) out[i] = p;
        else if (p <= (x[0] as number)) out[i] = y[0] as number;
        else if (p >= (x[last] as number)) out[i] = y[last] as number;
        else {
          let lo = 0;
          let hi = last;
          while (hi - lo > 1) {
            const mid = (lo + hi) >> 1;
            if ((x[mid] as number) <= p) lo = mid;
            else hi = mid;
          }
          const x0 = x[lo] as number;
          const x1 = x[hi] as number;
          out[i] = (y[lo] as number) + ((p - x0) / (x1 - x0)) * ((y[hi] as number) - (y[lo] as number));
        }
      }
      return out;
    }
  }
}

/**
 * Fits the named calibration on validation data.
 * @throws RangeError as {@link fitPlatt} / {@link fitIsotonic}.
 * @example
 * fitCalibration("none", [0.2], [0]); // { method: "none" }
 */
export function fitCalibration(method: CalibrationMethod, probabilities: ArrayLike<number>, labels: ArrayLike<number>): Calibrator {
  return method === "platt" ? fitPlatt(probabilities, labels) : method === "isotonic" ? fitIsotonic(probabilities, labels) : { method: "none" };
}
