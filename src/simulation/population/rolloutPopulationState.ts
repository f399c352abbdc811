/*
 * The customer-level kernel's population state: structure-of-arrays
 * customers, the run's scalars, and the contact log. The weekly passes over
 * it are in rolloutPopulation.ts.
 */
import { standardNormalQuantile } from "../../random/normal";
import { sfc32NextUint32 } from "../../random/sfc32";
import { createPool, type RetainedPool } from "./rolloutPool";
import type { RolloutScenario } from "./rolloutScenario";

/** Week number meaning "never" in the per-customer week arrays. */
export const NEVER = 32767;

/** Status bits of a customer slot. */
export const CONTACTED = 1;
export const SAVED = 2;
/** The slot still holds its first customer (snapshots and gate labels follow only these). */
export const ORIGINAL = 4;

/** 2³²: uniforms are (uint32 + 0.5) / TWO32. */
export const TWO32 = 4294967296;
const SQRT12 = Math.sqrt(12);

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
  sc.tierThresholds.forEach((x, k) => {
    thr[k] = x;
  });
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
