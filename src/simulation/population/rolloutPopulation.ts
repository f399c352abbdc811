/*
 * The customer-level kernel's population: structure-of-arrays state and the
 * two hot loops (burn-in, one week of every customer). Used by
 * runRolloutKernel (rolloutKernel.ts); the readable reference of the
 * baseline is tests/simulation/rolloutReference.ts.
 */
import { standardNormalQuantile } from "../../random/normal";
import { sfc32NextUint32 } from "../../random/sfc32";
import { addToPool, createPool, type RetainedPool } from "./rolloutPool";
import type { RolloutRun } from "./rolloutRun";
import type { RolloutScenario } from "./rolloutScenario";

/** Week number meaning "never" in the per-customer week arrays. */
export const NEVER = 32767;

/** Status bits of a customer slot. */
export const CONTACTED = 1;
export const SAVED = 2;
/** The slot still holds its first customer (snapshots and gate labels follow only these). */
export const ORIGINAL = 4;

const TWO32 = 4294967296;
const INV16 = 1 / 65536;
const SQRT12 = Math.sqrt(12);
const SIXTEENTH_U32 = 268435456;
const LOGIT_SIXTEENTH = Math.log(1 / 15);

/** Growable records of every contact (the programme model's expectation is taken over them). */
export interface ContactLog {
  customer: Int32Array;
  saved: Uint8Array;
  tier: Uint8Array;
  age: Int16Array;
  week: Int16Array;
  churnWeekB: Int16Array;
  churnWeekP: Int16Array;
  size: number;
}

/** The per-customer arrays and the run's scalars, shared by the weekly passes. */
export interface Population {
  n: number;
  pers: Float32Array;
  w: Float32Array;
  e: Float32Array;
  /** The customer's own save uniform (used for every contact when saveCorrelation is 1). */
  saveU: Float32Array;
  saveP: Float32Array;
  status: Uint8Array;
  prevTier: Uint8Array;
  /** Tier of the queue the customer waits in (K + 1: none). */
  flaggedTier: Uint8Array;
  contactTier: Uint8Array;
  contactStage: Int8Array;
  contactCount: Uint8Array;
  flagWeek: Int16Array;
  contactWeek: Int16Array;
  /** First week the customer may be flagged again (cool-down after a contact). */
  flagFrom: Int16Array;
  /** Churn week of the slot's original customer (NEVER while they stay). */
  churnWeekB: Int16Array;
  /** Contact record of the customer's last contact (−1: none or not recorded). */
  contactRec: Int32Array;
  queues: Int32Array[];
  tail: Int32Array;
  phi: number;
  innovScale: number;
  shockT: number;
  shock: number;
  shockMean: number;
  shockSdScale: number;
  persistentSd: number;
  phiE: number;
  innovScaleE: number;
  sdW: number;
  alpha: number;
  tau: number;
  /** Tier lower bounds on the raw score scale, padded with −Infinity to 7 entries. */
  thr: Float64Array;
  K: number;
  protect: number;
  stageEnd: Int32Array;
  snapN: number;
  /** Churn events of the week in the population (= baseline churns) and of them the saves that moved to the pool. */
  weekChurns: Float64Array;
  /** Draws for new customers (their own stream: the population's draws do not depend on how many left). */
  newcomerState: Uint32Array;
  pool: RetainedPool;
  /** Contact records, when the scenario asks for them. */
  log: ContactLog | undefined;
}

/** Draws a customer's fixed risk, starting latent state, score noise and save uniform into slot i. */
function drawCustomer(p: Population, i: number, state: Uint32Array): void {
  p.pers[i] = p.persistentSd * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
  p.w[i] = p.shockMean + p.shockSdScale * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
  p.e[i] = standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
  p.saveU[i] = (sfc32NextUint32(state) + 0.5) / TWO32;
}

/**
 * Allocates the population and draws each customer's fixed risk, starting
 * latent state, score noise and save uniform (four draws per customer, in
 * customer order), with w started near its steady state: shocks add mean
 * λJ/(1 − φ) and variance λ(1 − λ)J²/(1 − φ²); burn-in does the rest.
 * New customers (replacing leavers) and the retained pool draw from streams
 * derived from the first state.
 */
