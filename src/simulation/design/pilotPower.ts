import { type RandomSource, sampleBinomial, standardNormalCdf, standardNormalQuantile } from "../../random/index";

/**
 * Customers per group a two-proportion comparison needs (Fleiss, Levin &
 * Paik, "Statistical Methods for Rates and Proportions", 3rd ed., 2003,
 * eq. 4.14): n = [z_α √(2 p̄ q̄) + z_β √(p₁q₁ + p₂q₂)]² / (p₁ − p₂)², with
 * p̄ the mean of the two, z_α the (1 − α/sides) normal quantile and z_β the
 * power's; with `continuityCorrection`, n' = n/4 · (1 + √(1 + 4 / (n |p₁ − p₂|)))²
 * (eq. 4.19). Rounded up.
 *
 * @throws RangeError when a proportion is outside (0, 1), they are equal, or alpha / power are outside (0, 1).
 * @example
 * twoProportionSampleSize(0.2, 0.3, 0.05, 0.8) // 294 (293.15 rounded up; R's power.prop.test gives 293.0)
 * twoProportionSampleSize(0.2, 0.3, 0.05, 0.8, { continuityCorrection: true }) // 313
 */
export function twoProportionSampleSize(
  p1: number,
  p2: number,
  alpha: number,
  power: number,
  options: { sides?: 1 | 2; continuityCorrection?: boolean } = {},
): number {
  for (const [name, p] of [
    ["p1", p1],
    ["p2", p2],
  ] as const)
    if (!(p > 0 && p < 1)) throw new RangeError(`${name} must be in (0, 1), got ${p}`);
  if (p1 === p2) throw new RangeError("the two proportions must differ");
  if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) throw new RangeError(`alpha and power must be in (0, 1), got ${alpha} and ${power}`);
  const za = standardNormalQuantile(1 - alpha / (options.sides ?? 2));
  const zb = standardNormalQuantile(power);
  const bar = (p1 + p2) / 2;
  const d = Math.abs(p1 - p2);
  const n = (za * Math.sqrt(2 * bar * (1 - bar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (d * d);
  const corrected = options.continuityCorrection === true ? (n / 4) * (1 + Math.sqrt(1 + 4 / (n * d))) ** 2 : n;
  return Math.ceil(corrected - 1e-9);
}

/** One stratum (tier) of a pilot with a randomised hold-out: group sizes and true churn rates within the follow-up. */
export interface PilotStratum {
  /** Flagged customers contacted (treated) and held out (control). */
  treated: number;
  control: number;
  /** Share of the held-out churning within the follow-up (the tier's baseline). */
  controlChurn: number;
  /** The tier's save rate: the treated churn at controlChurn × (1 − saveRate). */
  saveRate: number;
}

/**
 * The pooled save rate a pilot estimates and its standard error: ŝ = 1 − T / C,
 * T and C the treated and control churn rates pooled over the strata with
 * weights w_k ∝ treated + control (so the estimate is the programme's save
 * rate on its flagged population), delta method on the log ratio:
 * Var(ŝ) ≈ (T/C)² [Var(T)/T² + Var(C)/C²], Var(T) = Σ w_k² t_k(1 − t_k)/n_Tk,
 * Var(C) = Σ w_k² c_k(1 − c_k)/n_Ck.
 *
 * @throws RangeError when a stratum has no treated or no control customers.
 * @example
 * pooledSaveRate([{ treated: 1000, control: 1000, controlChurn: 0.2, saveRate: 0.5 }]) // { saveRate: 0.5, se: 0.0570 } (0.5 × √(0.9/100 + 0.8/200))
 */
export function pooledSaveRate(strata: readonly PilotStratum[]): { saveRate: number; se: number } {
  const total = strata.reduce((s, x) => s + x.treated + x.control, 0);
  let T = 0;
  let C = 0;
  let varT = 0;
  let varC = 0;
  for (const x of strata) {
    if (!(x.treated >= 1 && x.control >= 1)) throw new RangeError(`every stratum needs treated and control customers, got ${x.treated} and ${x.control}`);
    const w = (x.treated + x.control) / total;
    const c = x.controlChurn;
    const t = c * (1 - x.saveRate);
    T += w * t;
    C += w * c;
    varT += (w * w * t * (1 - t)) / x.treated;
    varC += (w * w * c * (1 - c)) / x.control;
  }
  const ratio = T / C;
  return { saveRate: 1 - ratio, se: ratio * Math.sqrt((T > 0 ? varT / (T * T) : 0) + varC / (C * C)) };
}

/** The gate's decision lines on the measured save rate: go above `goLine`, redesign (stop) below `stopLine`. */
export interface SaveRateLines {
  goLine: number;
  stopLine: number;
}

/**
 * P(the measured save rate ŝ = 1 − T/C is above `line`) when every
 * stratum's true save rate is `rate` (undefined: each stratum's own): ŝ > line ⇔ T − (1 − line)·C < 0, a
 * sum of independent, nearly normal churn shares, so P = Φ(−μ / σ) with
 * μ = E[T] − (1 − line)E[C] and σ² = Var T + (1 − line)² Var C (the
 * ratio is not linearised: Fieller's approach, Fieller 1954, J. R. Stat.
 * Soc. B 16, more accurate than the delta method when the control churn is
 * small).
 *
 * @example
 * probSaveRateAbove([{ treated: 400, control: 400, controlChurn: 0.2, saveRate: 0.5 }], 0.4, 0.5) // 0.147 (binomial simulation: 0.140)
 */
export function probSaveRateAbove(strata: readonly PilotStratum[], rate: number | undefined, line: number): number {
  const total = strata.reduce((s, x) => s + x.treated + x.control, 0);
  const r = 1 - line;
  let mu = 0;
  let v = 0;
  for (const x of strata) {
    const w = (x.treated + x.control) / total;
    const c = x.controlChurn;
    const t = c * (1 - (rate ?? x.saveRate));
    mu += w * (t - r * c);
    v += (w * w * t * (1 - t)) / x.treated + (r * r * w * w * c * (1 - c)) / x.control;
  }
  return v > 0 ? standardNormalCdf(-mu / Math.sqrt(v)) : mu < 0 ? 1 : 0;
}

/**
 * The save-rate gate's error rates for a pilot ({@link probSaveRateAbove}):
 * false go = P(ŝ > goLine) when every stratum's true save rate is
 * `badRate` (a programme at the redesign line); false stop = P(ŝ <
 * stopLine) when it is `goodRate`; power = P(ŝ > goLine) at `goodRate`.
 *
 * @example
 * saveRateErrorRates(strata, { goLine: 0.5, stopLine: 0.4 }, 0.4, 0.6) // { falseGo: 0.042, falseStop: 0.00003, power: 0.98 } for the seed plan's 39-week pilot
 */
export function saveRateErrorRates(
  strata: readonly PilotStratum[],
  lines: SaveRateLines,
  badRate: number,
  goodRate: number,
): { falseGo: number; falseStop: number; power: number } {
  return {
    falseGo: probSaveRateAbove(strata, badRate, lines.goLine),
    falseStop: 1 - probSaveRateAbove(strata, goodRate, lines.stopLine),
    power: probSaveRateAbove(strata, goodRate, lines.goLine),
  };
}

/**
 * The same error rates by brute force: `replications` pilots with binomial
 * churn counts in every arm (treated at c(1 − s), control at c), the pooled
 * save rate measured as the pilot would, and the share of them that go
 * (ŝ > goLine) or stop (ŝ < stopLine), with binomial standard errors.
 *
 * @example
 * simulateSaveRateErrors(createStream(1, "pilot"), strata, { goLine: 0.5, stopLine: 0.4 }, 0.4, 0.6, 20000).falseGo.value // ≈ saveRateErrorRates(...).falseGo
 */
export function simulateSaveRateErrors(
  rng: RandomSource,
  strata: readonly PilotStratum[],
  lines: SaveRateLines,
  badRate: number,
  goodRate: number,
  replications: number,
): { falseGo: { value: number; se: number }; falseStop: { value: number; se: number } } {
  const total = strata.reduce((s, x) => s + x.treated + x.control, 0);
  const measure = (rate: number): number => {
    let T = 0;
    let C = 0;
    for (const x of strata) {
      const w = (x.treated + x.control) / total;
      T += (w * sampleBinomial(rng, x.treated, x.controlChurn * (1 - rate))) / x.treated;
      C += (w * sampleBinomial(rng, x.control, x.controlChurn)) / x.control;
    }
    return C > 0 ? 1 - T / C : Number.NEGATIVE_INFINITY;
  };
  let go = 0;
  let stop = 0;
  for (let r = 0; r < replications; r += 1) {
    if (measure(badRate) > lines.goLine) go += 1;
    if (measure(goodRate) < lines.stopLine) stop += 1;
  }
  const est = (k: number): { value: number; se: number } => ({
    value: k / replications,
    se: Math.sqrt(((k / replications) * (1 - k / replications)) / replications),
  });
  return { falseGo: est(go), falseStop: est(stop) };
}

/**
 * The uplift of one tier a pilot estimates (control churn − treated churn)
 * with its standard error √(c(1 − c)/n_C + t(1 − t)/n_T) and 95% interval.
 *
 * @example
 * upliftInterval({ treated: 400, control: 400, controlChurn: 0.3, saveRate: 0.5 }) // { uplift: 0.15, se: 0.0290, lower: 0.093, upper: 0.207 }
 */
export function upliftInterval(x: PilotStratum): { uplift: number; se: number; lower: number; upper: number } {
  const c = x.controlChurn;
  const t = c * (1 - x.saveRate);
  const se = Math.sqrt((c * (1 - c)) / x.control + (t * (1 - t)) / x.treated);
  const z = standardNormalQuantile(0.975);
  return { uplift: c - t, se, lower: c - t - z * se, upper: c - t + z * se };
}
