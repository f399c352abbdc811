import { createStream, standardNormalCdf } from "../../random/index";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { aucStandardError, gateCriteriaFor } from "../rollout/rolloutGates";
import { designPlan } from "./designPlan";
import { type PilotTierFlows, pilotFlows } from "./pilotFlows";
import { type PilotStratum, pooledSaveRate, probSaveRateAbove, saveRateErrorRates, simulateSaveRateErrors, upliftInterval } from "./pilotPower";
import { type DesignAssumptions, defaultDesignAssumptions, planDesign, type ProgrammeDesign } from "./programmeDesign";

/** Options of {@link designPilot}. */
export interface PilotOptions {
  /** The programme design piloted (default the plan's). */
  design?: ProgrammeDesign;
  assumptions?: DesignAssumptions;
  /** Tiers in the pilot (default the design's first stage's). */
  tiers?: string[];
  /** Customers in the pilot city (default the first stage's). */
  customers?: number;
  /** Highest acceptable false-go rate (default 0.05) and false-stop rate (default 0.10). */
  maxFalseGo?: number;
  maxFalseStop?: number;
  /**
   * True save rate of a programme that should be stopped (default the
   * redesign line) and of one that should go (default go line + (go line −
   * redesign line)).
   */
  badRate?: number;
  goodRate?: number;
  /** Candidate enrolment weeks, follow-up weeks and hold-out shares. */
  enrolmentWeeks?: number[];
  followUpWeeks?: number[];
  holdOutShares?: number[];
  /** Seed of the brute-force check and its replications (default 1 and 20,000). */
  seed?: number;
  replications?: number;
}

/** One pilot tier in a candidate pilot. */
export interface PilotTier extends PilotStratum {
  tierId: string;
  flagged: number;
  uplift: ReturnType<typeof upliftInterval>;
}

/** One candidate pilot: its sizes, duration, estimates and error rates. */
export interface PilotCandidate {
  enrolmentWeeks: number;
  followUpWeeks: number;
  durationWeeks: number;
  /** Share of the flagged held out (not contacted) at random in each tier, at least (a channel short of capacity holds out more: every unserved flag). */
  holdOut: number;
  tiers: PilotTier[];
  /** The pooled save rate the pilot will estimate at the design's expected rates, with its standard error and 95% interval. */
  saveRate: { value: number; se: number; lower: number; upper: number };
  errors: { falseGo: number; falseStop: number; power: number };
  /** At the design's own expected save rates (its tiers' base rates): P(the gate goes on the save rate) and P(it says redesign). */
  atExpected: { probGo: number; probRedesign: number };
  /**
   * AUC of 30-day outcomes measured on the pilot city's monthly scores
   * during enrolment: standard error at the go line, false go (true AUC at
   * the pause line) and false pause (true AUC at the go line + its margin
   * over the pause line).
   */
  auc: { scored: number; positives: number; se: number; falseGo: number; falseStop: number };
  /** Expected value given up by not contacting the held-out customers (negative: holding them out saves money), yuan. */
  holdOutCostYuan: number;
  meetsTargets: boolean;
}

/** What `churnlab pilot` returns. */
export interface PilotDesignResult {
  tiers: string[];
  customers: number;
  lines: { goLine: number; stopLine: number; aucGo: number; aucPause: number };
  badRate: number;
  goodRate: number;
  maxFalseGo: number;
  maxFalseStop: number;
  /** The shortest pilot that meets both error targets (undefined when none does within the candidates). */
  recommended: PilotCandidate | undefined;
  /** The plan's own MVP timing (13 weeks, 13 weeks of follow-up) with a 20% hold-out: what it could measure. */
  planMvp: PilotCandidate;
  /** The recommended pilot's error rates by brute force (binomial pilots), with standard errors. */
  verification: ReturnType<typeof simulateSaveRateErrors> | undefined;
  candidates: PilotCandidate[];
  notes: string[];
}

/** One candidate pilot from the flows. */
function candidate(
  flows: readonly PilotTierFlows[],
  e: number,
  f: number,
  h: number,
  o: Required<Pick<PilotOptions, "badRate" | "goodRate">> & {
    lines: PilotDesignResult["lines"];
    customers: number;
    valuePerSave: number;
    churn: number;
    limits: [number, number];
  },
): PilotCandidate {
  // A channel that cannot serve every flag: who is served is randomised, and every unserved flag is in the hold-out.
  const tiers: PilotTier[] = flows.map((t) => {
    const flagged = t.flaggedBy[e]!;
    const treated = Math.max(1, Math.round(Math.min(flagged * (1 - h), t.capacityPerWeek * e)));
    const x = { treated, control: Math.max(1, Math.round(flagged) - treated), controlChurn: Math.max(1e-6, t.churnWithin[f]!), saveRate: t.saveRate };
    return { tierId: t.tierId, flagged, ...x, uplift: upliftInterval(x) };
  });
  const pooled = pooledSaveRate(tiers);
  const err = saveRateErrorRates(tiers, o.lines, o.badRate, o.goodRate);
  const scored = o.customers * Math.max(1, Math.floor(e / 4));
  const positives = Math.max(1, scored * (1 - (1 - o.churn) ** (4 / 52)));
  const aucSe = aucStandardError(o.lines.aucGo, positives, Math.max(1, scored - positives));
  const aucGood = o.lines.aucGo + (o.lines.aucGo - o.lines.aucPause);
  const auc = {
    scored,
    positives,
    se: aucSe,
    falseGo: 1 - standardNormalCdf((o.lines.aucGo - o.lines.aucPause) / aucSe),
    falseStop: standardNormalCdf((o.lines.aucPause - aucGood) / aucSe),
  };
  // Only the held-out customers the channel could have served cost their expected value.
  const holdOutCostYuan = flows.reduce(
    (s, t, i) =>
      s +
      Math.max(0, Math.min(tiers[i]!.flagged, t.capacityPerWeek * e) - tiers[i]!.treated) *
        (t.churnWithinProtection * t.saveRate * o.valuePerSave - t.costYuan),
    0,
  );
  const errors = { falseGo: err.falseGo, falseStop: err.falseStop, power: err.power };
  return {
    enrolmentWeeks: e,
    followUpWeeks: f,
    durationWeeks: e + f,
    holdOut: h,
    tiers,
    saveRate: { value: pooled.saveRate, se: pooled.se, lower: pooled.saveRate - 1.96 * pooled.se, upper: pooled.saveRate + 1.96 * pooled.se },
    errors,
    atExpected: { probGo: probSaveRateAbove(tiers, undefined, o.lines.goLine), probRedesign: 1 - probSaveRateAbove(tiers, undefined, o.lines.stopLine) },
    auc,
    holdOutCostYuan,
    meetsTargets: errors.falseGo <= o.limits[0] && errors.falseStop <= o.limits[1] && auc.falseGo <= o.limits[0] && auc.falseStop <= o.limits[1],
  };
}

