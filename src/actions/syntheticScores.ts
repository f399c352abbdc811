import type { RandomSource } from "../random/RandomSource";
import { sampleBeta } from "../random/beta";
import { sampleNormal } from "../random/normal";
import type { ScoredCustomer } from "./riskTiers";

/** One component of a Beta mixture of churn probabilities. */
export interface BetaComponent {
  weight: number;
  alpha: number;
  beta: number;
}

/**
 * A default mixture whose tier shares come out near the plan's (~3% above
 * 0.7, ~8% in 0.5–0.7, ~12% in 0.3–0.5, ~77% below 0.3; checked in
 * tests/actions/syntheticScores.test.ts): mostly loyal customers around 0.1,
 * a drifting group around 0.4 and a small at-risk group around 0.7.
 * Illustrative, until a trained model scores real customers.
 */
const planLikeMixture: readonly BetaComponent[] = [
  { weight: 0.765, alpha: 2, beta: 14 },
  { weight: 0.165, alpha: 6, beta: 8 },
  { weight: 0.07, alpha: 9, beta: 4 },
];

/**
 * Synthetic churn scores from a seeded Beta mixture: each customer picks a
 * component with probability ∝ weight and draws p ~ Beta(alpha, beta); ids
 * "C000001".., outlets "O01".."O<outlets>" uniformly.
 *
 * @param rng uniform source.
 * @param customers how many, whole number >= 0.
 * @param mixture components (default {@link planLikeMixture}); weights > 0.
 * @param outlets number of outlets (default 8), >= 1.
 * @throws RangeError on a bad count, empty mixture or non-positive weight.
 * @example
 * syntheticScores(createStream(42, "scores"), 3).map((c) => c.customerId); // ["C000001", "C000002", "C000003"]
 */
export function syntheticScores(rng: RandomSource, customers: number, mixture: readonly BetaComponent[] = planLikeMixture, outlets = 8): ScoredCustomer[] {
  if (!(Number.isInteger(customers) && customers >= 0)) throw new RangeError(`syntheticScores: customers must be a whole number >= 0, got ${customers}`);
  if (mixture.length === 0 || mixture.some((m) => !(m.weight > 0))) throw new RangeError("syntheticScores: the mixture needs components with weight > 0");
  if (!(Number.isInteger(outlets) && outlets >= 1)) throw new RangeError(`syntheticScores: outlets must be a whole number >= 1, got ${outlets}`);
  const total = mixture.reduce((s, m) => s + m.weight, 0);
  const out: ScoredCustomer[] = [];
  for (let i = 0; i < customers; i++) {
    let u = rng() * total;
    let component = mixture[mixture.length - 1]!;
    for (const m of mixture) {
      if (u < m.weight) {
        component = m;
        break;
      }
      u -= m.weight;
    }
    const probability = sampleBeta(rng, component.alpha, component.beta);
    const outlet = 1 + Math.floor(rng() * outlets);
    out.push({ customerId: `C${String(i + 1).padStart(6, "0")}`, probability, outletId: `O${String(outlet).padStart(2, "0")}` });
  }
  return out;
}

/**
 * Next week's scores of the same customers: each probability moves by a
 * random step on the log-odds scale, logit p' = logit p + N(0, stepSd),
 * so scores drift and some cross the trigger. Clamped to [1e-6, 1 − 1e-6].
 *
 * @param stepSd weekly log-odds step, >= 0 (default 0.35).
 * @example
 * nextWeekScores(createStream(1, "w2"), week1).length === week1.length; // true
 */
export function nextWeekScores(rng: RandomSource, scores: readonly ScoredCustomer[], stepSd = 0.35): ScoredCustomer[] {
  if (!(stepSd >= 0)) throw new RangeError(`nextWeekScores: stepSd must be >= 0, got ${stepSd}`);
  return scores.map((c) => {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, c.probability));
    const z = Math.log(p / (1 - p)) + (stepSd === 0 ? 0 : sampleNormal(rng, 0, stepSd));
    return { ...c, probability: 1 / (1 + Math.exp(-z)) };
  });
}

/**
 * An illustrative true uplift (churn probability removed by contact) for
 * targeting experiments:
 *
 *   trueUplift = p × min(1, saveRate × factor × (2(1 − p))^gamma)
 *
 * where saveRate is the customer's tier save rate from the plan (the
 * intervention's strength), factor a customer-level Beta(8, 4)/(2/3)
 * responsiveness (mean 1), and (2(1 − p))^gamma equals 1 at p = 0.5.
 * gamma = 0 is the plan's world (the save rate does not depend on risk
 * within a tier); gamma > 0 is Ascarza's (2018) finding that the riskiest
 * customers respond least (at gamma = 1 a p = 0.85 customer keeps 30% of
 * the tier's effect, a p = 0.4 one 120%).
 *
 * @param saveRates one tier save rate per customer, 0..1.
 * @param gamma >= 0 (default 1).
 * @throws RangeError when lengths differ or gamma < 0.
 * @example
 * trueUplifts(rng, [{ customerId: "a", probability: 0.5 }], [0.6], 0)[0]; // 0.5 × 0.6 × factor
 */
export function trueUplifts(rng: RandomSource, scores: readonly ScoredCustomer[], saveRates: readonly number[], gamma = 1): number[] {
  if (saveRates.length !== scores.length) throw new RangeError(`trueUplifts: ${scores.length} customers but ${saveRates.length} save rates`);
  if (!(gamma >= 0)) throw new RangeError(`trueUplifts: gamma must be >= 0, got ${gamma}`);
  return scores.map((c, i) => {
    const factor = sampleBeta(rng, 8, 4) / (8 / 12);
    const save = Math.min(1, (saveRates[i] as number) * factor * (2 * (1 - c.probability)) ** gamma);
    return c.probability * save;
  });
}

/**
 * A simulated randomised retention test: each customer is treated with
 * probability `treatedShare`, then churns with probability p (control) or
 * p − trueUplift (treated). For Qini curves and uplift estimates in
 * notebooks and tests.
 *
 * @param treatedShare share treated, 0..1 (default 0.5).
 * @throws RangeError when lengths differ, treatedShare is outside [0, 1], or an uplift exceeds its probability.
 * @example
 * simulateExperiment(createStream(1, "ab"), [{ customerId: "a", probability: 0.5 }], [0.2])[0]; // { customerId: "a", treated: true|false, churned: true|false }
 */
export function simulateExperiment(
  rng: RandomSource,
  scores: readonly ScoredCustomer[],
  upliftsTrue: readonly number[],
  treatedShare = 0.5,
): Array<{ customerId: string; treated: boolean; churned: boolean }> {
  if (scores.length !== upliftsTrue.length) throw new RangeError(`simulateExperiment: ${scores.length} customers but ${upliftsTrue.length} uplifts`);
  if (!(treatedShare >= 0 && treatedShare <= 1)) throw new RangeError(`simulateExperiment: treatedShare must be from 0 to 1, got ${treatedShare}`);
  return scores.map((c, i) => {
    const uplift = upliftsTrue[i] as number;
    if (!(uplift <= c.probability + 1e-12))
      throw new RangeError(`simulateExperiment: customer ${c.customerId}: uplift ${uplift} exceeds the churn probability ${c.probability}`);
    const treated = rng() < treatedShare;
    const churned = rng() < (treated ? c.probability - uplift : c.probability);
    return { customerId: c.customerId, treated, churned };
  });
}
