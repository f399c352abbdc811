import { normalQuantile } from "../random/index";

/** How the confidence band of a Kaplan–Meier curve is built from Greenwood's variance. */
export type ConfidenceType = "log" | "log-log" | "plain";

/** Options of {@link kaplanMeier}. */
export interface KaplanMeierOptions {
  /** Two-sided confidence level, 0 < level < 1 (default 0.95). */
  level?: number;
  /** Band transform (default "log", as R `survival::survfit`). */
  confType?: ConfidenceType;
}

/** A Kaplan–Meier survival curve: one entry per distinct event time, ascending. */
export interface KaplanMeierCurve {
  /** Distinct times with at least one event. */
  time: Float64Array;
  /** Number still at risk just before each time. */
  atRisk: Float64Array;
  /** Events at each time. */
  events: Float64Array;
  /** Survival probability just after each time, S(t). */
  survival: Float64Array;
  /** Greenwood standard error of S(t) (NaN once S(t) = 0). */
  stdErr: Float64Array;
  /** Lower and upper confidence limits of S(t), within 0..1. */
  lower: Float64Array;
  upper: Float64Array;
  /** Subjects in total, and events in total. */
  n: number;
  totalEvents: number;
}

/**
 * Row indices in increasing duration (stable for ties).
 * @throws RangeError naming the first duration that is negative or not finite, or event flag that is not 0/1.
 */
function durationOrder(durations: ArrayLike<number>, events: ArrayLike<number>): Uint32Array {
  const n = durations.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const t = durations[i] ?? NaN;
    const e = events[i];
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`duration ${i} must be finite and >= 0, got ${t}`);
    if (e !== 0 && e !== 1) throw new RangeError(`event ${i} must be 0 or 1, got ${e}`);
    order[i] = i;
  }
  order.sort((a, b) => (durations[a] ?? 0) - (durations[b] ?? 0));
  return order;
}

/** The unclamped confidence band [lo, hi] of survival s with standard error se and Greenwood sum greenwood, z the normal quantile. */
function confidenceBand(s: number, se: number, greenwood: number, z: number, confType: ConfidenceType): [number, number] {
  if (s === 0) return [0, 0];
  if (confType === "plain") return [s - z * se, s + z * se];
  if (confType === "log") {
    const w = z * Math.sqrt(greenwood);
    return [s * Math.exp(-w), s * Math.exp(w)];
  }
  if (s === 1) return [1, 1];
  const w = (z * Math.sqrt(greenwood)) / Math.log(s);
  return [s ** Math.exp(-w), s ** Math.exp(w)];
}

/**
 * The Kaplan–Meier (product-limit) estimate of a survival curve with
 * Greenwood's variance and a pointwise confidence band.
 *
 * S(t) = Π_{t_i ≤ t} (1 − d_i / n_i); Var[S(t)] = S(t)² Σ d_i / (n_i (n_i − d_i)) (Greenwood 1926).
 * Bands: "log" (default, R survfit): S·exp(±z·se/S); "log-log": S^exp(±z·se/(S·ln S));
 * "plain": S ± z·se; all clipped to 0..1. Subjects censored at an event time
 * count as at risk at that time (the usual convention).
 *
 * Reference: Kaplan & Meier (1958), JASA 53:457; Klein & Moeschberger,
 * Survival Analysis (2003), section 4.2, with the Freireich 6-MP data as worked example.
 *
 * @param durations - time to event or censoring, each finite and >= 0 (any unit: days, weeks).
 * @param events - 1 when the event (churn) was observed, 0 when censored; same length.
 * @param options - confidence level (default 0.95) and band transform (default "log").
 * @throws RangeError when lengths differ, a duration is negative or not finite, an event flag is not 0/1, or level is outside (0, 1).
 * @example
 * // 6-MP arm of Freireich et al. (1963): S(6) = 18/21 = 0.857, S(23) = 0.448
 * kaplanMeier([6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35],
 *             [1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).survival[0]; // 0.857142...
 */
export function kaplanMeier(durations: ArrayLike<number>, events: ArrayLike<number>, options: KaplanMeierOptions = {}): KaplanMeierCurve {
  const n = durations.length;
  if (events.length !== n) throw new RangeError(`durations and events differ in length (${n} vs ${events.length})`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const confType = options.confType ?? "log";
  const order = durationOrder(durations, events);
  const z = normalQuantile(1 - (1 - level) / 2);
  const time: number[] = [];
  const atRisk: number[] = [];
  const eventCounts: number[] = [];
  const survival: number[] = [];
  const stdErr: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  let s = 1;
  let greenwood = 0;
  let remaining = n;
  let totalEvents = 0;
  let k = 0;
  while (k < n) {
    const t = durations[order[k] ?? 0] ?? 0;
    let d = 0;
    let m = 0;
    while (k < n && durations[order[k] ?? 0] === t) {
      d += events[order[k] ?? 0] ?? 0;
      m++;
      k++;
    }
    if (d > 0) {
      s *= 1 - d / remaining;
      greenwood += remaining > d ? d / (remaining * (remaining - d)) : Infinity;
      const se = s > 0 ? s * Math.sqrt(greenwood) : NaN;
      const [lo, hi] = confidenceBand(s, se, greenwood, z, confType);
      time.push(t);
      atRisk.push(remaining);
      eventCounts.push(d);
      survival.push(s);
      stdErr.push(se);
      lower.push(Math.min(1, Math.max(0, lo)));
      upper.push(Math.min(1, Math.max(0, hi)));
      totalEvents += d;
    }
    remaining -= m;
  }
  return {
    time: Float64Array.from(time),
    atRisk: Float64Array.from(atRisk),
    events: Float64Array.from(eventCounts),
    survival: Float64Array.from(survival),
    stdErr: Float64Array.from(stdErr),
    lower: Float64Array.from(lower),
    upper: Float64Array.from(upper),
    n,
    totalEvents,
  };
}

/**
 * Reads a Kaplan–Meier curve at a time: the step function's value (1 before the first event time).
 *
 * @param curve - from {@link kaplanMeier}.
 * @param t - time in the curve's unit.
 * @example
 * survivalAt(kaplanMeier([1, 2], [1, 1]), 1.5); // 0.5
 */
export function survivalAt(curve: KaplanMeierCurve, t: number): number {
  let value = 1;
  for (let i = 0; i < curve.time.length && (curve.time[i] ?? Infinity) <= t; i++) value = curve.survival[i] ?? value;
  return value;
}
