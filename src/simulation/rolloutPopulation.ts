/*
 * The customer-level kernel's population: structure-of-arrays state and the
 * two hot loops (burn-in, one week of every customer). Used by
 * runRolloutKernel (rolloutKernel.ts); the readable reference of the
 * baseline is tests/simulation/rolloutReference.ts.
 */
import { standardNormalQuantile } from "../random/normal";
import { sfc32NextUint32 } from "../random/sfc32";
import type { RolloutRun } from "./rolloutRun";
import type { RolloutScenario } from "./rolloutScenario";

/** Week number meaning "never" in the per-customer week arrays. */
export const NEVER = 32767;

/** Status bits of a customer. */
export const ALIVE_B = 1;
export const ALIVE_P = 2;
export const SAVED = 4;
export const CONTACTED = 8;

const TWO32 = 4294967296;
const INV16 = 1 / 65536;
const SQRT12 = Math.sqrt(12);
const SIXTEENTH_U32 = 268435456;
const LOGIT_SIXTEENTH = Math.log(1 / 15);

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
  churnWeekB: Int16Array;
  churnWeekP: Int16Array;
  queues: Int32Array[];
  tail: Int32Array;
  phi: number;
  innovScale: number;
  shockT: number;
  shock: number;
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
  /** Churn events of the week: [baseline, programme]. */
  weekChurns: Float64Array;
  /** Flag records (customer, tier, week) when the scenario asks for them. */
  flagCustomer: Int32Array;
  flagTierRec: Uint8Array;
  flagWeekRec: Int16Array;
  flagCount: number;
  recordFlags: boolean;
}

/**
 * Allocates the population and draws each customer's fixed risk, starting
 * latent state, score noise and save uniform (four draws per customer, in
 * customer order), with w started near its steady state: shocks add mean
 * λJ/(1 − φ) and variance λ(1 − λ)J²/(1 − φ²); burn-in does the rest.
 */
export function createPopulation(sc: RolloutScenario, state: Uint32Array): Population {
  const n = sc.customers;
  const d = sc.dynamics;
  const K = sc.tierThresholds.length + 1;
  const thr = new Float64Array(7).fill(-Infinity);
  sc.tierThresholds.forEach((x, k) => (thr[k] = x));
  const record = sc.recordFlags === true;
  const p: Population = {
    n,
    pers: new Float32Array(n),
    w: new Float32Array(n),
    e: new Float32Array(n),
    saveU: new Float32Array(n),
    saveP: new Float32Array(n),
    status: new Uint8Array(n).fill(ALIVE_B | ALIVE_P),
    prevTier: new Uint8Array(n).fill(K),
    flaggedTier: new Uint8Array(n).fill(K + 1),
    contactTier: new Uint8Array(n),
    contactStage: new Int8Array(n),
    contactCount: new Uint8Array(n),
    flagWeek: new Int16Array(n),
    contactWeek: new Int16Array(n).fill(NEVER),
    flagFrom: new Int16Array(n),
    churnWeekB: new Int16Array(n).fill(NEVER),
    churnWeekP: new Int16Array(n).fill(NEVER),
    queues: Array.from({ length: K + 1 }, (_, k) => new Int32Array(k === 0 || !sc.programme ? 0 : n)),
    tail: new Int32Array(K + 1),
    phi: d.persistence,
    innovScale: Math.sqrt(1 - d.persistence * d.persistence) * SQRT12,
    shockT: Math.round(d.shockProbability * 65536),
    shock: d.shockSize,
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
    flagCustomer: new Int32Array(record ? n : 0),
    flagTierRec: new Uint8Array(record ? n : 0),
    flagWeekRec: new Int16Array(record ? n : 0),
    flagCount: 0,
    recordFlags: record,
  };
  const lambda = d.shockProbability;
  const shockMean = d.persistence < 1 ? (lambda * d.shockSize) / (1 - d.persistence) : 0;
  const shockSdScale = d.persistence < 1 ? Math.sqrt(1 + (lambda * (1 - lambda) * d.shockSize * d.shockSize) / (1 - d.persistence * d.persistence)) : 1;
  for (let i = 0; i < n; i += 1) {
    p.pers[i] = d.persistentSd * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
    p.w[i] = shockMean + shockSdScale * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
    p.e[i] = standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
    p.saveU[i] = (sfc32NextUint32(state) + 0.5) / TWO32;
  }
  return p;
}

