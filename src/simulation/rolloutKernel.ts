import { standardNormalQuantile } from "../random/normal";
import { sfc32NextUint32 } from "../random/sfc32";
import { monthOfWeek, monthsOf, type RolloutScenario } from "./rolloutScenario";

/** Weeks-waited bins of the delay histogram: 0, 1, 2, 3 and 4+ weeks between trigger and contact. */
export const DELAY_BINS = 5;

/** Week number meaning "never" in the per-customer week arrays. */
export const NEVER = 32767;

/** What one rollout run measured (counts and yuan; per-tier arrays are indexed by tier number, index 0 unused). */
export interface RolloutRun {
  customers: number;
  weeks: number;
  months: number;
  /** Number of tiers K. */
  tiers: number;
  /** Customers who churned within the run without / with the programme (same customers, same random numbers). */
  baselineChurned: number;
  programmeChurned: number;
  baselineChurnsByMonth: Float64Array;
  programmeChurnsByMonth: Float64Array;
  /** Customers flagged into each tier's queue (the newly-high-risk rule and its analogue for the other intervened tiers). */
  flagged: Float64Array;
  /** Contacts made per tier. */
  contacts: Float64Array;
  /** Contacted customers who would have churned after their contact (baseline), per tier. */
  wouldBeChurners: Float64Array;
  /** Of those, the ones the contact kept (realized saves), per tier. */
  saves: Float64Array;
  /** Σ save probability over the would-be churners (the saves expected without the coin flips), per tier. */
  expectedSaves: Float64Array;
  /** Flagged customers who churned while waiting for their contact, per tier. */
  lostBeforeContact: Float64Array;
  /** Flagged customers dropped from the queue unserved after waiting longer than `maxWaitDays`, per tier. */
  expired: Float64Array;
  /** Flagged customers still waiting at the end of the run, per tier. */
  stillQueued: Float64Array;
  /** Intervention spend, yuan, per tier. */
  spendYuan: Float64Array;
  /** Σ delay (days) over contacts, per tier. */
  delaySumDays: Float64Array;
  /** Contacts with delay <= 7 days, per tier. */
  contactsWithin7Days: Float64Array;
  /** Contacts by weeks waited (tier-major: tier · DELAY_BINS + bin). */
  delayHistogram: Float64Array;
  /** Intervention and fixed costs, and benefit ((baseline − programme churns) × value per save), by month, yuan. */
  interventionCostByMonth: Float64Array;
  fixedCostByMonth: Float64Array;
  benefitByMonth: Float64Array;
  /** Per stage (scenario order), counted on contacts made during the stage and churn seen before the stage ends: contacts, would-be churners, saves, expected saves. */
  stageContacts: Float64Array;
  stageWouldBeChurners: Float64Array;
  stageSaves: Float64Array;
  stageExpectedSaves: Float64Array;
  /** Per stage: weeks contacted customers were followed before the stage ended (from the week after contact to churn or the stage's end), for the team's hazard estimate. */
  stageExposureWeeks: Float64Array;
  /** Snapshot records (snapshot-major): risk signal s and score noise e (NaN when the customer had churned in the baseline). */
  snapshotSignal: Float32Array;
  snapshotNoise: Float32Array;
  /** Baseline churn week of the snapshot customers ({@link NEVER} when they did not churn). */
  snapshotChurnWeek: Int16Array;
}

const TWO32 = 4294967296;
const INV16 = 1 / 65536;
const SQRT12 = Math.sqrt(12);
const ALIVE_B = 1;
const ALIVE_P = 2;
const SAVED = 4;
const CONTACTED = 8;
const SIXTEENTH_U32 = 268435456;
const LOGIT_SIXTEENTH = Math.log(1 / 15);

/** The per-customer arrays and the run's scalars, shared by the weekly passes. */
interface Population {
  n: number;
  pers: Float32Array;
  w: Float32Array;
  e: Float32Array;
  saveU: Float32Array;
  saveP: Float32Array;
  status: Uint8Array;
  prevTier: Uint8Array;
  flaggedTier: Uint8Array;
  contactTier: Uint8Array;
  contactStage: Int8Array;
  flagWeek: Int16Array;
  contactWeek: Int16Array;
  churnWeekB: Int16Array;
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
}