/**
 * Designs a pilot that can measure: the MVP with a randomised hold-out in
 * every pilot tier (flagged customers held out at random are the control
 * group), its enrolment and follow-up chosen as the shortest (then the
 * cheapest hold-out) among the candidates that keep the gate's false-go
 * rate (save rate truly at `badRate`, measured above the go line) and
 * false-stop rate (truly at `goodRate`, measured below the redesign line)
 * within their limits, for the save rate (pooled over the tiers,
 * `saveRateErrorRates`) and for the AUC (Hanley–McNeil standard error on
 * the pilot city's monthly scores). The flows come from the design on a
 * panel of the pilot city (`pilotFlows`). The recommended pilot's error
 * rates are checked by brute force (`simulateSaveRateErrors`).
 *
 * @example
 * designPilot(plan).recommended?.durationWeeks // the weeks the pilot needs
 */
export function designPilot(plan: UncertainPlan, options: PilotOptions = {}): PilotDesignResult {
  const base = plan.base;
  const design = options.design ?? planDesign(base, plan.assumptions.programme);
  const assumptions = options.assumptions ?? defaultDesignAssumptions;
  const run = designPlan(base, plan.assumptions.programme, design, assumptions);
  const first = [...run.plan.rollout].map((s, i) => ({ s, i })).sort((a, b) => a.s.monthStart - b.s.monthStart)[0]!;
  const gate = gateCriteriaFor(base, [...base.rollout].map((s, i) => ({ s, i })).sort((a, b) => a.s.monthStart - b.s.monthStart)[0]!.i);
  const tiers = options.tiers ?? first.s.interveneTiers;
  if (tiers.length === 0) throw new RangeError("the pilot has no tier to contact");
  const customers = options.customers ?? first.s.customers;
  const lines = { goLine: gate.saveRateMin, stopLine: gate.saveRateRedesign, aucGo: gate.aucMin, aucPause: gate.aucPause };
  const badRate = options.badRate ?? lines.stopLine;
  const goodRate = options.goodRate ?? Math.min(0.99, lines.goLine + (lines.goLine - lines.stopLine));
  const limits: [number, number] = [options.maxFalseGo ?? 0.05, options.maxFalseStop ?? 0.1];
  const flows = pilotFlows(plan, design, assumptions, tiers, customers);
  const b = base.benefits;
  const valuePerSave = run.settings.annualMarginYuan * (run.settings.protectionWeeks / 52) + b.referralRate * b.referralsPerReferrer * b.newCustomerValueYuan;
  const ctx = { badRate, goodRate, lines, customers, valuePerSave, churn: b.churnBefore, limits };
  const es = options.enrolmentWeeks ?? [2, 4, 6, 8, 10, 13, 17, 21, 26, 39, 52];
  const fs = options.followUpWeeks ?? [4, 8, 13, 26];
  const hs = options.holdOutShares ?? [0.1, 0.2, 0.3, 0.4, 0.5];
  const candidates = es.flatMap((e) => fs.flatMap((f) => hs.map((h) => candidate(flows, e, f, h, ctx))));
  const ok = candidates.filter((c) => c.meetsTargets).sort((x, y) => x.durationWeeks - y.durationWeeks || x.holdOutCostYuan - y.holdOutCostYuan);
  const recommended = ok[0];
  const verification =
    recommended === undefined
      ? undefined
      : simulateSaveRateErrors(createStream(options.seed ?? 1, "pilot-check"), recommended.tiers, lines, badRate, goodRate, options.replications ?? 20_000);
  return {
    tiers: [...tiers],
    customers,
    lines,
    badRate,
    goodRate,
    maxFalseGo: limits[0],
    maxFalseStop: limits[1],
    recommended,
    planMvp: candidate(flows, 13, 13, 0.2, ctx),
    verification,
    candidates,
    notes: [
      "the plan's MVP has no control group: its save rate cannot be measured; every candidate here holds out a random share of each tier's flagged customers",
      `false go: the measured save rate is above ${lines.goLine} although the true one is ${badRate}; ` +
        `false stop: it is below ${lines.stopLine} although the true one is ${goodRate}`,
      "the save rate is 1 − treated churn / hold-out churn within the follow-up, pooled over the tiers by their flagged customers " +
        "(delta-method standard error; error rates by Fieller's normal approximation, checked by binomial simulation)",
      "when a channel cannot serve every flag, randomising who is served makes the unserved a hold-out at no cost",
    ],
  };
}
