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

/**
 * One reason behind the decision, as a stable id with its numbers, so a page
 * can word it in any language (`reasonText` gives the English sentence).
 * `decisive` marks the reasons the rule decided on.
 */
export type RecommendationReason =
  /** P(first-year lifetime-value ROI above the MVP's ROI line `line`). */
  | { id: "roiLine"; probability: number; line: number; decisive: boolean }
  /** P(NPV over `years` years > 0). */
  | { id: "npvPositive"; probability: number; years: number; decisive: boolean }
  /** The first-year cash ROI (the bridge's end) and its standard error, fractions. */
  | { id: "cashRoi"; value: number; se: number; decisive: boolean }
  /** The MVP gate in the customer-level rollout: P(go) and P(stop at a stop-loss line). */
  | { id: "mvpGate"; probGo: number; probStop: number; decisive: boolean };

/** The ids of {@link RecommendationReason}, in the order the rule lists them. */
export type ReasonId = RecommendationReason["id"];

/**
 * What {@link Recommendation.probability} is the probability of:
 * "gatePass" passing the MVP gate in the rollout; "roiAboveLine" the ROI
 * above the MVP's line (no rollout); "roiBelowLine" the ROI below it;
 * "npvNegative" a negative NPV; "gateStop" the MVP gate stopping the programme.
 */
export type ProbabilityBasis = "gatePass" | "roiAboveLine" | "roiBelowLine" | "npvNegative" | "gateStop";

/** What each {@link ProbabilityBasis} means, in English (the CLI's words). */
export const probabilityMeaning: Readonly<Record<ProbabilityBasis, string>> = {
  gatePass: "the MVP gate passes in the customer-level rollout",
  roiAboveLine: "the first-year lifetime-value ROI beats the MVP line",
  roiBelowLine: "the first-year lifetime-value ROI misses the MVP line",
  npvNegative: "the NPV is negative",
  gateStop: "the MVP gate stops the programme in the customer-level rollout",
};

/** An assumption the ROI turns on: its P10 and P90 and the lifetime-value ROI there (others at base). */
export interface Pivot {
  /** The uncertain input's readable name, e.g. "benefits.ltvYuan". */
  name: string;
  /** Its JSON path in the plan file. */
  path: string;
  p10: number;
  p90: number;
  roiAtP10: number;
  roiAtP90: number;
  /** True when the MVP's ROI line lies between the ROI at P10 and at P90: this assumption alone can move the ROI across it. */
  crossesLine: boolean;
}

/** The recommendation with the probability behind it and the reasons, in words with their numbers. */
export interface Recommendation {
  decision: Decision;
  /** The probability the decision rests on, 0..1 (see {@link recommend}). */
  probability: number;
  /** What `probability` is the probability of. */
  probabilityOf: ProbabilityBasis;
  /** The reasons as English sentences (`reasonText` of each of `reasonItems`). */
  reasons: string[];
  /** The same reasons as ids with their numbers, for pages in other languages. */
  reasonItems: RecommendationReason[];
  /** The one or two assumptions that would change it most. */
  pivots: Pivot[];
}

/** Probability a plan must reach to go ahead: the plan's own gate, passed with at least this probability. */
export const GO_PROBABILITY = 0.8;
/** Below this probability of meeting its own ROI line, or of a positive NPV, a design is not worth piloting as it stands. */
export const REDESIGN_BELOW = 0.2;

const pct = (x: number): string => `${(x * 100).toFixed(0)}%`;

/**
 * A reason as an English sentence with its numbers (the JSON's `reasons`).
 *
 * @example
 * reasonText({ id: "npvPositive", probability: 0.12, years: 3, decisive: true }) // "3-year NPV positive: 12% of simulated futures"
 */
export function reasonText(r: RecommendationReason): string {
  switch (r.id) {
    case "roiLine":
      return `first-year ROI on lifetime value above the MVP line of ${pct(r.line)}: ${pct(r.probability)} of simulated futures`;
    case "npvPositive":
      return `${r.years}-year NPV positive: ${pct(r.probability)} of simulated futures`;
    case "cashRoi":
      return `first-year cash ROI ${pct(r.value)} (±${(r.se * 100).toFixed(1)} points)`;
    case "mvpGate":
      return `MVP gate in the customer-level rollout: go ${pct(r.probGo)}, stop-loss ${pct(r.probStop)}`;
  }
}

