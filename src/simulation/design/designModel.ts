import { createHash } from "node:crypto";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import type { RolloutCalibration } from "../population/rolloutCalibration";
import type { RolloutDynamics } from "../population/rolloutScenario";
import { loadModel, saveModel } from "../programme/modelCache";
import { buildProgrammeModel, type ProgrammeModel } from "../programme/programmeModel";
import { programmeGrids } from "../programme/programmeModelFor";
import { runOnWorkers } from "../workers/workerPool";
import { sourceHash } from "../../io/workerScript";
import { designCalibration, designPlan } from "./designPlan";
import { designKey, type DesignAssumptions, type ProgrammeDesign } from "./programmeDesign";

/** Options of {@link designModel}. */
export interface DesignModelOptions {
  /** Customers of the panel (default 50,000); the same panel (seed) for every design: common random numbers. */
  panelCustomers?: number;
  /** Seed of the panel (default "programme-panel", the programme model's). */
  seed?: string;
  /** "full": the grid over the plan's uncertain churn and AUC (3 × 3 panels at most, as `programmeModelFor`); "base" (default): the base point only. */
  grid?: "base" | "full";
  /** Explicit grids (they override `grid`): annual churn rates and model AUCs to measure the flows at (each must include the plan's base value). */
  churnGrid?: number[];
  aucGrid?: number[];
  /** Channels without capacity limits (the flows a targeting rule splits a budget over). */
  unlimitedCapacity?: boolean;
  dynamics?: Partial<RolloutDynamics>;
  /** Keep models on disk too (node_modules/.cache/churnlab; default true); they are always kept for the process. */
  cache?: boolean;
}

/**
 * Builds a design's programme model (no cache; the calibration given): the
 * plan and settings the design runs as (`designPlan`), panels on the base
 * point or the plan's (churn, AUC) grid. What a worker thread runs.
 *
 * @example
 * buildDesignModel(plan, design, defaultDesignAssumptions, designCalibration(plan.base, design.cumulativeShares)).bases.length // 1
 */
export function buildDesignModel(
  plan: UncertainPlan,
  design: ProgrammeDesign,
  assumptions: DesignAssumptions,
  calibration: RolloutCalibration,
  options: DesignModelOptions = {},
): ProgrammeModel {
  const run = designPlan(plan.base, plan.assumptions.programme, design, assumptions);
  const grids = programmeGrids(plan, calibration, (options.grid ?? "base") === "base");
  return buildProgrammeModel(run.plan, run.settings, {
    churnGrid: options.churnGrid ?? grids.churnGrid,
    aucGrid: options.aucGrid ?? grids.aucGrid,
    panelCustomers: options.panelCustomers ?? 50_000,
    seed: options.seed ?? "programme-panel",
    calibration,
    dynamics: options.dynamics ?? {},
    unlimitedCapacity: options.unlimitedCapacity === true,
  });
}

const memo = new Map<string, ProgrammeModel>();
let source: string | undefined;

/** The cache key of a design's model: the plan file, the design, the assumptions, the options and the source code. */
function modelKey(plan: UncertainPlan, design: ProgrammeDesign, assumptions: DesignAssumptions, o: DesignModelOptions): string {
  source ??= sourceHash();
  const options = [
    o.panelCustomers ?? 50_000,
    o.seed ?? "programme-panel",
    o.grid ?? "base",
    o.churnGrid ?? null,
    o.aucGrid ?? null,
    o.unlimitedCapacity === true,
    o.dynamics ?? {},
  ];
  return createHash("sha256")
    .update(JSON.stringify([plan.json, designKey(design), assumptions, options, source]))
    .digest("hex")
    .slice(0, 32);
}

/** A kept model (this process, else the disk when allowed), with the settings of its design (infinite capacities do not survive JSON). */
function cached(plan: UncertainPlan, design: ProgrammeDesign, assumptions: DesignAssumptions, key: string, disk: boolean): ProgrammeModel | undefined {
  const hit = memo.get(key) ?? (disk ? loadModel(`design-${key}`) : undefined);
  if (hit === undefined) return undefined;
  memo.set(key, hit);
  return { ...hit, settings: designPlan(plan.base, plan.assumptions.programme, design, assumptions).settings };
}

/** Keeps a model for the process and, when allowed, on disk. */
function keep(key: string, model: ProgrammeModel, disk: boolean): void {
  memo.set(key, model);
  if (disk) saveModel(`design-${key}`, model);
}

/**
 * The programme model of a design ({@link buildDesignModel}), kept in the
 * process and on disk, keyed by the plan file, the design, the options and
 * the source code. Cost: one to ten panel runs (about 0.7 s each for 50,000
 * customers over 3 years) unless cached.
 *
 * @throws RangeError when the design does not fit the plan.
 * @example
 * designModel(plan, planDesign(plan.base, plan.assumptions.programme), defaultDesignAssumptions).bases.length // 1
 */
export function designModel(plan: UncertainPlan, design: ProgrammeDesign, assumptions: DesignAssumptions, options: DesignModelOptions = {}): ProgrammeModel {
  const disk = options.cache ?? true;
  const key = modelKey(plan, design, assumptions, options);
  const hit = cached(plan, design, assumptions, key, disk);
  if (hit !== undefined) return hit;
  const built = buildDesignModel(plan, design, assumptions, designCalibration(plan.base, design.cumulativeShares, options.dynamics ?? {}), options);
  keep(key, built, disk);
  return built;
}

/** One model a worker builds: the design, its calibration and the options. */
export interface DesignModelRequest {
  design: ProgrammeDesign;
  calibration: RolloutCalibration;
  options: DesignModelOptions;
}

/**
 * Builds the models of several designs on worker threads (the process's
 * warm pool) and keeps them (process, and disk unless `cache` is false), so
 * that the next `designModel` calls find them; kept ones are skipped. With
 * fewer than two models to build, or `workers` 0, it does nothing (the
 * models are then built in this thread when asked for). The models do not
 * depend on the number of workers.
 *
 * @example
 * await prefetchDesignModels(plan, moves.map((m) => m.design), defaultDesignAssumptions, {}, 2)
 */
export async function prefetchDesignModels(
  plan: UncertainPlan,
  designs: readonly ProgrammeDesign[],
  assumptions: DesignAssumptions,
  options: DesignModelOptions,
  workers: number,
): Promise<void> {
  if (workers <= 0) return;
  const disk = options.cache ?? true;
  const todo = new Map<string, ProgrammeDesign>();
  for (const d of designs) {
    const key = modelKey(plan, d, assumptions, options);
    if (!todo.has(key) && cached(plan, d, assumptions, key, disk) === undefined) todo.set(key, d);
  }
  if (todo.size < 2) return;
  const keys = [...todo.keys()];
  const requests: DesignModelRequest[] = keys.map((k) => ({
    design: todo.get(k)!,
    calibration: designCalibration(plan.base, todo.get(k)!.cumulativeShares, options.dynamics ?? {}),
    options,
  }));
  await runOnWorkers<ProgrammeModel>({
    kind: "design-models",
    init: { json: plan.json, source: plan.source, assumptions, requests },
    tasks: requests.length,
    workers,
    onResult: (i, model) => keep(keys[i]!, model, disk),
  });
}
