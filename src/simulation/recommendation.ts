import type { TornadoBar } from "./montecarlo/sensitivity";

/** What the CEO page recommends: roll out as planned, run the pilot first and decide at its gate, or change the programme before spending. */
export type Decision = "go" | "pilot-first" | "redesign";

/** The evidence the rule reads (probabilities as fractions). */
export interface DecisionEvidence {
  /** The MVP gate in the customer-level rollout: P(go), P(stop: pause or redesign); undefined when the rollout was not run. */
  mvpGate?: { probGo: number; probStop: number } | undefined;
  /** P(first-year lifetime-value ROI > the MVP's ROI line) in the programme model's Monte Carlo, and that line (2 = 200%). */
  probRoiAboveLine: number;
  roiLine: number;
  /** P(NPV over the horizon > 0) in the programme model's Monte Carlo, and the horizon in years. */
  probNpvPositive: number;
  npvYears: number;
  /** The programme's first-year cash ROI (the bridge's end) and its standard error. */
  cashRoi: { value: number; se: number };
  /** The inputs the programme's ROI turns on most (tornado bars, widest first). */
  drivers: readonly TornadoBar[];
}

/** The recommendation with the probability behind it and the reasons, in words with their numbers. */
export interface Recommendation {
  decision: Decision;
  /** The probability the decision rests on (see {@link recommend}). */
  probability: number;
  reasons: string[];
  /** The one or two assumptions that would change it most, with the ROI at their P10 and P90 (others at base). */
  pivots: Array<{ name: string; path: string; p10: number; p90: number; roiAtP10: number; roiAtP90: number }>;
}

/** Probability a plan must reach to go ahead: the plan's own gate, passed with at least this probability. */
export const GO_PROBABILITY = 0.8;
/** Below this probability of meeting its own ROI line, or of a positive NPV, a design is not worth piloting as it stands. */
export const REDESIGN_BELOW = 0.2;

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

/**
 * The recommendation, by a fixed rule on the plan's own gate and stop-loss
 * lines (evaluated in the simulations):
 * - "go" when the MVP gate is passed (every success line met, so the plan
 *   says scale up) with probability >= 80% and the NPV is positive with
 *   probability >= 80%; the probability is P(pass);
 * - "redesign" when the programme meets its own ROI line with probability
 *   < 20%, or its NPV is positive with probability < 20%, or the MVP gate
 *   stops it (AUC below the pause line or save rate below the redesign line)
 *   more often than it lets it go: piloting this design would most likely end
 *   at a stop-loss line; the probability is that of failing (1 − the lower
 *   of the two);
 * - "pilot-first" otherwise: the outcome is uncertain and the MVP's gate is
 *   the cheap way to learn it; the probability is P(pass).
 *
 * @example
 * recommend({ probRoiAboveLine: 0, roiLine: 2, probNpvPositive: 0, npvYears: 3, cashRoi: { value: -0.9, se: 0.001 }, drivers: [] }).decision // "redesign"
 */
export function recommend(ev: DecisionEvidence): Recommendation {
  const pass = ev.mvpGate?.probGo ?? ev.probRoiAboveLine;
  const stop = ev.mvpGate?.probStop ?? 0;
  const weakest = Math.min(ev.probRoiAboveLine, ev.probNpvPositive);
  let decision: Decision;
  let probability: number;
  if (pass >= GO_PROBABILITY && ev.probNpvPositive >= GO_PROBABILITY) {
    decision = "go";
    probability = pass;
  } else if (weakest < REDESIGN_BELOW || stop > pass) {
    decision = "redesign";
    probability = 1 - weakest;
  } else {
    decision = "pilot-first";
    probability = pass;
  }
  const reasons = [
    `first-year ROI on lifetime value above the MVP line of ${pct(ev.roiLine)}: ${pct(ev.probRoiAboveLine)} of simulated futures`,
    `${ev.npvYears}-year NPV positive: ${pct(ev.probNpvPositive)}`,
    `first-year cash ROI ${pct(ev.cashRoi.value)} (±${(ev.cashRoi.se * 100).toFixed(1)} points)`,
  ];
  if (ev.mvpGate !== undefined) reasons.push(`MVP gate in the customer-level rollout: go ${pct(ev.mvpGate.probGo)}, stop-loss ${pct(ev.mvpGate.probStop)}`);
  const pivots = ev.drivers.slice(0, 2).map((b) => ({ name: b.name, path: b.path, p10: b.p10, p90: b.p90, roiAtP10: b.outputAtP10, roiAtP90: b.outputAtP90 }));
  return { decision, probability, reasons, pivots };
}
