import { monthOfWeek } from "../rolloutScenario";
import { type Cohorts, cohortSurvival } from "./cohorts";

/** How the channels serve their queues (the same rule as the customer-level kernel's, rolloutQueues.ts). */
export interface ServicePolicy {
  /** Contacts per week per tier at full scale: entry k · H + t (0: no channel that week; Infinity: no limit). */
  capacityByWeek: Float64Array;
  /** Per tier number: the ages (weeks since the flag) in service order. */
  ageOrder: ReadonlyArray<ArrayLike<number>>;
  /** Weeks a flag waits before it may be served (timing policy). */
  holdWeeks: number;
  /** Oldest age served; older flags expire. */
  maxAge: number;
  /** Weeks a save protects the customer. */
  protectionWeeks: number;
  /** Contacts are made no earlier than this many days after the trigger. */
  minDelayDays: number;
}

/**
 * What the programme's channels do with the flows, at full scale and per
 * unit of save probability: everything the economics need that does not
 * depend on save rates, costs or values (so a Monte Carlo trial only takes
 * weighted sums of it).
 */
export interface ProgrammeBasis {
  tiers: number;
  /** Service ages (0 .. A − 1). */
  ages: number;
  horizonWeeks: number;
  /**
   * Customers kept at the end of week w per unit save probability of tier k
   * at age a: entry (k · A + a) · H + w. Retained customers = Σ s(k, a) × this.
   */
  retained: Float64Array;
  /** Contacts made in month m by tier k: entry k · M + m (M = months of the horizon). */
  contactsByMonth: Float64Array;
  months: number;
  /** First-year totals per tier (index k): flags, contacts, lost while waiting, expired, Σ delay days of contacts. */
  flagsYear1: Float64Array;
  contactsYear1: Float64Array;
  lostYear1: Float64Array;
  expiredYear1: Float64Array;
  delayDaysYear1: Float64Array;
  /** Contacts per tier and age over the horizon: entry k · A + a. */
  contactsByAge: Float64Array;
}

/** Mass served of each cohort at each age, plus losses: the fluid queues. */
function serveFluid(c: Cohorts, policy: ServicePolicy, A: number): { served: Float64Array; lost: Float64Array; expired: Float64Array } {
  const K = c.tiers;
  const H = c.horizonWeeks;
  const served = new Float64Array((K + 1) * H * A);
  const lost = new Float64Array((K + 1) * H);
  const expired = new Float64Array((K + 1) * H);
  const waiting = new Float64Array((K + 1) * H);
  for (let t = 0; t < H; t += 1) {
    for (let k = 1; k < K; k += 1) {
      waiting[k * H + t] = c.flags[k * H + t]!;
      for (let f = Math.max(0, t - policy.maxAge); f <= t; f += 1) {
        const u = waiting[k * H + f]!;
        if (u <= 0) continue;
        const before = cohortSurvival(c, k, f, t - f - 1);
        const now = cohortSurvival(c, k, f, t - f);
        const gone = before > 0 ? u * (1 - now / before) : u;
        lost[k * H + f] = lost[k * H + f]! + gone;
        waiting[k * H + f] = u - gone;
      }
      let room = policy.capacityByWeek[k * H + t]!;
      const order = policy.ageOrder[k]!;
      for (let o = 0; o < order.length && room > 0; o += 1) {
        const a = order[o]!;
        const f = t - a;
        if (a < policy.holdWeeks || a > policy.maxAge || f < 0) continue;
        const z = Math.min(room, waiting[k * H + f]!);
        if (!(z > 0)) continue;
        served[(k * H + f) * A + a] = served[(k * H + f) * A + a]! + z;
        waiting[k * H + f] = waiting[k * H + f]! - z;
        room -= z;
      }
      const f = t - policy.maxAge;
      if (f >= 0) {
        expired[k * H + f] = expired[k * H + f]! + waiting[k * H + f]!;
        waiting[k * H + f] = 0;
      }
    }
  }
  return { served, lost, expired };
}

