import { createHash } from "node:crypto";
import { rankTiers } from "../../plan/tiers";
import { sourceHash } from "../../io/workerScript";
import { loadCached, saveCached } from "./modelCache";
import type { Plan } from "../../plan/index";
import { FastRng } from "../../random/FastRng";
import { calibrateRollout, type RolloutCalibration } from "../population/rolloutCalibration";
import { runRolloutKernel } from "../population/rolloutKernel";
import { planDecayCurve, type RolloutPolicy, rolloutScenarioFor, scopeByMonth, settingsWithPolicy } from "./rolloutPlanScenario";
import { defaultRolloutDynamics, type RolloutDynamics } from "../population/rolloutScenario";
import { basisFromPanel, type ProgrammeBasis } from "./programmeBasis";
import type { ProgrammeSettings } from "./programmeSettings";
import type { RolloutRun } from "../population/rolloutRun";
import { type StageTierCapacity, stageCapacities } from "./stageCapacity";
import { contactDelayDays } from "../population/rolloutQueues";
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

/** A panel run of the programme at (churn, AUC): every contact recorded and a save, so both its outcomes are seen. */
function runPanel(plan: Plan, settings: ProgrammeSettings, cal: RolloutCalibration, churn: number, auc: number, o: PanelOptions): RolloutRun {
  const sure: Plan = { ...plan, benefits: { ...plan.benefits, churnBefore: churn }, tiers: plan.tiers.map((t) => ({ ...t, saveRate: 1 })) };
  const policy: RolloutPolicy = { customers: o.panel, weeks: o.weeks, lastStageRunsOn: true };
  if (o.unlimited) policy.capacityPerWeek = Object.fromEntries(plan.tiers.map((t) => [t.id, Number.POSITIVE_INFINITY]));
  if (o.rule !== undefined) policy.queueRule = o.rule;
  const scenario = {
    ...rolloutScenarioFor(sure, cal, auc, settings, policy, () => 1, o.priority),
    recordContacts: true,
    snapshotCustomers: 0,
    snapshotWeeks: [],
  };
  return runRolloutKernel(scenario, new FastRng(o.seed, "panel").state);
}

interface PanelOptions {
  panel: number;
  seed: string;
  weeks: number;
  unlimited: boolean;
  rule?: ProgrammeSettings["queueRule"];
  priority: number[];
}

/**
 * Expected saves per contact by tier and age at the plan's values: for the
 * customers a first-year panel flags (every flag contacted at once, so every
 * flagged customer's churn week without the programme is seen), the share of
 * those still there a weeks after the flag who would churn within the
 * protection that follows, × the save probability of a contact at that
 * delay. The value-first rule serves ages in this order.
 */
function contactPriority(plan: Plan, settings: ProgrammeSettings, cal: RolloutCalibration, auc: number, o: PanelOptions, A: number): number[] {
  const rec = runPanel(plan, settings, cal, plan.benefits.churnBefore, auc, { ...o, weeks: 52, unlimited: true, rule: "oldest-first" }).contactRecords!;
  const ranked = rankTiers(plan);
  const curve = planDecayCurve(plan);
  const P = settings.protectionWeeks;
  const out = new Array<number>((ranked.length + 1) * A).fill(0);
  for (const r of ranked) {
    const k = r.tierNumber;
    for (let a = 0; a < A; a += 1) {
      let alive = 0;
      let churners = 0;
      for (let i = 0; i < rec.tier.length; i += 1) {
        if (rec.tier[i] !== k) continue;
        const at = rec.week[i]! + a;
        const jB = rec.churnWeekB[i]!;
        if (jB <= at) continue;
        alive += 1;
        if (jB <= at + P) churners += 1;
      }
      const save = saveRateAfterDelay(r.tier, contactDelayDays(a, settings.minContactDelayDays), curve, plan.timing.bestWindowDays[0]);
      // A tier never flagged in the panel keeps the save probability alone as its order.
      out[k * A + a] = alive > 0 ? (churners / alive) * save : save;
    }
  }
  return out;
}

const calibrations = new Map<string, RolloutCalibration>();

