/*
 * The readable reference of the rollout kernel's baseline (no programme):
 * one object per customer, one draw at a time, written for clarity. The fast
 * kernel (src/simulation/population/rolloutKernel.ts) must give exactly the same churn
 * weeks of the customers present at week 0 from the same seed. Float32
 * rounding (Math.fround) mirrors the kernel's Float32Array storage.
 */
import type { FastRng } from "../../src/random/FastRng";
import { standardNormalQuantile } from "../../src/random/normal";
import type { RolloutScenario } from "../../src/simulation/population/rolloutScenario";

interface Customer {
  personalRisk: number;
  movingRisk: number;
  scoreNoise: number;
  churnWeek: number | null;
}

const TWO32 = 4294967296;

/** Uniform innovation with mean 0 and variance 1, from the low 16 bits of a draw. */
function innovation(draw: number): number {
  return ((draw & 0xffff) / 65536 + 1 / 131072 - 0.5) * Math.sqrt(12);
}

/** A generator reading from a copy of an sfc32 state (the kernel's newcomers' stream is derived from the run's first state). */
function streamFrom(state: Uint32Array): () => number {
  const s = Uint32Array.from(state);
  return () => {
    const t = (((s[0]! + s[1]!) | 0) + s[3]!) | 0;
    s[3] = (s[3]! + 1) | 0;
    s[0] = s[1]! ^ (s[1]! >>> 9);
    s[1] = (s[2]! + (s[2]! << 3)) | 0;
    s[2] = (((s[2]! << 21) | (s[2]! >>> 11)) + t) | 0;
    return t >>> 0;
  };
}

/**
 * Baseline churn week of each customer present at week 0 (null: stayed the
 * whole run). Before week 0 (burn-in) and after, a customer who churns is
 * replaced by a newcomer of the same personal risk with a fresh moving risk,
 * score noise and save uniform drawn from the newcomers' stream.
 */
export function referenceBaselineChurnWeeks(sc: RolloutScenario, rng: FastRng): Array<number | null> {
  const d = sc.dynamics;
  const shockMean = (d.shockProbability * d.shockSize) / (1 - d.persistence);
  const shockSpread = Math.sqrt(1 + (d.shockProbability * (1 - d.shockProbability) * d.shockSize ** 2) / (1 - d.persistence ** 2));
  const first = rng.state;
  const salt = 0x6e657721;
  const newcomer = streamFrom(
    Uint32Array.from([first[0]! ^ salt, first[1]! ^ Math.imul(salt, 3), first[2]! ^ Math.imul(salt, 5), first[3]! ^ Math.imul(salt, 7)]),
  );
  const customers: Customer[] = [];
  for (let i = 0; i < sc.customers; i += 1) {
    const personalRisk = Math.fround(d.persistentSd * standardNormalQuantile((rng.nextUint32() + 0.5) / TWO32));
    const movingRisk = Math.fround(shockMean + shockSpread * standardNormalQuantile((rng.nextUint32() + 0.5) / TWO32));
    const scoreNoise = Math.fround(standardNormalQuantile((rng.nextUint32() + 0.5) / TWO32));
    rng.nextUint32(); // the customer's save uniform (unused without the programme)
    customers.push({ personalRisk, movingRisk, scoreNoise, churnWeek: null });
  }
  const replace = (c: Customer): void => {
    c.movingRisk = Math.fround(shockMean + shockSpread * standardNormalQuantile((newcomer() + 0.5) / TWO32));
    c.scoreNoise = Math.fround(standardNormalQuantile((newcomer() + 0.5) / TWO32));
    newcomer(); // the newcomer's save uniform
  };
  const week = (c: Customer, riskDraw: number, noiseDraw: number, churnDraw: number): boolean => {
    const shocked = riskDraw >>> 16 < Math.round(d.shockProbability * 65536);
    c.movingRisk = Math.fround(d.persistence * c.movingRisk + innovation(riskDraw) * Math.sqrt(1 - d.persistence ** 2) + (shocked ? d.shockSize : 0));
    c.scoreNoise = Math.fround(d.scoreNoisePersistence * c.scoreNoise + innovation(noiseDraw) * Math.sqrt(1 - d.scoreNoisePersistence ** 2));
    const hazard = 1 / (1 + Math.exp(-(sc.churnIntercept + c.personalRisk + d.transientSd * c.movingRisk)));
    return churnDraw / TWO32 < hazard;
  };
  for (let t = 0; t < d.burnInWeeks; t += 1) {
    for (const c of customers) if (week(c, rng.nextUint32(), rng.nextUint32(), rng.nextUint32())) replace(c);
  }
  const original = customers.map(() => true);
  for (let t = 0; t < sc.weeks; t += 1) {
    customers.forEach((c, i) => {
      if (!week(c, rng.nextUint32(), rng.nextUint32(), rng.nextUint32())) return;
      if (original[i]) c.churnWeek = t;
      original[i] = false;
      replace(c);
    });
  }
  return customers.map((c) => c.churnWeek);
}
