import type { RolloutRun } from "../rolloutRun";
import { NEVER } from "../rolloutPopulation";

/**
 * Who enters which tier each week and what happens to them, at the plan's
 * full scale: the flows the programme model works on. Measured on a panel
 * of the latent-risk population (the customer-level kernel with every flag
 * contacted the week it is raised and every contact a save, so both arms of
 * each flagged customer are seen), then scaled to the plan's customers.
 * Tiers are numbered 1 (riskiest) .. K; arrays are indexed by tier number.
 */
export interface PopulationTables {
  /** Tiers K (the lowest tier is never flagged). */
  tiers: number;
  /** Weeks of the programme's first year measured (52) and weeks followed in all (first year + tail). */
  weeks: number;
  horizonWeeks: number;
  /** Panel customers, and plan customers per panel customer. */
  panelCustomers: number;
  scale: number;
  /** Flags raised in tier k in week f, full scale: entry k · weeks + f. */
  flags: Float64Array;
  /** Of those, how many churn (baseline) in week f + ℓ, full scale: entry (k · weeks + f) · horizonWeeks + ℓ (ℓ = 0: in the flag week, before any contact). */
  churnLag: Float64Array;
  /**
   * Share of saved would-be churners of tier k still in the programme x weeks
   * after their protection ended (Kaplan–Meier over the panel's contacts,
   * censored at the end of the horizon; x = 0 is 1): entry k · horizonWeeks + x.
   */
  afterProtection: Float64Array;
  /** Weeks of protection the panel's saves had. */
  protectionWeeks: number;
}

/** Kaplan–Meier survival by week after protection, per tier, from (event week or censoring) pairs. */
function afterProtectionSurvival(K: number, H: number, rows: Array<{ k: number; x: number; censored: boolean }>): Float64Array {
  const out = new Float64Array((K + 1) * H).fill(1);
  for (let k = 1; k <= K; k += 1) {
    const events = new Float64Array(H + 1);
    const exits = new Float64Array(H + 1);
    let atRisk = 0;
    for (const r of rows) {
      if (r.k !== k) continue;
      atRisk += 1;
      const x = Math.min(H, r.x);
      if (r.censored) exits[x] = exits[x]! + 1;
      else events[x] = events[x]! + 1;
    }
    let s = 1;
    for (let x = 1; x < H; x += 1) {
      // At risk at x: not churned and not censored before x.
      if (atRisk > 0) s *= 1 - events[x]! / atRisk;
      out[k * H + x] = s;
      atRisk -= events[x]! + exits[x]!;
    }
  }
  return out;
}

/**
 * Builds the tables from a panel run (`recordFlags`, every contact a save,
 * capacity without limit, contact in the flag week).
 *
 * @param run the panel run (must carry flagRecords).
 * @param planCustomers the plan's customers (the tables are scaled to them).
 * @param protectionWeeks the protection the panel's saves had.
 * @throws RangeError when the run has no flag records.
 * @example
 * populationTablesFrom(panelRun, 200000, 52).flags.length // tiers × 52 + 52
 */
export function populationTablesFrom(run: RolloutRun, planCustomers: number, protectionWeeks: number): PopulationTables {
  const rec = run.flagRecords;
  if (rec === undefined) throw new RangeError("populationTablesFrom: the panel run has no flag records (scenario.recordFlags)");
  const K = run.tiers;
  const W = run.weeks;
  const H = run.weeks + run.tailWeeks;
  const scale = planCustomers / run.customers;
  const flags = new Float64Array((K + 1) * W);
  const churnLag = new Float64Array((K + 1) * W * H);
  const rows: Array<{ k: number; x: number; censored: boolean }> = [];
  for (let r = 0; r < rec.customer.length; r += 1) {
    const k = rec.tier[r]!;
    const f = rec.week[r]!;
    if (f >= W) continue;
    flags[k * W + f] = flags[k * W + f]! + scale;
    const jB = rec.churnWeekB[r]!;
    if (jB !== NEVER && jB < H) {
      const at = (k * W + f) * H + (jB - f);
      churnLag[at] = churnLag[at]! + scale;
    }
    // A saved would-be churner: contacted in the flag week, baseline churn within the protection.
    const c = rec.contactWeek[r]!;
    if (c === f && jB !== NEVER && jB > c && jB <= c + protectionWeeks) {
      const end = c + protectionWeeks;
      const jP = rec.churnWeekP[r]!;
      const censored = jP === NEVER || jP >= H;
      rows.push({ k, x: censored ? H - 1 - end : jP - end, censored });
    }
  }
  return {
    tiers: K,
    weeks: W,
    horizonWeeks: H,
    panelCustomers: run.customers,
    scale,
    flags,
    churnLag,
    afterProtection: afterProtectionSurvival(K, H, rows),
    protectionWeeks,
  };
}
