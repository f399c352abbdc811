import { checkProbabilities, checkScoresAndLabels } from "./checkInputs";

/** One bin of a reliability diagram. */
export interface CalibrationBin {
  /** Bin edges on the probability axis: (lower, upper], the first bin also includes 0. */
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin. */
  meanPredicted: number;
  /** Observed share of positives in the bin. */
  observedRate: number;
}

/** A reliability diagram and its expected calibration error. */
export interface CalibrationCurve {
  /** Non-empty bins only, lowest first. */
  bins: CalibrationBin[];
  /** Expected calibration error: Σ (count/n)·|observedRate − meanPredicted| (Naeini et al. 2015). */
  ece: number;
  /** Largest |observedRate − meanPredicted| over non-empty bins (maximum calibration error). */
  mce: number;
  strategy: "uniform" | "quantile";
}

/**
 * Reliability diagram: predictions grouped into bins, mean prediction against
 * observed rate per bin, and the expected calibration error. Binning follows
 * scikit-learn's `calibration_curve`: "uniform" uses equal-width bins on
 * [0, 1] (a value on an inner edge falls in the lower bin); "quantile" uses
 * edges at the quantiles of the predictions.
 *
 * @param probabilities 0..1; labels 0/1 of the same length.
 * @param binCount number of bins, integer 1..1000 (default 10).
 * @returns bins and ECE; ECE is NaN for empty input.
 * @throws RangeError on bad inputs or bin count.
 * @example
 * calibrationCurve([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0], 2).ece; // 0.175
 */
export function calibrationCurve(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  binCount = 10,
  strategy: "uniform" | "quantile" = "uniform",
): CalibrationCurve {
  checkScoresAndLabels("calibrationCurve", probabilities, labels);
  checkProbabilities("calibrationCurve", probabilities);
  if (!Number.isInteger(binCount) || binCount < 1 || binCount > 1000)
    throw new RangeError(`calibrationCurve: binCount must be an integer 1..1000, got ${binCount}`);
  const n = probabilities.length;
  const edges = new Float64Array(binCount + 1);
  if (strategy === "uniform" || n === 0) {
    for (let b = 0; b <= binCount; b++) edges[b] = b / binCount;
  } else {
    const sorted = Float64Array.from(probabilities).sort();
    for (let b = 0; b <= binCount; b++) {
      // numpy percentile, linear interpolation
      const pos = (b / binCount) * (n - 1);
      const lo = Math.floor(pos);
      const hi = Math.min(n - 1, lo + 1);
      edges[b] = (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
    }
  }
  const counts = new Float64Array(binCount);
  const sumPred = new Float64Array(binCount);
  const sumPos = new Float64Array(binCount);
  for (let i = 0; i < n; i++) {
    const p = probabilities[i] as number;
    // searchsorted(edges[1:-1], p, side="left")
    let lo = 0;
    let hi = binCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((edges[mid + 1] as number) < p) lo = mid + 1;
      else hi = mid;
    }
    counts[lo] = (counts[lo] as number) + 1;
    sumPred[lo] = (sumPred[lo] as number) + p;
    sumPos[lo] = (sumPos[lo] as number) + (labels[i] as number);
  }
  const bins: CalibrationBin[] = [];
  let ece = 0;
  let mce = 0;
  for (let b = 0; b < binCount; b++) {
    const count = counts[b] as number;
    if (count === 0) continue;
    const meanPredicted = (sumPred[b] as number) / count;
    const observedRate = (sumPos[b] as number) / count;
    const gap = Math.abs(observedRate - meanPredicted);
    ece += (count / n) * gap;
    mce = Math.max(mce, gap);
    bins.push({ lower: edges[b] as number, upper: edges[b + 1] as number, count, meanPredicted, observedRate });
  }
  return { bins, ece: n === 0 ? NaN : ece, mce: n === 0 ? NaN : mce, strategy };
}
