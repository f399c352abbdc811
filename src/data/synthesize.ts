import { FastRng } from "../random/FastRng";
import { sampleNormal } from "../random/normal";
import { sampleGamma } from "../random/gamma";
import { sampleBeta } from "../random/beta";
import { sampleBinomial } from "../random/binomial";
import { samplePoisson } from "../random/poisson";
import type { RandomSource } from "../random/RandomSource";
import { defaultChurnEffects, type ChurnEffects } from "./churnEffects";
import { isoToDay, isoWeekday } from "./dates";
import {
  appActivitySchema,
  complaintCategories,
  customersSchema,
  segments,
  surveysSchema,
  truthRiskSchema,
  truthSchema,
  longWaitHours,
  visitTypes,
  visitsSchema,
  type AppActivityTable,
  type CustomersTable,
  type SurveysTable,
  type TruthRiskTable,
  type TruthTable,
  type VisitsTable,
} from "./schemas";

/** Options of {@link synthesize}. */
export interface SynthOptions {
  /** Number of customers, 1 .. 5,000,000 (the plan's network: 200,000). */
  customers: number;
  /** Master seed; every stream is derived from it by name (`synth/churn`, `synth/visits`, ...). */
  seed: number | string;
  /** First day of history, a Monday written YYYY-MM-DD (default "2024-01-01"). */
  startDate?: string;
  /** Weeks of history, 53 .. 520 (default 104, i.e. 24 months). */
  weeks?: number;
  /** Latent-risk snapshots every this many weeks (default 4); 0 writes none. */
  riskSnapshotEveryWeeks?: number;
  /** Overrides of the churn effect sizes (default {@link defaultChurnEffects}). */
  effects?: Partial<ChurnEffects>;
  /** Overrides of the behaviour parameters (default {@link defaultSynthBehaviour}). */
  behaviour?: Partial<SynthBehaviour>;
  /** Called after each simulated week (for a progress bar). */
  onProgress?: (weeksDone: number, weeks: number) => void;
}

/** A generated population: the four source tables, the ground truth, and how it was made. */
export interface SyntheticPopulation {
  customers: CustomersTable;
  visits: VisitsTable;
  surveys: SurveysTable;
  appActivity: AppActivityTable;
  /** Ground truth per customer (churn date, frailty, peak risk): never a model input. */
  truth: TruthTable;
  /** Latent 30-day risk at snapshot Mondays: never a model input. */
  truthRisk: TruthRiskTable;
  meta: {
    seed: number | string;
    customers: number;
    /** First day of history and the day after the last (day numbers). */
    startDay: number;
    endDay: number;
    weeks: number;
    effects: ChurnEffects;
    behaviour: SynthBehaviour;
  };
}

/** Cities of the synthetic network and their number of outlets. */
const cities: ReadonlyArray<readonly [name: string, code: string, outlets: number, weight: number]> = [
  ["Shanghai", "SH", 6, 0.24],
  ["Hangzhou", "HZ", 4, 0.16],
  ["Nanjing", "NJ", 4, 0.14],
  ["Suzhou", "SZ", 3, 0.12],
  ["Ningbo", "NB", 3, 0.1],
  ["Hefei", "HF", 3, 0.1],
  ["Wuxi", "WX", 2, 0.08],
  ["Changzhou", "CZ", 2, 0.06],
];
const segmentWeights = [0.45, 0.38, 0.17];
const models: readonly (readonly string[])[] = [
  ["Aurora S", "Breeze"],
  ["Meridian", "Vista"],
  ["Zenith", "Apex GT"],
];
/** Median spend (yuan) of a maintenance visit by segment; repairs and accidents scale from it. */
const maintenanceSpendMedian = [420, 650, 1300];
/** Median wait (hours) by visit type, and the wait above which a visit counts as a bad experience. */
const waitMedianHours = [2.5, 16, 20, 72];
const waitSdLog = [0.55, 0.7, 0.6, 0.5];

/**
 * Behaviour of the synthetic population apart from the churn hazard: visit
 * and survey rates, drift (starting to service elsewhere) and burn-in.
 * Documented in data/README.md; override in {@link SynthOptions.behaviour}.
 */