export function createPopulation(sc: RolloutScenario, state: Uint32Array): Population {
  const n = sc.customers;
  const d = sc.dynamics;
  const K = sc.tierThresholds.length + 1;
  const thr = new Float64Array(7).fill(-Infinity);
  for (const [k, x] of sc.tierThresholds.entries()) thr[k] = x;
  const lambda = d.shockProbability;
  const derived = (salt: number): Uint32Array =>
    Uint32Array.from([state[0]! ^ salt, state[1]! ^ Math.imul(salt, 3), state[2]! ^ Math.imul(salt, 5), state[3]! ^ Math.imul(salt, 7)]);
  const p: Population = {
    n,
    pers: new Float32Array(n),
    w: new Float32Array(n),
    e: new Float32Array(n),
    saveU: new Float32Array(n),
    saveP: new Float32Array(n),
    status: new Uint8Array(n).fill(ORIGINAL),
    prevTier: new Uint8Array(n).fill(K),
    flaggedTier: new Uint8Array(n).fill(K + 1),
    contactTier: new Uint8Array(n),
    contactStage: new Int8Array(n),
    contactCount: new Uint8Array(n),
    flagWeek: new Int16Array(n),
    contactWeek: new Int16Array(n).fill(NEVER),
    flagFrom: new Int16Array(n),
    churnWeekB: new Int16Array(n).fill(NEVER),
    contactRec: new Int32Array(n).fill(-1),
    queues: Array.from({ length: K + 1 }, (_, k) => new Int32Array(k === 0 || !sc.programme ? 0 : 2 * n)),
    tail: new Int32Array(K + 1),
    phi: d.persistence,
    innovScale: Math.sqrt(1 - d.persistence * d.persistence) * SQRT12,
    shockT: Math.round(d.shockProbability * 65536),
    shock: d.shockSize,
    shockMean: d.persistence < 1 ? (lambda * d.shockSize) / (1 - d.persistence) : 0,
    shockSdScale: d.persistence < 1 ? Math.sqrt(1 + (lambda * (1 - lambda) * d.shockSize * d.shockSize) / (1 - d.persistence * d.persistence)) : 1,
    persistentSd: d.persistentSd,
    phiE: d.scoreNoisePersistence,
    innovScaleE: Math.sqrt(1 - d.scoreNoisePersistence * d.scoreNoisePersistence) * SQRT12,
    sdW: d.transientSd,
    alpha: sc.churnIntercept,
    tau: sc.scoreNoiseSd,
    thr,
    K,
    protect: sc.protectionWeeks,
    stageEnd: Int32Array.from(sc.stages.map((s) => s.weekEnd)),
    snapN: Math.min(n, sc.snapshotCustomers),
    weekChurns: new Float64Array(2),
    newcomerState: derived(0x6e657721),
    pool: createPool(derived(0x706f6f6c)),
    log:
      sc.recordContacts === true
        ? {
            customer: new Int32Array(64),
            saved: new Uint8Array(64),
            tier: new Uint8Array(64),
            age: new Int16Array(64),
            week: new Int16Array(64),
            churnWeekB: new Int16Array(64),
            churnWeekP: new Int16Array(64),
            size: 0,
          }
        : undefined,
  };
  for (let i = 0; i < n; i += 1) drawCustomer(p, i, state);
  return p;
}

/** Appends a contact record and returns its index. */
export function logContact(log: ContactLog, customer: number, saved: boolean, tier: number, age: number, week: number): number {
  if (log.size === log.tier.length) {
    const m = 2 * log.size;
    const grow = <T extends Uint8Array | Int16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(m);
      b.set(a);
      return b;
    };
    log.customer = grow(log.customer, (x) => new Int32Array(x));
    log.saved = grow(log.saved, (x) => new Uint8Array(x));
    log.tier = grow(log.tier, (x) => new Uint8Array(x));
    log.age = grow(log.age, (x) => new Int16Array(x));
    log.week = grow(log.week, (x) => new Int16Array(x));
    log.churnWeekB = grow(log.churnWeekB, (x) => new Int16Array(x));
    log.churnWeekP = grow(log.churnWeekP, (x) => new Int16Array(x));
  }
  const r = log.size;
  log.customer[r] = customer;
  log.saved[r] = saved ? 1 : 0;
  log.tier[r] = tier;
  log.age[r] = age;
  log.week[r] = week;
  log.churnWeekB[r] = NEVER;
  log.churnWeekP[r] = NEVER;
  log.size = r + 1;
  return r;
}

