import { checkScoresAndLabels } from "./checkInputs";

/** One group (decile by default) of a lift table, highest scores first. */
export interface LiftRow {
  /** 1 = highest-scored group. */
  group: number;
  count: number;
  positives: number;
  /** Positive rate within the group. */
  rate: number;
  /** rate / overall positive rate. */
  lift: number;
  /** Share of all rows in this and the higher groups. */
  cumulativeShare: number;
  /** Share of all positives captured by this and the higher groups (cumulative gain). */
  cumulativeGain: number;
  /** cumulativeGain / cumulativeShare. */
  cumulativeLift: number;
  /** Lowest and highest score in the group. */
  minScore: number;
  maxScore: number;
}

/**
 * Lift and cumulative gain by score group: rows sorted by score, highest
 * first (ties in input order), cut into `groups` groups of sizes differing by
 * at most one (row k goes to group ⌊k·groups/n⌋ + 1). The standard
 * "gains chart" of direct marketing (e.g. Linoff & Berry, Data Mining
 * Techniques, ch. 5).
 *
 * @param scores finite ranking scores; labels 0/1 of the same length.
 * @param groups number of groups, integer 1..n (default 10, deciles).
 * @returns one row per group; lift is NaN when there are no positives.
 * @throws RangeError on bad inputs or a group count outside 1..n (n ≥ 1).
 * @example
 * liftTable([0.9, 0.8, 0.2, 0.1], [1, 0, 0, 0], 2)[0].lift; // 2
 */
export function liftTable(scores: ArrayLike<number>, labels: ArrayLike<number>, groups = 10): LiftRow[] {
  const positives = checkScoresAndLabels("liftTable", scores, labels);
  const n = scores.length;
  if (!Number.isInteger(groups) || groups < 1 || groups > n) throw new RangeError(`liftTable: groups must be an integer 1..${n}, got ${groups}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const overall = positives / n;
  const rows: LiftRow[] = [];
  let cumCount = 0;
  let cumPos = 0;
  let k = 0;
  for (let g = 0; g < groups; g++) {
    const end = Math.floor(((g + 1) * n) / groups);
    let count = 0;
    let pos = 0;
    let minScore = Infinity;
    let maxScore = -Infinity;
    for (; k < end; k++) {
      const i = order[k] as number;
      const s = scores[i] as number;
      count++;
      pos += labels[i] as number;
      minScore = Math.min(minScore, s);
      maxScore = Math.max(maxScore, s);
    }
    cumCount += count;
    cumPos += pos;
    const rate = pos / count;
    const cumulativeShare = cumCount / n;
    const cumulativeGain = positives === 0 ? NaN : cumPos / positives;
    rows.push({
      group: g + 1,
      count,
      positives: pos,
      rate,
      lift: positives === 0 ? NaN : rate / overall,
      cumulativeShare,
      cumulativeGain,
      cumulativeLift: cumulativeGain / cumulativeShare,
      minScore,
      maxScore,
    });
  }
  return rows;
}