export const defaultSynthBehaviour = Object.freeze({
  maintenanceIntervalDays: 180,
  surveyResponseRate: 0.4,
  repairsPerYearBase: 0.35,
  repairsPerYearPerVehicleYear: 0.08,
  warrantyPerYear: 0.25,
  warrantyYears: 3,
  accidentsPerYear: 0.05,
  homeOutletShare: 0.85,
  avoidanceHalfLifeWeeks: 13,
  appWeeklyPersistence: 0.85,
  /** Logit of the weekly probability of starting to drift away (servicing elsewhere) for an average customer. */
  driftOnsetLogit: -4.8,
  /** Weekly probability that a drifting customer comes back (drift ends). */
  driftRecoveryPerWeek: 0.04,
  /** While drifting: maintenance-visit logit shift, repair share kept, app engagement logit shift. */
  driftMaintenanceLogit: -6,
  driftRepairFactor: 0.15,
  driftAppLogit: -1.5,
  /** Survey score points lost while drifting. */
  driftScorePenalty: 2.5,
  /** Weekly probability of answering a relationship survey (CRM), independent of visits: about one in three customers a year. */
  relationshipSurveyPerWeek: 0.35 / 52,
  /** Weeks simulated before the history starts (not recorded) so the population starts in steady state; customers churning then are replaced. */
  burnInWeeks: 52,
});

/** Behaviour parameters of the generator (see {@link defaultSynthBehaviour}). */
export type SynthBehaviour = { -readonly [K in keyof typeof defaultSynthBehaviour]: number };