/** Latent process only (burn-in): same three draws per customer-week as the main pass. */
function burnInWeek(p: Population, state: Uint32Array): void {
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
    w[i] = phi * w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScale + ((r1 >>> 16) < shockT ? shock : 0);
    e[i] = phiE * e[i]! + ((r2 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScaleE;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = dd;
}

/**
 * One week for every customer: latent move, Monday scoring and flags for
 * customers [0, scope), churn events. Rare bookkeeping (flags, churn of
 * contacted customers, snapshots) goes through `run`.
 */
function customerWeek(p: Population, run: RolloutRun, state: Uint32Array, t: number, scope: number, mask: number, snapBase: number): void {
  const { n, pers, w, e, saveP, status, prevTier, flaggedTier, contactTier, contactStage, flagWeek, contactWeek, churnWeekB, queues, tail } = p;
  const { phi, innovScale, shockT, shock, phiE, innovScaleE, sdW, alpha, tau, protect, stageEnd, snapN, K } = p;
  const thr = p.thr;
  const thr1 = thr[0]!;
  const thr2 = thr[1]!;
  const thr3 = thr[2]!;
  let churnB = 0;
  let churnP = 0;
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
    const wi = phi * w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScale + ((r1 >>> 16) < shockT ? shock : 0);
    w[i] = wi;
    const ei = phiE * e[i]! + ((r2 & 0xffff) * INV16 + INV16 / 2 - 0.5) * innovScaleE;
    e[i] = ei;
    const signal = pers[i]! + sdW * wi;
    if (snapBase >= 0 && i < snapN && (st & ALIVE_B) !== 0) {
      run.snapshotSignal[snapBase + i] = signal;
      run.snapshotNoise[snapBase + i] = ei;
    }
    if (i < scope && (st & ALIVE_P) !== 0) {
      const raw = signal + tau * ei;
      let tier = raw > thr1 ? 1 : raw > thr2 ? 2 : raw > thr3 ? 3 : 4;
      if (tier === 4 && K > 4) {
        tier = K;
        for (let k = 3; k < K - 1; k += 1) {
          if (raw > thr[k]!) {
            tier = k + 1;
            break;
          }
        }
      } else if (tier > K) tier = K;
      if (tier < prevTier[i]! && tier < flaggedTier[i]! && ((mask >>> tier) & 1) === 1) {
        queues[tier]![tail[tier]!] = i;
        tail[tier] = tail[tier]! + 1;
        flaggedTier[i] = tier;
        flagWeek[i] = t;
        run.flagged[tier] = run.flagged[tier]! + 1;
      }
      prevTier[i] = tier;
    }
    const x = alpha + signal;
    // u < hazard ⇔ logit(u) < x; when u >= 1/16 and x < logit(1/16) it cannot hold, so most customer-weeks skip the exp.
    if (!(x < LOGIT_SIXTEENTH && r3 >= SIXTEENTH_U32) && (r3 / TWO32) * (1 + Math.exp(-x)) < 1) {
      // A churn event this week (u < hazard).
      if ((st & ALIVE_B) !== 0) {
        status[i] = status[i]! & ~ALIVE_B;
        churnWeekB[i] = t;
        churnB += 1;
        if ((st & CONTACTED) !== 0 && t > contactWeek[i]!) {
          const k = contactTier[i]!;
          const saved = (st & SAVED) !== 0;
          run.wouldBeChurners[k] = run.wouldBeChurners[k]! + 1;
          run.expectedSaves[k] = run.expectedSaves[k]! + saveP[i]!;
          if (saved) run.saves[k] = run.saves[k]! + 1;
          const js = contactStage[i]!;
          if (t < stageEnd[js]!) {
            run.stageWouldBeChurners[js] = run.stageWouldBeChurners[js]! + 1;
            run.stageExpectedSaves[js] = run.stageExpectedSaves[js]! + saveP[i]!;
            if (saved) run.stageSaves[js] = run.stageSaves[js]! + 1;
            run.stageExposureWeeks[js] = run.stageExposureWeeks[js]! - (stageEnd[js]! - 1 - t);
          }
        }
      }
      if ((st & ALIVE_P) !== 0) {
        const cw = contactWeek[i]!;
        if (!((st & SAVED) !== 0 && t > cw && t <= cw + protect)) {
          status[i] = status[i]! & ~ALIVE_P;
          churnP += 1;
        }
      }
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = dd;
  p.weekChurns[0] = churnB;
  p.weekChurns[1] = churnP;
}

/**
 * One customer-level run of the first year, baseline and programme together
 * on common random numbers: every customer-week draws the same three
 * uniforms (latent innovation and shock, score-noise innovation, churn) in
 * both, so the programme's effect is the difference of the two columns and
 * not noise. Structure of arrays, no allocation in the weekly loop.
 *
 * Each week: the latent risk and the score noise move (see RolloutDynamics);
 * every Monday customers in a stage's scope are scored and tiered (a tier
 * holds scores above its lower bound); a customer is flagged into tier k's
 * queue when k is intervened and riskier than both last week's tier and any
 * tier they were flagged at before (for tiers 1–2 this is the plan's rule:
 * above 0.5 this week, at most 0.5 last week; at a stage's start every
 * customer is new, so its current high-risk customers are flagged);
 * customers churn with their weekly hazard (in the programme a saved
 * customer is kept from week c + 1 to c + protectionWeeks after the contact
 * week c); then each tier's channel works its FIFO queue up to its weekly
 * capacity (scaled to the stage's share of customers, fractional capacity
 * carried over), oldest flags first (FIFO) or newest first
 * (`queueOrder`), skipping customers who churned or escalated and dropping
 * those who have waited more than `maxWaitDays` (expired). A contact in
 * week c of a customer flagged in week f has delay max(minDelay, 7(c − f) +
 * 3.5) days (mid-week) and is made no earlier than week f + floor((minDelay −
 * 3.5) / 7); it costs the tier's budget and saves with the probability
 * `saveProbabilityByHalfDay` gives at that delay (`saveRateAfterDelay`,
 * src/actions), decided by the customer's own uniform (so save decisions are
 * common across policies too).
 *
 * @param sc the scenario (not mutated).
 * @param state an sfc32 state (Uint32Array(4), e.g. `FastRng.state`); advanced in place.
 * @throws RangeError on a scenario out of range (customers, weeks, tiers).
 * @example
 * runRolloutKernel(scenario, new FastRng(1, "rollout-customers").state).baselineChurned / scenario.customers // ≈ the calibrated annual churn
 */
export function runRolloutKernel(sc: RolloutScenario, state: Uint32Array): RolloutRun {
  const n = sc.customers;
  const weeks = sc.weeks;
  if (!(Number.isSafeInteger(n) && n >= 1)) throw new RangeError(`customers must be an integer >= 1, got ${n}`);
  if (!(Number.isSafeInteger(weeks) && weeks >= 1 && weeks <= 520)) throw new RangeError(`weeks must be an integer 1..520, got ${weeks}`);
  const K = sc.tierThresholds.length + 1;
  if (K < 2 || K > 8) throw new RangeError(`tiers must number 2..8, got ${K}`);
  if (sc.stages.length > 127) throw new RangeError(`at most 127 stages, got ${sc.stages.length}`);
  const months = monthsOf(weeks);
  const d = sc.dynamics;
  const thr = new Float64Array(7).fill(-Infinity);
  sc.tierThresholds.forEach((x, k) => (thr[k] = x));
  const snapN = Math.min(n, sc.snapshotCustomers);
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
    flagWeek: new Int16Array(n),
    contactWeek: new Int16Array(n).fill(NEVER),
    churnWeekB: new Int16Array(n).fill(NEVER),
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
    snapN,
    weekChurns: new Float64Array(2),
  };
  // Start w near its steady state: shocks add mean λJ/(1 − φ) and variance λ(1 − λ)J²/(1 − φ²); burn-in does the rest.
  const lambda = d.shockProbability;
  const shockMean = d.persistence < 1 ? (lambda * d.shockSize) / (1 - d.persistence) : 0;
  const shockSdScale = d.persistence < 1 ? Math.sqrt(1 + (lambda * (1 - lambda) * d.shockSize * d.shockSize) / (1 - d.persistence * d.persistence)) : 1;
  for (let i = 0; i < n; i += 1) {
    p.pers[i] = d.persistentSd * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
    p.w[i] = shockMean + shockSdScale * standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
    p.e[i] = standardNormalQuantile((sfc32NextUint32(state) + 0.5) / TWO32);
    p.saveU[i] = (sfc32NextUint32(state) + 0.5) / TWO32;
  }
  for (let t = 0; t < d.burnInWeeks; t += 1) burnInWeek(p, state);

  const vec = (): Float64Array => new Float64Array(K + 1);
  const nSnap = snapN * sc.snapshotWeeks.length;
  const run: RolloutRun = {
    customers: n,
    weeks,
    months,
    tiers: K,
    baselineChurned: 0,
    programmeChurned: 0,
    baselineChurnsByMonth: new Float64Array(months),
    programmeChurnsByMonth: new Float64Array(months),
    flagged: vec(),
    contacts: vec(),
    wouldBeChurners: vec(),
    saves: vec(),
    expectedSaves: vec(),
    lostBeforeContact: vec(),
    expired: vec(),
    stillQueued: vec(),
    spendYuan: vec(),
    delaySumDays: vec(),
    contactsWithin7Days: vec(),
    delayHistogram: new Float64Array((K + 1) * DELAY_BINS),
    interventionCostByMonth: new Float64Array(months),
    fixedCostByMonth: Float64Array.from({ length: months }, (_, m) => sc.fixedCostByMonth[m] ?? 0),
    benefitByMonth: new Float64Array(months),
    stageContacts: new Float64Array(sc.stages.length),
    stageWouldBeChurners: new Float64Array(sc.stages.length),
    stageSaves: new Float64Array(sc.stages.length),
    stageExpectedSaves: new Float64Array(sc.stages.length),
    stageExposureWeeks: new Float64Array(sc.stages.length),
    snapshotSignal: new Float32Array(nSnap).fill(Number.NaN),
    snapshotNoise: new Float32Array(nSnap).fill(Number.NaN),
    snapshotChurnWeek: new Int16Array(0),
  };
  const stageOfWeek = new Int32Array(weeks).fill(-1);
  sc.stages.forEach((s, j) => {
    for (let t = Math.max(0, s.weekStart); t < Math.min(weeks, s.weekEnd); t += 1) stageOfWeek[t] = j;
  });
  const snapIndexOfWeek = new Int32Array(weeks).fill(-1);
  sc.snapshotWeeks.forEach((sw, j) => {
    if (Number.isInteger(sw) && sw >= 0 && sw < weeks) snapIndexOfWeek[sw] = j;
  });
  const head = new Int32Array(K + 1);
  const credit = new Float64Array(K + 1);
  const minDelay = sc.minContactDelayDays;
  const holdWeeks = Math.max(0, Math.floor((minDelay - 3.5) / 7));
  const maxWait = Math.max(sc.maxWaitDays, minDelay);
  const newestFirst = sc.queueOrder === "newest-first";
  const saveTable = sc.saveProbabilityByHalfDay;
  const saveTableLength = Math.floor(saveTable.length / (K + 1));
  if (!(saveTableLength >= 1)) throw new RangeError(`saveProbabilityByHalfDay needs (tiers + 1) × L entries, got ${saveTable.length}`);

  for (let t = 0; t < weeks; t += 1) {
    const stageIndex = sc.programme ? stageOfWeek[t]! : -1;
    const stage = stageIndex >= 0 ? sc.stages[stageIndex]! : undefined;
    const scope = stage === undefined ? 0 : Math.min(n, stage.customers);
    const mask = stage === undefined ? 0 : stage.tierMask;
    const month = monthOfWeek(t);
    const snap = snapIndexOfWeek[t]!;
    customerWeek(p, run, state, t, scope, mask, snap >= 0 ? snap * snapN : -1);
    const churnB = p.weekChurns[0]!;
    const churnP = p.weekChurns[1]!;
    run.baselineChurned += churnB;
    run.programmeChurned += churnP;
    run.baselineChurnsByMonth[month] = run.baselineChurnsByMonth[month]! + churnB;
    run.programmeChurnsByMonth[month] = run.programmeChurnsByMonth[month]! + churnP;
    run.benefitByMonth[month] = run.benefitByMonth[month]! + (churnB - churnP) * sc.valuePerSaveYuan;

    // The channels work their queues (end of the week).
    if (stage === undefined) continue;
    const scale = Math.min(1, stage.customers / n);
    const serve = (i: number, k: number, f: number, st: number): void => {
      credit[k] = credit[k]! - 1;
      const delay = Math.max(minDelay, 7 * (t - f) + 3.5);
      const prob = saveTable[k * saveTableLength + Math.min(saveTableLength - 1, Math.round(2 * delay))]!;
      if ((st & SAVED) === 0) {
        // A customer already saved by an earlier contact (escalated since) stays saved from that contact.
        p.saveP[i] = prob;
        p.contactWeek[i] = t;
        p.contactTier[i] = k;
        p.contactStage[i] = stageIndex;
        p.status[i] = st | CONTACTED | (p.saveU[i]! < prob ? SAVED : 0);
      }
      const cost = sc.contactCostYuan[k] ?? 0;
      run.contacts[k] = run.contacts[k]! + 1;
      run.spendYuan[k] = run.spendYuan[k]! + cost;
      run.interventionCostByMonth[month] = run.interventionCostByMonth[month]! + cost;
      run.delaySumDays[k] = run.delaySumDays[k]! + delay;
      if (delay <= 7) run.contactsWithin7Days[k] = run.contactsWithin7Days[k]! + 1;
      const bin = Math.min(DELAY_BINS - 1, t - f);
      run.delayHistogram[k * DELAY_BINS + bin] = run.delayHistogram[k * DELAY_BINS + bin]! + 1;
      run.stageContacts[stageIndex] = run.stageContacts[stageIndex]! + 1;
      run.stageExposureWeeks[stageIndex] = run.stageExposureWeeks[stageIndex]! + Math.max(0, stage.weekEnd - 1 - t);
    };
    for (let k = 1; k < K; k += 1) {
      const q = p.queues[k]!;
      let h = head[k]!;
      const tl = p.tail[k]!;
      if (h === tl) {
        credit[k] = 0;
        continue;
      }
      const cap = (sc.capacityPerWeek[k] ?? Infinity) * scale;
      credit[k] = cap === Infinity ? Infinity : credit[k]! + cap;
      if (newestFirst) {
        // Newest flags first (they have the most to gain), then drop what was served, left, escalated or expired.
        for (let j = tl - 1; j >= h && credit[k]! >= 1; j -= 1) {
          const i = q[j]!;
          const st = p.status[i]!;
          if ((st & ALIVE_P) === 0 || p.flaggedTier[i]! < k) continue;
          const f = p.flagWeek[i]!;
          if (7 * (t - f) + 3.5 > maxWait || t < f + holdWeeks) continue;
          serve(i, k, f, st);
          q[j] = -1;
        }
        let keep = h;
        for (let j = h; j < tl; j += 1) {
          const i = q[j]!;
          if (i < 0) continue;
          if ((p.status[i]! & ALIVE_P) === 0) run.lostBeforeContact[k] = run.lostBeforeContact[k]! + 1;
          else if (p.flaggedTier[i]! < k) continue;
          else if (7 * (t + 1 - p.flagWeek[i]!) + 3.5 > maxWait) run.expired[k] = run.expired[k]! + 1;
          else q[keep++] = i;
        }
        p.tail[k] = keep;
        if (keep === h || credit[k] === Infinity) credit[k] = Math.min(credit[k]!, 1);
        continue;
      }
      while (h < tl && credit[k]! >= 1) {
        const i = q[h]!;
        const st = p.status[i]!;
        if ((st & ALIVE_P) === 0) {
          run.lostBeforeContact[k] = run.lostBeforeContact[k]! + 1;
          h += 1;
          continue;
        }
        if (p.flaggedTier[i]! < k) {
          h += 1; // escalated: the higher tier's channel takes the customer
          continue;
        }
        const f = p.flagWeek[i]!;
        if (7 * (t - f) + 3.5 > maxWait) {
          run.expired[k] = run.expired[k]! + 1; // too late to be worth a contact
          h += 1;
          continue;
        }
        if (t < f + holdWeeks) break; // timing policy: not yet
        h += 1;
        serve(i, k, f, st);
      }
      head[k] = h;
      if (h === tl || credit[k] === Infinity) credit[k] = Math.min(credit[k]!, 1);
    }
  }
  for (let k = 1; k <= K; k += 1) {
    for (let h = head[k]!; h < p.tail[k]!; h += 1) {
      const i = p.queues[k]![h]!;
      if ((p.status[i]! & ALIVE_P) === 0) run.lostBeforeContact[k] = run.lostBeforeContact[k]! + 1;
      else if (p.flaggedTier[i]! >= k) run.stillQueued[k] = run.stillQueued[k]! + 1;
    }
  }
  run.snapshotChurnWeek = p.churnWeekB.slice(0, snapN);
  return run;
}
