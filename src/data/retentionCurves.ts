import { kaplanMeier, type KaplanMeierCurve, type KaplanMeierOptions } from "./kaplanMeier";

/** A Kaplan–Meier retention curve of one group of customers. */
export interface GroupCurve {
  name: string;
  curve: KaplanMeierCurve;
}

/**
 * Kaplan–Meier retention curves per group (cohort, segment, city): time is
 * days from the start of history to the churn date, censored at the end of
 * history for customers who never churned.
 *
 * @param churnDates - churn day per customer (NaN when still a customer), e.g. `truth.columns.churn_date`.
 * @param groups - group label per customer (same length).
 * @param startDay - first day of history; every churn date must be >= it.
 * @param endDay - day after the last day of history (censoring time = endDay − startDay).
 * @param options - confidence level and band type, and `order` of the groups (default: sorted labels).
 * @throws RangeError when lengths differ, endDay <= startDay, or a churn date falls outside the history.
 * @example
 * retentionCurves(truth.columns.churn_date, customers.columns.segment, startDay, endDay).map((g) => g.name); // ["economy", "midsize", "premium"]
 */
export function retentionCurves(
  churnDates: ArrayLike<number>,
  groups: readonly string[],
  startDay: number,
  endDay: number,
  options: KaplanMeierOptions & { order?: readonly string[] } = {},
): GroupCurve[] {
  if (churnDates.length !== groups.length) throw new RangeError(`churnDates and groups differ in length (${churnDates.length} vs ${groups.length})`);
  if (!(endDay > startDay)) throw new RangeError(`endDay must be after startDay, got ${startDay}..${endDay}`);
  const byGroup = new Map<string, { durations: number[]; events: number[] }>();
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? "";
    const churn = churnDates[i] ?? NaN;
    if (!Number.isNaN(churn) && (churn < startDay || churn >= endDay)) throw new RangeError(`churn date ${churn} of customer ${i} is outside the history`);
    const entry = byGroup.get(group) ?? { durations: [], events: [] };
    entry.durations.push(Number.isNaN(churn) ? endDay - startDay : churn - startDay);
    entry.events.push(Number.isNaN(churn) ? 0 : 1);
    byGroup.set(group, entry);
  }
  const names = options.order ? options.order.filter((g) => byGroup.has(g)) : [...byGroup.keys()].sort();
  const kmOptions: KaplanMeierOptions = {};
  if (options.level !== undefined) kmOptions.level = options.level;
  if (options.confType !== undefined) kmOptions.confType = options.confType;
  return names.map((name) => {
    const entry = byGroup.get(name) ?? { durations: [], events: [] };
    return { name, curve: kaplanMeier(entry.durations, entry.events, kmOptions) };
  });
}
