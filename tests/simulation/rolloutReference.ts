/*
 * The readable reference of the rollout kernel's baseline (no programme):
 * one object per customer, one draw at a time, written for clarity. The fast
 * kernel (src/simulation/rolloutKernel.ts) must give exactly the same churn
 * weeks from the same seed. Float32 rounding (Math.fround) mirrors the
 * kernel's Float32Array storage.
 */
import { FastRng } from "../../src/random/FastRng";
import { standardNormalQuantile } from "../../src/random/normal";
import type { RolloutScenario } from "../../src/simulation/rolloutScenario";

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

/** Baseline churn week of each customer (null: stayed the whole run). */
export function referenceBaselineChurnWeeks(sc: RolloutScenario, rng: FastRng): Array<number | null> {
  const d = sc.dynamics;
  const shockMean = (d.shockProbability * d.shockSize) / (1 - d.persistence);
  const shockSpread = Math.sqrt(1 + (d.shockProbability * (1 - d.shockProbability) * d.shockSize ** 2) / (1 - d.persistence ** 2));
  const customers: Customer[] = [];
  for (let i = 0; i < sc.customers; i += 1) {
    const personalRisk = Math.fround(d.persistentSd * standardNormalQuantile((rng.nextUint32() + 0.5) / TWO32));
    const movingRisk = Math.fround(shockMean + shockSpread * standardNormalQuantile((rng.nextUint32() + 0.5) / TWO32));
    const scoreNoise = Math.fround(standardNormalQuantile((rng.nextUint32() + 0.5) / TWO32));
    rng.nextUint32(); // the customer's save uniform (unused without the programme)
    customers.push({ personalRisk, movingRisk, scoreNoise, churnWeek: null });
  }
  const step = (c: Customer, riskDraw: number, noiseDraw: number): void => {
    const shocked = riskDraw >>> 16 < Math.round(d.shockProbability * 65536);
    c.movingRisk = Math.fround(d.persistence * c.movingRisk + innovation(riskDraw) * Math.sqrt(1 - d.persistence ** 2) + (shocked ? d.shockSize : 0));
    c.scoreNoise = Math.fround(d.scoreNoisePersistence * c.scoreNoise + innovation(noiseDraw) * Math.sqrt(1 - d.scoreNoisePersistence ** 2));
  };
  for (let week = 0; week < d.burnInWeeks; week += 1) {
    for (const c of customers) {
      const riskDraw = rng.nextUint32();
      const noiseDraw = rng.nextUint32();
      rng.nextUint32();
      step(c, riskDraw, noiseDraw);
    }
  }
  for (let week = 0; week < sc.weeks; week += 1) {
    for (const c of customers) {
      const riskDraw = rng.nextUint32();
      const noiseDraw = rng.nextUint32();
      const churnDraw = rng.nextUint32();
      if (c.churnWeek !== null) continue;
      step(c, riskDraw, noiseDraw);
      const logOdds = sc.churnIntercept + c.personalRisk + d.transientSd * c.movingRisk;
      const hazard = 1 / (1 + Math.exp(-logOdds));
      if (churnDraw / TWO32 < hazard) c.churnWeek = week;
    }
  }
  return customers.map((c) => c.churnWeek);
}
