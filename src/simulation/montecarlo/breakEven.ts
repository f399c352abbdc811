import type { UncertainInput, UncertainPlan } from "../inputs/uncertainPlan";
import { planEvaluator, type SensitivityOptions } from "./planEvaluator";

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
