import { createHash } from "node:crypto";
import { rankTiers } from "../../plan/tiers";
import type { Plan } from "../../plan/index";
import { calibrateRollout, type RolloutCalibration } from "../population/rolloutCalibration";
import { defaultRolloutDynamics, type RolloutDynamics } from "../population/rolloutScenario";
import { loadCached, saveCached } from "../programme/modelCache";
import { programmeCalibration } from "../programme/programmeModel";
import type { ProgrammeSettings } from "../programme/programmeSettings";
import { sourceHash } from "../../io/workerScript";
import { channelSaveRate, contactedTiers, contactTierIds, type DesignAssumptions, NO_CHANNEL, type ProgrammeDesign, saveRateTerms } from "./programmeDesign";

/**
 * Checks a design against a plan.
 *
 * @throws RangeError naming the problem: cut-offs not increasing in (0, 1) or of the wrong length, an unknown tier or channel, a negative capacity or delay.
 */
export function checkDesign(plan: Plan, design: ProgrammeDesign): void {
  const K = plan.tiers.length;
  const s = design.cumulativeShares;
  if (s.length !== K - 1 || s.some((x, k) => !(x > 0 && x < 1) || (k > 0 && !(x > s[k - 1]!)))) {
    throw new RangeError(`cumulativeShares must be ${K - 1} increasing shares in (0, 1), got ${s.join(", ")}`);
  }
  const ids = new Set(plan.tiers.map((t) => t.id));
  for (const [tier, channel] of Object.entries(design.channels)) {
    if (!ids.has(tier)) throw new RangeError(`channels: unknown tier "${tier}"`);
    if (channel !== NO_CHANNEL && !ids.has(channel)) throw new RangeError(`channels.${tier}: unknown channel "${channel}"`);
  }
  for (const [tier, cap] of Object.entries(design.capacityPerWeek)) if (!(cap >= 0)) throw new RangeError(`capacityPerWeek.${tier} must be >= 0, got ${cap}`);
  if (!(design.minContactDelayDays >= 0 && design.minContactDelayDays <= 365))
    throw new RangeError(`minContactDelayDays must be 0..365, got ${design.minContactDelayDays}`);
}

/**
 * The plan and programme settings a design runs as: tier shares from the
 * cut-offs; each tier's budget per person from its channel and its save
 * rate from the channel on the plan's tiers its band covers
 * (`saveRateTerms`, `channelSaveRate`; a tier without a channel costs and
 * saves nothing, so it pays no routine spend either); each stage contacts the design's tiers
 * (`stageTiers`); the settings carry the design's capacities (at full
 * scale, replacing stage-specific ones), queue rule and contact delay.
 *
 * @throws RangeError when the design does not fit the plan ({@link checkDesign}).
 * @example
 * designPlan(seedPlan, settings, planDesign(seedPlan, settings), defaultDesignAssumptions).plan.tiers[0].saveRate // 0.45
 */
export function designPlan(
  plan: Plan,
  settings: ProgrammeSettings,
  design: ProgrammeDesign,
  assumptions: DesignAssumptions,
): { plan: Plan; settings: ProgrammeSettings } {
  checkDesign(plan, design);
  const ranked = rankTiers(plan);
  const shareOf = new Map(
    ranked.map((r, k) => {
      const upper = k === ranked.length - 1 ? 1 : design.cumulativeShares[k]!;
      const lower = k === 0 ? 0 : design.cumulativeShares[k - 1]!;
      return [r.tier.id, upper - lower];
    }),
  );
  const contacted = contactedTiers(plan, design);
  const contactable = new Set(contactTierIds(plan));
  const terms = saveRateTerms(plan, design);
  const tiers = plan.tiers.map((t, i) => {
    const shareStated = shareOf.get(t.id)!;
    const { channelIndex, terms: parts } = terms[i]!;
    // No channel, or a contact tier left without capacity: no contacts and no routine spend.
    if (channelIndex < 0 || (contactable.has(t.id) && !contacted.includes(t.id))) return { ...t, shareStated, budgetYuanPerPerson: 0, saveRate: 0 };
    const c = plan.tiers[channelIndex]!;
    const saveRate = parts.reduce(
      (sum, x) => sum + x.weight * channelSaveRate(c.saveRate, plan.tiers[x.tierIndex]!.saveRate, x.relation, assumptions.crossChannelFactor),
      0,
    );
    return { ...t, shareStated, budgetYuanPerPerson: c.budgetYuanPerPerson, saveRate };
  });
  const rollout = plan.rollout.map((s) => ({
    ...s,
    interveneTiers: design.stageTiers === "all" ? [...contacted] : s.interveneTiers.filter((id) => contacted.includes(id)),
  }));
  const capacityPerWeek = Object.fromEntries(contacted.map((id) => [id, design.capacityPerWeek[id]!]));
  return {
    plan: { ...plan, tiers, rollout },
    settings: {
      ...settings,
      capacityPerWeek,
      stageCapacityPerWeek: {},
      callsPerAdvisorPerWeek: undefined,
      queueRule: design.queueRule,
      minContactDelayDays: design.minContactDelayDays,
    },
  };
}

