import { NEVER } from "../population/rolloutPopulation";
import type { RolloutRun } from "../population/rolloutRun";
import { monthOfWeek } from "../population/rolloutScenario";

/**
 * What the programme's channels do with the population, at the plan's full
 * scale and per unit of save probability: everything the economics need
 * that does not depend on save rates, costs or values, so an evaluation only
 * takes weighted sums of it. Tiers are numbered 1 (riskiest) .. K.
 */
export interface ProgrammeBasis {
  tiers: number;
  /** Service ages (weeks waited since the flag): 0 .. A − 1. */
  ages: number;
  horizonWeeks: number;
  /**
   * Customers kept at the end of week w per unit save probability of tier k
   * at age a: entry (k · A + a) · H + w. Retained customers = Σ s(k, a) × this.
   */
  retained: Float64Array;
  /** The part of `retained` due to contacts made in the first year (same layout). */
  retainedFirstYear: Float64Array;
  /** Contacts made in month m by tier k: entry k · M + m (M = months of the horizon). */
  contactsByMonth: Float64Array;
  months: number;
  /** Over the horizon, per tier: customers flagged, contacted, lost while waiting (churned), expired unserved. */
  flags: Float64Array;
  contacts: Float64Array;
  lost: Float64Array;
  expired: Float64Array;
  /** First year, per tier: contacts and Σ their delays in days. */
  contactsYear1: Float64Array;
  delayDaysYear1: Float64Array;
  /** Contacts whose customer would have churned within the protection, per tier and age over the horizon: entry k · A + a. */
  wouldBeChurnersByAge: Float64Array;
  contactsByAge: Float64Array;
  /** The rows k · A + a of `retained` that are not all zero (ages a channel actually served), ascending. */
  activeRows: Int32Array;
}

/**
 * The basis from a panel run that recorded its contacts (`recordContacts`)
 * with every contact a save (save probability 1), so that for each contact
 * the panel shows both what happens without the programme (the customer's
 * churn week) and with a save (the week the kept customer leaves after all).
 * A contact at the end of week c keeps a would-be churner of weeks c + 1 ..
 * c + protection from their churn week to their later leaving; a save with
 * probability s keeps them with probability s, independently of everything
 * else (contacts, and so the flows, do not depend on save outcomes: saved
 * customers leave the population and are not contacted again). So the
 * expected customers kept are exactly Σ s × the panel's keeps, per tier and
 * age, up to the panel's own sampling error.
 *
 * @param scale plan customers per panel customer.
 * @param protectionWeeks the panel's protection.
 * @param ages service ages A.
 * @param minDelayDays the timing policy's minimum delay (for the mean delay).
 * @throws RangeError when the run has no contact records.
 * @example
 * basisFromPanel(panelRun, 2, 52, 4, 0).contactsYear1[2] // tier-2 contacts in year 1 at full scale
 */
export function basisFromPanel(run: RolloutRun, scale: number, protectionWeeks: number, ages: number, minDelayDays: number): ProgrammeBasis {
  const rec = run.contactRecords;
  if (rec === undefined) throw new RangeError("basisFromPanel: the panel run has no contact records (scenario.recordContacts)");
  const K = run.tiers;
  const H = run.weeks + run.tailWeeks;
  const A = ages;
  const M = monthOfWeek(H - 1) + 1;
  const per = (): Float64Array => new Float64Array(K + 1);
  const scaled = (a: Float64Array): Float64Array => Float64Array.from(a, (x) => x * scale);
  const basis: ProgrammeBasis = {
    tiers: K,
    ages: A,
    horizonWeeks: H,
    retained: new Float64Array((K + 1) * A * H),
    retainedFirstYear: new Float64Array((K + 1) * A * H),
    contactsByMonth: new Float64Array((K + 1) * M),
    months: M,
    flags: scaled(run.flagged),
    contacts: scaled(run.contacts),
    lost: scaled(run.lostBeforeContact),
    expired: scaled(run.expired),
    contactsYear1: per(),
    delayDaysYear1: per(),
    wouldBeChurnersByAge: new Float64Array((K + 1) * A),
    contactsByAge: new Float64Array((K + 1) * A),
    activeRows: new Int32Array(0),
  };
  for (let r = 0; r < rec.tier.length; r += 1) {
    const k = rec.tier[r]!;
    const a = Math.min(A - 1, rec.age[r]!);
    const c = rec.week[r]!;
    basis.contactsByMonth[k * M + monthOfWeek(c)] = basis.contactsByMonth[k * M + monthOfWeek(c)]! + scale;
    basis.contactsByAge[k * A + a] = basis.contactsByAge[k * A + a]! + scale;
    if (c < 52) {
      basis.contactsYear1[k] = basis.contactsYear1[k]! + scale;
      basis.delayDaysYear1[k] = basis.delayDaysYear1[k]! + scale * Math.max(minDelayDays, 7 * rec.age[r]! + 3.5);
    }
    const jB = rec.churnWeekB[r]!;
    if (jB === NEVER || !(jB > c && jB <= c + protectionWeeks) || jB >= H) continue;
    basis.wouldBeChurnersByAge[k * A + a] = basis.wouldBeChurnersByAge[k * A + a]! + scale;
    const jP = Math.min(H, rec.churnWeekP[r]!);
    const row = (k * A + a) * H;
    for (let w = jB; w < jP; w += 1) basis.retained[row + w] = basis.retained[row + w]! + scale;
    if (c < 52) for (let w = jB; w < jP; w += 1) basis.retainedFirstYear[row + w] = basis.retainedFirstYear[row + w]! + scale;
  }
  const rows: number[] = [];
  for (let r = 0; r < (K + 1) * A; r += 1) if (basis.wouldBeChurnersByAge[r]! > 0) rows.push(r);
  basis.activeRows = Int32Array.from(rows);
  return basis;
}
