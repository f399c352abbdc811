/** A mean estimated from simulation runs, with and without a control variate. */
export interface ControlledMean {
  /** The estimate and its standard error (with the control variate when one was given, else the plain mean). */
  mean: number;
  se: number;
  /** The plain mean of the runs and its standard error. */
  naiveMean: number;
  naiveSe: number;
  /** The control's coefficient, its correlation with the runs, its known mean and that mean's standard error (NaN without a control). */
  beta: number;
  correlation: number;
  controlMean: number;
  controlSe: number;
}

/**
 * The mean of y with a control variate (Lavenberg & Welch 1981; Glasserman,
 * Monte Carlo Methods in Financial Engineering, §4.1): each run i has a
 * control value c_i whose mean μ is known (here: the aggregate view of the
 * same inputs, whose mean a large Monte Carlo run gives to within se_μ).
 * Estimate ȳ − β(c̄ − μ) with β = cov(y, c) / var(c); its variance is
 * var(y − βc) / n + β² se_μ². Non-finite pairs are left out. With no control
 * (`control` undefined or fewer than 3 runs) it is the plain mean.
 *
 * @example
 * controlledMean([1, 2, 3, 4], [1.1, 1.9, 3.2, 3.9], { mean: 2.5, se: 0 }).se // far below the plain se 0.645
 */
export function controlledMean(y: readonly number[], c: readonly number[], control: { mean: number; se: number } | undefined): ControlledMean {
  const pairs = y.map((v, i) => [v, c[i]!] as const).filter(([v, w]) => Number.isFinite(v) && Number.isFinite(w));
  const n = pairs.length;
  const meanOf = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ys = pairs.map((p) => p[0]);
  const cs = pairs.map((p) => p[1]);
  const my = n > 0 ? meanOf(ys) : Number.NaN;
  let syy = 0;
  let scc = 0;
  let syc = 0;
  const mc = n > 0 ? meanOf(cs) : Number.NaN;
  for (let i = 0; i < n; i += 1) {
    syy += (ys[i]! - my) ** 2;
    scc += (cs[i]! - mc) ** 2;
    syc += (ys[i]! - my) * (cs[i]! - mc);
  }
  const naiveSe = n > 1 ? Math.sqrt(syy / (n - 1) / n) : Number.NaN;
  const plain: ControlledMean = {
    mean: my,
    se: naiveSe,
    naiveMean: my,
    naiveSe,
    beta: Number.NaN,
    correlation: Number.NaN,
    controlMean: Number.NaN,
    controlSe: Number.NaN,
  };
  if (control === undefined || n < 3 || !(scc > 0)) return plain;
  const beta = syc / scc;
  const residual = Math.max(0, syy - 2 * beta * syc + beta * beta * scc) / (n - 1);
  return {
    mean: my - beta * (mc - control.mean),
    se: Math.sqrt(residual / n + beta * beta * control.se * control.se),
    naiveMean: my,
    naiveSe,
    beta,
    correlation: syy > 0 ? syc / Math.sqrt(syy * scc) : Number.NaN,
    controlMean: control.mean,
    controlSe: control.se,
  };
}
