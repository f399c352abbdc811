import { FastRng } from "../../random/FastRng";
import type { RandomSource } from "../../random/RandomSource";
import { createCustomerState, drawCustomers, type CustomerState } from "./customerState";
import { createEventBuffers, type EventBuffers } from "./eventBuffers";
import { drawNetwork, type SynthNetwork } from "./network";
import type { SynthSettings } from "./settings";

/** The random streams of one block of customers. */
export interface SynthStreams {
  churn: RandomSource;
  visits: RandomSource;
  surveys: RandomSource;
  app: RandomSource;
  shock: RandomSource;
}

/** Everything the weekly loop of one block reads and writes. */
export interface SynthRun {
  settings: SynthSettings;
  net: SynthNetwork;
  state: CustomerState;
  events: EventBuffers;
  rng: SynthStreams;
  /** First day of burn-in. */
  origin: number;
  /** Whether the current week is inside the history (events are recorded). */
  recording: boolean;
  /** Day after the current week. */
  weekEnd: number;
  /** Constants derived once from the settings. */
  avoidDecay: number;
  innovationSd: number;
  shockInnovation: number;
  repairBase: number;
  repairPerYear: number;
  warrantyWeekly: number;
  accidentWeekly: number;
}

/**
 * Sets up one block of customers: the network, the block's customers and
 * its streams. Block `null` is the whole population of `synthesize` (the
 * streams `synth/customers`, `synth/churn`, ... of the seed, the network
 * drawn first from the customers stream). Block 0 of a streamed population
 * uses those same streams, so a population of one block is exactly the
 * in-memory one; block b >= 1 uses substreams `synth/<name>/range/<b>` and
 * the network of the seed's first customers draws.
 *
 * @param count customers in the block.
 * @example
 * createRun(resolveSynthSettings({ customers: 100, seed: 1 }), 100, null).state.n; // 100
 */
export function createRun(settings: SynthSettings, count: number, block: number | null): SynthRun {
  const seed = settings.seed;
  const stream = (name: string): RandomSource => (block === null || block === 0 ? new FastRng(seed, name) : new FastRng(seed, name, block)).uniform;
  const legacyCustomers = new FastRng(seed, "synth/customers").uniform;
  const net = drawNetwork(legacyCustomers);
  const customersRng = block === null || block === 0 ? legacyCustomers : stream("synth/customers");
  const state = createCustomerState(count);
  drawCustomers(state, customersRng, net, settings);
  const rng: SynthStreams = {
    churn: stream("synth/churn"),
    visits: stream("synth/visits"),
    surveys: stream("synth/surveys"),
    app: stream("synth/app"),
    shock: stream("synth/shock"),
  };
  const { fx, behaviour, weeks, every } = settings;
  const persistence = behaviour.appWeeklyPersistence;
  const chunkWeeks = block === null ? weeks : 1;
  return {
    settings,
    net,
    state,
    events: createEventBuffers(count * chunkWeeks, every > 0 ? Math.ceil((count * chunkWeeks) / every) : 16),
    rng,
    origin: settings.startDay - 7 * behaviour.burnInWeeks,
    recording: false,
    weekEnd: 0,
    avoidDecay: 0.5 ** (1 / behaviour.avoidanceHalfLifeWeeks),
    innovationSd: Math.sqrt(1 - persistence * persistence) * 0.8,
    shockInnovation: fx.shockSd * Math.sqrt(1 - fx.shockPersistence * fx.shockPersistence),
    repairBase: behaviour.repairsPerYearBase / 52,
    repairPerYear: behaviour.repairsPerYearPerVehicleYear / 52,
    warrantyWeekly: behaviour.warrantyPerYear / 52,
    accidentWeekly: behaviour.accidentsPerYear / 52,
  };
}