/**
 * A burn-in week (before the run; nothing is counted): the latent process
 * moves and customers churn and are replaced as in the run, so the run
 * starts from the population's steady state (who is still there depends on
 * their risk). Same three draws per customer-week as the main pass. Hot loop.
 */
export function burnInWeek(p: Population, state: Uint32Array): void {
  const { n, w, e, pers, phi, innovScale, shockT, shock, phiE, innovScaleE, sdW, alpha } = p;
  let a = state[0]! | 0;
  let b = state[1]! | 0;
  let c = state[2]! | 0;
  let dd = state[3]! | 0;
  for (let i = 0; i < n; i += 1) {
    let tt = (((a + b) | 0) + dd) | 0;
    dd = (dd + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + tt) | 0;
    const r1 = tt >>> 0;
    tt = (((a + b) | 0) + dd) | 0;
    dd = (dd + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + tt) | 0;
    const r2 = tt >>> 0;
    tt = (((a + b) | 0) + dd) | 0;
    dd = (dd + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + tt) | 0;
    const r3 = tt >>> 0;
    const wi = phi * w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScale + (r1 >>> 16 < shockT ? shock : 0);
    w[i] = wi;
    e[i] = phiE * e[i]! + ((r2 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScaleE;
    const x = alpha + pers[i]! + sdW * wi;
    if (!(x < LOGIT_SIXTEENTH && r3 >= SIXTEENTH_U32) && (r3 / TWO32) * (1 + Math.exp(-x)) < 1) replaceCustomer(p, i);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = dd;
}

/** The tier (1 = riskiest .. K) of a raw score. */
function tierOfRaw(p: Population, raw: number): number {
  const thr = p.thr;
  const K = p.K;
  let tier = raw > thr[0]! ? 1 : raw > thr[1]! ? 2 : raw > thr[2]! ? 3 : 4;
  if (tier === 4 && K > 4) {
    tier = K;
    for (let k = 3; k < K - 1; k += 1) {
      if (raw > thr[k]!) {
        tier = k + 1;
        break;
      }
    }
  } else if (tier > K) tier = K;
  return tier;
}

/**
 * Monday scoring of customer i: its tier this week, and a flag into tier k's
 * queue when k is intervened in the stage, riskier than last week's tier and
 * than the queue the customer already waits in, and the customer is out of
 * any cool-down.
 */
function scoreCustomer(p: Population, run: RolloutRun, i: number, raw: number, t: number, mask: number): void {
  const tier = tierOfRaw(p, raw);
  if (tier < p.prevTier[i]! && tier < p.flaggedTier[i]! && ((mask >>> tier) & 1) === 1 && t >= p.flagFrom[i]!) {
    p.queues[tier]![p.tail[tier]!] = i;
    p.tail[tier] = p.tail[tier]! + 1;
    p.flaggedTier[i] = tier;
    p.flagWeek[i] = t;
    run.flagged[tier] = run.flagged[tier]! + 1;
  }
  p.prevTier[i] = tier;
}

/** Bookkeeping of a churn in week t of a customer a contact reached before t, within its protection. */
function countWouldBeChurner(p: Population, run: RolloutRun, i: number, t: number, saved: boolean): void {
  const k = p.contactTier[i]!;
  run.wouldBeChurners[k] = run.wouldBeChurners[k]! + 1;
  run.expectedSaves[k] = run.expectedSaves[k]! + p.saveP[i]!;
  if (saved) run.saves[k] = run.saves[k]! + 1;
  const js = p.contactStage[i]!;
  if (t < p.stageEnd[js]!) {
    run.stageWouldBeChurners[js] = run.stageWouldBeChurners[js]! + 1;
    run.stageExpectedSaves[js] = run.stageExpectedSaves[js]! + p.saveP[i]!;
    if (saved) run.stageSaves[js] = run.stageSaves[js]! + 1;
    run.stageExposureWeeks[js] = run.stageExposureWeeks[js]! - (p.stageEnd[js]! - 1 - t);
  }
}

/**
 * A new customer takes slot i: someone of the same profile as the leaver
 * (the same persistent risk: segment, distance, habits), with a fresh moving
 * risk (from its steady state), score noise and save uniform from the
 * newcomers' stream, and no history. So the network's risk mix, and its
 * annual churn, stay at their calibrated level year after year (a closed
 * cohort's churn would drift down as its riskiest customers leave).
 */
function replaceCustomer(p: Population, i: number): void {
  const state = p.newcomerState;
  p.w[i] = p.shockMean + p.shockSdScale * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
  p.e[i] = standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
  p.saveU[i] = (sfc32NextUint32(state) + 0.5) / TWO32;
  p.status[i] = 0;
  p.prevTier[i] = p.K;
  p.flaggedTier[i] = p.K + 1;
  p.flagFrom[i] = 0;
  p.contactWeek[i] = NEVER;
  p.contactCount[i] = 0;
  p.contactRec[i] = -1;
}

/**
 * A churn event of customer i in week t (u < hazard): the customer leaves
 * the baseline; in the programme a save whose protection covers week t
 * moves them to the retained pool instead. Either way a new customer takes
 * the slot (the network keeps acquiring customers, so its churn stays at its
 * calibrated level year after year).
 */
function churnEvent(p: Population, run: RolloutRun, i: number, t: number): void {
  const st = p.status[i]!;
  p.weekChurns[0] = p.weekChurns[0]! + 1;
  if ((st & ORIGINAL) !== 0) p.churnWeekB[i] = t;
  const waiting = p.flaggedTier[i]!;
  if (waiting <= p.K) run.lostBeforeContact[waiting] = run.lostBeforeContact[waiting]! + 1;
  const rec = p.contactRec[i]!;
  const covered = (st & CONTACTED) !== 0 && t > p.contactWeek[i]! && t <= p.contactWeek[i]! + p.protect;
  if (rec >= 0 && p.log !== undefined && p.log.churnWeekB[rec] === NEVER) p.log.churnWeekB[rec] = t;
  if (covered) {
    const saved = (st & SAVED) !== 0;
    countWouldBeChurner(p, run, i, t, saved);
    if (saved) {
      addToPool(p.pool, p.pers[i]!, p.w[i]!, p.contactWeek[i]! + p.protect, covered ? rec : -1);
      p.weekChurns[1] = p.weekChurns[1]! + 1;
    }
  }
  replaceCustomer(p, i);
}

/**
 * One week for every customer slot: latent move, Monday scoring and flags
 * for slots [0, scope), churn events (and a new customer in the slot). Rare
 * bookkeeping (flags, churns, snapshots) goes through helpers. Hot loop.
 */
export function customerWeek(p: Population, run: RolloutRun, state: Uint32Array, t: number, scope: number, mask: number, snapBase: number): void {
  const { n, pers, w, e, status } = p;
  const { phi, innovScale, shockT, shock, phiE, innovScaleE, sdW, alpha, tau, snapN } = p;
  p.weekChurns[0] = 0;
  p.weekChurns[1] = 0;
  let a = state[0]! | 0;
  let b = state[1]! | 0;
  let c = state[2]! | 0;
  let dd = state[3]! | 0;
  for (let i = 0; i < n; i += 1) {
    // Three sfc32 steps, inlined (the generator of FastRng, sfc32.ts).
    let tt = (((a + b) | 0) + dd) | 0;
    dd = (dd + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + tt) | 0;
    const r1 = tt >>> 0;
    tt = (((a + b) | 0) + dd) | 0;
    dd = (dd + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + tt) | 0;
    const r2 = tt >>> 0;
    tt = (((a + b) | 0) + dd) | 0;
    dd = (dd + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + tt) | 0;
    const r3 = tt >>> 0;
    const st = status[i]!;
    const wi = phi * w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScale + (r1 >>> 16 < shockT ? shock : 0);
    w[i] = wi;
    const ei = phiE * e[i]! + ((r2 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScaleE;
    e[i] = ei;
    const signal = pers[i]! + sdW * wi;
    if (snapBase >= 0 && i < snapN && (st & ORIGINAL) !== 0) {
      run.snapshotSignal[snapBase + i] = signal;
      run.snapshotNoise[snapBase + i] = ei;
    }
    if (i < scope) scoreCustomer(p, run, i, signal + tau * ei, t, mask);
    const x = alpha + signal;
    // u < hazard ⇔ logit(u) < x; when u >= 1/16 and x < logit(1/16) it cannot hold, so most customer-weeks skip the exp.
    if (!(x < LOGIT_SIXTEENTH && r3 >= SIXTEENTH_U32) && (r3 / TWO32) * (1 + Math.exp(-x)) < 1) churnEvent(p, run, i, t);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = dd;
}
