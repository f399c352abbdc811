import type { AbTestPoint } from "../plan/schema";
import { seedPlan } from "../plan/seedPlan";
import { abTestArmSize } from "../plan/tiers";
import type { RandomSource } from "../random/RandomSource";
import { sampleBeta } from "../random/beta";
import { refitCurve, type DecayCurve, type DecayModel } from "./decayFit";
import { pchipInterpolant } from "./pchip";
import { isotonicRegression } from "../models/isotonicRegression";

/**
 * Default customers per A/B arm when the plan does not state them: the seed
 * plan's `abTestArmSize` (src/plan/tiers.ts: its MVP intervenes on ~600
 * people, plan section 7, split over the 4 delay arms = 150 per arm). An
 * assumption, recorded in {@link DecayEvidence.nSource}; for another plan pass
 * `abTestArmSize(plan)` as `assumedN`.
 *
 * @example
 * assumedArmSize(); // 150
 * decayEvidence(seedPlan.timing.abTest).n; // [150, 150, 150, 150]
 */
export function assumedArmSize(): number {
  return abTestArmSize(seedPlan())!;
}

/** The A/B evidence as Beta posteriors of each arm's save rate. */
export interface DecayEvidence {
  delays: number[];
  /** Observed save rates. */
  rates: number[];
  /** Customers per arm. */
  n: number[];
  /** Whether each n was stated in the plan or assumed. */
  nSource: Array<"stated" | "assumed">;
  /** Posterior Beta(alpha, beta) per arm: alpha = 1 + saved, beta = 1 + n − saved (uniform prior). */
  alpha: number[];
  beta: number[];
}

/**
 * Beta posteriors of the save rate of each A/B arm: with a uniform Beta(1, 1)
 * prior and `saved = rate × n` of `n` customers saved, the posterior is
 * Beta(1 + saved, 1 + n − saved) (conjugacy; Gelman et al., Bayesian Data
 * Analysis, 3rd ed., §2.4). Arms without a stated `n` use `assumedN`.
 *
 * @param points the plan's `timing.abTest` (delays increasing, rates 0..1).
 * @param assumedN customers per arm when not stated (default {@link assumedArmSize}, 150 for the seed plan), >= 1.
 * @throws RangeError when there are no points, a rate is outside [0, 1], or assumedN < 1.
 * @example
 * decayEvidence([{ delayDays: 7, saveRate: 0.62, n: 100 }]).alpha; // [63] (and beta [39])
 */
export function decayEvidence(points: readonly AbTestPoint[], assumedN: number = assumedArmSize()): DecayEvidence {
  if (points.length === 0) throw new RangeError("decayEvidence: needs at least one A/B point");
  if (!(assumedN >= 1) || !Number.isFinite(assumedN)) throw new RangeError(`decayEvidence: assumedN must be >= 1, got ${assumedN}`);
  const n = points.map((p) => p.n ?? assumedN);
  points.forEach((p, i) => {
    if (!(p.saveRate >= 0 && p.saveRate <= 1)) throw new RangeError(`decayEvidence: point ${i}: saveRate must be from 0 to 1, got ${p.saveRate}`);
  });
  return {
    delays: points.map((p) => p.delayDays),
    rates: points.map((p) => p.saveRate),
    n,
    nSource: points.map((p) => (p.n === undefined ? "assumed" : "stated")),
    alpha: points.map((p, i) => 1 + p.saveRate * (n[i] as number)),
    beta: points.map((p, i) => 1 + (1 - p.saveRate) * (n[i] as number)),
  };
}

/** How a drawn curve is shaped: a parametric model refitted to the drawn rates, or the monotone interpolation through them. */
export type CurveShape = DecayModel | "pchip";

/**
 * One plausible decay curve given the A/B evidence: draws each arm's save
 * rate from its Beta posterior, then either refits the parametric `shape` to
 * the drawn rates by least squares (smooth, extrapolates) or, for "pchip",
 * makes the drawn rates non-increasing (weighted isotonic regression) and
 * interpolates them monotonically (flat outside the tested delays). This is
 * the posterior (parametric-bootstrap) draw the simulation uses for the
 * timing uncertainty.
 *
 * @param rng the uniform source (e.g. `createStream(seed, "decay")`).
 * @param evidence from {@link decayEvidence}.
 * @param shape default "logistic-plateau" (the least-squares AIC choice on the seed plan).
 * @throws RangeError when evidence has fewer than 2 arms.
 * @example
 * const curve = drawDecayCurve(createStream(42, "decay"), decayEvidence(seedPlan.timing.abTest));
 * curve(14); // a save rate near 0.53
 */
