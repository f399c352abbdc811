import type { MonteCarloResult } from "./monteCarlo";
import type { OutputSummary } from "../stats/summaries";

/** A number rounded to 7 significant digits (the Float32 per-trial precision); null for NaN/±Infinity. */
function r7(x: number): number | null {
  return Number.isFinite(x) ? Number(x.toPrecision(7)) : null;
}

function summaryJson(s: OutputSummary): Record<string, unknown> {
  return {
    mean: r7(s.mean),
    sd: r7(s.sd),
    p5: r7(s.p5),
    p25: r7(s.p25),
    p50: r7(s.p50),
    p75: r7(s.p75),
    p95: r7(s.p95),
    min: r7(s.min),
    max: r7(s.max),
    finite: s.finite,
    se: { mean: r7(s.se.mean), sd: r7(s.se.sd), p5: r7(s.se.p5), p25: r7(s.se.p25), p50: r7(s.se.p50), p75: r7(s.se.p75), p95: r7(s.se.p95) },
  };
}

/** The JSON contract of `churnlab simulate --json` (see {@link simulationJson}). */
export type SimulationJson = Record<string, unknown>;

/**
 * The JSON form of a Monte Carlo result, the contract of `churnlab simulate
 * --json`: `trials, seed, workers, model, costs, sampling, blockSize`, then
 * `roi` (first-year, lifetime value), `cashRoi` (first-year cash),
 * `paybackMonths`, `netBenefit`, `npv` (over `npvYears` at `discountRate`)
 * each `{mean, sd, p5, p25, p50, p75, p95, min, max, finite, se: {...}}`,
 * then `probLoss`, `probRoiAbove200`, `probPaybackOver12`, `probNpvNegative`
 * with their standard errors (`probLossSe`, ...), `warnings` (inputs the
 * model ignores), `quantileStride` and the convergence trace. Numbers are rounded to 7 significant digits (per-trial
 * outputs are Float32); non-finite numbers are null. Apart from `workers`,
 * the text is identical for any number of workers.
 *
 * @example
 * simulationJson(result).roi // { mean: 2.62342, sd: 1.26674, p5: 0.9145762, ... }
 */
export function simulationJson(r: MonteCarloResult): SimulationJson {
  return {
    trials: r.trials,
    seed: r.seed,
    workers: r.workers,
    model: r.model,
    costs: r.costs,
    sampling: r.sampling,
    coverageRamp: r.coverageRamp,
    blockSize: r.blockSize,
    roi: summaryJson(r.roi),
    cashRoi: summaryJson(r.cashRoi),
    paybackMonths: summaryJson(r.paybackMonths),
    netBenefit: summaryJson(r.netBenefit),
    npv: summaryJson(r.npv),
    npvYears: r.npvYears,
    discountRate: r.discountRate,
    probLoss: r7(r.probLoss.value),
    probLossSe: r7(r.probLoss.se),
    probRoiAbove200: r7(r.probRoiAbove200.value),
    probRoiAbove200Se: r7(r.probRoiAbove200.se),
    probPaybackOver12: r7(r.probPaybackOver12.value),
    probPaybackOver12Se: r7(r.probPaybackOver12.se),
    probNpvNegative: r7(r.probNpvNegative.value),
    probNpvNegativeSe: r7(r.probNpvNegative.se),
    warnings: r.warnings,
    quantileStride: r.quantileStride,
    convergence: {
      trials: r.convergence.trials,
      roiMean: r.convergence.roiMean.map(r7),
      roiMeanSe: r.convergence.roiMeanSe.map(r7),
      probLoss: r.convergence.probLoss.map(r7),
      probRoiAbove200: r.convergence.probRoiAbove200.map(r7),
    },
  };
}
