import type { Plan } from "../plan/schema";
import { createStream } from "../random/createStream";
import type { DecayCurve } from "./decayFit";
import { qiniCurve, upliftBySegment, type QiniCurve, type SegmentUplift } from "./qini";
import { rankTiers, tierOf } from "../plan/tiers";
import type { ScoredCustomer } from "./riskTiers";
import { simulateExperiment, trueUplifts } from "./syntheticScores";
import { compareTargeting, scoreTargets, type TargetingOutcome, type TargetingPolicy } from "./targeting";

/** Options of {@link targetingScenario}. */
export interface TargetingScenarioOptions {
  /** Candidates (scored customers; typically the plan's intervention tiers). */
  customers: readonly ScoredCustomer[];
  plan: Pick<Plan, "tiers" | "benefits" | "timing">;
  curve: DecayCurve;
  /** Budget shared by every policy, yuan. */
  budgetYuan: number;
  /** Responsiveness slope of the true uplift ({@link trueUplifts}): 0 = the plan's world, 1 = Ascarza's. */
  gamma: number;
  /** Master seed; streams "truth-<gamma>", "pilot-<gamma>", "holdout-<gamma>" derive from it. */
  seed: number | string;
  /** Every k-th customer goes to the randomised pilot that estimates uplift (default 4: a quarter). */
  pilotEvery?: number;
  /** Segment of a customer for the uplift estimate (default: probability bins of width 0.1, "p3".."p9"). */
  segmentOf?: (c: ScoredCustomer) => string;
}

/** {@link targetingScenario}'s result. */
export interface TargetingScenario {
  seed: number | string;
  gamma: number;
  /** Customers in the pilot and the remaining customers targeted. */
  pilotSize: number;
  targetSize: number;
  /** Uplift per segment estimated from the pilot (treated vs control). */
  segments: SegmentUplift[];
  /** Each policy on the same budget, evaluated on the true uplift. */
  outcomes: TargetingOutcome[];
  /** Qini curve of each policy's ranking on a simulated randomised holdout of the targeted customers. */
  qini: Array<{ policy: TargetingPolicy; curve: QiniCurve }>;
}

/**
 * A complete, seeded targeting experiment (for notebook 04): draws each
 * customer's true uplift ({@link trueUplifts} with the tier save rates and
 * `gamma`), runs a randomised pilot on every `pilotEvery`-th customer to
 * estimate uplift per segment ({@link upliftBySegment}), then ranks the
 * other customers by risk (the plan), expected value, expected value per
 * yuan and estimated uplift,
 * spends the same budget with each ({@link compareTargeting}, evaluated on
 * the true uplift), and scores each ranking with a Qini curve on a simulated
 * randomised holdout. Segments with an empty arm get uplift 0.
 *
 * @throws RangeError on a bad budget or probabilities (naming the customer), or pilotEvery < 2.
 * @example
 * targetingScenario({ customers, plan, curve, budgetYuan: 300000, gamma: 1, seed: 42 }).outcomes.map((o) => o.policy); // ["risk", "expected-value", "value-per-yuan", "uplift"]
 */
export function targetingScenario(options: TargetingScenarioOptions): TargetingScenario {
  const { customers, plan, curve, gamma, seed } = options;
  const pilotEvery = options.pilotEvery ?? 4;
  if (!(Number.isInteger(pilotEvery) && pilotEvery >= 2)) throw new RangeError(`targetingScenario: pilotEvery must be a whole number >= 2, got ${pilotEvery}`);
  const segmentOf = options.segmentOf ?? ((c: ScoredCustomer) => `p${Math.min(9, Math.floor(c.probability * 10))}`);
  const ranked = rankTiers(plan);
  const saveRates = customers.map((c) => tierOf(c.probability, ranked, c.customerId).tier.saveRate);
  const truth = trueUplifts(createStream(seed, `truth-${gamma}`), customers, saveRates, gamma);
  const pilotIdx: number[] = [];
  const targetIdx: number[] = [];
  customers.forEach((_, i) => {
    (i % pilotEvery === 0 ? pilotIdx : targetIdx).push(i);
  });
  const pilot = simulateExperiment(
    createStream(seed, `pilot-${gamma}`),
    pilotIdx.map((i) => customers[i]!),
    pilotIdx.map((i) => truth[i] as number),
  );
  const segments = upliftBySegment(
    pilot.map((r, k) => ({ segment: segmentOf(customers[pilotIdx[k] as number]!), treated: r.treated, churned: r.churned })),
  ).sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
  const estimate = new Map(segments.map((s) => [s.segment, Number.isFinite(s.uplift) ? s.uplift : 0]));
  const targets = targetIdx.map((i) => {
    const c = customers[i]!;
    return { customerId: c.customerId, probability: c.probability, uplift: estimate.get(segmentOf(c)) ?? 0, trueUplift: truth[i] as number };
  });
  const context = { plan, curve };
  const outcomes = compareTargeting(targets, context, options.budgetYuan);
  const holdout = simulateExperiment(
    createStream(seed, `holdout-${gamma}`),
    targets,
    targets.map((c) => c.trueUplift),
  );
  const scored = scoreTargets(targets, context);
  const scoreBy: Record<TargetingPolicy, (i: number) => number> = {
    risk: (i) => scored[i]?.probability ?? 0,
    "expected-value": (i) => scored[i]?.expectedValueYuan ?? 0,
    "value-per-yuan": (i) => scored[i]?.valuePerYuan ?? 0,
    uplift: (i) => scored[i]?.upliftValueYuan ?? 0,
  };
  const qini = outcomes.map((o) => ({
    policy: o.policy,
    curve: qiniCurve(holdout.map((r, i) => ({ score: scoreBy[o.policy](i), treated: r.treated, churned: r.churned }))),
  }));
  return { seed, gamma, pilotSize: pilotIdx.length, targetSize: targetIdx.length, segments, outcomes, qini };
}
