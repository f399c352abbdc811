import { createBlockContext, DEFAULT_BLOCK_SIZE, drawBlockUniforms, uniformsToValues, type DesignOptions } from "./blockRunner";
import { FastRng } from "../../random/FastRng";
import { OUT } from "./planKernel";
import { kernelOutputs } from "./planKernel";
import { spearman } from "../inputs/correlation";
import { sobolIndices, type SobolResult } from "./sobol";
import { valueOfInformation, type ValueOfInformation } from "./valueOfInformation";
import { planEvaluator, type SensitivityOptions } from "./planEvaluator";
import { breakEven, type BreakEvenPoint } from "./breakEven";
import type { BenefitModel, CostView, UncertainInput, UncertainPlan } from "../inputs/uncertainPlan";

export { planEvaluator, type PlanEvaluator, type SensitivityOptions } from "./planEvaluator";
export { breakEven, type BreakEvenPoint } from "./breakEven";

/** One bar of a tornado: the output with the input at its P10 and its P90, others at base. */
export interface TornadoBar {
  name: string;
  path: string;
  base: number;
  p10: number;
  p90: number;
  outputAtP10: number;
  outputAtP90: number;
  /** |outputAtP90 − outputAtP10|. */
  swing: number;
}

/**
 * Tornado data: each input from its 10th to its 90th percentile with the
 * others at base, sorted by swing (largest first).
 *
 * @example
 * tornado(seedUncertain)[0].name // "benefits.churnAfter"
 */
export function tornado(plan: UncertainPlan, options: SensitivityOptions = {}): { baseOutput: number; bars: TornadoBar[] } {
  const ev = planEvaluator(plan, options);
  const bars = ev.inputs.map((x, k): TornadoBar => {
    const p10 = x.compiled.quantile(0.1);
    const p90 = x.compiled.quantile(0.9);
    const lo = ev.withInput(k, p10);
    const hi = ev.withInput(k, p90);
    return { name: x.name, path: x.path, base: x.compiled.base, p10, p90, outputAtP10: lo, outputAtP90: hi, swing: Math.abs(hi - lo) };
  });
  bars.sort((a, b) => b.swing - a.swing || a.name.localeCompare(b.name));
  return { baseOutput: ev.baseOutput, bars };
}

/** Spider-plot data: the output as each input moves through its percentiles, others at base. */
export interface SpiderLine {
  name: string;
  path: string;
  percentiles: number[];
  values: number[];
  outputs: number[];
}

/**
 * Spider-plot data at the given percentiles of each input (default 5, 10, 25, 50, 75, 90, 95%).
 *
 * @example
 * spider(seedUncertain)[0].percentiles // [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]
 */
export function spider(plan: UncertainPlan, options: SensitivityOptions & { percentiles?: number[] } = {}): SpiderLine[] {
  const ev = planEvaluator(plan, options);
  const ps = options.percentiles ?? [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
  return ev.inputs.map((x, k) => {
    const values = ps.map((q) => x.compiled.quantile(q));
    return { name: x.name, path: x.path, percentiles: [...ps], values, outputs: values.map((v) => ev.withInput(k, v)) };
  });
}

/** A joint sample of inputs and outputs (Float64, trial order). */
export interface JointSample {
  inputs: UncertainInput[];
  /** One array per input, in `inputs` order. */
  inputValues: Float64Array[];
  roi: Float64Array;
  netBenefit: Float64Array;
}

/**
 * Draws a joint sample of the varying inputs and the outputs with the same
 * streams, design and correlations as {@link runMonteCarlo} (the same trials
 * as a run with the same seed and number of trials), keeping the inputs: the basis of rank correlations and
 * value-of-information estimates. In this thread; keep trials modest (20,000).
 *
 * @throws RangeError when trials < 2
 */
export function jointSample(plan: UncertainPlan, options: SensitivityOptions & { trials: number; seed: number }): JointSample {
  const { trials, seed } = options;
  if (!(Number.isInteger(trials) && trials >= 2)) throw new RangeError(`trials must be an integer >= 2, got ${trials}`);
  const design: DesignOptions = { seed };
  if (options.model !== undefined) design.model = options.model;
  if (options.costs !== undefined) design.costs = options.costs;
  const ctx = createBlockContext(plan, design);
  const dims = plan.inputs.length;
  const keep = plan.inputs.map((_, i) => i).filter((i) => ctx.inputSlots[i]! >= 0 && plan.inputs[i]!.distribution.dist !== "fixed");
  const inputValues = keep.map(() => new Float64Array(trials));
  const roi = new Float64Array(trials);
  const net = new Float64Array(trials);
  const p = Float64Array.from(ctx.kernel.base);
  const out = new Float64Array(kernelOutputs.length);
  for (let block = 0; block * DEFAULT_BLOCK_SIZE < trials; block += 1) {
    const start = block * DEFAULT_BLOCK_SIZE;
    const count = Math.min(trials, start + DEFAULT_BLOCK_SIZE) - start;
    const full = count;
    const u = new Float64Array(full * dims);
    drawBlockUniforms(ctx, FastRng.forRange(seed, "monte-carlo", block), full, dims, u);
    uniformsToValues(ctx, full, u);
    for (let i = 0; i < count; i += 1) {
      for (let j = 0; j < dims; j += 1) {
        const s = ctx.inputSlots[j]!;
        if (s >= 0) p[s] = u[j * full + i]!;
      }
      ctx.kernel.evaluate(p, out);
      keep.forEach((j, k) => {
        inputValues[k]![start + i] = p[ctx.inputSlots[j]!]!;
      });
      roi[start + i] = out[OUT.roi]!;
      net[start + i] = out[OUT.netBenefit]!;
    }
  }
  return { inputs: keep.map((i) => plan.inputs[i]!), inputValues, roi, netBenefit: net };
}

/**
 * Spearman rank correlation of each input with ROI over a joint sample, sorted by absolute value.
 *
 * @example
 * rankCorrelations(jointSample(plan, { trials: 20000, seed: 1 }))[0].name // the input ROI follows most
 */
export function rankCorrelations(sample: JointSample): Array<{ name: string; path: string; rankCorrelation: number }> {
  return sample.inputs
    .map((x, k) => ({ name: x.name, path: x.path, rankCorrelation: spearman(sample.inputValues[k]!, sample.roi) }))
    .sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation) || a.name.localeCompare(b.name));
}

