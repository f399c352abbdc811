import { FastRng } from "../../random/FastRng";
import { gateAuc } from "./gateAuc";
import { runRolloutKernel, type RolloutRun } from "./rolloutKernel";
import type { RolloutDynamics, RolloutScenario } from "./rolloutScenario";

/**
 * Lookup tables that tie the latent-risk model to the plan: the churn
 * intercept α for an annual churn rate, the score-noise sd τ for a model AUC,
 * and the raw-score tier bounds that give the plan's tier shares. Plain data
 * (sent to worker threads).
 */
export interface RolloutCalibration {
  dynamics: RolloutDynamics;
  /** Customers and seed of the calibration panel. */
  panelCustomers: number;
  seed: string;
  /** Intercepts tried (ascending) and the share of the panel churning within 52 weeks at each. */
  interceptGrid: number[];
  annualChurnGrid: number[];
  /** Annual churn the AUC and tier tables were made at, and its intercept. */
  annualChurn: number;
  intercept: number;
  /** Noise sds tried (ascending) and the AUC of 30-day outcomes at each (decreasing). */
  noiseGrid: number[];
  aucGrid: number[];
  /** AUC of the true risk signal itself (τ = 0): the best any model can do. */
  oracleAuc: number;
  /** Share of customers above each tier's lower bound (cumulative, tier 1 first), as the plan states. */
  cumulativeShares: number[];
  /** Raw-score tier bounds per noise grid entry (noise-major), length noiseGrid × cumulativeShares. */
  thresholdGrid: number[];
  /** Customer-weeks the calibration simulated. */
  customerWeeks: number;
}

/** Options of {@link calibrateRollout}. */
export interface CalibrationOptions {
  /** Annual churn rate to centre the tables on, 0..1 (the plan's churnBefore, 0.18). */
  annualChurn: number;
  /** Cumulative shares above the tier bounds, tier 1 first (the plan's 0.03, 0.11, 0.23). */
  cumulativeShares: number[];
  /** Panel size (default 20,000 customers). */
  panelCustomers?: number;
  /** Seed of the panel (default "rollout-calibration"): fixed, so every run and every policy shares the tables. */
  seed?: string;
}

/** Scoring weeks pooled for the AUC and the tier bounds: every 8 weeks over the year, each with its 4-week outcome inside the year. */
const calibrationSnapshotWeeks: readonly number[] = [0, 8, 16, 24, 32, 40, 48];

const NOISE_GRID = [0, 0.15, 0.3, 0.45, 0.6, 0.8, 1, 1.25, 1.5, 1.8, 2.2, 2.7, 3.3, 4, 5, 6.5, 8.5, 12];

function panelScenario(dynamics: RolloutDynamics, customers: number, intercept: number, snapshots: boolean): RolloutScenario {
  return {
    customers,
    weeks: 52,
    tailWeeks: 0,
    dynamics,
    churnIntercept: intercept,
    scoreNoiseSd: 0,
    tierThresholds: [0],
    programme: false,
    stages: [],
    contactCostYuan: [],
    saveProbabilityByHalfDay: [0, 0, 0],
    saveCorrelation: 0,
    minContactDelayDays: 0,
    maxWaitDays: 30,
    queueRule: "oldest-first",
    contactPriority: [],
    protectionWeeks: 1,
    cooldownWeeks: 0,
    valuePerSaveYuan: 0,
    fixedCostByMonth: [],
    snapshotCustomers: snapshots ? customers : 0,
    snapshotWeeks: snapshots ? [...calibrationSnapshotWeeks] : [],
  };
}

/** Piecewise-linear interpolation of y at x on ascending xs (clamped at the ends). */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (x <= xs[0]!) return ys[0]!;
  if (x >= xs[n - 1]!) return ys[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!;
  const x1 = xs[hi]!;
  return x1 === x0 ? ys[lo]! : ys[lo]! + ((x - x0) / (x1 - x0)) * (ys[hi]! - ys[lo]!);
}