/** Adds the retained customers that z contacts of cohort (k, f) at age a bring, per unit save probability. */
function addRetained(out: Float64Array, c: Cohorts, afterProtection: Float64Array, k: number, f: number, a: number, z: number, A: number, P: number): void {
  const H = c.horizonWeeks;
  const alive = c.flags[k * H + f]! * cohortSurvival(c, k, f, a);
  if (!(alive > 0)) return;
  const ratio = z / alive;
  const contact = f + a;
  const end = contact + P;
  const row = (k * A + a) * H;
  const lag = (k * H + f) * H;
  let kept = 0;
  for (let w = contact + 1; w < H && w <= end; w += 1) {
    kept += ratio * c.churnLag[lag + (w - f)]!;
    out[row + w] = out[row + w]! + kept;
  }
  for (let w = end + 1; w < H; w += 1) out[row + w] = out[row + w]! + kept * afterProtection[k * H + (w - end)]!;
}

/**
 * Works the flows through the channels (fluid queues: each week a cohort
 * loses its churners, the channel serves cohorts in the rule's age order up
 * to its capacity, flags older than the oldest served age expire; the served
 * are a random subset of the cohort's remaining customers) and derives the
 * {@link ProgrammeBasis}: a contact at age a of a customer flagged in week f
 * is made at the end of week c = f + a; a save then keeps each would-be
 * churner of weeks c + 1 .. c + P from their churn week on, and after the
 * protection ends the saved leave at the rate `afterProtection` gives.
 *
 * @param afterProtection survival after protection per tier (PopulationTables.afterProtection).
 * @param firstYearWeeks weeks counted as the first year (52).
 * @example
 * programmeBasis(cohorts, tables.afterProtection, policy, 52).contactsYear1[2] // tier-2 contacts in year 1
 */
export function programmeBasis(c: Cohorts, afterProtection: Float64Array, policy: ServicePolicy, firstYearWeeks: number): ProgrammeBasis {
  const K = c.tiers;
  const H = c.horizonWeeks;
  const A = policy.maxAge + 1;
  const M = monthOfWeek(H - 1) + 1;
  const { served, lost, expired } = serveFluid(c, policy, A);
  const retained = new Float64Array((K + 1) * A * H);
  const contactsByMonth = new Float64Array((K + 1) * M);
  const per = (): Float64Array => new Float64Array(K + 1);
  const basis: ProgrammeBasis = {
    tiers: K,
    ages: A,
    horizonWeeks: H,
    retained,
    contactsByMonth,
    months: M,
    flagsYear1: per(),
    contactsYear1: per(),
    lostYear1: per(),
    expiredYear1: per(),
    delayDaysYear1: per(),
    contactsByAge: new Float64Array((K + 1) * A),
  };
  for (let k = 1; k < K; k += 1) {
    for (let f = 0; f < H; f += 1) {
      if (f < firstYearWeeks) {
        basis.flagsYear1[k] = basis.flagsYear1[k]! + c.flags[k * H + f]!;
        basis.lostYear1[k] = basis.lostYear1[k]! + lost[k * H + f]!;
        basis.expiredYear1[k] = basis.expiredYear1[k]! + expired[k * H + f]!;
      }
      for (let a = 0; a < A; a += 1) {
        const z = served[(k * H + f) * A + a]!;
        if (!(z > 0)) continue;
        const week = f + a;
        if (week < H) contactsByMonth[k * M + monthOfWeek(week)] = contactsByMonth[k * M + monthOfWeek(week)]! + z;
        basis.contactsByAge[k * A + a] = basis.contactsByAge[k * A + a]! + z;
        if (week < firstYearWeeks) {
          basis.contactsYear1[k] = basis.contactsYear1[k]! + z;
          basis.delayDaysYear1[k] = basis.delayDaysYear1[k]! + z * Math.max(policy.minDelayDays, 7 * a + 3.5);
        }
        addRetained(retained, c, afterProtection, k, f, a, z, A, policy.protectionWeeks);
      }
    }
  }
  return basis;
}
