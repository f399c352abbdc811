import { rankTiers } from "../actions/riskTiers";
import { pchipInterpolant } from "../actions/pchip";
import { saveRateAfterDelay } from "../actions/saveRateAfterDelay";
import type { DecayCurve } from "../actions/decayFit";
import type { Plan } from "../plan/index";
import { interceptForChurn, noiseForAuc, thresholdsForNoise, type RolloutCalibration } from "./rolloutCalibration";
import { monthsOf, type RolloutScenario, type StageWeeks } from "./rolloutScenario";

/** Choices of a rollout run that are not in the plan (all optional; defaults in brackets). */
export interface RolloutPolicy {
  /** Customers simulated [the plan's base]. With fewer, stage sizes, capacities and fixed costs scale by customers / base: a scale model of the plan. */
  customers?: number;
  /** Weeks simulated [52]. */
  weeks?: number;
  /** false: the baseline only [true]. */
  programme?: boolean;
  /**
   * Contacts per week per tier id at the plan's full scale [{@link defaultCapacityPerWeek}]:
   * director visits (tier 1), advisor calls (tier 2), automated messages
   * (tier 3); a tier not listed has no limit.
   */
  capacityPerWeek?: Record<string, number>;
  /** Contact no earlier than this many days after the trigger [0: as soon as capacity allows]. */
  minContactDelayDays?: number;
  /** Weeks a saved customer is kept from churning after the contact week [52]. */
  protectionWeeks?: number;
  /** Flags waiting longer than this many days are dropped unserved [30: the plan's horizon]. */
  maxWaitDays?: number;
  /** Which flags a saturated channel serves first ["oldest-first"]; "newest-first" serves the freshest. */
  queueOrder?: "oldest-first" | "newest-first";
}

/**
 * Default weekly contact capacity at the plan's full scale (200,000
 * customers), per tier id: 150 director home visits (the plan budgets 6,000
 * tier-1 customers a year, 115 a week), 50 advisors (the regional stage
 * trains 50) × 8 calls a week = 400 advisor calls (16,000 a year is 308 a
 * week), and automated messages without limit.
 */
export const defaultCapacityPerWeek: Readonly<Record<string, number>> = { "very-high": 150, high: 400, medium: Number.POSITIVE_INFINITY };

/** Calls one advisor makes in a week under {@link defaultCapacityPerWeek}. */
export const callsPerAdvisorPerWeek = 8;

/**
 * The plan's timing decay curve as a point estimate: the monotone PCHIP
 * interpolation through the A/B test's points (src/actions), flat outside
 * the tested delays.
 *
 * @example
 * planDecayCurve(seedPlan)(14) // 0.55
 */
export function planDecayCurve(plan: Plan): DecayCurve {
  const ab = [...plan.timing.abTest].sort((a, b) => a.delayDays - b.delayDays);
  return pchipInterpolant(
    ab.map((p) => p.delayDays),
    ab.map((p) => p.saveRate),
  );
}

/**
 * Week of a month boundary: round(month × 52 / 12).
 *
 * @example
 * weekOfMonth(3) // 13
 */
export function weekOfMonth(month: number): number {
  return Math.round((month * 52) / 12);
}

/**
 * The plan's value of one retained customer: lifetime value + referral rate ×
 * referrals per referrer × a new customer's first-year value, yuan.
 *
 * @example
 * valuePerSaveYuan(seedPlan) // 4000 + 0.15 × 1.2 × 800 = 4144
 */
export function valuePerSaveYuan(plan: Plan): number {
  const b = plan.benefits;
  return b.ltvYuan + b.referralRate * b.referralsPerReferrer * b.newCustomerValueYuan;
}

/**
 * The plan's first-year cost from its lines (one-time + annual, as stated line by line), yuan.
 *
 * @example
 * planFirstYearCostYuan(seedPlan) // 2,800,000 + 8,040,000 = 10,840,000
 */
export function planFirstYearCostYuan(plan: Plan): number {
  return plan.costs.oneTime.reduce((s, l) => s + l.amountYuan, 0) + plan.costs.annual.reduce((s, l) => s + l.amountYuan, 0);
}

/**
 * Fixed (non-intervention) costs by month, yuan: one-time lines spread evenly
 * over the months of the first rollout stage (the set-up happens during the
 * MVP), annual lines that pay for no tier (model upkeep, cloud) spread over
 * twelve months. Tier lines are not fixed: the simulation incurs each
 * contact's budget when it happens.
 *
 * @example
 * fixedCostByMonth(seedPlan, 12)[0] // 2,800,000 / 3 + 600,000 / 12 = 983,333.33
 */
export function fixedCostByMonth(plan: Plan, months: number, scale = 1): number[] {
  const first = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart)[0]!;
  const setupMonths = Math.max(1, Math.ceil(first.monthEnd) - Math.floor(first.monthStart));
  const oneTime = plan.costs.oneTime.reduce((s, l) => s + l.amountYuan, 0);
  const annualFixed = plan.costs.annual.filter((l) => l.tierId === undefined).reduce((s, l) => s + l.amountYuan, 0);
  return Array.from({ length: months }, (_, m) => scale * ((m >= Math.floor(first.monthStart) && m < Math.floor(first.monthStart) + setupMonths ? oneTime / setupMonths : 0) + annualFixed / 12));
}

