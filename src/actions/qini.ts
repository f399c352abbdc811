/** One customer of a randomised test: their targeting score, arm and outcome. */
export interface ExperimentRecord {
  /** The ranking score (higher = contact first). */
  score: number;
  /** In the treated (contacted) arm. */
  treated: boolean;
  /** Churned during the follow-up. */
  churned: boolean;
}

/** A Qini curve: incremental retained customers against the number targeted. */
export interface QiniCurve {
  /** Customers targeted (prefix of the score ranking, whole tie groups), starting at 0. */
  targeted: number[];
  /** targeted / all customers, 0..1. */
  fraction: number[];
  /** Qini value at each point: incremental customers retained by treatment in the prefix. */
  qini: number[];
  /** Area between the curve and the random-targeting diagonal, in customers (x as a fraction 0..1). */
  coefficient: number;
}

/**
 * The Qini curve of a ranking evaluated on a randomised test (Radcliffe,
 * "Using control groups to target on predicted lift", Direct Marketing
 * Analytics Journal, 2007). Customers are sorted by score (highest first,
 * tied scores as one group); for the top k,
 *
 *   Q(k) = R_T(k) − R_C(k) · N_T(k) / N_C(k)
 *
 * where R counts "responses" — here RETAINED customers (not churned) — and N
 * counts customers, per arm (T treated, C control); Q is 0 while N_C(k) = 0.
 * Equivalently Q(k) = C_C(k)·N_T(k)/N_C(k) − C_T(k) with C the churners: the
 * churners the contact prevented among the treated in the top k. The
 * coefficient is the trapezoid area under Q against the fraction targeted
 * minus the area under the straight line to Q(N) (random targeting).
 *
 * @param records test customers (any order).
 * @throws RangeError when a score is NaN.
 * @example
 * qiniCurve([
 *   { score: 4, treated: true, churned: false }, { score: 3, treated: false, churned: true },
 *   { score: 2, treated: true, churned: true },  { score: 1, treated: false, churned: false },
 * ]); // qini [0, 0, 1, 1, 0], coefficient 0.5
 * // k=2: 1 − 0·1/1 = 1; k=3: 1 − 0·2/1 = 1; k=4: 1 − 1·2/2 = 0; area 0.5 − 0/2
 */
export function qiniCurve(records: readonly ExperimentRecord[]): QiniCurve {
  for (const r of records) if (Number.isNaN(r.score)) throw new RangeError("qiniCurve: a score is NaN");
  const sorted = [...records].sort((a, b) => b.score - a.score);
  const n = sorted.length;
  const targeted = [0];
  const qini = [0];
  let nt = 0;
  let nc = 0;
  let rt = 0;
  let rc = 0;
  let i = 0;
  while (i < n) {
    const score = sorted[i]!.score;
    while (i < n && sorted[i]!.score === score) {
      const r = sorted[i]!;
      if (r.treated) {
        nt++;
        if (!r.churned) rt++;
      } else {
        nc++;
        if (!r.churned) rc++;
      }
      i++;
    }
    targeted.push(i);
    qini.push(nc === 0 ? 0 : rt - (rc * nt) / nc);
  }
  const fraction = targeted.map((k) => (n === 0 ? 0 : k / n));
  let area = 0;
  for (let j = 1; j < fraction.length; j++)
    area += (((qini[j] as number) + (qini[j - 1] as number)) / 2) * ((fraction[j] as number) - (fraction[j - 1] as number));
  const last = qini[qini.length - 1] as number;
  return { targeted, fraction, qini, coefficient: n === 0 ? 0 : area - last / 2 };
}

/** Uplift of one segment estimated from a randomised test. */
export interface SegmentUplift {
  segment: string;
  treated: number;
  control: number;
  churnTreated: number;
  churnControl: number;
  /** churnControl − churnTreated: churn probability removed by contact (NaN when an arm is empty). */
  uplift: number;
  /** Standard error of the difference of two proportions (Wald). */
  standardError: number;
}

/**
 * Uplift per segment from a randomised test (treated vs control churn): the
 * difference of churn rates with its Wald standard error
 * sqrt(pc(1−pc)/nc + pt(1−pt)/nt). Segments in first-appearance order.
 *
 * @example
 * upliftBySegment([{ segment: "a", treated: true, churned: false }, { segment: "a", treated: false, churned: true }])[0].uplift; // 1
 */
export function upliftBySegment(records: ReadonlyArray<{ segment: string; treated: boolean; churned: boolean }>): SegmentUplift[] {
  const groups = new Map<string, { nt: number; nc: number; ct: number; cc: number }>();
  for (const r of records) {
    const g = groups.get(r.segment) ?? { nt: 0, nc: 0, ct: 0, cc: 0 };
    if (r.treated) {
      g.nt++;
      if (r.churned) g.ct++;
    } else {
      g.nc++;
      if (r.churned) g.cc++;
    }
    groups.set(r.segment, g);
  }
  return [...groups.entries()].map(([segment, g]) => {
    const pt = g.nt === 0 ? NaN : g.ct / g.nt;
    const pc = g.nc === 0 ? NaN : g.cc / g.nc;
    return {
      segment,
      treated: g.nt,
      control: g.nc,
      churnTreated: pt,
      churnControl: pc,
      uplift: pc - pt,
      standardError: Math.sqrt((pc * (1 - pc)) / g.nc + (pt * (1 - pt)) / g.nt),
    };
  });
}
