import type { VisitsTable } from "./schemas";

/**
 * Days between consecutive workshop visits of the same customer (all visit types).
 *
 * @param visits - a visits table (any row order).
 * @returns one gap per pair of consecutive visits, in days (>= 0), grouped by customer.
 * @example
 * daysBetweenVisits(visits); // Float64Array [182, 35, 190, ...]
 */
export function daysBetweenVisits(visits: VisitsTable): Float64Array {
  const n = visits.length;
  const ids = visits.columns.customer_id;
  const days = visits.columns.date;
  const order = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => {
    const ia = ids[a] ?? "";
    const ib = ids[b] ?? "";
    return ia < ib ? -1 : ia > ib ? 1 : (days[a] ?? 0) - (days[b] ?? 0);
  });
  const gaps: number[] = [];
  for (let k = 1; k < n; k++) {
    const a = order[k - 1] ?? 0;
    const b = order[k] ?? 0;
    if (ids[a] === ids[b]) gaps.push((days[b] ?? 0) - (days[a] ?? 0));
  }
  return Float64Array.from(gaps);
}
