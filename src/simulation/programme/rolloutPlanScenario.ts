import { rankTiers } from "../../plan/tiers";
import { pchipInterpolant } from "../../actions/pchip";
import { saveRateAfterDelay } from "../../actions/saveRateAfterDelay";
import type { DecayCurve } from "../../actions/decayFit";
import { isotonicRegression } from "../../models/isotonicRegression";
import type { Plan } from "../../plan/index";
import type { ProgrammeSettings } from "./programmeSettings";
import { stageCapacities } from "./stageCapacity";
import { interceptForChurn, noiseForAuc, thresholdsForNoise, type RolloutCalibration } from "../population/rolloutCalibration";
import { monthsOf, type QueueRule, type RolloutScenario, type StageWeeks } from "../population/rolloutScenario";

/** Choices of a rollout run that override the programme settings (all optional; defaults in brackets). */
export interface RolloutPolicy {
  /** Customers simulated [the plan's base]. With fewer, stage sizes, capacities and fixed costs scale by customers / base: a scale model of the plan. */
  customers?: number;
  /** Weeks of the programme simulated [52]. */
  weeks?: number;
  /** Weeks saved customers are followed after the programme, for their cash [0]. */
  tailWeeks?: number;
  /** false: the baseline only [true]. */
  programme?: boolean;
  /** The last stage goes on until the end of the run (beyond the plan's months) [false]. */
  lastStageRunsOn?: boolean;
  /** Contacts per week per tier id at the plan's full scale, in every stage (a staffing study) [the programme's stage capacities]. */
  capacityPerWeek?: Record<string, number>;
  /** Contact no earlier than this many days after the trigger [settings]. */
  minContactDelayDays?: number;
  /** Weeks a saved customer is kept from churning after the contact week [settings]. */
  protectionWeeks?: number;
  /** Weeks after a contact before a customer may be flagged again [settings]. */
  cooldownWeeks?: number;
  /** Flags waiting longer than this many days are dropped unserved [settings]. */
  maxWaitDays?: number;
  /** Which flags a saturated channel serves first [settings]. */
  queueRule?: QueueRule;
  /** Correlation of two contacts' save outcomes for one customer [settings]. */
  saveCorrelation?: number;
}

/**
 * The programme settings with a policy's overrides applied (capacity
 * overrides go into `capacityPerWeek` and clear stage-specific ones).
 *
 * @example
 * settingsWithPolicy(settings, { queueRule: "oldest-first" }).queueRule // "oldest-first"
 */
export function settingsWithPolicy(settings: ProgrammeSettings, policy: RolloutPolicy): ProgrammeSettings {
  const out: ProgrammeSettings = {
    ...settings,
    capacityPerWeek: { ...settings.capacityPerWeek },
    stageCapacityPerWeek: structuredClone(settings.stageCapacityPerWeek),
  };
  if (policy.capacityPerWeek !== undefined) {
    Object.assign(out.capacityPerWeek, policy.capacityPerWeek);
    for (const stage of Object.values(out.stageCapacityPerWeek)) for (const id of Object.keys(policy.capacityPerWeek)) delete stage[id];
  }
  if (policy.minContactDelayDays !== undefined) out.minContactDelayDays = policy.minContactDelayDays;
  if (policy.protectionWeeks !== undefined) out.protectionWeeks = policy.protectionWeeks;
  if (policy.cooldownWeeks !== undefined) out.cooldownWeeks = policy.cooldownWeeks;
  if (policy.maxWaitDays !== undefined) out.maxWaitDays = policy.maxWaitDays;
  if (policy.queueRule !== undefined) out.queueRule = policy.queueRule;
  if (policy.saveCorrelation !== undefined) out.saveCorrelation = policy.saveCorrelation;
  return out;
}

/**
 * The plan's timing decay curve: the monotone PCHIP interpolation through
 * the A/B test's points (src/actions), flat outside the tested delays; rates
 * that rise with the delay (possible when they are drawn from distributions)
 * are first pooled to a non-increasing sequence (isotonic regression).
 *
 * @example
 * planDecayCurve(seedPlan)(14) // 0.55
 */
export function planDecayCurve(plan: Plan): DecayCurve {
  const ab = [...plan.timing.abTest].sort((a, b) => a.delayDays - b.delayDays);
  // Drawn A/B rates can break the order the test measured: pool them back to a non-increasing curve (weights: arm sizes).
  const rates = isotonicRegression(
    ab.map((p) => p.saveRate),
    ab.map((p) => p.n ?? 1),
    "decreasing",
  );
  return pchipInterpolant(
    ab.map((p) => p.delayDays),
    rates,
  );
}

