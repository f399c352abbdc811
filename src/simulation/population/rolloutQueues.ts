/*
 * The channels of the customer-level kernel: each intervened tier's queue,
 * served at the end of every week by the scenario's queue rule up to the
 * stage's weekly capacity. Used by runRolloutKernel (rolloutKernel.ts).
 */
import { CONTACTED, logContact, type Population, SAVED } from "./rolloutPopulation";
import { DELAY_BINS, type RolloutRun } from "./rolloutRun";
import type { RolloutScenario, StageWeeks } from "./rolloutScenario";

/** The queue state and the per-run constants of the service rule. */
export interface Channels {
  /** Unused capacity carried to the next week, per tier number (fractional capacities accumulate). */
  credit: Float64Array;
  /** Per tier number: the ages (weeks since the flag) in the order the rule serves them; ages it never serves are left out. */
  ageOrder: Int32Array[];
  holdWeeks: number;
  maxWaitDays: number;
  minDelayDays: number;
  cooldownWeeks: number;
  saveTable: readonly number[];
  saveTableLength: number;
  contactCost: readonly number[];
  saveCorrelation: number;
  /** Salt of the per-contact save uniforms (from the run's seed). */
  salt: number;
}

const TWO32 = 4294967296;

/**
 * A uniform in (0, 1) from (salt, customer, contact number): a 32-bit integer
 * hash (Wellons' lowbias32), so each contact's save outcome is independent
 * of every other draw and the same under any queue rule (common random
 * numbers across policies).
 *
 * @example
 * hashUniform(1, 2, 0) === hashUniform(1, 2, 0) // true; hashUniform(1, 2, 1) differs
 */
