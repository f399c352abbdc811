import { z } from "zod";
import { numericValues, textValues } from "./numberCells";
import type { Preprocessor, RawColumns } from "./preprocess";

/** How a feature was distributed on the training rows: bins (numbers) or levels (categories), with shares; the last share is "missing". */
export type FeatureProfile =
  | { name: string; kind: "numeric"; edges: number[]; shares: number[] }
  | { name: string; kind: "categorical"; levels: string[]; shares: number[] };

/** The zod schema of saved profiles (metadata.json's `trainingProfile`); a bad one is ignored with a warning by `score`. */
export const featureProfilesSchema = z.array(
  z.discriminatedUnion("kind", [
    z.strictObject({ name: z.string(), kind: z.literal("numeric"), edges: z.array(z.number()), shares: z.array(z.number().min(0).max(1)) }),
    z.strictObject({ name: z.string(), kind: z.literal("categorical"), levels: z.array(z.string()), shares: z.array(z.number().min(0).max(1)) }),
  ]),
);

/** Bin of a number against ascending edges: k when value <= edges[k] (first such), edges.length above the last; NaN is the last bin + 1. */
function numericBin(value: number, edges: readonly number[]): number {
  if (Number.isNaN(value)) return edges.length + 1;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= (edges[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bin counts of one column under a profile (the profile's bins, "(other)" levels and "missing" last), added to `counts`. */
function addCounts(counts: Float64Array, profile: FeatureProfile, column: RawColumns[string], rows?: ArrayLike<number>): void {
  const n = rows?.length ?? column.length;
  const at = (k: number): number => (rows === undefined ? k : (rows[k] as number));
  if (profile.kind === "numeric") {
    const values = numericValues(column);
    for (let k = 0; k < n; k++) {
      const j = numericBin(values[at(k)] as number, profile.edges);
      counts[j] = (counts[j] as number) + 1;
    }
  } else {
    const index = new Map(profile.levels.map((level, j) => [level, j]));
    const text = textValues(column);
    for (let k = 0; k < n; k++) {
      const cell = text[at(k)] as string;
      const j = cell === "" ? profile.levels.length + 1 : (index.get(cell) ?? profile.levels.length);
      counts[j] = (counts[j] as number) + 1;
    }
  }
}

/** Bin counts of one column under a profile, as shares. */
function sharesOf(profile: FeatureProfile, column: RawColumns[string], rows?: ArrayLike<number>): number[] {
  const n = rows?.length ?? column.length;
  const counts = new Float64Array(profile.shares.length);
  addCounts(counts, profile, column, rows);
  return Array.from(counts, (c) => (n === 0 ? 0 : c / n));
}

/**
 * Profiles of the model's input features on the training rows, for drift
 * checks when scoring: numbers in up to 10 bins at the training deciles (plus
 * "missing"), categories by level (up to 30 most frequent, "(other)" and
 * "missing").
 *
 * @param rows the training rows.
 * @example
 * featureProfiles(preprocessor, columns, trainRows)[0]; // { name: "tenure", kind: "numeric", edges: [2, 6, ...], shares: [0.1, ...] }
 */
export function featureProfiles(preprocessor: Preprocessor, columns: RawColumns, rows: ArrayLike<number>): FeatureProfile[] {
  return preprocessor.inputs.map((input): FeatureProfile => {
    const column = columns[input.name]!;
    if (input.kind === "numeric") {
      const all = numericValues(column);
      const values = Float64Array.from(rows, (r) => all[r] as number)
        .filter((v) => Number.isFinite(v))
        .sort();
      const deciles = values.length === 0 ? [] : Array.from({ length: 9 }, (_, d) => values[Math.floor(((d + 1) / 10) * (values.length - 1))] as number);
      const edges = [...new Set(deciles)];
      const profile: FeatureProfile = { name: input.name, kind: "numeric", edges, shares: new Array<number>(edges.length + 2).fill(0) };
      return { ...profile, shares: sharesOf(profile, column, rows) };
    }
    const text = textValues(column);
    const counts = new Map<string, number>();
    for (let k = 0; k < rows.length; k++) {
      const cell = text[rows[k] as number] as string;
      if (cell !== "") counts.set(cell, (counts.get(cell) ?? 0) + 1);
    }
    const levels = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 30)
      .map(([level]) => level);
    const profile: FeatureProfile = { name: input.name, kind: "categorical", levels, shares: new Array<number>(levels.length + 2).fill(0) };
    return { ...profile, shares: sharesOf(profile, column, rows) };
  });
}

/**
 * Fewest scored rows for a drift check: with 10 bins, fewer rows leave a bin a handful of rows and the index
 * mostly measures sampling noise (about (bins − 1)/n for an unshifted table: 0.09 at 100 rows, 0.018 at 500).
 */
export const driftMinimumRows = 500;

/** The population stability index of one feature, with its band. */
export interface FeatureDrift {
  feature: string;
  psi: number;
  /** "stable" below 0.1, "moderate" from 0.1, "major" from 0.25 (the usual credit-scoring bands; Siddiqi 2006). */
  band: "stable" | "moderate" | "major";
}

/**
 * The training profiles saved with a model (metadata.json's `trainingProfile`),
 * or undefined for a folder saved without them or with ones that do not parse.
 *
 * @example
 * savedProfiles(pipeline.metadata.trainingProfile)?.length; // the model's input features
 */
export function savedProfiles(trainingProfile: unknown): FeatureProfile[] | undefined {
  if (trainingProfile === undefined) return undefined;
  const parsed = featureProfilesSchema.safeParse(trainingProfile);
  return parsed.success ? parsed.data : undefined;
}

/** Drift counted batch by batch: `add` each batch of the scored table, then `result` (see {@link featureDrift}). */
export interface DriftAccumulator {
  add(columns: RawColumns): void;
  /** Rows added so far. */
  rows(): number;
  result(): FeatureDrift[];
}

/**
 * Population stability index of each profiled feature between the training
 * rows and a table scored in batches: bin counts are summed over the batches
 * (memory holds one count per bin), so the result equals {@link featureDrift}
 * of the whole table, to the bit.
 *
 * @example
 * const drift = driftAccumulator(profiles);
 * for (const batch of batches) drift.add(batch.columns);
 * drift.result(); // e.g. [{ feature: "recency_days", psi: 0.31, band: "major" }, ...]
 */
export function driftAccumulator(profiles: readonly FeatureProfile[]): DriftAccumulator {
  const counts = profiles.map((p) => new Float64Array(p.shares.length));
  const seen = profiles.map(() => false);
  let rows = 0;
  return {
    add(columns) {
      let batchRows = 0;
      profiles.forEach((profile, k) => {
        const column = columns[profile.name];
        if (column === undefined) return;
        addCounts(counts[k]!, profile, column);
        seen[k] = true;
        batchRows = column.length;
      });
      rows += batchRows;
    },
    rows: () => rows,
    result() {
      const out: FeatureDrift[] = [];
      profiles.forEach((profile, k) => {
        if (!seen[k]) return;
        const actual = Array.from(counts[k]!, (c) => (rows === 0 ? 0 : c / rows));
        out.push(psiOf(profile, actual));
      });
      return out.sort((a, b) => b.psi - a.psi);
    },
  };
}

/** PSI of one feature from its scored shares, floored at 0.0001 on both sides. */
function psiOf(profile: FeatureProfile, actual: readonly number[]): FeatureDrift {
  let psi = 0;
  profile.shares.forEach((e, k) => {
    const ee = Math.max(e, 1e-4);
    const aa = Math.max(actual[k] as number, 1e-4);
    psi += (aa - ee) * Math.log(aa / ee);
  });
  return { feature: profile.name, psi, band: psi >= 0.25 ? "major" : psi >= 0.1 ? "moderate" : "stable" };
}

/**
 * Population stability index of each profiled feature between the training
 * rows and a table to score: PSI = Σ (a − e) · ln(a / e) over the profile's
 * bins, e the training share and a the scored share, both floored at 0.0001
 * so an empty bin does not make it infinite. Most drifted first.
 *
 * @param columns the scored table's raw columns (a profiled column missing from it is skipped: scoring refuses it anyway).
 * @example
 * featureDrift(profiles, table.columns).filter((d) => d.band !== "stable"); // e.g. [{ feature: "recency_days", psi: 0.31, band: "major" }]
 */
export function featureDrift(profiles: readonly FeatureProfile[], columns: RawColumns): FeatureDrift[] {
  const drift = driftAccumulator(profiles);
  drift.add(columns);
  return drift.result();
}