/**
 * The kernel's scenario for a plan, a calibration and a model AUC (and
 * optionally a decay curve, default {@link planDecayCurve}): tiers
 * ranked by band (tier 1 highest), tier bounds from the calibration (the
 * plan's shares at this AUC), churn intercept for the plan's churnBefore,
 * stages in weeks with their tiers and scaled sizes, capacities, save rates,
 * budgets, the timing A/B test, the value per save and the fixed costs.
 * Snapshots for the gates' AUCs: every 4 weeks within each stage that has a
 * successor (while the 4-week outcome falls inside the stage).
 *
 * @throws RangeError when the AUC or churn is outside the calibration, or the policy is out of range.
 * @example
 * rolloutScenarioFor(seedPlan, cal, 0.85).stages.map((s) => s.weekStart) // [0, 13, 26]
 */
export function rolloutScenarioFor(plan: Plan, cal: RolloutCalibration, modelAuc: number, policy: RolloutPolicy = {}, decay?: DecayCurve): RolloutScenario {
  const base = plan.customers;
  const customers = policy.customers ?? base;
  if (!(Number.isSafeInteger(customers) && customers >= 1)) throw new RangeError(`customers must be an integer >= 1, got ${customers}`);
  const weeks = policy.weeks ?? 52;
  if (!(Number.isSafeInteger(weeks) && weeks >= 1 && weeks <= 520)) throw new RangeError(`weeks must be an integer 1..520, got ${weeks}`);
  const minDelay = policy.minContactDelayDays ?? 0;
  if (!(minDelay >= 0 && minDelay <= 365)) throw new RangeError(`minContactDelayDays must be 0..365, got ${minDelay}`);
  const protectionWeeks = policy.protectionWeeks ?? 52;
  if (!(Number.isInteger(protectionWeeks) && protectionWeeks >= 1)) throw new RangeError(`protectionWeeks must be an integer >= 1, got ${protectionWeeks}`);
  const scale = customers / base;
  const ranked = rankTiers(plan);
  const numberOf = new Map(ranked.map((r) => [r.tier.id, r.tierNumber]));
  const capacities = { ...defaultCapacityPerWeek, ...(policy.capacityPerWeek ?? {}) };
  for (const [id, v] of Object.entries(capacities)) if (!(v >= 0)) throw new RangeError(`capacity of tier ${id} must be >= 0, got ${v}`);
  const tau = noiseForAuc(cal, modelAuc);
  const sortedStages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  const stages: StageWeeks[] = sortedStages.map((s) => ({
    id: s.id,
    weekStart: weekOfMonth(s.monthStart),
    weekEnd: Math.min(weeks, weekOfMonth(s.monthEnd)),
    customers: Math.round(Math.min(s.customers, base) * scale),
    tierMask: s.interveneTiers.reduce((m, id) => m | (1 << (numberOf.get(id) ?? 0)), 0) & ~1,
    budgetYuan: s.budgetYuan,
  }));
  const snapshotWeeks: number[] = [];
  let snapshotCustomers = 0;
  stages.forEach((s, j) => {
    if (j === stages.length - 1) return;
    for (let w = s.weekStart; w + 4 <= s.weekEnd; w += 4) snapshotWeeks.push(w);
    snapshotCustomers = Math.max(snapshotCustomers, s.customers);
  });
  const perTier = (f: (tierId: string) => number): number[] => [0, ...ranked.map((r) => f(r.tier.id))];
  const maxWaitDays = policy.maxWaitDays ?? plan.predictionHorizonDays;
  if (!(maxWaitDays >= 0)) throw new RangeError(`maxWaitDays must be >= 0, got ${maxWaitDays}`);
  const curve = decay ?? planDecayCurve(plan);
  const reference = plan.timing.bestWindowDays[0];
  const halfDays = Math.ceil(2 * Math.max(maxWaitDays, minDelay)) + 2;
  const saveTable: number[] = [];
  for (let k = 0; k <= ranked.length; k += 1) {
    const tier = k === 0 ? undefined : ranked[k - 1]!.tier;
    for (let j = 0; j < halfDays; j += 1) saveTable.push(tier === undefined ? 0 : saveRateAfterDelay(tier, j / 2, curve, reference));
  }
  return {
    customers,
    weeks,
    dynamics: { ...cal.dynamics },
    churnIntercept: interceptForChurn(cal, plan.benefits.churnBefore),
    scoreNoiseSd: tau,
    tierThresholds: thresholdsForNoise(cal, tau),
    programme: policy.programme ?? true,
    stages,
    capacityPerWeek: perTier((id) => (capacities[id] ?? Number.POSITIVE_INFINITY) * scale),
    contactCostYuan: perTier((id) => plan.tiers.find((t) => t.id === id)!.budgetYuanPerPerson),
    saveProbabilityByHalfDay: saveTable,
    minContactDelayDays: minDelay,
    maxWaitDays,
    queueOrder: policy.queueOrder ?? "oldest-first",
    protectionWeeks,
    valuePerSaveYuan: valuePerSaveYuan(plan),
    fixedCostByMonth: fixedCostByMonth(plan, monthsOf(weeks), scale),
    snapshotCustomers,
    snapshotWeeks,
  };
}
