import { rankTiers } from "../../actions/riskTiers";
import type { Plan } from "../../plan/index";
import { FastRng } from "../../random/FastRng";
import { calibrateRollout, type RolloutCalibration } from "../rolloutCalibration";
import { runRolloutKernel } from "../rolloutKernel";
import { planDecayCurve, type RolloutPolicy, rolloutScenarioFor, scopeByMonth, settingsWithPolicy, weekOfMonth } from "../rolloutPlanScenario";
import { defaultRolloutDynamics, type RolloutDynamics } from "../rolloutScenario";
import { type Cohorts, cohortSurvival, flagCohorts } from "./cohorts";
import { type ProgrammeBasis, programmeBasis, type ServicePolicy } from "./programmeBasis";
import type { ProgrammeSettings } from "./programmeSettings";
import { populationTablesFrom } from "./populationTables";
import { type StageTierCapacity, stageCapacities } from "./stageCapacity";
import { contactDelayDays } from "../rolloutQueues";
import { saveRateAfterDelay } from "../../actions/saveRateAfterDelay";

/** Options of {@link buildProgrammeModel}. */
export interface ProgrammeModelOptions {
  /** Customers of the panel the flows are measured on (default 100,000). */
  panelCustomers?: number;
  /** Seed of the panel (default "programme-panel"): the same customers at every grid point. */
  seed?: string;
  /** Overrides of the latent-risk dynamics. */
  dynamics?: Partial<RolloutDynamics>;
  /** A calibration made before (it depends on the dynamics, churnBefore and the tier shares only). */
  calibration?: RolloutCalibration;
  /** Annual churn rates to measure the flows at (default: the plan's churnBefore only); the plan's value must be one of them. */
  churnGrid?: number[];
  /** Model AUCs to measure the flows at (default: the settings' modelAuc only). */
  aucGrid?: number[];
  /** Channels without capacity limits (default false). */
  unlimitedCapacity?: boolean;
  /** A perfect model (the true risk as the score: AUC grid = the oracle AUC). */
  perfectModel?: boolean;
  /** Overrides of the settings (queue rule, delays, a staffing study's capacity). */
  policy?: RolloutPolicy;
}

/** The programme model of one plan: its flows measured on a grid of (annual churn, model AUC) and worked through the channels. */
export interface ProgrammeModel {
  plan: Plan;
  settings: ProgrammeSettings;
  capacities: StageTierCapacity[];
  calibration: RolloutCalibration;
  churnGrid: number[];
  aucGrid: number[];
  /** One basis per grid point, churn-major: entry i · aucGrid.length + j. */
  bases: ProgrammeBasis[];
  /** Expected saves per contact by tier number and age at the plan's values (entry k · A + a): the value-first rule's order. */
  contactPriority: number[];
  /** Share of the plan's customers in scope per month of the horizon. */
  scopeByMonth: Float64Array;
  /** Months of the first stage (one-time costs are spread over them). */
  setupFrom: number;
  setupTo: number;
  panelCustomers: number;
  unlimitedCapacity: boolean;
  perfectModel: boolean;
}

const ageCount = (settings: ProgrammeSettings): number => Math.max(0, Math.floor((Math.max(settings.maxWaitDays, settings.minContactDelayDays) - 3.5) / 7)) + 1;

/** Capacity per tier and week of the horizon at full scale: each stage's, then the last stage's. */
function capacityByWeek(plan: Plan, capacities: StageTierCapacity[], H: number, unlimited: boolean): Float64Array {
  const K = plan.tiers.length;
  const out = new Float64Array((K + 1) * H);
  const stages = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart);
  for (let t = 0; t < H; t += 1) {
    const stage = stages.find((s) => t >= weekOfMonth(s.monthStart) && t < weekOfMonth(s.monthEnd)) ?? (t >= weekOfMonth(stages[stages.length - 1]!.monthEnd) ? stages[stages.length - 1]! : undefined);
    if (stage === undefined) continue;
    // A stage's capacity serves its own scope, which is what the full-scale flows of that week are.
    for (const c of capacities) if (c.stageId === stage.id) out[c.tierNumber * H + t] = unlimited ? Number.POSITIVE_INFINITY : c.perWeek;
  }
  return out;
}

/** Expected saves per contact by tier and age: P(churn within the protection after the contact | still there) × the save probability. */
function contactPriority(plan: Plan, settings: ProgrammeSettings, cohorts: Cohorts, A: number): number[] {
  const ranked = rankTiers(plan);
  const K = ranked.length;
  const H = cohorts.horizonWeeks;
  const curve = planDecayCurve(plan);
  const out = new Array<number>((K + 1) * A).fill(0);
  for (let k = 1; k < K; k += 1) {
    for (let a = 0; a < A; a += 1) {
      let alive = 0;
      let churners = 0;
      for (let f = 0; f < Math.min(52, H); f += 1) {
        const n = cohorts.flags[k * H + f]!;
        if (!(n > 0)) continue;
        const s = cohortSurvival(cohorts, k, f, a);
        const later = cohortSurvival(cohorts, k, f, Math.min(H - 1 - f, a + settings.protectionWeeks));
        alive += n * s;
        churners += n * (s - later);
      }
      const save = saveRateAfterDelay(ranked[k - 1]!.tier, contactDelayDays(a, settings.minContactDelayDays), curve, plan.timing.bestWindowDays[0]);
      out[k * A + a] = alive > 0 ? (churners / alive) * save : 0;
    }
  }
  return out;
}

