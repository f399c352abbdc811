import { FastRng } from "../../random/FastRng";
import type { UncertainPlan } from "../inputs/uncertainPlan";
import { createBlockContext, DEFAULT_BLOCK_SIZE, drawBlockUniforms, uniformsToValues } from "../montecarlo/blockRunner";
import type { ProgrammeModel } from "../programme/programmeModel";

/**
 * The uncertain inputs of a plan drawn once for many designs: one row of
 * kernel slots per trial (common random numbers: every design is evaluated
 * on exactly these rows).
 */
export interface DesignDraws {
  trials: number;
  seed: number;
  /** JSON path of each slot (the programme kernel's layout, the same for every design of the plan). */
  slotPaths: readonly string[];
  /** Trial-major: slot s of trial i is rows[i · slots + s]. */
  rows: Float64Array;
  slots: number;
}

/**
 * Draws `trials` trials of a plan's uncertain inputs exactly as
 * `runMonteCarlo(plan, { model: "programme", seed, trials })` does (blocks
 * of 65,536 trials, block b from `FastRng.forRange(seed, "monte-carlo", b)`,
 * the plan's sampling and correlations), into rows of the programme
 * kernel's slots. Any programme model of the plan gives the same layout.
 *
 * @throws RangeError when trials is not an integer >= 1 or the seed not an integer.
 * @example
 * drawDesignInputs(plan, model, 1000, 1).rows.length // 1000 × slots
 */
export function drawDesignInputs(plan: UncertainPlan, model: ProgrammeModel, trials: number, seed: number): DesignDraws {
  if (!(Number.isSafeInteger(trials) && trials >= 1)) throw new RangeError(`trials must be an integer >= 1, got ${trials}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const ctx = createBlockContext(plan, { seed, model: "programme", programme: model });
  const base = ctx.kernel.base;
  const S = base.length;
  const dims = ctx.quantiles.length;
  const rows = new Float64Array(trials * S);
  for (let b = 0; b * DEFAULT_BLOCK_SIZE < trials; b += 1) {
    const start = b * DEFAULT_BLOCK_SIZE;
    const count = Math.min(trials, start + DEFAULT_BLOCK_SIZE) - start;
    const u = new Float64Array(count * dims);
    drawBlockUniforms(ctx, FastRng.forRange(seed, "monte-carlo", b), count, dims, u);
    uniformsToValues(ctx, count, u);
    for (let i = 0; i < count; i += 1) {
      const row = (start + i) * S;
      rows.set(base, row);
      for (let j = 0; j < dims; j += 1) {
        const slot = ctx.inputSlots[j]!;
        if (slot >= 0) rows[row + slot] = u[j * count + i]!;
      }
    }
  }
  return { trials, seed, slotPaths: [...ctx.kernel.slotPaths], rows, slots: S };
}
