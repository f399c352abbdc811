import { createBlockContext, DEFAULT_BLOCK_SIZE, drawBlockUniforms, uniformsToValues, type DesignOptions } from "./blockRunner";
import { FastRng } from "../../random/FastRng";
import { OUT, type KernelOutput } from "./planKernel";
import { kernelOutputs } from "./planKernel";
import { spearman } from "../inputs/correlation";
import { sobolIndices, type SobolResult } from "./sobol";
import { valueOfInformation, type ValueOfInformation } from "./valueOfInformation";
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

/** Where an input brings the output to a target, others at base. */
export interface BreakEvenPoint {
  name: string;
  path: string;
  base: number;
  /** Target output (ROI 0 or 2). */
  target: number;
  /** Input value giving the target, or null when no value in the searched range reaches it. */
  value: number | null;
  /** Percentile of `value` in the input's own distribution, 0..1 (null when not reachable). */
  percentile: number | null;
  /** Percentile of the base value. */
  basePercentile: number;
  /** The searched range of the input. */
  searched: [number, number];
}

function searchRange(x: UncertainInput): [number, number] {
  const c = x.compiled;
  const lo = c.quantile(1e-6);
  const hi = c.quantile(1 - 1e-6);
  const w = Math.max(hi - lo, Math.abs(c.base) * 0.1, 1e-9);
  let a = lo - 10 * w;
  let b = Math.max(hi + 10 * w, 100 * Math.abs(c.base));
  if (lo >= 0) a = Math.max(0, a);
  if (lo >= 0 && hi <= 1) b = Math.min(1, b);
  return [a, b];
}

/**
 * Break-even of each input for each target output (default ROI = 0 and ROI
 * = 200%), others at base: the crossing nearest the base value found by a
 * 4,000-step scan of a range spanning the distribution's 1e-6..1−1e-6
 * quantiles extended by ten times that width on each side, and up to at
 * least 100 × the base value (kept >= 0 for non-negative inputs and within
 * [0, 1] for fractions); when no crossing is found, the scan continues up to
 * 10, 100 and 1,000 times that range (not for fractions). Roots are refined by
 * bisection; its percentile in the input's distribution tells how far the
 * plan is from breaking even on that input alone.
 *
 * @example
 * breakEven(seedUncertain).find((b) => b.name === "benefits.churnAfter" && b.target === 0).value // ≈ 0.1656 (churn only down to 16.6%)
 */
export function breakEven(plan: UncertainPlan, options: SensitivityOptions & { targets?: number[] } = {}): BreakEvenPoint[] {
  const ev = planEvaluator(plan, options);
  const targets = options.targets ?? [0, 2];
  const points: BreakEvenPoint[] = [];
  const steps = 4000;
  ev.inputs.forEach((x, k) => {
    const [a, b0] = searchRange(x);
    const fraction = x.compiled.support[0] >= 0 && x.compiled.support[1] <= 1;
    // Segments scanned in turn: the base range, then (not for fractions) up to 10, 100, 1000 times further.
    const segments: Array<[number, number]> = [[a, b0]];
    if (!fraction && b0 > 0) for (let m = 1; m <= 3; m += 1) segments.push([b0 * 10 ** (m - 1), b0 * 10 ** m]);
    const roots = (target: number, from: number, to: number): number | null => {
      let best: number | null = null;
      let x0 = from;
      let y0 = ev.withInput(k, x0) - target;
      for (let i = 1; i <= steps; i += 1) {
        const x1 = from + ((to - from) * i) / steps;
        const y1 = ev.withInput(k, x1) - target;
        if (Number.isFinite(y0) && Number.isFinite(y1) && y0 * y1 <= 0 && !(y0 === 0 && i > 1)) {
          let lo = x0;
          let hi = x1;
          let flo = y0;
          for (let it = 0; it < 80 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); it += 1) {
            const mid = (lo + hi) / 2;
            const fm = ev.withInput(k, mid) - target;
            if (fm === 0) {
              lo = hi = mid;
              break;
            }
            if (fm * flo < 0) hi = mid;
            else {
              lo = mid;
              flo = fm;
            }
          }
          const root = (lo + hi) / 2;
          if (best === null || Math.abs(root - x.compiled.base) < Math.abs(best - x.compiled.base)) best = root;
        }
        x0 = x1;
        y0 = y1;
      }
      return best;
    };
    for (const target of targets) {
      let best: number | null = null;
      let searched: [number, number] = [a, b0];
      for (const [from, to] of segments) {
        searched = [a, to];
        best = roots(target, from, to);
        if (best !== null) break;
      }
      points.push({
        name: x.name,
        path: x.path,
        base: x.compiled.base,
        target,
        value: best,
        percentile: best === null ? null : x.compiled.cdf(best),
        basePercentile: x.compiled.cdf(x.compiled.base),
        searched,
      });
    }
  });
  return points;
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
