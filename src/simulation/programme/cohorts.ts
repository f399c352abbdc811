import type { PopulationTables } from "./populationTables";

/**
 * Flag cohorts over the whole horizon, full scale: cohort (k, f) is the
 * customers flagged into tier k in week f. Weeks of the first year come from
 * the population tables; later weeks repeat the first year's steady weeks
 * (from `steadyFrom`, after the last stage's start-up burst, to week 52): the
 * network is taken as stationary after year 1 (churners replaced by new
 * customers of the same risk mix, so annual churn stays at its calibrated
 * level instead of drifting down as a closed cohort's would).
 */
export interface Cohorts {
  tiers: number;
  horizonWeeks: number;
  /** Customers flagged, entry k · H + f. */
  flags: Float64Array;
  /** Of them, churning (baseline) in week f + ℓ: entry (k · H + f) · H + ℓ. */
  churnLag: Float64Array;
  /** Weeks of year 1 averaged for the later years. */
  steadyFrom: number;
  steadyTo: number;
}

/**
 * Builds the cohorts of every week of the horizon from the tables.
 *
 * @param lastStageStartWeek week the last rollout stage starts (its burst of flags is left out of the steady weeks).
 * @example
 * flagCohorts(tables, 26).steadyFrom // 34
 */
export function flagCohorts(tables: PopulationTables, lastStageStartWeek: number): Cohorts {
  const K = tables.tiers;
  const W = tables.weeks;
  const H = tables.horizonWeeks;
  const steadyTo = W;
  const steadyFrom = Math.max(0, Math.min(W - 4, lastStageStartWeek + 8));
  const flags = new Float64Array((K + 1) * H);
  const churnLag = new Float64Array((K + 1) * H * H);
  for (let k = 1; k <= K; k += 1) {
    for (let f = 0; f < W; f += 1) {
      flags[k * H + f] = tables.flags[k * W + f]!;
      const from = (k * W + f) * H;
      churnLag.set(tables.churnLag.subarray(from, from + H), (k * H + f) * H);
    }
    let pooledFlags = 0;
    const pooledLag = new Float64Array(H);
    for (let f = steadyFrom; f < steadyTo; f += 1) {
      pooledFlags += tables.flags[k * W + f]!;
      const from = (k * W + f) * H;
      for (let l = 0; l < H; l += 1) pooledLag[l] = pooledLag[l]! + tables.churnLag[from + l]!;
    }
    const perWeek = pooledFlags / Math.max(1, steadyTo - steadyFrom);
    for (let f = W; f < H; f += 1) {
      flags[k * H + f] = perWeek;
      if (pooledFlags <= 0) continue;
      for (let l = 0; l < H - f; l += 1) churnLag[(k * H + f) * H + l] = (perWeek * pooledLag[l]!) / pooledFlags;
    }
  }
  return { tiers: K, horizonWeeks: H, flags, churnLag, steadyFrom, steadyTo };
}

/**
 * Share of cohort (k, f) still there (baseline) after week f + a; a = −1 gives 1.
 *
 * @example
 * cohortSurvival(cohorts, 1, 0, -1) // 1
 */
export function cohortSurvival(c: Cohorts, k: number, f: number, a: number): number {
  const H = c.horizonWeeks;
  const n = c.flags[k * H + f]!;
  if (!(n > 0)) return 0;
  let gone = 0;
  const base = (k * H + f) * H;
  for (let l = 0; l <= a && f + l < H; l += 1) gone += c.churnLag[base + l]!;
  return Math.max(0, 1 - gone / n);
}