function hashUniform(salt: number, customer: number, contact: number): number {
  let h = (salt ^ Math.imul(customer + 1, 0x9e3779b1) ^ Math.imul(contact + 1, 0x85ebca77)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return ((h >>> 0) + 0.5) / TWO32;
}

/** Days between the trigger and a contact made `age` weeks after the flag (mid-week), at least the policy's minimum. */
export function contactDelayDays(age: number, minDelayDays: number): number {
  return Math.max(minDelayDays, 7 * age + 3.5);
}

/**
 * The service order of ages for each tier: oldest-first serves ages
 * descending, newest-first ascending, value-first by the scenario's
 * `contactPriority` descending (ties: younger first) and only ages whose
 * expected value is positive (without priorities: as newest-first).
 */
function ageOrders(sc: RolloutScenario, K: number, maxAge: number): Int32Array[] {
  const ages = Array.from({ length: maxAge + 1 }, (_, a) => a);
  const A = K > 0 ? Math.floor(sc.contactPriority.length / (K + 1)) : 0;
  return Array.from({ length: K + 1 }, (_, k) => {
    if (sc.queueRule === "oldest-first") return Int32Array.from([...ages].reverse());
    if (sc.queueRule === "newest-first" || A === 0) return Int32Array.from(ages);
    const value = (a: number): number => (A === 0 ? 0 : (sc.contactPriority[k * A + Math.min(a, A - 1)] ?? 0));
    return Int32Array.from(ages.filter((a) => value(a) > 0).sort((x, y) => value(y) - value(x) || x - y));
  });
}

/** Prepares the channels of a run. */
export function createChannels(sc: RolloutScenario, K: number, salt: number): Channels {
  const minDelay = sc.minContactDelayDays;
  const maxWait = Math.max(sc.maxWaitDays, minDelay);
  const maxAge = Math.max(0, Math.floor((maxWait - 3.5) / 7));
  const saveTableLength = Math.floor(sc.saveProbabilityByHalfDay.length / (K + 1));
  if (!(saveTableLength >= 1)) throw new RangeError(`saveProbabilityByHalfDay needs (tiers + 1) × L entries, got ${sc.saveProbabilityByHalfDay.length}`);
  if (!(sc.saveCorrelation >= 0 && sc.saveCorrelation <= 1)) throw new RangeError(`saveCorrelation must be 0..1, got ${sc.saveCorrelation}`);
  return {
    credit: new Float64Array(K + 1),
    ageOrder: ageOrders(sc, K, maxAge),
    holdWeeks: Math.max(0, Math.floor((minDelay - 3.5) / 7)),
    maxWaitDays: maxWait,
    minDelayDays: minDelay,
    cooldownWeeks: sc.cooldownWeeks,
    saveTable: sc.saveProbabilityByHalfDay,
    saveTableLength,
    contactCost: sc.contactCostYuan,
    saveCorrelation: sc.saveCorrelation,
    salt,
  };
}

/**
 * One contact of customer i in tier k's channel at the end of week t: its
 * delay, save probability and outcome (a new contact replaces the previous
 * one's protection), cost, cool-down and bookkeeping.
 */
function serve(p: Population, run: RolloutRun, ch: Channels, i: number, k: number, t: number, stageIndex: number, stage: StageWeeks, month: number): void {
  const f = p.flagWeek[i]!;
  ch.credit[k] = ch.credit[k]! - 1;
  const delay = contactDelayDays(t - f, ch.minDelayDays);
  const prob = ch.saveTable[k * ch.saveTableLength + Math.min(ch.saveTableLength - 1, Math.round(2 * delay))]!;
  const nth = p.contactCount[i]!;
  let u = hashUniform(ch.salt, i, nth);
  if (ch.saveCorrelation > 0 && hashUniform(ch.salt ^ 0x5bd1e995, i, nth) < ch.saveCorrelation) u = p.saveU[i]!;
  p.saveP[i] = prob;
  p.contactWeek[i] = t;
  p.contactTier[i] = k;
  p.contactStage[i] = stageIndex;
  p.status[i] = (p.status[i]! & ~SAVED) | CONTACTED | (u < prob ? SAVED : 0);
  if (p.log !== undefined) p.contactRec[i] = logContact(p.log, i, u < prob, k, t - f, t);
  if (nth < 255) p.contactCount[i] = nth + 1;
  p.flaggedTier[i] = p.K + 1;
  p.flagFrom[i] = Math.min(32766, t + ch.cooldownWeeks);
  const cost = ch.contactCost[k] ?? 0;
  run.contacts[k] = run.contacts[k]! + 1;
  run.spendYuan[k] = run.spendYuan[k]! + cost;
  run.interventionCostByMonth[month] = run.interventionCostByMonth[month]! + cost;
  run.delaySumDays[k] = run.delaySumDays[k]! + delay;
  if (delay <= 7) run.contactsWithin7Days[k] = run.contactsWithin7Days[k]! + 1;
  const bin = k * DELAY_BINS + Math.min(DELAY_BINS - 1, t - f);
  run.delayHistogram[bin] = run.delayHistogram[bin]! + 1;
  run.stageContacts[stageIndex] = run.stageContacts[stageIndex]! + 1;
  run.stageExposureWeeks[stageIndex] = run.stageExposureWeeks[stageIndex]! + Math.max(0, stage.weekEnd - 1 - t);
}

/** Drops served, escalated (or left: their slot has a new customer) and expired entries from tier k's queue. */
function compactQueue(p: Population, run: RolloutRun, ch: Channels, k: number, t: number): void {
  const q = p.queues[k]!;
  const tl = p.tail[k]!;
  let keep = 0;
  for (let j = 0; j < tl; j += 1) {
    const i = q[j]!;
    if (i < 0 || p.flaggedTier[i] !== k) continue;
    if (7 * (t + 1 - p.flagWeek[i]!) + 3.5 > ch.maxWaitDays) {
      run.expired[k] = run.expired[k]! + 1; // too late to be worth a contact: the customer may be flagged again later
      p.flaggedTier[i] = p.K + 1;
    } else q[keep++] = i;
  }
  p.tail[k] = keep;
}

/**
 * The channels work their queues at the end of week t: each intervened
 * tier's channel gains the stage's weekly capacity (fractional capacity
 * carries over; unused capacity does not accumulate beyond one contact) and
 * serves the waiting, still-eligible customers age by age in the rule's
 * order, skipping customers on hold (the timing policy); then the queue drops
 * who escalated to a riskier queue, who left (counted when they churn) and
 * who waited longer than `maxWaitDays` (expired).
 */
export function serveChannels(p: Population, run: RolloutRun, ch: Channels, t: number, stageIndex: number, stage: StageWeeks, month: number): void {
  for (let k = 1; k < p.K; k += 1) {
    const q = p.queues[k]!;
    const tl = p.tail[k]!;
    if (tl === 0) {
      ch.credit[k] = 0;
      continue;
    }
    const cap = stage.capacityPerWeek[k] ?? Number.POSITIVE_INFINITY;
    ch.credit[k] = cap === Number.POSITIVE_INFINITY ? cap : ch.credit[k]! + cap;
    const order = ch.ageOrder[k]!;
    for (let o = 0; o < order.length && ch.credit[k]! >= 1; o += 1) {
      const age = order[o]!;
      if (age < ch.holdWeeks || 7 * age + 3.5 > ch.maxWaitDays) continue;
      const f = t - age;
      for (let j = 0; j < tl && ch.credit[k]! >= 1; j += 1) {
        const i = q[j]!;
        if (i < 0 || p.flaggedTier[i] !== k || p.flagWeek[i] !== f) continue;
        serve(p, run, ch, i, k, t, stageIndex, stage, month);
        q[j] = -1;
      }
    }
    if (ch.credit[k]! > 1) ch.credit[k] = 1;
    compactQueue(p, run, ch, k, t);
  }
}

/** At the end of the run: customers still waiting, per tier. */
export function countLeftInQueues(p: Population, run: RolloutRun): void {
  for (let k = 1; k <= p.K; k += 1) {
    const q = p.queues[k]!;
    for (let j = 0; j < p.tail[k]!; j += 1) {
      const i = q[j]!;
      if (i >= 0 && p.flaggedTier[i] === k) run.stillQueued[k] = run.stillQueued[k]! + 1;
    }
  }
}
