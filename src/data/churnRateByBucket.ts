/** Churn rate of one bucket of a signal, with a Wilson 95% interval. */
export interface BucketRate {
  /** Label: "< 90", "90–180", "≥ 365", or the category; "missing" for NaN values. */
  label: string;
  /** Customers in the bucket, and how many churned. */
  customers: number;
  churners: number;
  /** churners / customers (NaN for an empty bucket). */
  rate: number;
  /** Wilson score 95% interval of the rate. */
  lower: number;
  upper: number;
}

/**
 * Wilson score interval of a proportion.
 *
 * Reference: Wilson (1927), JASA 22:209; Agresti & Coull (1998).
 *
 * @param successes - 0..trials.
 * @param trials - >= 0 (0 gives NaN bounds).
 * @param z - normal quantile (default 1.959964, 95%).
 * @example
 * wilsonInterval(5, 10); // { lower: 0.2366, upper: 0.7634 } (to 4 decimals)
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959963984540054): { lower: number; upper: number } {
  if (trials === 0) return { lower: NaN, upper: NaN };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

function formatEdge(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

/**
 * Churn rate per bucket of a numeric signal: buckets are `< e0`, `e0–e1`, ...,
 * `≥ ek` for ascending edges (left-closed). NaN values form a last "missing" bucket
 * (only when present).
 *
 * @param values - the signal per customer.
 * @param churned - 1 when the customer churned (same length).
 * @param edges - strictly ascending finite bucket edges (at least one).
 * @throws RangeError when lengths differ or edges are not strictly ascending finite numbers.
 * @example
 * churnRateByBucket([10, 100, 400, 500], [0, 0, 1, 0], [90, 365]).map((b) => b.rate); // [0, 0, 0.5]
 */
export function churnRateByBucket(values: ArrayLike<number>, churned: ArrayLike<number>, edges: readonly number[]): BucketRate[] {
  if (values.length !== churned.length) throw new RangeError(`values and churned differ in length (${values.length} vs ${churned.length})`);
  if (edges.length === 0) throw new RangeError("edges must not be empty");
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k] ?? NaN;
    if (!Number.isFinite(e) || (k > 0 && e <= (edges[k - 1] ?? -Infinity))) throw new RangeError("edges must be strictly ascending finite numbers");
  }
  const buckets = edges.length + 1;
  const count = new Float64Array(buckets + 1);
  const churn = new Float64Array(buckets + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    let b: number;
    if (Number.isNaN(v)) b = buckets;
    else {
      b = 0;
      while (b < edges.length && v >= (edges[b] ?? Infinity)) b++;
    }
    count[b] = (count[b] ?? 0) + 1;
    churn[b] = (churn[b] ?? 0) + (churned[i] === 1 ? 1 : 0);
  }
  const labels: string[] = [];
  labels.push(`< ${formatEdge(edges[0] ?? 0)}`);
  for (let k = 1; k < edges.length; k++) labels.push(`${formatEdge(edges[k - 1] ?? 0)}–${formatEdge(edges[k] ?? 0)}`);
  labels.push(`≥ ${formatEdge(edges[edges.length - 1] ?? 0)}`);
  const out: BucketRate[] = [];
  for (let b = 0; b <= buckets; b++) {
    const customers = count[b] ?? 0;
    if (b === buckets && customers === 0) break;
    const churners = churn[b] ?? 0;
    out.push({
      label: b === buckets ? "missing" : (labels[b] ?? ""),
      customers,
      churners,
      rate: customers === 0 ? NaN : churners / customers,
      ...wilsonInterval(churners, customers),
    });
  }
  return out;
}

/**
 * Churn rate per category (e.g. segment), categories in first-seen order unless given.
 *
 * @example
 * churnRateByCategory(["a", "b", "a"], [1, 0, 0]).map((b) => [b.label, b.rate]); // [["a", 0.5], ["b", 0]]
 */
export function churnRateByCategory(values: readonly string[], churned: ArrayLike<number>, order?: readonly string[]): BucketRate[] {
  if (values.length !== churned.length) throw new RangeError(`values and churned differ in length (${values.length} vs ${churned.length})`);
  const stats = new Map<string, [number, number]>();
  for (const c of order ?? []) stats.set(c, [0, 0]);
  values.forEach((v, i) => {
    const s = stats.get(v) ?? [0, 0];
    s[0]++;
    if (churned[i] === 1) s[1]++;
    stats.set(v, s);
  });
  return [...stats.entries()].map(([label, [customers, churners]]) => ({
    label,
    customers,
    churners,
    rate: customers === 0 ? NaN : churners / customers,
    ...wilsonInterval(churners, customers),
  }));
}
