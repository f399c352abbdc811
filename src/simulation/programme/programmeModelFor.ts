import { createHash } from "node:crypto";
import type { UncertainInput, UncertainPlan } from "../inputs/uncertainPlan";
import { sourceHash } from "../../io/workerScript";
import { loadModel, saveModel } from "./modelCache";
import type { RolloutCalibration } from "../population/rolloutCalibration";
import { buildProgrammeModel, programmeCalibration, type ProgrammeModel, type ProgrammeModelOptions } from "./programmeModel";

const cache = new Map<string, ProgrammeModel>();

/** Grid of one uncertain input: its 0.1% and 99.9% quantiles around the base (clamped), or the base alone when it is fixed. */
function gridOf(input: UncertainInput | undefined, base: number, lo: number, hi: number): number[] {
  if (input === undefined || input.distribution.dist === "fixed") return [base];
  const clamp = (x: number): number => Math.min(hi, Math.max(lo, x));
  return [...new Set([clamp(input.compiled.quantile(0.001)), base, clamp(input.compiled.quantile(0.999))])].sort((a, b) => a - b);
}

/**
 * The (annual churn, model AUC) grid a programme model of an uncertain plan
 * is measured on: each uncertain one's 0.1% and 99.9% quantiles around its
 * base (clamped to the calibration's range), the base alone when it is fixed
 * or with `baseOnly`.
 *
 * @example
 * programmeGrids(seedUncertain, cal, false).aucGrid // [0.78.., 0.85, 0.91..]
 */
export function programmeGrids(plan: UncertainPlan, cal: RolloutCalibration, baseOnly: boolean): { churnGrid: number[]; aucGrid: number[] } {
  const find = (path: string): UncertainInput | undefined => plan.inputs.find((x) => x.path === path);
  const churnRange = [cal.annualChurnGrid[0]!, cal.annualChurnGrid[cal.annualChurnGrid.length - 1]!];
  const aucLow = cal.aucGrid[cal.aucGrid.length - 1]!;
  const settings = plan.assumptions.programme;
  const grid = (path: string, value: number, lo: number, hi: number): number[] => (baseOnly ? [value] : gridOf(find(path), value, lo, hi));
  return {
    churnGrid: grid("$.benefits.churnBefore", plan.base.benefits.churnBefore, churnRange[0]!, churnRange[1]!),
    aucGrid: grid("$.simulation.modelAuc", settings.modelAuc, aucLow, cal.oracleAuc),
  };
}

/**
 * The programme model of an uncertain plan for simulation: built at the
 * base plan, with a grid over the plan's uncertain annual churn
 * (`$.benefits.churnBefore`) and model AUC (`$.simulation.modelAuc`): their
 * 0.1% quantile, base and 99.9% quantile (3 × 3 panels at most; values in
 * between are interpolated linearly). Models are kept for the life of the
 * process and on disk (node_modules/.cache/churnlab, keyed by the plan
 * file's content, the options and the source code), so a notebook, a report
 * or the next command that simulates the same plan builds it once. With
 * `baseOnly` the grid is the base point alone (values elsewhere take the
 * base's flows: enough where only the economics vary).
 *
 * @example
 * programmeModelFor(loadUncertainPlan("data/plans/seed-plan-uncertain.json")).churnGrid // [0.15.., 0.18, 0.20..]
 */
export function programmeModelFor(plan: UncertainPlan, options: ProgrammeModelOptions & { baseOnly?: boolean } = {}): ProgrammeModel {
  const { calibration: given, baseOnly, ...rest } = options;
  const key = createHash("sha256")
    .update(JSON.stringify(plan.json))
    .update(JSON.stringify({ ...rest, baseOnly: baseOnly === true }))
    .update(given === undefined ? "" : JSON.stringify(given))
    .update(sourceHash())
    .digest("hex")
    .slice(0, 32);
  const hit = cache.get(key) ?? loadModel(key);
  if (hit !== undefined) {
    cache.set(key, hit);
    return hit;
  }
  const base = plan.base;
  const cal = given ?? programmeCalibration(base, options.dynamics);
  const built = buildProgrammeModel(base, plan.assumptions.programme, { ...programmeGrids(plan, cal, baseOnly === true), ...rest, calibration: cal });
  cache.set(key, built);
  saveModel(key, built);
  return built;
}