export { valueOfInformation, type ValueOfInformation };

/**
 * First-order and total Sobol indices of the plan's output with respect to
 * its varying inputs, treated as independent (declared correlations are
 * ignored: variance-based indices assume independent inputs).
 *
 * @example
 * planSobol(seedUncertain, { samples: 2048 }).first // one index per varying input
 */
export function planSobol(
  plan: UncertainPlan,
  options: SensitivityOptions & { samples?: number; seed?: number; bootstrap?: number } = {},
): SobolResult & { names: string[] } {
  const ev = planEvaluator(plan, options);
  const d = ev.inputs.length;
  if (d === 0) return { names: [], first: [], total: [], firstCi: [], totalCi: [], variance: 0, evaluations: 0 };
  const values = new Float64Array(d);
  const q = ev.inputs.map((x) => x.compiled.quantile);
  const f = (u: Float64Array): number => {
    for (let k = 0; k < d; k += 1) values[k] = q[k]!(u[k]!);
    return ev.withInputs(values);
  };
  const so: { samples?: number; seed?: number; bootstrap?: number } = {};
  if (options.samples !== undefined) so.samples = options.samples;
  if (options.seed !== undefined) so.seed = options.seed;
  if (options.bootstrap !== undefined) so.bootstrap = options.bootstrap;
  return { names: ev.inputs.map((x) => x.name), ...sobolIndices(f, d, so) };
}

/** Everything `churnlab sensitivity` reports. */
export interface SensitivityReport {
  model: BenefitModel;
  costs: CostView;
  baseRoi: number;
  tornado: TornadoBar[];
  breakEven: BreakEvenPoint[];
  rankCorrelations: Array<{ name: string; path: string; rankCorrelation: number }>;
  sobol: Array<{ name: string; first: number; firstCi: [number, number]; total: number; totalCi: [number, number] }>;
  valueOfInformation: ValueOfInformation;
  trials: number;
  sobolSamples: number;
  seed: number;
}

/**
 * Runs the tornado, break-even, rank correlations, Sobol indices and value of
 * information for a plan (ROI; net benefit for the value of information).
 *
 * @example
 * sensitivityReport(seedUncertain, { seed: 1 }).tornado[0].name // the widest bar
 */
export function sensitivityReport(
  plan: UncertainPlan,
  options: SensitivityOptions & { seed?: number; trials?: number; sobolSamples?: number; bootstrap?: number } = {},
): SensitivityReport {
  const seed = options.seed ?? 1;
  const trials = options.trials ?? 20_000;
  const sobolSamples = options.sobolSamples ?? 4096;
  const base: SensitivityOptions = {};
  if (options.model !== undefined) base.model = options.model;
  if (options.costs !== undefined) base.costs = options.costs;
  const t = tornado(plan, base);
  const sample = jointSample(plan, { ...base, trials, seed });
  const so = planSobol(plan, { ...base, samples: sobolSamples, seed, bootstrap: options.bootstrap ?? 200 });
  return {
    model: options.model ?? plan.assumptions.model,
    costs: options.costs ?? plan.assumptions.costs,
    baseRoi: t.baseOutput,
    tornado: t.bars,
    breakEven: breakEven(plan, base),
    rankCorrelations: rankCorrelations(sample),
    sobol: so.names
      .map((name, k) => ({ name, first: so.first[k]!, firstCi: so.firstCi[k]!, total: so.total[k]!, totalCi: so.totalCi[k]! }))
      .sort((a, b) => b.first - a.first || a.name.localeCompare(b.name)),
    valueOfInformation: valueOfInformation(sample),
    trials,
    sobolSamples,
    seed,
  };
}