/** Labels (churn within 4 weeks of the snapshot) and the snapshot arrays of a panel run. */
function snapshotOutcomes(run: RolloutRun, weeks: readonly number[]): Uint8Array {
  const n = run.snapshotChurnWeek.length;
  const labels = new Uint8Array(n * weeks.length);
  weeks.forEach((sw, j) => {
    for (let i = 0; i < n; i += 1) {
      const cw = run.snapshotChurnWeek[i]!;
      labels[j * n + i] = cw >= sw && cw < sw + 4 ? 1 : 0;
    }
  });
  return labels;
}

/**
 * Builds the calibration tables on a fixed panel (same dynamics, same seed,
 * common random numbers across the grid, so the curves are smooth and
 * monotone):
 * 1. annual churn (share of the panel churning within 52 weeks after
 *    burn-in) on a grid of intercepts α, refined around `annualChurn`;
 * 2. at the α of `annualChurn`, the scores s + τe at weeks 0, 8, ..., 48 of
 *    the customers still there, with their outcome "churned within the next
 *    4 weeks" (the plan's 30-day horizon): the AUC for each τ on a grid, and
 *    the week-0 score quantiles that put `cumulativeShares` of customers
 *    above the tier bounds (the plan's shares hold at the programme's start;
 *    later in the year the riskiest customers have left and the high tiers
 *    thin out).
 * The binormal model says AUC(τ) ≈ Φ(Φ⁻¹(AUC₀) / √(1 + τ²)) when e is
 * independent of the signal; the tables use the empirical AUC instead, and
 * tests check the AUC a run achieves.
 *
 * Cost: about 30 panel years of 20,000 customers (~40 M customer-weeks) and
 * 18 AUCs of ~140,000 scores: one to two seconds.
 *
 * @throws RangeError when annualChurn is not in (0, 1), the shares are not increasing in (0, 1), or the churn cannot be reached.
 * @example
 * const cal = calibrateRollout(defaultRolloutDynamics, { annualChurn: 0.18, cumulativeShares: [0.03, 0.11, 0.23] });
 * interceptForChurn(cal, 0.18) === cal.intercept // true
 */
export function calibrateRollout(dynamics: RolloutDynamics, options: CalibrationOptions): RolloutCalibration {
  const target = options.annualChurn;
  if (!(target > 0 && target < 1)) throw new RangeError(`annualChurn must be in (0, 1), got ${target}`);
  const shares = options.cumulativeShares;
  shares.forEach((s, k) => {
    if (!(s > 0 && s < 1) || (k > 0 && !(s > shares[k - 1]!))) throw new RangeError(`cumulativeShares must increase within (0, 1), got ${shares.join(", ")}`);
  });
  const customers = options.panelCustomers ?? 20_000;
  const seed = options.seed ?? "rollout-calibration";
  let customerWeeks = 0;
  const churnAt = (alpha: number): number => {
    const run = runRolloutKernel(panelScenario(dynamics, customers, alpha, false), new FastRng(seed, "panel").state);
    customerWeeks += customers * (52 + dynamics.burnInWeeks);
    return run.baselineChurned / customers;
  };
  const points = new Map<number, number>();
  for (let alpha = -18; alpha <= 0; alpha += 2) points.set(alpha, churnAt(alpha));
  // Refine around the target and over the plausible range of annual churn (half to double the target).
  const coarse = [...points.entries()].sort((x, y) => x[0] - y[0]);
  const bracket = (level: number): number | undefined => {
    for (let k = 1; k < coarse.length; k += 1) if (coarse[k - 1]![1] <= level && coarse[k]![1] >= level) return coarse[k - 1]![0];
    return undefined;
  };
  const levels = [target / 2, target, Math.min(0.95, target * 2)];
  if (bracket(target) === undefined)
    throw new RangeError(`annual churn ${target} is out of reach of these dynamics (${coarse[0]![1]}..${coarse[coarse.length - 1]![1]})`);
  for (const level of levels) {
    const lo = bracket(level);
    if (lo === undefined) continue;
    for (let step = 0.25; step < 2; step += 0.25) if (!points.has(lo + step)) points.set(lo + step, churnAt(lo + step));
  }
  const sorted = [...points.entries()].sort((x, y) => x[0] - y[0]);
  const interceptGrid = sorted.map((p) => p[0]);
  const annualChurnGrid = sorted.map((p) => p[1]);
  const intercept = interpolate(annualChurnGrid, interceptGrid, target);

  const run = runRolloutKernel(panelScenario(dynamics, customers, intercept, true), new FastRng(seed, "panel").state);
  customerWeeks += customers * (52 + dynamics.burnInWeeks);
  const labels = snapshotOutcomes(run, calibrationSnapshotWeeks);
  const signal = run.snapshotSignal;
  const noise = run.snapshotNoise;
  const rowList: number[] = [];
  for (let i = 0; i < signal.length; i += 1) if (!Number.isNaN(signal[i]!)) rowList.push(i);
  const rows = Int32Array.from(rowList);
  const alive = rows.length;
  const firstWeekRows = rows.filter((i) => i < customers).length;
  const aliveLabels = Uint8Array.from(rows, (i) => labels[i]!);
  const raw = new Float64Array(alive);
  const aucGrid: number[] = [];
  const thresholdGrid: number[] = [];
  for (const tau of NOISE_GRID) {
    for (let k = 0; k < alive; k += 1) raw[k] = signal[rows[k]!]! + tau * noise[rows[k]!]!;
    aucGrid.push(gateAuc(raw, aliveLabels)); // = rocAuc bit for bit, 10x faster
    const sorted = raw.subarray(0, firstWeekRows).slice().sort();
    for (const s of shares) thresholdGrid.push(sorted[Math.min(firstWeekRows - 1, Math.floor((1 - s) * firstWeekRows))]!);
  }
  return {
    dynamics: { ...dynamics },
    panelCustomers: customers,
    seed,
    interceptGrid,
    annualChurnGrid,
    annualChurn: target,
    intercept,
    noiseGrid: [...NOISE_GRID],
    aucGrid,
    oracleAuc: aucGrid[0]!,
    cumulativeShares: [...shares],
    thresholdGrid,
    customerWeeks,
  };
}