/** The decision and the probability behind it, with the reasons it was decided on. */
function decide(ev: DecisionEvidence): { decision: Decision; probability: number; probabilityOf: ProbabilityBasis; decisive: Set<ReasonId> } {
  const gate = ev.mvpGate;
  const pass = gate?.probGo ?? ev.probRoiAboveLine;
  const passBasis: ProbabilityBasis = gate === undefined ? "roiAboveLine" : "gatePass";
  const passReason: ReasonId = gate === undefined ? "roiLine" : "mvpGate";
  if (pass >= GO_PROBABILITY && ev.probNpvPositive >= GO_PROBABILITY) {
    return { decision: "go", probability: pass, probabilityOf: passBasis, decisive: new Set([passReason, "npvPositive"]) };
  }
  const roiWeaker = ev.probRoiAboveLine <= ev.probNpvPositive;
  const weakest = Math.min(ev.probRoiAboveLine, ev.probNpvPositive);
  if (weakest < REDESIGN_BELOW) {
    const decisive = new Set<ReasonId>();
    if (ev.probRoiAboveLine < REDESIGN_BELOW) decisive.add("roiLine");
    if (ev.probNpvPositive < REDESIGN_BELOW) decisive.add("npvPositive");
    return { decision: "redesign", probability: 1 - weakest, probabilityOf: roiWeaker ? "roiBelowLine" : "npvNegative", decisive };
  }
  if (gate !== undefined && gate.probStop > gate.probGo) {
    return { decision: "redesign", probability: gate.probStop, probabilityOf: "gateStop", decisive: new Set(["mvpGate"]) };
  }
  return { decision: "pilot-first", probability: pass, probabilityOf: passBasis, decisive: new Set([passReason]) };
}

/**
 * The recommendation, by a fixed rule on the plan's own gate and stop-loss
 * lines (evaluated in the simulations):
 * - "go" when the MVP gate is passed (every success line met, so the plan
 *   says scale up) with probability >= 80% and the NPV is positive with
 *   probability >= 80%; the probability is P(pass);
 * - "redesign" when the programme meets its own ROI line with probability
 *   < 20%, or its NPV is positive with probability < 20% (the probability is
 *   that of the likelier failure: 1 − the lower of the two); or when the MVP
 *   gate stops it (AUC below the pause line or save rate below the redesign
 *   line) more often than it lets it go (the probability is P(stop)):
 *   piloting this design would most likely end at a stop-loss line;
 * - "pilot-first" otherwise: the outcome is uncertain and the MVP's gate is
 *   the cheap way to learn it; the probability is P(pass).
 * Pass is the rollout's P(go) at the MVP gate, or P(ROI above the line) when
 * the rollout was not run. The reasons come as ids with their numbers
 * (`reasonItems`) and as English sentences (`reasons`); the pivots are the
 * two widest tornado bars.
 *
 * @example
 * recommend({ probRoiAboveLine: 0, roiLine: 2, probNpvPositive: 0, npvYears: 3, cashRoi: { value: -0.9, se: 0.001 }, drivers: [] })
 * // { decision: "redesign", probability: 1, probabilityOf: "roiBelowLine", reasons: [...3 sentences], reasonItems: [...], pivots: [] }
 */
export function recommend(ev: DecisionEvidence): Recommendation {
  const { decision, probability, probabilityOf, decisive } = decide(ev);
  const reasonItems: RecommendationReason[] = [
    { id: "roiLine", probability: ev.probRoiAboveLine, line: ev.roiLine, decisive: decisive.has("roiLine") },
    { id: "npvPositive", probability: ev.probNpvPositive, years: ev.npvYears, decisive: decisive.has("npvPositive") },
    { id: "cashRoi", value: ev.cashRoi.value, se: ev.cashRoi.se, decisive: false },
  ];
  const gate = ev.mvpGate;
  if (gate !== undefined) reasonItems.push({ id: "mvpGate", probGo: gate.probGo, probStop: gate.probStop, decisive: decisive.has("mvpGate") });
  const pivots = ev.drivers.slice(0, 2).map((b): Pivot => {
    const lo = Math.min(b.outputAtP10, b.outputAtP90);
    const hi = Math.max(b.outputAtP10, b.outputAtP90);
    const crossesLine = lo < ev.roiLine && hi >= ev.roiLine;
    return { name: b.name, path: b.path, p10: b.p10, p90: b.p90, roiAtP10: b.outputAtP10, roiAtP90: b.outputAtP90, crossesLine };
  });
  return { decision, probability, probabilityOf, reasons: reasonItems.map(reasonText), reasonItems, pivots };
}