/** Latent process only (burn-in): same three draws per customer-week as the main pass. Hot loop. */
export function burnInWeek(p: Population, state: Uint32Array): void {
  const { n, w, e, phi, innovScale, shockT, shock, phiE, innovScaleE } = p;
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
    w[i] = phi * w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScale + (r1 >>> 16 < shockT ? shock : 0);
    e[i] = phiE * e[i]! + ((r2 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScaleE;
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

/** Appends a flag record, growing the record arrays when full. */
function recordFlag(p: Population, i: number, tier: number, t: number): void {
  if (p.flagCount === p.flagCustomer.length) {
    const size = Math.max(16, 2 * p.flagCount);
    const grow = <T extends Int32Array | Uint8Array | Int16Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    p.flagCustomer = grow(p.flagCustomer, (m) => new Int32Array(m));
    p.flagTierRec = grow(p.flagTierRec, (m) => new Uint8Array(m));
    p.flagWeekRec = grow(p.flagWeekRec, (m) => new Int16Array(m));
  }
  p.flagCustomer[p.flagCount] = i;
  p.flagTierRec[p.flagCount] = tier;
  p.flagWeekRec[p.flagCount] = t;
  p.flagCount += 1;
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
    if (p.recordFlags) recordFlag(p, i, tier, t);
  }
  p.prevTier[i] = tier;
}

/** Bookkeeping of a baseline churn in week t of a customer a contact reached before t. */
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

/** A churn event of customer i in week t (u < hazard): the baseline churns; the programme arm unless protected. */
function churnEvent(p: Population, run: RolloutRun, i: number, t: number, st: number): void {
  if ((st & ALIVE_B) !== 0) {
    p.status[i] = p.status[i]! & ~ALIVE_B;
    p.churnWeekB[i] = t;
    p.weekChurns[0] = p.weekChurns[0]! + 1;
    if ((st & CONTACTED) !== 0 && t > p.contactWeek[i]!) countWouldBeChurner(p, run, i, t, (st & SAVED) !== 0);
  }
  if ((st & ALIVE_P) !== 0) {
    const cw = p.contactWeek[i]!;
    if (!((st & SAVED) !== 0 && t > cw && t <= cw + p.protect)) {
      p.status[i] = p.status[i]! & ~ALIVE_P;
      p.churnWeekP[i] = t;
      p.weekChurns[1] = p.weekChurns[1]! + 1;
    }
  }
}

/**
 * One week for every customer: latent move, Monday scoring and flags for
 * customers [0, scope), churn events. Rare bookkeeping (flags, churn of
 * contacted customers, snapshots) goes through helpers. Hot loop.
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
    if (st === 0) continue;
    const wi = phi * w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScale + (r1 >>> 16 < shockT ? shock : 0);
    w[i] = wi;
    const ei = phiE * e[i]! + ((r2 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScaleE;
    e[i] = ei;
    const signal = pers[i]! + sdW * wi;
    if (snapBase >= 0 && i < snapN && (st & ALIVE_B) !== 0) {
      run.snapshotSignal[snapBase + i] = signal;
      run.snapshotNoise[snapBase + i] = ei;
    }
    if (i < scope && (st & ALIVE_P) !== 0) scoreCustomer(p, run, i, signal + tau * ei, t, mask);
    const x = alpha + signal;
    // u < hazard ⇔ logit(u) < x; when u >= 1/16 and x < logit(1/16) it cannot hold, so most customer-weeks skip the exp.
    if (!(x < LOGIT_SIXTEENTH && r3 >= SIXTEENTH_U32) && (r3 / TWO32) * (1 + Math.exp(-x)) < 1) churnEvent(p, run, i, t, st);
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = dd;
}