export function drawDecayCurve(rng: RandomSource, evidence: DecayEvidence, shape: CurveShape = "logistic-plateau"): DecayCurve {
  if (evidence.delays.length < 2) throw new RangeError("drawDecayCurve: needs at least 2 A/B arms");
  const rates = evidence.alpha.map((a, i) => sampleBeta(rng, a, evidence.beta[i] as number));
  if (shape === "pchip") return pchipInterpolant(evidence.delays, isotonicRegression(rates, evidence.n, "decreasing"));
  return refitCurve(shape, evidence.delays, rates, warmStart(evidence, shape)).curve;
}

/** Unconstrained parameters of each shape fitted to the observed rates, per evidence object: the warm start of every draw. */
const warmStarts = new WeakMap<DecayEvidence, Map<DecayModel, number[]>>();

function warmStart(evidence: DecayEvidence, shape: DecayModel): number[] {
  let byShape = warmStarts.get(evidence);
  if (byShape === undefined) {
    byShape = new Map();
    warmStarts.set(evidence, byShape);
  }
  let start = byShape.get(shape);
  if (start === undefined) {
    start = refitCurve(shape, evidence.delays, evidence.rates).unconstrained;
    byShape.set(shape, start);
  }
  return start;
}

/**
 * A sampler of decay curves for the simulation: `(rng) => curve`, built once
 * from the plan's A/B points.
 *
 * @example
 * const draw = decayCurveSampler(seedPlan.timing.abTest);
 * draw(createStream(1, "decay"))(21); // a save rate near 0.40
 */
export function decayCurveSampler(points: readonly AbTestPoint[], options: { assumedN?: number; shape?: CurveShape } = {}): (rng: RandomSource) => DecayCurve {
  const evidence = decayEvidence(points, options.assumedN ?? assumedArmSize());
  const shape = options.shape ?? "logistic-plateau";
  return (rng) => drawDecayCurve(rng, evidence, shape);
}

/** A pointwise uncertainty band of the decay curve over a grid of delays. */
export interface DecayBand {
  delays: number[];
  median: number[];
  lower: number[];
  upper: number[];
  /** The band's probability levels, e.g. [0.05, 0.95]. */
  levels: [number, number];
  draws: number;
}

/**
 * Pointwise band of the decay curve: `draws` posterior curves
 * ({@link drawDecayCurve}) evaluated on the delay grid, with the median and
 * the `levels` quantiles (type-7 linear interpolation, as R's default) at
 * each delay.
 *
 * @param rng uniform source.
 * @param evidence from {@link decayEvidence}.
 * @param options delays (default 0..35), draws (default 400), levels (default [0.05, 0.95]), shape.
 * @throws RangeError when draws < 2 or the levels are not 0 <= low < high <= 1.
 * @example
 * decayBand(createStream(42, "band"), decayEvidence(seedPlan.timing.abTest)).lower[14]; // ≈ 0.48
 */
export function decayBand(
  rng: RandomSource,
  evidence: DecayEvidence,
  options: { delays?: readonly number[]; draws?: number; levels?: [number, number]; shape?: CurveShape } = {},
): DecayBand {
  const delays = [...(options.delays ?? Array.from({ length: 36 }, (_, i) => i))];
  const draws = options.draws ?? 400;
  const levels = options.levels ?? [0.05, 0.95];
  if (!(Number.isInteger(draws) && draws >= 2)) throw new RangeError(`decayBand: draws must be a whole number >= 2, got ${draws}`);
  if (!(levels[0] >= 0 && levels[0] < levels[1] && levels[1] <= 1))
    throw new RangeError(`decayBand: levels must satisfy 0 <= low < high <= 1, got ${levels.join(", ")}`);
  const columns = delays.map(() => new Float64Array(draws));
  for (let j = 0; j < draws; j++) {
    const curve = drawDecayCurve(rng, evidence, options.shape ?? "logistic-plateau");
    delays.forEach((d, i) => {
      (columns[i] as Float64Array)[j] = curve(d);
    });
  }
  const q = (col: Float64Array, p: number): number => {
    const h = (col.length - 1) * p;
    const lo = Math.floor(h);
    const a = col[lo] as number;
    const b = col[Math.min(lo + 1, col.length - 1)] as number;
    return a + (h - lo) * (b - a);
  };
  for (const col of columns) col.sort();
  return {
    delays,
    median: columns.map((c) => q(c, 0.5)),
    lower: columns.map((c) => q(c, levels[0])),
    upper: columns.map((c) => q(c, levels[1])),
    levels,
    draws,
  };
}