/** Cumulative shares of the dense calibration (0.5% to 80% in steps of 0.5%): any cut-off is interpolated from them. */
const DENSE_SHARES = Array.from({ length: 160 }, (_, i) => (i + 1) / 200);

const dense = new Map<string, RolloutCalibration>();

/** The calibration at the plan's churn with the dense shares (cached in the process and on disk, keyed by dynamics, churn and source). */
function denseCalibration(plan: Plan, dynamics: Partial<RolloutDynamics>): RolloutCalibration {
  const full = { ...defaultRolloutDynamics, ...dynamics };
  const key = createHash("sha256")
    .update(JSON.stringify([full, plan.benefits.churnBefore, "dense", sourceHash()]))
    .digest("hex")
    .slice(0, 32);
  const hit = dense.get(key) ?? loadCached<RolloutCalibration>(`calibration-dense-${key}`);
  if (hit !== undefined) {
    dense.set(key, hit);
    return hit;
  }
  const cal = calibrateRollout(full, { annualChurn: plan.benefits.churnBefore, cumulativeShares: DENSE_SHARES });
  dense.set(key, cal);
  saveCached(`calibration-dense-${key}`, cal);
  return cal;
}

/**
 * The calibration for a design's cut-offs: the plan's own
 * (`programmeCalibration`) when they are the plan's shares, else the tier
 * bounds interpolated (linearly in the share) from one calibration made at
 * 160 shares from 0.5% to 80% (the intercept and AUC tables do not depend on
 * the shares). One calibration serves every cut-off a search tries.
 *
 * @throws RangeError when a share lies outside 0.5%..80%.
 * @example
 * designCalibration(seedPlan, [0.03, 0.11, 0.3]).cumulativeShares // [0.03, 0.11, 0.3]
 */
export function designCalibration(plan: Plan, cumulativeShares: readonly number[], dynamics: Partial<RolloutDynamics> = {}): RolloutCalibration {
  let cumulative = 0;
  const planShares = rankTiers(plan)
    .slice(0, -1)
    .map((r) => (cumulative += r.tier.shareStated));
  if (planShares.length === cumulativeShares.length && planShares.every((s, k) => Math.abs(s - cumulativeShares[k]!) < 1e-12))
    return programmeCalibration(plan, dynamics);
  const cal = denseCalibration(plan, dynamics);
  const m = DENSE_SHARES.length;
  const thresholdGrid: number[] = [];
  for (let j = 0; j < cal.noiseGrid.length; j += 1) {
    for (const s of cumulativeShares) {
      const x = s * 200 - 1;
      if (!(x >= 0 && x <= m - 1)) throw new RangeError(`a tier cut-off must put 0.5% to 80% of customers above it, got ${(s * 100).toFixed(2)}%`);
      const lo = Math.floor(x);
      const hi = Math.min(m - 1, lo + 1);
      const w = x - lo;
      thresholdGrid.push((1 - w) * cal.thresholdGrid[j * m + lo]! + w * cal.thresholdGrid[j * m + hi]!);
    }
  }
  return { ...cal, cumulativeShares: [...cumulativeShares], thresholdGrid };
}