/**
 * The churn intercept α giving an annual churn rate (interpolated in the
 * calibration's grid).
 *
 * @throws RangeError when the rate is outside the grid's range.
 * @example
 * interceptForChurn(cal, cal.annualChurn) // cal.intercept
 */
export function interceptForChurn(cal: RolloutCalibration, annualChurn: number): number {
  const g = cal.annualChurnGrid;
  if (!(annualChurn >= g[0]! && annualChurn <= g[g.length - 1]!))
    throw new RangeError(`annual churn ${annualChurn} is outside the calibrated range ${g[0]}..${g[g.length - 1]}`);
  return interpolate(g, cal.interceptGrid, annualChurn);
}

/**
 * The score-noise sd τ at which the model's AUC of 30-day outcomes is `auc`
 * (interpolated in the calibration's grid).
 *
 * @throws RangeError when auc is above the oracle AUC (no model can do better than the true risk) or below the grid's lowest AUC.
 * @example
 * noiseForAuc(cal, cal.oracleAuc) // 0
 */
export function noiseForAuc(cal: RolloutCalibration, auc: number): number {
  const a = cal.aucGrid;
  if (!(auc <= cal.oracleAuc)) throw new RangeError(`model AUC ${auc} is above the best achievable with these dynamics (${cal.oracleAuc.toFixed(4)})`);
  if (!(auc >= a[a.length - 1]!)) throw new RangeError(`model AUC ${auc} is below the calibrated range (${a[a.length - 1]!.toFixed(4)})`);
  // aucGrid decreases with τ: interpolate on the reversed arrays.
  return interpolate([...a].reverse(), [...cal.noiseGrid].reverse(), auc);
}

/**
 * Raw-score tier bounds for noise sd τ: the plan's tier shares hold at any
 * model quality (interpolated between the grid's quantiles).
 *
 * @example
 * thresholdsForNoise(cal, 0).length // 3 for the seed plan's four tiers
 */
export function thresholdsForNoise(cal: RolloutCalibration, tau: number): number[] {
  const m = cal.cumulativeShares.length;
  return cal.cumulativeShares.map((_, k) =>
    interpolate(
      cal.noiseGrid,
      cal.noiseGrid.map((__, j) => cal.thresholdGrid[j * m + k]!),
      tau,
    ),
  );
}