/**
 * Week of a month boundary: round(month × 52 / 12).
 *
 * @example
 * weekOfMonth(3) // 13
 */
function weekOfMonth(month: number): number {
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
 * Fixed (non-intervention) costs by month, yuan: one-time lines spread evenly
 * over the months of the first rollout stage (the set-up happens during the
 * MVP), annual lines that pay for no tier (model upkeep, cloud) spread over
 * twelve months, and the routine spend on tiers no stage intervenes on
 * (budget per person × the tier's share × customers a year, times the share
 * of customers in scope that month), as the programme model counts it. Tier
 * lines of intervened tiers are not fixed: the simulation incurs each
 * contact's budget when it happens.
 *
 * @example
 * fixedCostByMonth(seedPlan, 12)[0] // 2,800,000 / 3 + 600,000 / 12 + 1,540,000 × 0.1 / 12 = 996,166.67
 */
export function fixedCostByMonth(plan: Plan, months: number, scale = 1): number[] {
  const first = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart)[0]!;
  const setupMonths = Math.max(1, Math.ceil(first.monthEnd) - Math.floor(first.monthStart));
  const oneTime = plan.costs.oneTime.reduce((s, l) => s + l.amountYuan, 0);
  const annualFixed = plan.costs.annual.filter((l) => l.tierId === undefined).reduce((s, l) => s + l.amountYuan, 0);
  const intervened = new Set(plan.rollout.flatMap((s) => s.interveneTiers));
  const routine = plan.tiers.filter((t) => !intervened.has(t.id)).reduce((s, t) => s + t.budgetYuanPerPerson * t.shareStated * plan.customers, 0);
  const scope = scopeByMonth(plan, months);
  const setup = (m: number): number => (m >= Math.floor(first.monthStart) && m < Math.floor(first.monthStart) + setupMonths ? oneTime / setupMonths : 0);
  return Array.from({ length: months }, (_, m) => scale * (setup(m) + annualFixed / 12 + (routine * scope[m]!) / 12));
}

/** Customers in scope per month of a horizon, as a share of the plan's customers: each stage's customers over its months, the last stage's after it. */
export function scopeByMonth(plan: Plan, months: number): Float64Array {
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  const last = stages[stages.length - 1]!;
  return Float64Array.from({ length: months }, (_, m) => {
    const stage = stages.find((s) => m + 0.5 >= s.monthStart && m + 0.5 < s.monthEnd) ?? (m + 0.5 >= last.monthEnd ? last : undefined);
    return stage === undefined ? 0 : Math.min(1, stage.customers / plan.customers);
  });
}

/** Save probability table by tier number and half-day of delay (the kernel's `saveProbabilityByHalfDay`). */
function saveTable(plan: Plan, curve: DecayCurve, halfDays: number): number[] {
  const ranked = rankTiers(plan);
  const reference = plan.timing.bestWindowDays[0];
  const table: number[] = [];
  for (let k = 0; k <= ranked.length; k += 1) {
    const tier = k === 0 ? undefined : ranked[k - 1]!.tier;
    for (let j = 0; j < halfDays; j += 1) table.push(tier === undefined ? 0 : saveRateAfterDelay(tier, j / 2, curve, reference));
  }
  return table;
}

/** Stages in weeks with their tiers, scaled sizes and capacities; snapshot weeks for the gates' AUCs. */
function stagesInWeeks(
  plan: Plan,
  settings: ProgrammeSettings,
  weeks: number,
  scale: number,
  runOn: boolean,
): { stages: StageWeeks[]; snapshotWeeks: number[]; snapshotCustomers: number } {
  const ranked = rankTiers(plan);
  const numberOf = new Map(ranked.map((r) => [r.tier.id, r.tierNumber]));
  const capacities = stageCapacities(plan, settings);
  const stages: StageWeeks[] = [...plan.rollout]
    .sort((a, b) => a.monthStart - b.monthStart)
    .map((s, j, all) => ({
      id: s.id,
      weekStart: weekOfMonth(s.monthStart),
      weekEnd: runOn && j === all.length - 1 ? weeks : Math.min(weeks, weekOfMonth(s.monthEnd)),
      customers: Math.round(Math.min(s.customers, plan.customers) * scale),
      tierMask: s.interveneTiers.reduce((m, id) => m | (1 << (numberOf.get(id) ?? 0)), 0) & ~1,
      budgetYuan: s.budgetYuan,
      capacityPerWeek: [0, ...ranked.map((r) => (capacities.find((c) => c.stageId === s.id && c.tierId === r.tier.id)?.perWeek ?? 0) * scale)],
    }));
  const snapshotWeeks: number[] = [];
  let snapshotCustomers = 0;
  stages.forEach((s, j) => {
    if (j === stages.length - 1) return;
    for (let w = s.weekStart; w + 4 <= s.weekEnd; w += 4) snapshotWeeks.push(w);
    snapshotCustomers = Math.max(snapshotCustomers, s.customers);
  });
  return { stages, snapshotWeeks, snapshotCustomers };
}

