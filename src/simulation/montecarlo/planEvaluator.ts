import { createBlockContext, type DesignOptions } from "./blockRunner";
import { OUT, type KernelOutput, kernelOutputs } from "./planKernel";
import type { BenefitModel, CostView, UncertainInput, UncertainPlan } from "../inputs/uncertainPlan";

/** Options shared by the sensitivity analyses. */
export interface SensitivityOptions {
  model?: BenefitModel;
  costs?: CostView;
  /** Output analysed (default "roi"). */
  output?: KernelOutput;
}

/** A plan compiled for one-input-at-a-time evaluation. */
export interface PlanEvaluator {
  /** The uncertain inputs the model reads and that vary (fixed ones left out), in plan order. */
  inputs: UncertainInput[];
  /** The output at base (every input at its base value). */
  baseOutput: number;
  /** The output with input k (index into `inputs`) set to `value`, the others at base. */
  withInput(k: number, value: number): number;
  /** The output with every input set from `values` (same order as `inputs`). */
  withInputs(values: ArrayLike<number>): number;
}

/**
 * Compiles a plan for sensitivity analysis: the kernel with its base values,
 * and the inputs the model reads that are not fixed.
 *
 * @example
 * planEvaluator(loadUncertainPlan("data/plans/seed-plan-uncertain.json")).baseOutput // 3.5874538745387452 (the article's 359%)
 */
export function planEvaluator(plan: UncertainPlan, options: SensitivityOptions = {}): PlanEvaluator {
  const design: DesignOptions = { seed: 0 };
  if (options.model !== undefined) design.model = options.model;
  if (options.costs !== undefined) design.costs = options.costs;
  const ctx = createBlockContext(plan, design);
  const kept = plan.inputs.map((x, i) => ({ x, i, slot: ctx.inputSlots[i]! })).filter((e) => e.slot >= 0 && e.x.distribution.dist !== "fixed");
  const outIndex = OUT[options.output ?? "roi"];
  const p = Float64Array.from(ctx.kernel.base);
  const out = new Float64Array(kernelOutputs.length);
  const evalNow = (): number => {
    ctx.kernel.evaluate(p, out);
    return out[outIndex]!;
  };
  const baseOutput = evalNow();
  return {
    inputs: kept.map((e) => e.x),
    baseOutput,
    withInput(k, value) {
      const e = kept[k];
      if (e === undefined) throw new RangeError(`no input ${k}`);
      p[e.slot] = value;
      const y = evalNow();
      p[e.slot] = ctx.kernel.base[e.slot]!;
      return y;
    },
    withInputs(values) {
      for (let k = 0; k < kept.length; k += 1) p[kept[k]!.slot] = values[k]!;
      const y = evalNow();
      for (const e of kept) p[e.slot] = ctx.kernel.base[e.slot]!;
      return y;
    },
  };
}