/**
 * The calibration a programme model of this plan uses (fixed seed): it
 * depends only on the dynamics, the annual churn and the tier shares, and is
 * kept for the process and on disk (node_modules/.cache/churnlab) keyed by
 * them and the source code.
 *
 * @example
 * programmeCalibration(seedPlan).annualChurn // 0.18
 */
export function programmeCalibration(plan: Plan, dynamics: Partial<RolloutDynamics> = {}): RolloutCalibration {
  let cumulative = 0;
  const shares = rankTiers(plan)
    .slice(0, -1)
    .map((r) => (cumulative += r.tier.shareStated));
  const full = { ...defaultRolloutDynamics, ...dynamics };
  const key = createHash("sha256")
    .update(JSON.stringify([full, plan.benefits.churnBefore, shares, sourceHash()]))
    .digest("hex")
    .slice(0, 32);
  const hit = calibrations.get(key) ?? loadCached<RolloutCalibration>(`calibration-${key}`);
  if (hit !== undefined) {
    calibrations.set(key, hit);
    return hit;
  }
  const cal = calibrateRollout(full, { annualChurn: plan.benefits.churnBefore, cumulativeShares: shares });
  calibrations.set(key, cal);
  saveCached(`calibration-${key}`, cal);
  return cal;
}

/**
 * Builds the programme model of a plan (its base values): for each grid
 * point (annual churn, model AUC), the programme runs over the horizon on a
 * panel of the calibrated latent-risk population (the customer-level
 * kernel with the settings' capacities, queue rule and delays, every
 * contact recorded and counted as a save; the same panel customers at every
 * point), and the panel's contacts become the basis of the expected
 * outcomes ({@link basisFromPanel}). Cost: one panel run per grid point
 * (about 0.5 s for 100,000 customers over 3 years) plus the calibration
 * (1–2 s, reusable).
 *
 * @throws RangeError when a grid value is outside the calibration (churn, AUC) or the plan's own value is missing from its grid.
 * @example
 * const model = buildProgrammeModel(seedPlan, settings); model.bases.length // 1
 */
export function buildProgrammeModel(plan: Plan, programme: ProgrammeSettings, options: ProgrammeModelOptions = {}): ProgrammeModel {
  const settings = settingsWithPolicy(programme, options.policy ?? {});
  const cal = options.calibration ?? programmeCalibration(plan, options.dynamics);
  const perfect = options.perfectModel === true;
  const ascending = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
  const churnGrid = ascending(options.churnGrid ?? [plan.benefits.churnBefore]);
  const aucGrid = perfect ? [cal.oracleAuc] : ascending(options.aucGrid ?? [settings.modelAuc]);
  if (!churnGrid.includes(plan.benefits.churnBefore)) throw new RangeError(`churnGrid must include the plan's churnBefore ${plan.benefits.churnBefore}`);
  const baseAuc = perfect ? cal.oracleAuc : settings.modelAuc;
  const panel = options.panelCustomers ?? 100_000;
  const unlimited = options.unlimitedCapacity === true;
  const A = ageCount(settings);
  const o: PanelOptions = { panel, seed: options.seed ?? "programme-panel", weeks: 52 * settings.horizonYears, unlimited, priority: [] };
  o.priority = settings.queueRule === "value-first" && !unlimited ? contactPriority(plan, settings, cal, baseAuc, o, A) : [];
  const scale = plan.customers / panel;
  const bases = churnGrid.flatMap((churn) =>
    aucGrid.map((auc) => basisFromPanel(runPanel(plan, settings, cal, churn, auc, o), scale, settings.protectionWeeks, A, settings.minContactDelayDays)),
  );
  const first = [...plan.rollout].sort((a, b) => a.monthStart - b.monthStart)[0]!;
  return {
    plan,
    settings,
    capacities: stageCapacities(plan, settings),
    calibration: cal,
    churnGrid: [...churnGrid],
    aucGrid: [...aucGrid],
    bases,
    contactPriority: o.priority,
    scopeByMonth: scopeByMonth(plan, bases[0]!.months),
    setupFrom: Math.floor(first.monthStart),
    setupTo: Math.max(Math.floor(first.monthStart) + 1, Math.ceil(first.monthEnd)),
    panelCustomers: panel,
    unlimitedCapacity: unlimited,
    perfectModel: perfect,
  };
}