const MAX_CUSTOMERS = 5_000_000;
const NEVER = -1_000_000_000;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Growable typed column. */
class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  view(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
class FloatColumn {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  view(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Generates a synthetic after-sales population: customers, 24 months of
 * workshop visits, surveys and complaints, weekly app activity, and the
 * ground truth (churn date, latent 30-day risk) that models never see.
 *
 * Churn emerges week by week from a latent hazard driven by the plan's
 * signals with the effect sizes in {@link ChurnEffects}; the signals
 * themselves come from a behavioural model (maintenance due dates, repairs,
 * waits, surveys, app engagement, avoidance after bad experiences). After
 * its churn day a customer produces no visits, surveys or app activity.
 *
 * Fast and columnar: one pass over customers per week with typed-array
 * state, no per-row objects (200,000 customers x 104 weeks takes seconds).
 * Deterministic: the same options give identical tables.
 *
 * @param options - customers, seed, start date, weeks, snapshot cadence, effect overrides.
 * @throws RangeError when customers, weeks or the snapshot cadence are out of range or the start date is not a Monday.
 * @example
 * const population = synthesize({ customers: 3000, seed: 42 });
 * population.customers.length; // 3000
 */
export function synthesize(options: SynthOptions): SyntheticPopulation {
  const n = options.customers;
  if (!Number.isInteger(n) || n < 1 || n > MAX_CUSTOMERS) throw new RangeError(`customers must be an integer 1..${MAX_CUSTOMERS}, got ${n}`);
  const weeks = options.weeks ?? 104;
  if (!Number.isInteger(weeks) || weeks < 53 || weeks > 520) throw new RangeError(`weeks must be an integer 53..520, got ${weeks}`);
  const every = options.riskSnapshotEveryWeeks ?? 4;
  if (!Number.isInteger(every) || every < 0) throw new RangeError(`riskSnapshotEveryWeeks must be an integer >= 0, got ${every}`);
  const startDay = isoToDay(options.startDate ?? "2024-01-01");
  if (Number.isNaN(startDay) || isoWeekday(startDay) !== 1) throw new RangeError(`startDate must be a Monday written YYYY-MM-DD, got ${options.startDate}`);
  const endDay = startDay + 7 * weeks;
  const fx: ChurnEffects = { ...defaultChurnEffects, ...options.effects };
  const behaviour: SynthBehaviour = { ...defaultSynthBehaviour, ...options.behaviour };
  if (!Number.isInteger(behaviour.burnInWeeks) || behaviour.burnInWeeks < 0 || behaviour.burnInWeeks % 4 !== 0) throw new RangeError(`burnInWeeks must be a multiple of 4 >= 0, got ${behaviour.burnInWeeks}`);

  const rngCustomers = new FastRng(options.seed, "synth/customers").uniform;
  const rngChurn = new FastRng(options.seed, "synth/churn").uniform;
  const rngVisits = new FastRng(options.seed, "synth/visits").uniform;
  const rngSurveys = new FastRng(options.seed, "synth/surveys").uniform;
  const rngApp = new FastRng(options.seed, "synth/app").uniform;

  // ---- Customers (static attributes) ----
  const outletNames: string[] = [];
  const cityFirstOutlet: number[] = [];
  for (const [, code, count] of cities) {
    cityFirstOutlet.push(outletNames.length);
    for (let k = 1; k <= count; k++) outletNames.push(`${code}${String(k).padStart(2, "0")}`);
  }
  const outletCount = outletNames.length;
  const outletSlowness = new Float64Array(outletCount);
  const outletRepeatRate = new Float64Array(outletCount);
  for (let o = 0; o < outletCount; o++) {
    outletSlowness[o] = Math.exp(sampleNormal(rngCustomers, 0, 0.3));
    outletRepeatRate[o] = 0.05 + 0.15 * rngCustomers();
  }

  const city = new Uint8Array(n);
  const homeOutlet = new Int32Array(n);
  const distance = new Float64Array(n);
  const segment = new Uint8Array(n);
  const model = new Uint8Array(n);
  const ageAtStart = new Float64Array(n);
  const price = new Float64Array(n);
  const frailty = new Float64Array(n);
  const staticLogHazard = new Float64Array(n);
  const interval = new Float64Array(n);
  const maintPropensity = new Float64Array(n);
  const appUser = new Uint8Array(n);
  const appMean = new Float64Array(n);
  const appState = new Float64Array(n);
  const lastVisit = new Int32Array(n);
  const lastMaint = new Int32Array(n);
  const lastScore = new Int8Array(n).fill(-1);
  const lastScoreDay = new Int32Array(n).fill(NEVER);
  const lastComplaint = new Int32Array(n).fill(NEVER);
  const lastActive = new Int32Array(n);
  const bad = new Int32Array(3 * n).fill(NEVER);
  const avoidance = new Float64Array(n);
  const drifting = new Uint8Array(n);
  const shock = new Float64Array(n);
  const rngShock = new FastRng(options.seed, "synth/shock").uniform;
  const shockInnovation = fx.shockSd * Math.sqrt(1 - fx.shockPersistence * fx.shockPersistence);
  const repeatDue = new Int32Array(n).fill(NEVER);
  const spendBuckets = new Float64Array(13 * n);
  const spendDrop = new Uint8Array(n);
  const expectedSpendPerBucket = new Float64Array(n);
  const burnIn = behaviour.burnInWeeks;
  const origin = startDay - 7 * burnIn;
  let recording = false;
  let weekEnd = 0;
  const pendingSurveyDay = new Int32Array(n).fill(NEVER);
  const pendingSurveyFlags = new Uint8Array(n);
  const churnDay = new Float64Array(n).fill(NaN);
  const peakRisk = new Float64Array(n);

  const cityCdf: number[] = [];
  cities.reduce((acc, c) => {
    cityCdf.push(acc + c[3]);
    return acc + c[3];
  }, 0);
  for (let i = 0; i < n; i++) {
    const uc = rngCustomers() * (cityCdf[cityCdf.length - 1] ?? 1);
    let c = 0;
    while (c < cityCdf.length - 1 && uc > (cityCdf[c] ?? 1)) c++;
    city[i] = c;
    homeOutlet[i] = (cityFirstOutlet[c] ?? 0) + Math.floor(rngCustomers() * (cities[c]?.[2] ?? 1));
    distance[i] = Math.min(150, Math.max(0.5, Math.exp(Math.log(7) + 0.75 * sampleNormal(rngCustomers, 0, 1))));
    const us = rngCustomers();
    const s = us < (segmentWeights[0] ?? 0) ? 0 : us < (segmentWeights[0] ?? 0) + (segmentWeights[1] ?? 0) ? 1 : 2;
    segment[i] = s;
    model[i] = rngCustomers() < 0.5 ? 0 : 1;
    const age = Math.min(15, Math.max(0.1, sampleGamma(rngCustomers, 2, 1.8)));
    ageAtStart[i] = age;
    const p = s === 0 ? sampleBeta(rngCustomers, 2.5, 2.5) : s === 1 ? sampleBeta(rngCustomers, 2, 3) : sampleBeta(rngCustomers, 1.5, 4);
    price[i] = p;
    const z = sampleNormal(rngCustomers, 0, fx.frailtySd);
    frailty[i] = z;
    const dist = distance[i] ?? 7;
    staticLogHazard[i] =
      fx.baseLogHazardPerDay + z + fx.distancePer10Km * (dist / 10) + fx.priceSensitivity * p + (s === 1 ? fx.segmentMidsize : s === 2 ? fx.segmentPremium : 0);
    const days = behaviour.maintenanceIntervalDays * (0.8 + 0.45 * rngCustomers());
    interval[i] = days;
    maintPropensity[i] = 1.0 - 0.8 * z - 0.03 * (dist - 7) - 1.0 * (p - 0.4) + sampleNormal(rngCustomers, 0, 0.5);
    const pApp = Math.min(0.85, Math.max(0.2, 0.55 + (s === 2 ? 0.1 : 0) - 0.02 * (age - 3)));
    appUser[i] = rngCustomers() < pApp ? 1 : 0;
    const mean = sampleNormal(rngCustomers, -1.0, 0.8) - 0.5 * z;
    appMean[i] = mean;
    appState[i] = mean;
    const maintained = startDay - Math.floor(rngCustomers() * days);
    lastMaint[i] = maintained;
    lastVisit[i] = maintained;
    lastActive[i] = startDay - 7;
    const perBucket = (maintenanceSpendMedian[s] ?? 500) * (28 / days) * (0.7 + 0.6 * rngCustomers());
    expectedSpendPerBucket[i] = perBucket;
    for (let b = 0; b < 13; b++) spendBuckets[13 * i + b] = perBucket;
  }

  // ---- Event buffers ----
  const cap = Math.ceil(n * weeks * 0.1);
  const vCust = new IntColumn(cap);
  const vDay = new IntColumn(cap);
  const vType = new IntColumn(cap);
  const vOutlet = new IntColumn(cap);
  const vSpend = new FloatColumn(cap);
  const vWait = new FloatColumn(cap);
  const sCust = new IntColumn(cap / 2);
  const sDay = new IntColumn(cap / 2);
  const sScore = new IntColumn(cap / 2);
  const sCategory = new IntColumn(cap / 2); // 0 = no complaint, k = complaintCategories[k-1]
  const aCust = new IntColumn(cap * 2);
  const aWeek = new IntColumn(cap * 2);
  const aActive = new IntColumn(cap * 2);
  const aCoupons = new IntColumn(cap * 2);
  const rCust = new IntColumn(every > 0 ? Math.ceil((n * weeks) / every) : 16);
  const rDay = new IntColumn(every > 0 ? Math.ceil((n * weeks) / every) : 16);
  const rRisk = new FloatColumn(every > 0 ? Math.ceil((n * weeks) / every) : 16);

  const avoidDecay = 0.5 ** (1 / behaviour.avoidanceHalfLifeWeeks);
  const persistence = behaviour.appWeeklyPersistence;
  const innovationSd = Math.sqrt(1 - persistence * persistence) * 0.8;

  const recordVisit = (i: number, day: number, type: number, isRepeat: boolean, rng: RandomSource): void => {
    const s = segment[i] ?? 0;
    const outlet =
      rng() < behaviour.homeOutletShare
        ? (homeOutlet[i] ?? 0)
        : (cityFirstOutlet[city[i] ?? 0] ?? 0) + Math.floor(rng() * (cities[city[i] ?? 0]?.[2] ?? 1));
    const wait = (waitMedianHours[type] ?? 1) * (outletSlowness[outlet] ?? 1) * Math.exp((waitSdLog[type] ?? 0.5) * sampleNormal(rng, 0, 1));
    const base = maintenanceSpendMedian[s] ?? 500;
    let spend: number;
    if (type === 0) spend = base * (1 - 0.3 * (price[i] ?? 0)) * Math.exp(0.3 * sampleNormal(rng, 0, 1));
    else if (type === 1) spend = base * 4 * Math.exp(0.8 * sampleNormal(rng, 0, 1));
    else if (type === 2) spend = rng() < 0.8 ? 0 : base * 0.3 * Math.exp(0.5 * sampleNormal(rng, 0, 1));
    else spend = base * 12 * Math.exp(0.9 * sampleNormal(rng, 0, 1));
    spend = Math.round(spend);
    const waitRounded = Math.round(wait * 10) / 10;
    if (recording) {
      vCust.push(i);
      vDay.push(day);
      vType.push(type);
      vOutlet.push(outlet);
      vSpend.push(spend);
      vWait.push(waitRounded);
    }
    const bucket = Math.floor((day - origin) / 28) % 13;
    spendBuckets[13 * i + bucket] = (spendBuckets[13 * i + bucket] ?? 0) + spend;
    lastVisit[i] = Math.max(lastVisit[i] ?? day, day);
    if (type === 0) lastMaint[i] = Math.max(lastMaint[i] ?? day, day);
    const longWait = waitRounded > (longWaitHours[type] ?? Infinity);
    if (longWait || isRepeat) {
      // Ring of the last three bad-experience days.
      bad[3 * i + 2] = bad[3 * i + 1] ?? NEVER;
      bad[3 * i + 1] = bad[3 * i] ?? NEVER;
      bad[3 * i] = day;
      avoidance[i] = (avoidance[i] ?? 0) + 0.5;
    }
    if (type === 1 && !isRepeat && rng() < (outletRepeatRate[outlet] ?? 0.1)) repeatDue[i] = day + 7 + Math.floor(rng() * 50);
    // Survey after the visit.
    if (rngSurveys() < behaviour.surveyResponseRate) {
      const surveyDay = day + 1 + Math.floor(rngSurveys() * 3);
      // A survey falling into next week waits until next week's churn draw has been made.
      if (surveyDay >= weekEnd) {
        pendingSurveyDay[i] = surveyDay;
        pendingSurveyFlags[i] = (longWait ? 1 : 0) | (isRepeat ? 2 : 0);
      } else recordSurvey(i, surveyDay, longWait, isRepeat);
    }
  };

  /** A survey answer (after a visit, or a relationship survey), possibly with a complaint. */
  const recordSurvey = (i: number, surveyDay: number, longWait: boolean, isRepeat: boolean): void => {
    const churned = churnDay[i] ?? NaN;
    const limit = Number.isNaN(churned) ? endDay : Math.min(endDay, churned);
    if (surveyDay >= limit) return;
    const raw =
      8.3 -
      2.5 * (longWait ? 1 : 0) -
      3 * (isRepeat ? 1 : 0) -
      0.6 * (frailty[i] ?? 0) -
      0.8 * (avoidance[i] ?? 0) -
      (drifting[i] === 1 ? behaviour.driftScorePenalty : 0) +
      sampleNormal(rngSurveys, 0, 1.3);
    const score = Math.min(10, Math.max(0, Math.round(raw)));
    const pComplaint = score <= 3 ? 0.6 : score <= 5 ? 0.25 : score === 6 ? 0.08 : 0.01;
    let category = 0;
    if (rngSurveys() < pComplaint) {
      if (longWait && rngSurveys() < 0.7) category = 1;
      else if (isRepeat && rngSurveys() < 0.7) category = 3;
      else {
        // price (weighted by price sensitivity), staff, parts, distance (weighted by distance), waiting, quality
        const wPrice = 0.2 + (price[i] ?? 0);
        const wDist = 0.1 + Math.min(1, (distance[i] ?? 0) / 30);
        const x = rngSurveys() * (wPrice + 0.4 + 0.3 + wDist + 0.2 + 0.2);
        category = x < wPrice ? 2 : x < wPrice + 0.4 ? 4 : x < wPrice + 0.7 ? 5 : x < wPrice + 0.7 + wDist ? 6 : x < wPrice + 0.9 + wDist ? 1 : 3;
      }
      lastComplaint[i] = surveyDay;
      avoidance[i] = (avoidance[i] ?? 0) + 1;
    }
    lastScore[i] = score;
    lastScoreDay[i] = surveyDay;
    if (!recording) return;
    sCust.push(i);
    sDay.push(surveyDay);
    sScore.push(score);
    sCategory.push(category);
  };

  const yearTwoStart = 52;
  const repairBase = behaviour.repairsPerYearBase / 52;
  const repairPerYear = behaviour.repairsPerYearPerVehicleYear / 52;
  const warrantyWeekly = behaviour.warrantyPerYear / 52;
  const accidentWeekly = behaviour.accidentsPerYear / 52;

  for (let t = 0; t < burnIn + weeks; t++) {
    const w = t - burnIn;
    recording = w >= 0;
    const d0 = startDay + 7 * w;
    weekEnd = d0 + 7;
    const snapshot = recording && every > 0 && w % every === 0;
    const bucketStart = t % 4 === 0;
    const bucketNow = Math.floor(t / 4) % 13;
    if (bucketStart) {
      for (let i = 0; i < n; i++) {
        if (!Number.isNaN(churnDay[i] ?? NaN)) continue;
        // Spend trend over the last 24 weeks (6 buckets before this one) vs the 24 weeks before.
        let recent = 0;
        let previous = 0;
        for (let k = 1; k <= 6; k++) recent += spendBuckets[13 * i + ((bucketNow - k + 13) % 13)] ?? 0;
        for (let k = 7; k <= 12; k++) previous += spendBuckets[13 * i + ((bucketNow - k + 13) % 13)] ?? 0;
        spendDrop[i] = previous > 0 && recent < 0.5 * previous ? 1 : 0;
        spendBuckets[13 * i + bucketNow] = 0;
      }
    }
    for (let i = 0; i < n; i++) {
      if (!Number.isNaN(churnDay[i] ?? NaN)) continue;
      // --- latent hazard from the signals at the start of the week ---
      const recency = Math.min(fx.recencyCapDays, d0 - (lastVisit[i] ?? d0));
      const late = Math.min(365, Math.max(0, d0 - ((lastMaint[i] ?? d0) + (interval[i] ?? 180))));
      const shockNow = fx.shockPersistence * (shock[i] ?? 0) + shockInnovation * sampleNormal(rngShock, 0, 1);
      shock[i] = shockNow;
      let logHazard = (staticLogHazard[i] ?? 0) + shockNow;
      if (recency > 90) logHazard += fx.recencyPerDoubling * Math.log2(recency / 90);
      logHazard += (fx.maintenanceLatePer30Days * late) / 30;
      if ((lastScoreDay[i] ?? NEVER) >= d0 - 365 && (lastScore[i] ?? 10) < 7) logHazard += fx.satisfactionPerPointBelow7 * (7 - (lastScore[i] ?? 7));
      if ((lastComplaint[i] ?? NEVER) >= d0 - 90) logHazard += fx.complaintLast90Days;
      let badCount = 0;
      for (let k = 0; k < 3; k++) if ((bad[3 * i + k] ?? NEVER) >= d0 - 90) badCount++;
      logHazard += fx.badExperiencePer90Days * badCount;
      if (appUser[i] === 1 && d0 - (lastActive[i] ?? d0) >= 28) logHazard += fx.appInactive28Days;
      if (spendDrop[i] === 1) logHazard += fx.spendHalved;
      const age = (ageAtStart[i] ?? 0) + (w * 7) / 365.25;
      logHazard += fx.vehicleAgePerYear * age;
      const hazard = Math.exp(logHazard);
      const risk = 1 - Math.exp(-30 * hazard);
      if (snapshot) {
        rCust.push(i);
        rDay.push(d0);
        rRisk.push(risk);
      }
      if (w >= yearTwoStart && risk > (peakRisk[i] ?? 0)) peakRisk[i] = risk;
      // --- churn this week? ---
      let limit = endDay;
      if (rngChurn() < 1 - Math.exp(-7 * hazard)) {
        const day = d0 + Math.floor(rngChurn() * 7);
        if (recording) {
          churnDay[i] = day;
          limit = day;
        } else {
          // Burn-in: a customer who leaves before the history starts is replaced by a new one in the same slot.
          drifting[i] = 0;
          avoidance[i] = 0;
          lastMaint[i] = d0 - Math.floor(rngChurn() * (interval[i] ?? 180));
          lastVisit[i] = lastMaint[i] ?? d0;
          lastScore[i] = -1;
          lastScoreDay[i] = NEVER;
          lastComplaint[i] = NEVER;
          bad[3 * i] = NEVER;
          bad[3 * i + 1] = NEVER;
          bad[3 * i + 2] = NEVER;
          repeatDue[i] = NEVER;
          pendingSurveyDay[i] = NEVER;
          appState[i] = appMean[i] ?? 0;
          lastActive[i] = d0;
          spendDrop[i] = 0;
          for (let b = 0; b < 13; b++) spendBuckets[13 * i + b] = expectedSpendPerBucket[i] ?? 0;
          continue;
        }
      }
      limit = Math.min(limit, d0 + 7);
      if ((pendingSurveyDay[i] ?? NEVER) !== NEVER) {
        const flags = pendingSurveyFlags[i] ?? 0;
        const surveyDay = pendingSurveyDay[i] ?? NEVER;
        pendingSurveyDay[i] = NEVER;
        if (surveyDay < limit) recordSurvey(i, surveyDay, (flags & 1) === 1, (flags & 2) === 2);
      }
      // --- app activity ---
      if (appUser[i] === 1) {
        const mean = appMean[i] ?? 0;
        const target = mean + (drifting[i] === 1 ? behaviour.driftAppLogit : 0);
        const state = target + persistence * ((appState[i] ?? target) - target) + innovationSd * sampleNormal(rngApp, 0, 1) - 0.3 * (avoidance[i] ?? 0);
        appState[i] = state;
        const available = limit - d0;
        const active = sampleBinomial(rngApp, available, sigmoid(state));
        const coupons = active > 0 ? samplePoisson(rngApp, 0.04 * active * (0.5 + 2 * (price[i] ?? 0))) : 0;
        if (recording && (active > 0 || coupons > 0)) {
          aCust.push(i);
          aWeek.push(d0);
          aActive.push(active);
          aCoupons.push(coupons);
        }
        if (active > 0) lastActive[i] = d0;
      }
      // --- drift: starting to service elsewhere, or coming back ---
      const avoid = avoidance[i] ?? 0;
      if (drifting[i] === 1) {
        if (rngVisits() < behaviour.driftRecoveryPerWeek) drifting[i] = 0;
      } else {
        const onset = sigmoid(behaviour.driftOnsetLogit + 1.5 * avoid + 1.2 * ((price[i] ?? 0) - 0.4) + 0.04 * ((distance[i] ?? 7) - 7) + 0.8 * (frailty[i] ?? 0));
        if (rngVisits() < onset) drifting[i] = 1;
      }
      const drift = drifting[i] === 1;
      // --- workshop visits ---
      const due = (lastMaint[i] ?? d0) + (interval[i] ?? 180);
      if (d0 + 7 > due - 14) {
        const overdueMonths = Math.min(3, Math.max(0, d0 - due) / 30);
        const p = sigmoid((maintPropensity[i] ?? 0) - 1.2 * avoid + 0.3 * overdueMonths - 0.5 + (drift ? behaviour.driftMaintenanceLogit : 0));
        if (rngVisits() < p) {
          const day = d0 + Math.floor(rngVisits() * 7);
          if (day < limit) recordVisit(i, day, 0, false, rngVisits);
        }
      }
      const repeat = repeatDue[i] ?? NEVER;
      if (repeat >= d0 && repeat < d0 + 7) {
        repeatDue[i] = NEVER;
        if (repeat < limit) recordVisit(i, repeat, 1, true, rngVisits);
      }
      const pRepair = (repairBase + repairPerYear * age) * Math.exp(-0.5 * avoid) * (drift ? behaviour.driftRepairFactor : 1);
      const pWarranty = age < behaviour.warrantyYears ? warrantyWeekly : 0;
      const u = rngVisits();
      let type = -1;
      if (u < pRepair) type = 1;
      else if (u < pRepair + pWarranty) type = 2;
      else if (u < pRepair + pWarranty + accidentWeekly) type = 3;
      if (type >= 0) {
        const day = d0 + Math.floor(rngVisits() * 7);
        if (day < limit) recordVisit(i, day, type, false, rngVisits);
      }
      if (rngSurveys() < behaviour.relationshipSurveyPerWeek) recordSurvey(i, d0 + Math.floor(rngSurveys() * 7), false, false);
      avoidance[i] = (avoidance[i] ?? 0) * avoidDecay;
    }
    if (recording) options.onProgress?.(w + 1, weeks);
  }

  // ---- Assemble tables ----
  const width = Math.max(7, String(n).length);
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) ids[i] = `C${String(i + 1).padStart(width, "0")}`;
  const exportAge = (weeks * 7) / 365.25;
  const customers: CustomersTable = {
    schema: customersSchema,
    length: n,
    columns: {
      customer_id: ids,
      city: Array.from(city, (c) => cities[c]?.[0] ?? ""),
      outlet_id: Array.from(homeOutlet, (o) => outletNames[o] ?? ""),
      distance_km: Float64Array.from(distance, (d) => Math.round(d * 10) / 10),
      vehicle_model: Array.from(model, (m, i) => models[segment[i] ?? 0]?.[m] ?? ""),
      segment: Array.from(segment, (s) => segments[s] ?? "economy"),
      vehicle_age_years: Float64Array.from(ageAtStart, (a) => Math.round((a + exportAge) * 10) / 10),
      purchase_date: Int32Array.from(ageAtStart, (a) => startDay - Math.round(a * 365.25)),
      price_sensitivity: Float64Array.from(price, (p) => Math.round(p * 1000) / 1000),
    },
  };
  const pick = (rows: Int32Array): string[] => Array.from(rows, (i) => ids[i] ?? "");
  const visitCustomers = vCust.view();
  const visits: VisitsTable = {
    schema: visitsSchema,
    length: visitCustomers.length,
    columns: {
      customer_id: pick(visitCustomers),
      date: vDay.view(),
      type: Array.from(vType.view(), (t) => visitTypes[t] ?? "maintenance"),
      spend_yuan: vSpend.view(),
      wait_hours: vWait.view(),
      outlet_id: Array.from(vOutlet.view(), (o) => outletNames[o] ?? ""),
    },
  };
  const surveyCustomers = sCust.view();
  const categories = sCategory.view();
  const surveys: SurveysTable = {
    schema: surveysSchema,
    length: surveyCustomers.length,
    columns: {
      customer_id: pick(surveyCustomers),
      date: sDay.view(),
      score: sScore.view(),
      complaint: Uint8Array.from(categories, (c) => (c > 0 ? 1 : 0)),
      complaint_category: Array.from(categories, (c) => (c > 0 ? (complaintCategories[c - 1] ?? "") : "")),
    },
  };
  const appCustomers = aCust.view();
  const appActivity: AppActivityTable = {
    schema: appActivitySchema,
    length: appCustomers.length,
    columns: { customer_id: pick(appCustomers), week_start: aWeek.view(), active_days: aActive.view(), coupon_redemptions: aCoupons.view() },
  };
  const truth: TruthTable = {
    schema: truthSchema,
    length: n,
    columns: { customer_id: ids, churn_date: churnDay, frailty: Float64Array.from(frailty, (f) => Math.round(f * 1000) / 1000), peak_risk_30d: peakRisk },
  };
  const riskCustomers = rCust.view();
  const truthRisk: TruthRiskTable = {
    schema: truthRiskSchema,
    length: riskCustomers.length,
    columns: { customer_id: pick(riskCustomers), snapshot_date: rDay.view(), risk_30d: rRisk.view() },
  };
  return { customers, visits, surveys, appActivity, truth, truthRisk, meta: { seed: options.seed, customers: n, startDay, endDay, weeks, effects: fx, behaviour } };
}
