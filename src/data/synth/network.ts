import { sampleNormal } from "../../random/normal";
import type { RandomSource } from "../../random/RandomSource";

/** Cities of the synthetic network: name, outlet code, number of outlets, share of customers. */
export const cities: ReadonlyArray<readonly [name: string, code: string, outlets: number, weight: number]> = [
  ["Shanghai", "SH", 6, 0.24],
  ["Hangzhou", "HZ", 4, 0.16],
  ["Nanjing", "NJ", 4, 0.14],
  ["Suzhou", "SZ", 3, 0.12],
  ["Ningbo", "NB", 3, 0.1],
  ["Hefei", "HF", 3, 0.1],
  ["Wuxi", "WX", 2, 0.08],
  ["Changzhou", "CZ", 2, 0.06],
];
/** Share of customers in each segment (economy, midsize, premium). */
export const segmentWeights = [0.45, 0.38, 0.17];
/** Vehicle models of each segment (two each). */
export const vehicleModels: readonly (readonly string[])[] = [
  ["Aurora S", "Breeze"],
  ["Meridian", "Vista"],
  ["Zenith", "Apex GT"],
];
/** Median spend (yuan) of a maintenance visit by segment; repairs and accidents scale from it. */
export const maintenanceSpendMedian = [420, 650, 1300];
/** Median wait (hours) by visit type. */
export const waitMedianHours = [2.5, 16, 20, 72];
/** Standard deviation of the log wait by visit type. */
export const waitSdLog = [0.55, 0.7, 0.6, 0.5];

/** The outlets of the network and their drawn traits (shared by every block of customers). */
export interface SynthNetwork {
  /** Outlet ids ("SH01", ...), grouped by city in {@link cities} order. */
  outletNames: string[];
  /** Index of each city's first outlet in `outletNames`. */
  cityFirstOutlet: number[];
  /** Wait multiplier of each outlet (lognormal around 1). */
  outletSlowness: Float64Array;
  /** Probability that a repair at the outlet needs a repeat visit. */
  outletRepeatRate: Float64Array;
  /** Cumulative city weights, for drawing a customer's city. */
  cityCdf: number[];
}

/**
 * Draws the outlets' slowness and repeat-repair rates: two draws per outlet
 * from `rng`, in outlet order (the first draws of the `synth/customers`
 * stream, so every block of customers sees the same network).
 *
 * @example
 * drawNetwork(new FastRng(42, "synth/customers").uniform).outletNames.length; // 27
 */
export function drawNetwork(rng: RandomSource): SynthNetwork {
  const outletNames: string[] = [];
  const cityFirstOutlet: number[] = [];
  for (const [, code, count] of cities) {
    cityFirstOutlet.push(outletNames.length);
    for (let k = 1; k <= count; k++) outletNames.push(`${code}${String(k).padStart(2, "0")}`);
  }
  const outletSlowness = new Float64Array(outletNames.length);
  const outletRepeatRate = new Float64Array(outletNames.length);
  for (let o = 0; o < outletNames.length; o++) {
    outletSlowness[o] = Math.exp(sampleNormal(rng, 0, 0.3));
    outletRepeatRate[o] = 0.05 + 0.15 * rng();
  }
  const cityCdf: number[] = [];
  cities.reduce((acc, c) => {
    cityCdf.push(acc + c[3]);
    return acc + c[3];
  }, 0);
  return { outletNames, cityFirstOutlet, outletSlowness, outletRepeatRate, cityCdf };
}