/**
 * The kernel's scenario for a plan, a calibration, a model AUC and the
 * programme settings (optionally a policy's overrides, a decay curve,
 * default {@link planDecayCurve}, and the value-first rule's contact
 * priorities from the programme model): tiers ranked by band (tier 1
 * highest), tier bounds from the calibration (the plan's shares at this
 * AUC), churn intercept for the plan's churnBefore, stages in weeks with
 * their tiers, scaled sizes and capacities (`stageCapacities`), save rates
 * by delay, budgets, the value per save and the fixed costs. Snapshots for
 * the gates' AUCs: every 4 weeks within each stage that has a successor.
 *
 * @throws RangeError when the AUC or churn is outside the calibration, or the policy is out of range.
 * @example
 * rolloutScenarioFor(seedPlan, cal, 0.85, settings).stages.map((s) => s.weekStart) // [0, 13, 26]
 */
export function rolloutScenarioFor(
  plan: Plan,
  cal: RolloutCalibration,
  modelAuc: number,
  programme: ProgrammeSettings,
  policy: RolloutPolicy = {},
  decay?: DecayCurve,
  contactPriority: number[] = [],
): RolloutScenario {
  const settings = settingsWithPolicy(programme, policy);
  const base = plan.customers;
  const customers = policy.customers ?? base;
  if (!(Number.isSafeInteger(customers) && customers >= 1)) throw new RangeError(`customers must be an integer >= 1, got ${customers}`);
  const weeks = policy.weeks ?? 52;
  if (!(Number.isSafeInteger(weeks) && weeks >= 1 && weeks <= 520)) throw new RangeError(`weeks must be an integer 1..520, got ${weeks}`);
  const minDelay = settings.minContactDelayDays;
  if (!(minDelay >= 0 && minDelay <= 365)) throw new RangeError(`minContactDelayDays must be 0..365, got ${minDelay}`);
  if (!(Number.isInteger(settings.protectionWeeks) && settings.protectionWeeks >= 1))
    throw new RangeError(`protectionWeeks must be an integer >= 1, got ${settings.protectionWeeks}`);
  for (const [id, v] of Object.entries(settings.capacityPerWeek)) if (!(v >= 0)) throw new RangeError(`capacity of tier ${id} must be >= 0, got ${v}`);
  if (!(settings.maxWaitDays >= 0)) throw new RangeError(`maxWaitDays must be >= 0, got ${settings.maxWaitDays}`);
  const scale = customers / base;
  const tau = noiseForAuc(cal, modelAuc);
  const { stages, snapshotWeeks, snapshotCustomers } = stagesInWeeks(plan, settings, weeks, scale, policy.lastStageRunsOn === true);
  const halfDays = Math.ceil(2 * Math.max(settings.maxWaitDays, minDelay)) + 2;
  return {
    customers,
    weeks,
    tailWeeks: policy.tailWeeks ?? 0,
    dynamics: { ...cal.dynamics },
    churnIntercept: interceptForChurn(cal, plan.benefits.churnBefore),
    scoreNoiseSd: tau,
    tierThresholds: thresholdsForNoise(cal, tau),
    programme: policy.programme ?? true,
    stages,
    contactCostYuan: [0, ...rankTiers(plan).map((r) => r.tier.budgetYuanPerPerson)],
    saveProbabilityByHalfDay: saveTable(plan, decay ?? planDecayCurve(plan), halfDays),
    saveCorrelation: settings.saveCorrelation,
    minContactDelayDays: minDelay,
    queueRule: settings.queueRule,
    contactPriority,
    maxWaitDays: settings.maxWaitDays,
    protectionWeeks: settings.protectionWeeks,
    cooldownWeeks: settings.cooldownWeeks,
    valuePerSaveYuan: valuePerSaveYuan(plan),
    fixedCostByMonth: fixedCostByMonth(plan, monthsOf(weeks), scale),
    snapshotCustomers,
    snapshotWeeks,
  };
}
