import { sfc32NextUint32 } from "../random/sfc32";
import { ALIVE_B, ALIVE_P, type Population, SAVED } from "./rolloutPopulation";

const TWO32 = 4294967296;
const INV16 = 1 / 65536;

/**
 * Follows the customers a contact saved for `tailWeeks` weeks after the run
 * (weeks `weeks` .. `weeks + tailWeeks − 1`), in both arms: their latent risk
 * keeps moving, the baseline arm churns at its hazard, the programme arm too
 * once the save's protection has ended. Every other customer is the same in
 * both arms, so the difference of the arms is exact. Two draws per followed
 * customer-week (latent innovation and shock, churn) from the run's stream.
 *
 * @param retainedAtEnd programme minus baseline customers at the end of the run.
 * @returns programme minus baseline customers at the end of each tail week.
 * @example
 * followSavedCustomers(p, state, 52, 104, 1200).length // 104
 */
export function followSavedCustomers(p: Population, state: Uint32Array, weeks: number, tailWeeks: number, retainedAtEnd: number): Float64Array {
  const out = new Float64Array(tailWeeks);
  if (tailWeeks === 0) return out;
  const saved: number[] = [];
  for (let i = 0; i < p.n; i += 1) if ((p.status[i]! & SAVED) !== 0) saved.push(i);
  // Customers outside the saved set are identical in both arms: only the saved change the difference.
  let aliveB = 0;
  let aliveP = 0;
  for (const i of saved) {
    if ((p.status[i]! & ALIVE_B) !== 0) aliveB += 1;
    if ((p.status[i]! & ALIVE_P) !== 0) aliveP += 1;
  }
  const others = retainedAtEnd - (aliveP - aliveB);
  for (let s = 0; s < tailWeeks; s += 1) {
    const t = weeks + s;
    for (const i of saved) {
      const r1 = sfc32NextUint32(state);
      const r3 = sfc32NextUint32(state);
      const st = p.status[i]!;
      if ((st & (ALIVE_B | ALIVE_P)) === 0) continue;
      const wi = p.phi * p.w[i]! + ((r1 & 0xffff) * INV16 + INV16 / 2 - 0.5) * p.innovScale + (r1 >>> 16 < p.shockT ? p.shock : 0);
      p.w[i] = wi;
      const x = p.alpha + p.pers[i]! + p.sdW * wi;
      if ((r3 / TWO32) * (1 + Math.exp(-x)) >= 1) continue;
      if ((st & ALIVE_B) !== 0) {
        p.status[i] = p.status[i]! & ~ALIVE_B;
        p.churnWeekB[i] = t;
        aliveB -= 1;
      }
      if ((st & ALIVE_P) !== 0 && !(t <= p.contactWeek[i]! + p.protect)) {
        p.status[i] = p.status[i]! & ~ALIVE_P;
        p.churnWeekP[i] = t;
        aliveP -= 1;
      }
    }
    out[s] = others + aliveP - aliveB;
  }
  return out;
}
