import { defaultChurnEffects, type ChurnEffects } from "../churnEffects";
import { isoToDay, isoWeekday } from "../dates";
import { defaultSynthBehaviour, type SynthBehaviour } from "./behaviour";

/** Options of `synthesize` and `streamPopulation`. */
export interface SynthOptions {
  /** Number of customers, 1 .. 5,000,000 (the plan's network: 200,000). */
  customers: number;
  /** Master seed; every stream is derived from it by name (`synth/churn`, `synth/visits`, ...). */
  seed: number | string;
  /** First day of history, a Monday written YYYY-MM-DD (default "2024-01-01"). */
  startDate?: string;
  /** Weeks of history, 53 .. 520 (default 104, i.e. 24 months). */
  weeks?: number;
  /** Latent-risk snapshots every this many weeks (default 4); 0 writes none. */
  riskSnapshotEveryWeeks?: number;
  /** Overrides of the churn effect sizes (default {@link defaultChurnEffects}). */
  effects?: Partial<ChurnEffects>;
  /** Overrides of the behaviour parameters (default {@link defaultSynthBehaviour}). */
  behaviour?: Partial<SynthBehaviour>;
  /** Called after each simulated week (for a progress bar). */
  onProgress?: (weeksDone: number, weeks: number) => void;
}

/** Checked options with their defaults filled in. */
export interface SynthSettings {
  customers: number;
  seed: number | string;
  weeks: number;
  /** Latent-risk snapshot cadence in weeks (0: none). */
  every: number;
  /** First day of history and the day after the last (day numbers). */
  startDay: number;
  endDay: number;
  fx: ChurnEffects;
  behaviour: SynthBehaviour;
}

/** Largest population the generator accepts. */
const MAX_CUSTOMERS = 5_000_000;

/**
 * Checks a generator's options and fills in the defaults.
 *
 * @throws RangeError when customers, weeks, the snapshot cadence or burn-in are out of range or the start date is not a Monday.
 * @example
 * resolveSynthSettings({ customers: 10, seed: 1 }).weeks; // 104
 */
export function resolveSynthSettings(options: SynthOptions): SynthSettings {
  const n = options.customers;
  if (!Number.isInteger(n) || n < 1 || n > MAX_CUSTOMERS) throw new RangeError(`customers must be an integer 1..${MAX_CUSTOMERS}, got ${n}`);
  const weeks = options.weeks ?? 104;
  if (!Number.isInteger(weeks) || weeks < 53 || weeks > 520) throw new RangeError(`weeks must be an integer 53..520, got ${weeks}`);
  const every = options.riskSnapshotEveryWeeks ?? 4;
  if (!Number.isInteger(every) || every < 0) throw new RangeError(`riskSnapshotEveryWeeks must be an integer >= 0, got ${every}`);
  const startDay = isoToDay(options.startDate ?? "2024-01-01");
  if (Number.isNaN(startDay) || isoWeekday(startDay) !== 1) throw new RangeError(`startDate must be a Monday written YYYY-MM-DD, got ${options.startDate}`);
  const fx: ChurnEffects = { ...defaultChurnEffects, ...options.effects };
  const behaviour: SynthBehaviour = { ...defaultSynthBehaviour, ...options.behaviour };
  const burnIn = behaviour.burnInWeeks;
  if (!Number.isInteger(burnIn) || burnIn < 0 || burnIn % 4 !== 0) throw new RangeError(`burnInWeeks must be a multiple of 4 >= 0, got ${burnIn}`);
  return { customers: n, seed: options.seed, weeks, every, startDay, endDay: startDay + 7 * weeks, fx, behaviour };
}
