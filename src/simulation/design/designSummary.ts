import { type MeanEstimate, pairedMean } from "../stats/pairedMean";
import { probabilityEstimate, type ProbabilityEstimate, sortedQuantile } from "../stats/summaries";
import type { DesignRun } from "./designEvaluation";

/** What the search optimizes: expected NPV over the horizon, or expected first-year net cash. */
export type DesignObjective = "npv" | "cash";

/** One design's outputs over the draws: means with Monte Carlo standard errors, probabilities with binomial ones (money in yuan). */
export interface DesignSummary {
  trials: number;
  npv: MeanEstimate;
  /** 5%, 50% and 95% quantiles of the NPV. */
  npvQuantiles: { p5: number; p50: number; p95: number };
  /** First-year net cash (cash in − cost). */
  cashNet: MeanEstimate;
  roi: MeanEstimate;
  cashRoi: MeanEstimate;
  firstYearCost: MeanEstimate;
  retained: MeanEstimate;
  mvpSaveRate: MeanEstimate;
  /** P(the design truly meets the MVP gate's success criteria). */
  probMvpPass: ProbabilityEstimate;
  probNpvPositive: ProbabilityEstimate;
  probRoiAbove200: ProbabilityEstimate;
}

/**
 * Summarizes a design's run: means with standard errors, NPV quantiles,
 * and the probabilities of passing the MVP gate, a positive NPV and a
 * first-year ROI above 200%.
 *
 * @example
 * summarizeDesign(run).npv // { mean: -24.8e6, se: 3.1e4 }
 */
export function summarizeDesign(run: DesignRun): DesignSummary {
  let pass = 0;
  let positive = 0;
  let above = 0;
  for (let i = 0; i < run.trials; i += 1) {
    pass += run.mvpPass[i]!;
    if (run.npv[i]! > 0) positive += 1;
    if (run.roi[i]! > 2) above += 1;
  }
  const sorted = Float64Array.from(run.npv).sort();
  return {
    trials: run.trials,
    npv: pairedMean(run.npv),
    npvQuantiles: { p5: sortedQuantile(sorted, 0.05), p50: sortedQuantile(sorted, 0.5), p95: sortedQuantile(sorted, 0.95) },
    cashNet: pairedMean(run.cashNet),
    roi: pairedMean(run.roi),
    cashRoi: pairedMean(run.cashRoi),
    firstYearCost: pairedMean(run.firstYearCost),
    retained: pairedMean(run.retained),
    mvpSaveRate: pairedMean(run.mvpSaveRate),
    probMvpPass: probabilityEstimate(pass, run.trials),
    probNpvPositive: probabilityEstimate(positive, run.trials),
    probRoiAbove200: probabilityEstimate(above, run.trials),
  };
}

/**
 * The objective's per-trial values of a run.
 *
 * @example
 * objectiveSeries(run, "cash") === run.cashNet // true
 */
export function objectiveSeries(run: DesignRun, objective: DesignObjective): Float64Array {
  return objective === "npv" ? run.npv : run.cashNet;
}

/**
 * The paired difference of two runs on the same draws (b − a) for an
 * objective, and of their MVP-pass indicators.
 *
 * @example
 * designDifference(planRun, bestRun, "npv").objective.mean // the expected NPV gained
 */
export function designDifference(a: DesignRun, b: DesignRun, objective: DesignObjective): { objective: MeanEstimate; probMvpPass: MeanEstimate } {
  return { objective: pairedMean(objectiveSeries(b, objective), objectiveSeries(a, objective)), probMvpPass: pairedMean(b.mvpPass, a.mvpPass) };
}
