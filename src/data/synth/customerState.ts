import { sampleBeta } from "../../random/beta";
import { sampleGamma } from "../../random/gamma";
import { sampleNormal } from "../../random/normal";
import type { RandomSource } from "../../random/RandomSource";
import { cities, maintenanceSpendMedian, segmentWeights, type SynthNetwork } from "./network";
import type { SynthSettings } from "./settings";

/** Day number meaning "never happened". */
export const NEVER = -1_000_000_000;

/** The simulated state of a block of customers: static traits and what the weekly loop tracks, one typed array per field. */
export interface CustomerState {
  n: number;
  city: Uint8Array;
  homeOutlet: Int32Array;
  distance: Float64Array;
  segment: Uint8Array;
  model: Uint8Array;
  ageAtStart: Float64Array;
  price: Float64Array;
  frailty: Float64Array;
  staticLogHazard: Float64Array;
  interval: Float64Array;
  maintPropensity: Float64Array;
  appUser: Uint8Array;
  appMean: Float64Array;
  appState: Float64Array;
  lastVisit: Int32Array;
  lastMaint: Int32Array;
  lastScore: Int8Array;
  lastScoreDay: Int32Array;
  lastComplaint: Int32Array;
  lastActive: Int32Array;
  /** Ring of the last three bad-experience days, 3 per customer. */
  bad: Int32Array;
  avoidance: Float64Array;
  drifting: Uint8Array;
  shock: Float64Array;
  repeatDue: Int32Array;
  /** Spend per 28-day bucket over the last 13 buckets, 13 per customer. */
  spendBuckets: Float64Array;
  spendDrop: Uint8Array;
  expectedSpendPerBucket: Float64Array;
  pendingSurveyDay: Int32Array;
  pendingSurveyFlags: Uint8Array;
  /** Churn day, NaN while a customer. */
  churnDay: Float64Array;
  peakRisk: Float64Array;
}

/**
 * Allocates the state of `n` customers (about 290 bytes each).
 *
 * @example
 * createCustomerState(3).churnDay; // Float64Array [NaN, NaN, NaN]
 */
export function createCustomerState(n: number): CustomerState {
  const f64 = (): Float64Array => new Float64Array(n);
  const i32 = (): Int32Array => new Int32Array(n);
  const u8 = (): Uint8Array => new Uint8Array(n);
  return {
    n,
    city: u8(),
    homeOutlet: i32(),
    distance: f64(),
    segment: u8(),
    model: u8(),
    ageAtStart: f64(),
    price: f64(),
    frailty: f64(),
    staticLogHazard: f64(),
    interval: f64(),
    maintPropensity: f64(),
    appUser: u8(),
    appMean: f64(),
    appState: f64(),
    lastVisit: i32(),
    lastMaint: i32(),
    lastScore: new Int8Array(n).fill(-1),
    lastScoreDay: i32().fill(NEVER),
    lastComplaint: i32().fill(NEVER),
    lastActive: i32(),
    bad: new Int32Array(3 * n).fill(NEVER),
    avoidance: f64(),
    drifting: u8(),
    shock: f64(),
    repeatDue: i32().fill(NEVER),
    spendBuckets: new Float64Array(13 * n),
    spendDrop: u8(),
    expectedSpendPerBucket: f64(),
    pendingSurveyDay: i32().fill(NEVER),
    pendingSurveyFlags: u8(),
    churnDay: f64().fill(NaN),
    peakRisk: f64(),
  };
}

/**
 * Draws each customer's static traits (city, outlet, distance, segment,
 * vehicle, price sensitivity, frailty, maintenance habit, app use) and the
 * state at the start of burn-in, in customer order from `rng`.
 *
 * Hot loop (one pass over the block): kept as one function so the draws stay in their documented order.
 */
export function drawCustomers(state: CustomerState, rng: RandomSource, net: SynthNetwork, settings: SynthSettings): void {
  const { fx, behaviour, startDay } = settings;
  const s0 = segmentWeights[0] ?? 0;
  const s1 = segmentWeights[1] ?? 0;
  const st = state;
  for (let i = 0; i < st.n; i++) {
    const uc = rng() * (net.cityCdf[net.cityCdf.length - 1] ?? 1);
    let c = 0;
    while (c < net.cityCdf.length - 1 && uc > (net.cityCdf[c] ?? 1)) c++;
    st.city[i] = c;
    st.homeOutlet[i] = (net.cityFirstOutlet[c] ?? 0) + Math.floor(rng() * (cities[c]?.[2] ?? 1));
    st.distance[i] = Math.min(150, Math.max(0.5, Math.exp(Math.log(7) + 0.75 * sampleNormal(rng, 0, 1))));
    const us = rng();
    const s = us < s0 ? 0 : us < s0 + s1 ? 1 : 2;
    st.segment[i] = s;
    st.model[i] = rng() < 0.5 ? 0 : 1;
    const age = Math.min(15, Math.max(0.1, sampleGamma(rng, 2, 1.8)));
    st.ageAtStart[i] = age;
    const p = s === 0 ? sampleBeta(rng, 2.5, 2.5) : s === 1 ? sampleBeta(rng, 2, 3) : sampleBeta(rng, 1.5, 4);
    st.price[i] = p;
    const z = sampleNormal(rng, 0, fx.frailtySd);
    st.frailty[i] = z;
    const dist = st.distance[i] ?? 7;
    const segmentEffect = s === 1 ? fx.segmentMidsize : s === 2 ? fx.segmentPremium : 0;
    st.staticLogHazard[i] = fx.baseLogHazardPerDay + z + fx.distancePer10Km * (dist / 10) + fx.priceSensitivity * p + segmentEffect;
    const days = behaviour.maintenanceIntervalDays * (0.8 + 0.45 * rng());
    st.interval[i] = days;
    st.maintPropensity[i] = 1.0 - 0.8 * z - 0.03 * (dist - 7) - 1.0 * (p - 0.4) + sampleNormal(rng, 0, 0.5);
    const pApp = Math.min(0.85, Math.max(0.2, 0.55 + (s === 2 ? 0.1 : 0) - 0.02 * (age - 3)));
    st.appUser[i] = rng() < pApp ? 1 : 0;
    const mean = sampleNormal(rng, -1.0, 0.8) - 0.5 * z;
    st.appMean[i] = mean;
    st.appState[i] = mean;
    const maintained = startDay - Math.floor(rng() * days);
    st.lastMaint[i] = maintained;
    st.lastVisit[i] = maintained;
    st.lastActive[i] = startDay - 7;
    const perBucket = (maintenanceSpendMedian[s] ?? 500) * (28 / days) * (0.7 + 0.6 * rng());
    st.expectedSpendPerBucket[i] = perBucket;
    for (let b = 0; b < 13; b++) st.spendBuckets[13 * i + b] = perBucket;
  }
}