/** Ages in service order per tier for a rule (value-first: by priority, highest first). */
export function serviceOrder(settings: ProgrammeSettings, priority: readonly number[], K: number, A: number): number[][] {
  const ages = Array.from({ length: A }, (_, a) => a);
  return Array.from({ length: K + 1 }, (_, k) => {
    if (settings.queueRule === "oldest-first") return [...ages].reverse();
    if (settings.queueRule === "newest-first") return ages;
    return ages.filter((a) => priority[k * A + a]! > 0).sort((x, y) => priority[k * A + y]! - priority[k * A + x]! || x - y);
  });
}

/** The panel run at one grid point: flows with every flag contacted at once and every contact a save. */
function measureCohorts(plan: Plan, settings: ProgrammeSettings, cal: RolloutCalibration, churn: number, auc: number, panel: number, seed: string, H: number): { cohorts: Cohorts; afterProtection: Float64Array } {
  const sure: Plan = { ...plan, benefits: { ...plan.benefits, churnBefore: churn }, tiers: plan.tiers.map((t) => ({ ...t, saveRate: 1 })) };
  const unlimited = Object.fromEntries(plan.tiers.map((t) => [t.id, Number.POSITIVE_INFINITY]));
  const policy: RolloutPolicy = { customers: panel, weeks: 52, tailWeeks: H - 52, capacityPerWeek: unlimited, queueRule: "oldest-first", minContactDelayDays: 0 };
  const scenario = { ...rolloutScenarioFor(sure, cal, auc, settings, policy, () => 1), recordFlags: true, snapshotCustomers: 0, snapshotWeeks: [] };
  const run = runRolloutKernel(scenario, new FastRng(seed, "panel").state);
  const tables = populationTablesFrom(run, plan.customers, settings.protectionWeeks);
  const lastStart = Math.max(...plan.rollout.map((s) => weekOfMonth(s.monthStart)));
  return { cohorts: flagCohorts(tables, lastStart), afterProtection: tables.afterProtection };
}

/** The calibration a programme model of this plan uses (fixed seed): share it across models of the same plan. */
export function programmeCalibration(plan: Plan, dynamics: Partial<RolloutDynamics> = {}): RolloutCalibration {
  let cumulative = 0;
  const shares = rankTiers(plan)
    .slice(0, -1)
    .map((r) => (cumulative += r.tier.shareStated));
  return calibrateRollout({ ...defaultRolloutDynamics, ...dynamics }, { annualChurn: plan.benefits.churnBefore, cumulativeShares: shares });
}

/**
 * Builds the programme model of a plan (its base values): for each grid
 * point (annual churn, model AUC), the flows of newly high-risk customers
 * are measured on a panel of the calibrated latent-risk population (the
 * customer-level kernel, same panel customers at every point) and worked
 * through the channels with the settings' capacities, queue rule and delays
 * ({@link programmeBasis}). Cost: one panel run per grid point (about 0.1 s
 * for 100,000 customers) plus the calibration (1–2 s, reusable).
 *
 * @throws RangeError when a grid value is outside the calibration (churn, AUC) or the plan's own value is missing from its grid.
 * @example
 * const model = buildProgrammeModel(seedPlan, settings); model.bases.length // 1
 */
export function buildProgrammeModel(plan: Plan, programme: ProgrammeSettings, options: ProgrammeModelOptions = {}): ProgrammeModel {
  const settings = settingsWithPolicy(programme, options.policy ?? {});
  const cal = options.calibration ?? programmeCalibration(plan, options.dynamics);
  const perfect = options.perfectModel === true;
  const churnGrid = options.churnGrid ?? [plan.benefits.churnBefore];
  const aucGrid = perfect ? [cal.oracleAuc] : (options.aucGrid ?? [settings.modelAuc]);
  if (!churnGrid.includes(plan.benefits.churnBefore)) throw new RangeError(`churnGrid must include the plan's churnBefore ${plan.benefits.churnBefore}`);
  const panel = options.panelCustomers ?? 100_000;
  const seed = options.seed ?? "programme-panel";
  const H = 52 * settings.horizonYears;
  const A = ageCount(settings);
  const K = plan.tiers.length;
  const capacities = stageCapacities(plan, settings);
  const unlimited = options.unlimitedCapacity === true;
  const capacity = capacityByWeek(plan, capacities, H, unlimited);
  const baseAuc = perfect ? cal.oracleAuc : settings.modelAuc;
  const atBase = measureCohorts(plan, settings, cal, plan.benefits.churnBefore, baseAuc, panel, seed, H);
  const priority = contactPriority(plan, settings, atBase.cohorts, A);
  const policy: ServicePolicy = {
    capacityByWeek: capacity,
    ageOrder: serviceOrder(settings, priority, K, A),
    holdWeeks: Math.max(0, Math.floor((settings.minContactDelayDays - 3.5) / 7)),
    maxAge: A - 1,
    protectionWeeks: settings.protectionWeeks,
    minDelayDays: settings.minContactDelayDays,
  };
  const bases = churnGrid.flatMap((churn) =>
    aucGrid.map((auc) => {
      const m = churn === plan.benefits.churnBefore && auc === baseAuc ? atBase : measureCohorts(plan, settings, cal, churn, auc, panel, seed, H);
      return programmeBasis(m.cohorts, m.afterProtection, policy, 52);
    }),
  );
  const first = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart)[0]!;
  return {
    plan,
    settings,
    capacities,
    calibration: cal,
    churnGrid: [...churnGrid],
    aucGrid: [...aucGrid],
    bases,
    contactPriority: priority,
    scopeByMonth: scopeByMonth(plan, bases[0]!.months),
    setupFrom: Math.floor(first.monthStart),
    setupTo: Math.max(Math.floor(first.monthStart) + 1, Math.ceil(first.monthEnd)),
    panelCustomers: panel,
    unlimitedCapacity: unlimited,
    perfectModel: perfect,
  };
}
