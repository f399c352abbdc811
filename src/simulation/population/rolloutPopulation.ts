/*
 * The customer-level kernel's two hot loops over its population (burn-in,
 * one week of every customer) and their rare bookkeeping. The state lives in
 * rolloutPopulationState.ts. Used by runRolloutKernel (rolloutKernel.ts); the
 * readable reference of the baseline is tests/simulation/rolloutReference.ts.
 */
import { standardNormalQuantile } from "../../random/normal";
import { sfc32NextUint32 } from "../../random/sfc32";
import { addToPool } from "./rolloutPool";
import type { RolloutRun } from "./rolloutRun";
import { CONTACTED, NEVER, ORIGINAL, type Population, SAVED, TWO32 } from "./rolloutPopulationState";

export { CONTACTED, type ContactLog, createPopulation, logContact, NEVER, ORIGINAL, type Population, SAVED } from "./rolloutPopulationState";

const INV16 = 1 / 65536;
const SIXTEENTH_U32 = 268435456;
const LOGIT_SIXTEENTH = Math.log(1 / 15);

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
